package main

import "context"

// One fetch at a time: right answers, fail-fast for free, but never parallel. The driver sees
// at most one fetch in flight.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	out := make([]Response, len(urls))
	for i, u := range urls {
		resp, err := fetch(ctx, u)
		if err != nil {
			return nil, err
		}
		out[i] = resp
	}
	return out, nil
}

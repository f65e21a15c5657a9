package main

import (
	"context"
	"sync"
)

// Bounded and ordered, remembers the first error, but never cancels anything: after a failure
// every remaining URL is still fetched and the ones in flight run to the end. The right error
// comes back, late, and the driver's counters are not zero.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	out := make([]Response, len(urls))
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i, u := range urls {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			resp, err := fetch(ctx, u)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = err
				}
				return
			}
			out[i] = resp
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return out, nil
}

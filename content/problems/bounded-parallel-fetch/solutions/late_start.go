package main

import (
	"context"
	"sync"
)

// Cancels on the first error, but the launch loop only waits for a free slot and never looks
// at the context: after the failure it keeps handing URLs to fetch "because fetch will return
// at once anyway". Each of those is a fetch started after the batch had failed.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]Response, len(urls))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, u := range urls {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			resp, err := fetch(ctx, u)
			if err != nil {
				cancel(err)
				return
			}
			out[i] = resp
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

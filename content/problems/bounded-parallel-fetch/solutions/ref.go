package main

import (
	"context"
	"sync"
)

// min(limit, n) workers range over a channel of indices that the caller feeds and closes. The
// first fetch to fail cancels the shared context with its error as the cause, in the same
// goroutine, before anything else can run: the feeder stops, in-flight fetches see ctx.Done(),
// and a worker that receives an index after that skips it. wg.Wait means no worker outlives
// the call; context.Cause carries the first failure (or the parent's deadline) out.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	responses := make([]Response, len(urls))
	indices := make(chan int)
	var wg sync.WaitGroup
	for range min(limit, len(urls)) {
		wg.Go(func() {
			for i := range indices {
				if ctx.Err() != nil {
					continue // the batch has failed: drain without starting anything
				}
				resp, err := fetch(ctx, urls[i])
				if err != nil {
					cancel(err) // only the first cause is kept
					continue
				}
				responses[i] = resp
			}
		})
	}
feed:
	for i := range urls {
		select {
		case indices <- i: // a free worker takes the next URL
		case <-ctx.Done():
			break feed
		}
	}
	close(indices)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return responses, nil
}

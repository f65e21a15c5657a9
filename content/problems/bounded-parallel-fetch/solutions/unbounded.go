package main

import (
	"context"
	"sync"
)

// A goroutine per URL and no limit: every bank gets hit at once. Cancellation is right, the
// bound is missing, and the driver sees more than `limit` fetches in flight.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]Response, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() {
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

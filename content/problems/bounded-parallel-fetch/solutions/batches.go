package main

import (
	"context"
	"sync"
)

// Fetches in batches of `limit` and waits for the whole batch before starting the next: the
// bound holds and cancellation works, but every batch waits for its slowest bank while the
// other slots sit idle, so the run takes longer than a pool that refills each slot at once.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]Response, len(urls))
	for lo := 0; lo < len(urls) && ctx.Err() == nil; lo += limit {
		var wg sync.WaitGroup
		for i := lo; i < min(lo+limit, len(urls)); i++ {
			wg.Go(func() {
				resp, err := fetch(ctx, urls[i])
				if err != nil {
					cancel(err)
					return
				}
				out[i] = resp
			})
		}
		wg.Wait()
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

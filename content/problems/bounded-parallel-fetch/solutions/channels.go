package main

import (
	"context"
	"sync"
)

// Another accepted shape: a feeder goroutine, a fixed pool, an outcomes channel closed by a
// closer goroutine, and the caller collecting. Everything it starts has exited once the
// outcomes channel is closed, so nothing outlives the call.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type outcome struct {
		i    int
		resp Response
		err  error
	}
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range urls {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	outcomes := make(chan outcome)
	var wg sync.WaitGroup
	for w := 0; w < limit && w < len(urls); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				resp, err := fetch(ctx, urls[i])
				if err != nil {
					cancel(err) // stop the others before anything else can start; first cause wins
				}
				outcomes <- outcome{i, resp, err} // the caller reads until close: never stuck
			}
		}()
	}
	go func() {
		wg.Wait()
		close(outcomes)
	}()

	out := make([]Response, len(urls))
	for o := range outcomes {
		out[o.i] = o.resp
	}
	// The first failure, or the parent's deadline; not the "context canceled" the others saw.
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

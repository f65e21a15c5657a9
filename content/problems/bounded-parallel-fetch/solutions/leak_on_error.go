package main

import "context"

// Returns as soon as the first error arrives. The workers still in flight are cancelled and
// then block forever sending their outcome on a channel nobody reads: a leak on every failure.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		i    int
		resp Response
		err  error
	}
	indices := make(chan int, len(urls))
	for i := range urls {
		indices <- i
	}
	close(indices)
	outcomes := make(chan outcome)
	for range min(limit, len(urls)) {
		go func() {
			for i := range indices {
				if ctx.Err() != nil {
					return
				}
				resp, err := fetch(ctx, urls[i])
				outcomes <- outcome{i, resp, err}
			}
		}()
	}
	out := make([]Response, len(urls))
	for range urls {
		o := <-outcomes
		if o.err != nil {
			return nil, o.err // the other workers are stuck on their send
		}
		out[o.i] = o.resp
	}
	return out, nil
}

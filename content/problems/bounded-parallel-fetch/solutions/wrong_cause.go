package main

import (
	"context"
	"sync"
)

// Cancels correctly, then reports the error of the lowest index. But the URLs in flight when
// the batch failed were cancelled, so a lower index usually holds "context canceled", not the
// bank's error that caused it.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]Response, len(urls))
	errs := make([]error, len(urls))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
loop:
	for i, u := range urls {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			out[i], errs[i] = fetch(ctx, u)
			if errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return out, nil
}

package main

import (
	"context"
	"sync"
)

// The everyday shape: a buffered channel as a semaphore, a goroutine per URL started only once
// a slot is free, a mutex around the first error, and a cancel func to stop the others.
func fetchAll(ctx context.Context, urls []string, limit int,
	fetch func(context.Context, string) (Response, error)) ([]Response, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]Response, len(urls))
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup

	for i := 0; i < len(urls); i++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			resp, err := fetch(ctx, urls[i])
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
					cancel()
				}
				mu.Unlock()
				return
			}
			results[i] = resp
		}(i)
	}
	wg.Wait()

	if firstErr != nil {
		return nil, firstErr
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return results, nil
}

package main

import "sync"

// A semaphore acquired inside the goroutine: never more than `workers` calls in flight, but all
// len(jobs) goroutines exist at once, parked on the semaphore. The spawning side is unbounded,
// which the driver's goroutine count catches on the large tests.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	results := make([]Result, len(jobs))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = process(j)
		})
	}
	wg.Wait()
	return results
}

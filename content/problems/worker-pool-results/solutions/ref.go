package main

import "sync"

// A fixed pool: the caller feeds job indices into a channel it owns and closes; each of the
// `workers` goroutines ranges over it and writes the result into the slot of its index, so
// the output is in input order without any reordering. wg.Wait is both the "every worker has
// returned" guarantee (no leak) and the happens-before edge that makes the writes visible.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	results := make([]Result, len(jobs))
	indices := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) { // idle workers would only be started to exit again
		wg.Go(func() {
			for i := range indices {
				results[i] = process(jobs[i])
			}
		})
	}
	for i := range jobs {
		indices <- i // blocks until a worker is free: a free worker takes the next job
	}
	close(indices) // the owner closes: the workers' range loops end
	wg.Wait()
	return results
}

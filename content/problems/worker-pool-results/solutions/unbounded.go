package main

import "sync"

// A goroutine per job and no limit: every payout hits the bank at once. The driver sees more
// calls in flight than workers.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	results := make([]Result, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { results[i] = process(j) })
	}
	wg.Wait()
	return results
}

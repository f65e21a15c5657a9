package main

import "sync"

// A correct pool that appends results as they arrive: completion order, not input order.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	in := make(chan Job)
	out := make(chan Result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range in {
				out <- process(j)
			}
		})
	}
	go func() {
		for _, j := range jobs {
			in <- j
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	var results []Result
	for r := range out {
		results = append(results, r)
	}
	return results
}

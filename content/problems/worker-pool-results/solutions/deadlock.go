package main

import "sync"

// Unbuffered channels and the caller sends every job before it reads any result: once each
// worker holds a finished result it blocks on its send, the caller blocks on the next job, and
// with more jobs than workers nobody can move. The runtime aborts: all goroutines are asleep.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	type done struct {
		i int
		r Result
	}
	in := make(chan int)
	out := make(chan done)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range in {
				out <- done{i, process(jobs[i])}
			}
		})
	}
	for i := range jobs {
		in <- i
	}
	close(in)
	results := make([]Result, len(jobs))
	for range jobs {
		d := <-out
		results[d.i] = d.r
	}
	wg.Wait()
	return results
}

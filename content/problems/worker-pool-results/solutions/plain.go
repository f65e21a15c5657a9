package main

import "sync"

// The textbook shape: a buffered jobs channel filled up front, a results channel, and a
// closer goroutine; results carry their index and are put back in order at the end.
type indexedResult struct {
	index  int
	result Result
}

func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	jobsCh := make(chan int, len(jobs))
	resultsCh := make(chan indexedResult, len(jobs))
	for i := 0; i < len(jobs); i++ {
		jobsCh <- i
	}
	close(jobsCh)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobsCh {
				resultsCh <- indexedResult{i, process(jobs[i])}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(resultsCh)
	}()

	collected := map[int]Result{}
	for r := range resultsCh {
		collected[r.index] = r.result
	}
	out := []Result{}
	for i := 0; i < len(jobs); i++ {
		out = append(out, collected[i])
	}
	return out
}

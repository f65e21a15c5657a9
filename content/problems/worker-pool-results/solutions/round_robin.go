package main

import "sync"

// Deals the jobs out in advance: worker w gets jobs w, w+workers, w+2·workers, ... Bounded,
// ordered and leak-free, but a worker stuck behind a slow payout keeps its backlog while the
// others sit idle, so the run takes longer than a pool with a shared queue.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	results := make([]Result, len(jobs))
	var wg sync.WaitGroup
	for w := range min(workers, len(jobs)) {
		wg.Go(func() {
			for i := w; i < len(jobs); i += workers {
				results[i] = process(jobs[i])
			}
		})
	}
	wg.Wait()
	return results
}

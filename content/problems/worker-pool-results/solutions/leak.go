package main

// Reads exactly len(jobs) results and returns, but never closes the jobs channel: every worker
// stays parked in its range loop forever. A goroutine leak per call.
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	type done struct {
		i int
		r Result
	}
	in := make(chan int, len(jobs))
	out := make(chan done, len(jobs))
	for range workers {
		go func() {
			for i := range in {
				out <- done{i, process(jobs[i])}
			}
		}()
	}
	for i := range jobs {
		in <- i
	}
	results := make([]Result, len(jobs))
	for range jobs {
		d := <-out
		results[d.i] = d.r
	}
	return results // forgot close(in)
}

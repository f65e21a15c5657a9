package main

// No pool at all: one call at a time. The values and the order are right, but only one call is
// ever in flight, so the driver rejects it (and it takes workers times too long).
func processAll(jobs []Job, workers int, process func(Job) Result) []Result {
	results := make([]Result, len(jobs))
	for i, j := range jobs {
		results[i] = process(j)
	}
	return results
}

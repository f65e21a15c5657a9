// Driver for processAll: parses "n workers" and n jobs "id amount latency", calls the learner's
// function (in solution.go) with a fake bank call that sleeps the job's latency in virtual time,
// checks the pool's contract, then prints one "id fee" line per returned result.
//
// Contract violations go to stderr as one line and exit with status 3 (a runtime error):
// more calls in flight than workers, too many goroutines, a job processed twice or never, a pool
// that never fills, a schedule slower than a busy pool, goroutines still alive after the return.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

// Job is one payout to send to the bank.
type Job struct {
	ID        int   // unique, in no particular order
	Amount    int64 // in cents
	LatencyMs int   // how long the bank takes to answer this payout (virtual milliseconds)
}

// Result is the bank's answer for one payout.
type Result struct {
	ID  int   // the job's ID
	Fee int64 // in cents
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(3)
}

// makespan is how long a pool of k workers takes when every worker that becomes free at once
// takes the next job in input order (list scheduling): the finish time of the last job.
func makespan(jobs []Job, k int) int64 {
	if len(jobs) == 0 {
		return 0
	}
	k = min(k, len(jobs))
	free := make([]int64, k) // a min-heap of the times the workers become free
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			if r := l + 1; r < k && free[r] < free[l] {
				l = r
			}
			if free[i] <= free[l] {
				return
			}
			free[i], free[l] = free[l], free[i]
			i = l
		}
	}
	for _, j := range jobs {
		free[0] += int64(j.LatencyMs) // the earliest free worker takes the next job
		down(0)
	}
	var end int64
	for _, f := range free {
		end = max(end, f)
	}
	return end
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	readInt := func() int64 {
		c, err := r.ReadByte()
		for err == nil && (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			c, err = r.ReadByte()
		}
		var n int64
		for err == nil && c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
			c, err = r.ReadByte()
		}
		return n
	}
	n, workers := int(readInt()), int(readInt())
	jobs := make([]Job, n)
	index := make(map[int]int, n)
	for i := range jobs {
		jobs[i] = Job{ID: int(readInt()), Amount: readInt(), LatencyMs: int(readInt())}
		index[jobs[i].ID] = i
	}

	// The fake bank call. The judge runs Go on one thread, so the mutex is never contended;
	// it is there so that the driver is also correct on a real multi-core machine.
	var mu sync.Mutex
	inFlight, peak := 0, 0
	calls := make([]int, n)
	maxGoroutines := workers + 4 // the caller, the workers and at most three helpers
	process := func(j Job) Result {
		i, ok := index[j.ID]
		mu.Lock()
		if !ok {
			fail("process called with unknown job id %d", j.ID)
		}
		if calls[i]++; calls[i] > 1 {
			fail("job %d was processed twice", j.ID)
		}
		inFlight++
		peak = max(peak, inFlight)
		if inFlight > workers {
			fail("%d calls in flight at once, but workers = %d", inFlight, workers)
		}
		mu.Unlock()
		time.Sleep(time.Duration(j.LatencyMs) * time.Millisecond) // the bank is thinking
		if g := runtime.NumGoroutine(); g > maxGoroutines {
			fail("%d goroutines alive during the run; a pool of %d workers needs at most %d", g, workers, maxGoroutines)
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		return Result{ID: j.ID, Fee: 25 + j.Amount*29/1000}
	}

	start := time.Now()
	results := processAll(jobs, workers, process)
	elapsed := time.Since(start).Milliseconds()

	for i, c := range calls {
		if c == 0 {
			fail("job %d was never processed", jobs[i].ID)
		}
	}
	if want := min(workers, n); peak != want {
		fail("at most %d calls were in flight at once; %d workers over %d jobs must reach %d", peak, workers, n, want)
	}
	// Virtual time is exact up to one microsecond per clock reading, so allow 2% + 20 ms.
	best := makespan(jobs, workers)
	if limit := best + best/50 + 20; elapsed > limit {
		fail("took %d ms of virtual time; a pool of %d workers that never idles while jobs wait takes %d ms", elapsed, workers, best)
	}
	time.Sleep(5 * time.Second) // longer than any job: give finishing goroutines time to exit
	if g := runtime.NumGoroutine(); g != 1 {
		fail("leak: %d goroutines still running after processAll returned", g-1)
	}

	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, res := range results {
		fmt.Fprintf(w, "%d %d\n", res.ID, res.Fee)
	}
}

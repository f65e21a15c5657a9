// Driver for fetchAll: parses "n limit deadline" and n lines "url latency status balance",
// calls the learner's function (in solution.go) with a fake fetch that waits `latency` virtual
// milliseconds (or until its context is done), checks the contract, and prints either "ok" and
// one "url balance" line per response, or the returned error and two counters that must be 0.
//
// Contract violations go to stderr as one line and exit with status 3 (a runtime error): more
// fetches in flight than the limit, a pool that never fills, a slow schedule, a goroutine still
// alive when fetchAll returns.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// Response is one account's balance as reported by its bank.
type Response struct {
	URL     string
	Balance int64 // in cents
}

type endpoint struct {
	latencyMs int
	status    int // 200 = success; anything else fails with an error after latencyMs
	balance   int64
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(3)
}

// makespan is how long `limit` fetches at a time take when a new fetch starts the moment one
// finishes, in input order (the earliest free slot takes the next URL).
func makespan(lat []int, limit int) int64 {
	if len(lat) == 0 {
		return 0
	}
	k := min(limit, len(lat))
	free := make([]int64, k) // a min-heap of the times the slots become free
	for _, l := range lat {
		free[0] += int64(l)
		for i := 0; ; { // sift down
			c := 2*i + 1
			if c >= k {
				break
			}
			if c+1 < k && free[c+1] < free[c] {
				c++
			}
			if free[i] <= free[c] {
				break
			}
			free[i], free[c] = free[c], free[i]
			i = c
		}
	}
	var end int64
	for _, f := range free {
		end = max(end, f)
	}
	return end
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	word := func() string {
		c, err := r.ReadByte()
		for err == nil && (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			c, err = r.ReadByte()
		}
		var b []byte
		for err == nil && c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			b = append(b, c)
			c, err = r.ReadByte()
		}
		return string(b)
	}
	num := func() int64 {
		v, _ := strconv.ParseInt(word(), 10, 64)
		return v
	}
	n, limit, deadline := int(num()), int(num()), num()
	urls := make([]string, n)
	lat := make([]int, n)
	byURL := make(map[string]endpoint, n)
	for i := range urls {
		urls[i] = word()
		e := endpoint{latencyMs: int(num()), status: int(num()), balance: num()}
		lat[i] = e.latencyMs
		byURL[urls[i]] = e
	}

	parent, stop := context.Background(), context.CancelFunc(func() {})
	if deadline > 0 {
		parent, stop = context.WithTimeout(parent, time.Duration(deadline)*time.Millisecond)
	}
	defer stop()

	// The judge runs Go on one thread, so the mutex is never contended; it is there so that
	// the driver is also correct on a real multi-core machine.
	var mu sync.Mutex
	inFlight, peak := 0, 0
	failed := false // a fetch has returned its own (non-context) error
	startedAfter, finishedAfter := 0, 0
	fetch := func(ctx context.Context, url string) (Response, error) {
		e, ok := byURL[url]
		mu.Lock()
		if !ok {
			fail("fetch called with unknown url %q", url)
		}
		if failed || ctx.Err() != nil || parent.Err() != nil {
			startedAfter++ // the batch has already failed: this fetch should not have started
		}
		inFlight++
		peak = max(peak, inFlight)
		if inFlight > limit {
			fail("%d fetches in flight at once, but limit = %d", inFlight, limit)
		}
		mu.Unlock()
		defer func() {
			mu.Lock()
			inFlight--
			mu.Unlock()
		}()
		select {
		case <-time.After(time.Duration(e.latencyMs) * time.Millisecond):
		case <-ctx.Done():
			return Response{}, ctx.Err() // cancelled while waiting for the bank
		}
		mu.Lock()
		defer mu.Unlock()
		if failed || parent.Err() != nil {
			finishedAfter++ // ran to the end although the batch had failed: not cancelled
		}
		if e.status != 200 {
			failed = true
			return Response{}, errors.New("GET " + url + ": status " + strconv.Itoa(e.status))
		}
		return Response{URL: url, Balance: e.balance}, nil
	}

	start := time.Now()
	responses, err := fetchAll(parent, urls, limit, fetch)
	elapsed := time.Since(start).Milliseconds()

	if g := runtime.NumGoroutine(); g != 1 {
		fail("leak: %d goroutines still running when fetchAll returned", g-1)
	}
	if want := min(limit, n); peak != want {
		fail("at most %d fetches were in flight at once; limit %d over %d urls must reach %d", peak, limit, n, want)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	if err != nil {
		fmt.Fprintf(w, "error: %v\nstarted after failure: %d\nfinished after failure: %d\n", err, startedAfter, finishedAfter)
		return
	}
	// Virtual time is exact up to one microsecond per clock reading, so allow 2% + 20 ms.
	if best := makespan(lat, limit); elapsed > best+best/50+20 {
		fail("took %d ms of virtual time; %d fetches at a time, each started as soon as a slot frees, take %d ms", elapsed, limit, best)
	}
	w.WriteString("ok\n")
	for _, resp := range responses {
		fmt.Fprintf(w, "%s %d\n", resp.URL, resp.Balance)
	}
}

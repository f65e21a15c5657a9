// Driver for the read-through cache: parses a workload (merchants with the behaviour of each
// loader attempt, goroutines with their timed Gets), builds one Cache with NewCache(loader), runs
// every goroutine's Gets at their virtual times, and prints what each goroutine saw, how often
// the loader ran per merchant and the peak number of loads in flight at once.
//
// A goroutine still alive after every Get has returned is a contract violation: one line on
// stderr and exit status 3 (a runtime error). Everything else is printed and compared.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// Config is one merchant's configuration as the config service returns it.
type Config struct {
	Merchant string
	FeeBps   int64 // fee in basis points
	Version  int64 // which loader call produced it: 1 for the first call for this merchant, ...
}

// LoadError is the loader's failure: attempt is the loader call (1, 2, ...) for that merchant.
type LoadError struct {
	Merchant string
	Attempt  int64
}

func (e *LoadError) Error() string {
	return "config service: load " + e.Merchant + " (attempt " + strconv.FormatInt(e.Attempt, 10) + "): unavailable"
}

type attempt struct {
	latencyMs int64
	ok        bool
}

type op struct {
	atMs int64
	key  string
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(3)
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

	k, g := int(num()), int(num())
	keys := make([]string, k)
	plans := make(map[string][]attempt, k)
	fees := make(map[string]int64, k)
	for i := range keys {
		keys[i] = word()
		fees[keys[i]] = 10 + int64(i)%290
		m := int(num())
		plan := make([]attempt, m)
		for j := range plan {
			plan[j].latencyMs = num()
			plan[j].ok = word() == "ok"
		}
		plans[keys[i]] = plan
	}
	work := make([][]op, g)
	for i := range work {
		n := int(num())
		work[i] = make([]op, n)
		for j := range work[i] {
			work[i][j].atMs = num()
			work[i][j].key = word()
		}
	}

	// The judge runs Go on one thread, so this mutex is never contended; it keeps the driver
	// correct on a real multi-core machine too.
	var mu sync.Mutex
	calls := make(map[string]int64, k)
	inFlight, peak := 0, 0
	loader := func(merchant string) (Config, error) {
		mu.Lock()
		plan, ok := plans[merchant]
		if !ok {
			fail("loader called with unknown merchant %q", merchant)
		}
		calls[merchant]++
		n := calls[merchant]
		a := plan[min(int(n), len(plan))-1] // past the plan, the last attempt repeats
		inFlight++
		peak = max(peak, inFlight)
		mu.Unlock()

		time.Sleep(time.Duration(a.latencyMs) * time.Millisecond) // the slow config service

		mu.Lock()
		inFlight--
		mu.Unlock()
		if !a.ok {
			return Config{}, &LoadError{Merchant: merchant, Attempt: n}
		}
		return Config{Merchant: merchant, FeeBps: fees[merchant], Version: n}, nil
	}

	cache := NewCache(loader)
	seen := make([][]string, g)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range work {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := make([]string, 0, len(work[i]))
			for _, o := range work[i] {
				if d := time.Until(start.Add(time.Duration(o.atMs) * time.Millisecond)); d > 0 {
					time.Sleep(d)
				}
				t0 := time.Now()
				v, err := cache.Get(o.key)
				// Virtual time is exact up to a microsecond per clock reading: round to 50 ms.
				wait := (time.Since(t0).Milliseconds() + 25) / 50 * 50
				var res string
				var le *LoadError
				switch {
				case err != nil && errors.As(err, &le) && le.Merchant == o.key:
					res = "err" + strconv.FormatInt(le.Attempt, 10)
				case err != nil:
					res = "error(" + err.Error() + ")"
				case v.Merchant != o.key:
					res = "wrong-merchant(" + v.Merchant + ")"
				case v.FeeBps != fees[o.key]:
					res = "wrong-fee(" + strconv.FormatInt(v.FeeBps, 10) + ")"
				default:
					res = "v" + strconv.FormatInt(v.Version, 10)
				}
				out = append(out, o.key+"="+res+"("+strconv.FormatInt(wait, 10)+")")
			}
			seen[i] = out
		}()
	}
	wg.Wait()
	time.Sleep(time.Second) // give stray goroutines a chance to finish before counting them
	if n := runtime.NumGoroutine(); n != 1 {
		fail("leak: %d goroutines still running a second after every Get returned", n-1)
	}

	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for i, out := range seen {
		w.WriteString("g" + strconv.Itoa(i+1) + ":")
		for _, s := range out {
			w.WriteString(" " + s)
		}
		w.WriteString("\n")
	}
	w.WriteString("loads:")
	for _, key := range keys {
		w.WriteString(" " + key + "=" + strconv.FormatInt(calls[key], 10))
	}
	w.WriteString("\npeak " + strconv.Itoa(peak) + "\n")
}

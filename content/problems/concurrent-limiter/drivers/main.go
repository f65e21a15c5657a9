// Driver for the in-flight limiter: parses "max g" and g goroutine lines of attempts
// "at hold mode", builds one Limiter with NewLimiter(max), and runs every goroutine's attempts
// at their virtual times: mode a calls TryAcquire, holds the slot for `hold` ms and calls Release;
// modes o, e and p call TryDo with a function that holds for `hold` ms and then returns nil,
// returns an error, or panics. It prints each goroutine's outcomes, the peak number of holders,
// and what Release does on an idle limiter.
//
// Contract violations go to stderr as one line and exit with status 3 (a runtime error): more
// holders than max, InFlight() disagreeing with the number of holders, a TryAcquire or TryDo that
// waits instead of failing at once, a goroutine still running at the end.
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

type attempt struct {
	atMs, holdMs int64
	mode         byte
}

var errDeclined = errors.New("processor: card declined")

type processorCrash struct{} // the value the driver's f panics with

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
	maxInFlight, g := num(), int(num())
	work := make([][]attempt, g)
	for i := range work {
		work[i] = make([]attempt, num())
		for j := range work[i] {
			work[i][j] = attempt{atMs: num(), holdMs: num(), mode: word()[0]}
		}
	}

	l := NewLimiter(maxInFlight)
	// The judge runs Go on one thread, so this mutex is never contended; it keeps the driver
	// correct on a real multi-core machine, where the InFlight checks would need a quiet moment.
	var mu sync.Mutex
	var holders, peak int64
	deciding := map[int]time.Time{} // goroutines inside TryAcquire or TryDo that have not decided yet
	blocked := func() {
		// A slot taken by a goroutine still inside TryAcquire means it waited for a release.
		for _, t0 := range deciding {
			if d := time.Since(t0); d > time.Millisecond {
				fail("a TryAcquire or TryDo call waited %d ms for a slot: it must decide at once and never block", d.Milliseconds())
			}
		}
	}
	enter := func(what string) {
		mu.Lock()
		defer mu.Unlock()
		holders++
		peak = max(peak, holders)
		if holders > maxInFlight {
			fail("%s admitted a holder while %d were already in flight, but max = %d", what, holders-1, maxInFlight)
		}
		if n := l.InFlight(); n != holders {
			blocked()
			fail("InFlight() = %d right after %s admitted, but %d holders are in flight", n, what, holders)
		}
	}
	leave := func() {
		mu.Lock()
		holders--
		mu.Unlock()
	}
	check := func(after string) {
		mu.Lock()
		defer mu.Unlock()
		if n := l.InFlight(); n != holders {
			blocked()
			fail("InFlight() = %d after %s, but %d holders are in flight", n, after, holders)
		}
	}
	begin := func(g int) time.Time {
		t0 := time.Now()
		mu.Lock()
		deciding[g] = t0
		mu.Unlock()
		return t0
	}
	quick := func(g int, call string, t0 time.Time) {
		mu.Lock()
		delete(deciding, g)
		mu.Unlock()
		if d := time.Since(t0); d > time.Millisecond {
			fail("%s waited %d ms: it must decide at once and never block", call, d.Milliseconds())
		}
	}

	seen := make([][]byte, g)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range work {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := make([]byte, 0, len(work[i]))
			for _, a := range work[i] {
				if d := time.Until(start.Add(time.Duration(a.atMs) * time.Millisecond)); d > 0 {
					time.Sleep(d)
				}
				hold := time.Duration(a.holdMs) * time.Millisecond
				if a.mode == 'a' {
					t0 := begin(i)
					ok := l.TryAcquire()
					quick(i, "TryAcquire", t0)
					if !ok {
						check("a rejected TryAcquire")
						out = append(out, 'R')
						continue
					}
					enter("TryAcquire")
					time.Sleep(hold)
					leave()
					l.Release()
					check("Release")
					out = append(out, 'A')
					continue
				}
				out = append(out, tryDo(l, a, hold, enter, leave, check,
					func() time.Time { return begin(i) },
					func(call string, t0 time.Time) { quick(i, call, t0) }))
			}
			seen[i] = out
		}()
	}
	wg.Wait()
	time.Sleep(time.Second)
	if n := runtime.NumGoroutine(); n != 1 {
		fail("leak: %d goroutines still running a second after the last attempt", n-1)
	}

	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for i, out := range seen {
		w.WriteString("g" + strconv.Itoa(i+1) + ": " + string(out) + "\n")
	}
	w.WriteString("peak " + strconv.FormatInt(peak, 10) + "\n")
	w.WriteString("in flight at the end " + strconv.FormatInt(l.InFlight(), 10) + "\n")
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		l.Release()
		return false
	}()
	if panicked {
		w.WriteString("release when idle: panic")
	} else {
		w.WriteString("release when idle: no panic")
	}
	w.WriteString(", in flight " + strconv.FormatInt(l.InFlight(), 10) + "\n")
}

// tryDo runs one TryDo attempt and returns its outcome: A (ran, nil), E (ran, the error came
// back), P (ran, the panic reached the caller), R (rejected); anything else is a wrong answer.
func tryDo(l *Limiter, a attempt, hold time.Duration, enter func(string), leave func(), check func(string),
	begin func() time.Time, quick func(string, time.Time)) (tok byte) {
	ranF := false
	t0 := begin()
	defer func() {
		if rec := recover(); rec != nil {
			if _, ok := rec.(processorCrash); !ok || a.mode != 'p' {
				panic(rec)
			}
			check("TryDo's f panicked")
			tok = 'P'
		}
	}()
	ran, err := l.TryDo(func() error {
		quick("TryDo before running f", t0)
		ranF = true
		enter("TryDo")
		time.Sleep(hold)
		leave()
		switch a.mode {
		case 'e':
			return errDeclined
		case 'p':
			panic(processorCrash{})
		}
		return nil
	})
	switch {
	case ran != ranF:
		quick("TryDo", t0)
		return '?' // reported ran=true without running f, or the other way round
	case !ran:
		quick("a rejected TryDo", t0)
		check("a rejected TryDo")
		return 'R'
	}
	check("TryDo returned")
	switch {
	case a.mode == 'p':
		return 'S' // the panic was swallowed
	case a.mode == 'e' && errors.Is(err, errDeclined):
		return 'E'
	case a.mode == 'o' && err == nil:
		return 'A'
	}
	return '?'
}

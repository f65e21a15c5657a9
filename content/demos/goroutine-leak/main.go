// A goroutine leak on a request path, its fix, and shutdown.
//
// Requests arrive at -rate per second. Each handler starts a goroutine for a
// slow call and waits for its result at most 5 ms. The buggy version sends
// the result on an unbuffered channel and only watches the *server's*
// context, so when the handler has already timed out nobody will ever
// receive: the goroutine, and the result it holds, stay until the server
// shuts down. At -fix_after_ms the fix ships (a buffer of one, or watching
// the request's context). Traffic stops at 3.5 s; then the server context is
// cancelled and the leaked goroutines finally exit.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

const (
	timeout     = 5 * time.Millisecond  // the handler's budget
	fastCall    = 1 * time.Millisecond  // most calls
	slowCall    = 15 * time.Millisecond // the slow ones, well past the budget
	trafficFor  = 3500 * time.Millisecond
	settleFor   = 300 * time.Millisecond
	shutdownFor = 600 * time.Millisecond
	tick        = 100 * time.Millisecond
)

var mem = []metrics.Sample{
	{Name: "/memory/classes/heap/objects:bytes"},
	{Name: "/memory/classes/heap/stacks:bytes"},
}

var (
	timeouts atomic.Int64
	served   atomic.Int64
	sink     atomic.Int64
)

// handle serves one request. fix is "" for the buggy version.
func handle(srv context.Context, fix string, slow bool, payload int) {
	req, cancel := context.WithTimeout(srv, timeout)
	defer cancel()

	buffer := 0
	if fix == "buffered" {
		buffer = 1 // the goroutine can always deposit its result and exit
	}
	results := make(chan []byte, buffer)
	watch := srv // the bug: the helper watches the server's lifetime, not the request's
	if fix == "request-context" {
		watch = req
	}
	call := fastCall
	if slow {
		call = slowCall
	}
	go func() {
		body := make([]byte, payload) // the result the caller is waiting for
		for i := 0; i < len(body); i += 512 {
			body[i] = byte(i)
		}
		select {
		case <-time.After(call):
		case <-watch.Done():
			return
		}
		select {
		case results <- body:
		case <-watch.Done():
		}
	}()

	select {
	case body := <-results:
		sink.Add(int64(len(body)))
		served.Add(1)
	case <-req.Done():
		timeouts.Add(1) // we return; is anyone left holding a send?
	}
}

func main() {
	rate := flag.Int("rate", 1000, "requests per second")
	slowPct := flag.Int("slow_pct", 30, "percent of calls slower than the timeout")
	payloadKiB := flag.Int("payload_kib", 8, "size of each call's result")
	fix := flag.String("fix", "buffered", "buffered | request-context")
	fixAfter := flag.Int("fix_after_ms", 1500, "when the fix ships")
	flag.Parse()
	if *fix != "buffered" && *fix != "request-context" {
		fmt.Fprintln(os.Stderr, "fix must be buffered or request-context")
		os.Exit(2)
	}

	announceRuntime()

	srv, shutdown := context.WithCancel(context.Background())
	defer shutdown()
	var fixed atomic.Bool
	start := time.Now()

	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() { // sampler
		defer close(stopped)
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				metrics.Read(mem)
				x := float64(now.Sub(start).Milliseconds())
				sample("goroutines", x, map[string]float64{
					"goroutines": float64(runtime.NumGoroutine()), "timeouts": float64(timeouts.Load())})
				sample("memory", x, map[string]float64{
					"heap":   float64(mem[0].Value.Uint64()) / (1 << 20),
					"stacks": float64(mem[1].Value.Uint64()) / (1 << 20)})
			}
		}
	}()

	base := runtime.NumGoroutine()
	note("buggy handler: unbuffered result channel, helper goroutine watches the server context; %d req/s, %d %% of calls take %v against a %v timeout",
		*rate, *slowPct, slowCall, timeout)

	// Traffic: a request every 1/rate, each handled in its own goroutine.
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	payload := *payloadKiB * 1024
	fixAt := time.Duration(*fixAfter) * time.Millisecond
	leakedAtFix := -1
	interval := time.Second / time.Duration(*rate)
	sent := 0
	for {
		elapsed := time.Since(start)
		if elapsed >= trafficFor {
			break
		}
		if leakedAtFix < 0 && elapsed >= fixAt {
			leakedAtFix = runtime.NumGoroutine() - base
			fixed.Store(true)
			note("t=%d ms: the fix ships (%s); %d goroutines above the baseline right now",
				elapsed.Milliseconds(), *fix, leakedAtFix)
		}
		for due := int(elapsed / interval); sent <= due; sent++ {
			f := ""
			if fixed.Load() {
				f = *fix
			}
			slow := rng.IntN(100) < *slowPct
			go handle(srv, f, slow, payload)
		}
		time.Sleep(time.Millisecond)
	}
	if leakedAtFix < 0 { // cannot happen with fix_after_ms < 3500, kept for safety
		leakedAtFix = runtime.NumGoroutine() - base
	}
	time.Sleep(settleFor) // let in-flight requests and healthy helpers finish
	leakedAtEnd := runtime.NumGoroutine() - base
	note("traffic stopped after %d requests (%d timed out); %d goroutines above the baseline are still parked",
		sent, timeouts.Load(), leakedAtEnd)

	note("shutdown: cancelling the server context")
	shutdown()
	time.Sleep(shutdownFor / 3)
	// The released results are garbage now, but the heap figure only drops
	// when a collection runs; with traffic gone none would start soon.
	runtime.GC()
	note("runtime.GC(): the results the leaked goroutines held are collected")
	time.Sleep(shutdownFor * 2 / 3)
	note("after shutdown: %d goroutines above the baseline", runtime.NumGoroutine()-base)
	close(stop)
	<-stopped

	verdict := "stays flat"
	switch {
	case leakedAtEnd > leakedAtFix+max(20, leakedAtFix/10):
		verdict = "keeps growing"
	case leakedAtFix > 20 && leakedAtEnd < leakedAtFix/2:
		verdict = "falls back"
	}
	note("goroutines above the baseline: %d when the fix shipped, %d just before shutdown", leakedAtFix, leakedAtEnd)
	result(verdict)
}

// Netpoller park and wake: N goroutines block reading their own os.Pipe
// (non-blocking fds the runtime registers with epoll, so the goroutines park
// in the netpoller), then N goroutines block in raw read(2) on blocking pipes
// (the runtime cannot park those; each keeps an OS thread in the kernel).
// Threads and goroutines are sampled throughout; each side is then woken a
// few times by writing one byte per pipe, and the wake-up latency (write to
// the reader running again) is measured.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const rounds = 5

var start = time.Now()

// osThreads reads Threads from /proc/self/status; without /proc it falls back
// to the runtime's count of threads created (threads never exit here).
func osThreads() int {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "Threads:"); ok {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
					return n
				}
			}
		}
	}
	return pprof.Lookup("threadcreate").Count()
}

// sampler prints threads and goroutines every 50 ms until stop is closed.
func sampler(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		sample("threads", ms(time.Since(start)), map[string]float64{
			"threads":    float64(osThreads()),
			"goroutines": float64(runtime.NumGoroutine()),
		})
		select {
		case <-t.C:
		case <-stop:
			return
		}
	}
}

// side is one set of n readers, each blocked on its own pipe.
type side struct {
	name    string
	n       int
	write   func(i int) error // write one byte to pipe i
	closeFn func()
	sent    []atomic.Int64 // ns since start when pipe i was written
	lat     chan time.Duration
	parked  atomic.Int64 // readers about to block in read
	wg      sync.WaitGroup
}

func newSide(name string, n int) *side {
	return &side{name: name, n: n, sent: make([]atomic.Int64, n), lat: make(chan time.Duration, n)}
}

// reader runs read in a loop; after each return it reports the latency since
// the matching write. It exits after rounds reads.
func (s *side) reader(i int, read func([]byte) error) {
	defer s.wg.Done()
	buf := make([]byte, 1)
	for range rounds {
		s.parked.Add(1)
		if err := read(buf); err != nil {
			return
		}
		now := time.Since(start).Nanoseconds()
		s.lat <- time.Duration(now - s.sent[i].Load())
	}
}

// ramp starts the readers in ten steps over about half a second.
func (s *side) ramp(startReader func(i int)) {
	started := 0
	for step := 1; step <= 10; step++ {
		for ; started < s.n*step/10; started++ {
			s.wg.Add(1)
			startReader(started)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// wake writes one byte to every pipe, rounds times, and collects latencies.
func (s *side) wake() []time.Duration {
	var all []time.Duration
	for r := range rounds {
		// Wait until every reader is back in its read, plus time to block.
		for s.parked.Load() < int64(s.n*(r+1)) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(40 * time.Millisecond)
		for i := range s.n {
			s.sent[i].Store(time.Since(start).Nanoseconds())
			if err := s.write(i); err != nil {
				note("write failed: %v", err)
				return all
			}
		}
		for range s.n {
			all = append(all, <-s.lat)
		}
		if r == 0 || r == rounds-1 {
			hist(s.name, all)
		}
	}
	s.wg.Wait()
	s.closeFn()
	return all
}

var buckets = []float64{5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}

func bucketLabel(i int) string {
	switch {
	case i == 0:
		return "0–5"
	case i == len(buckets):
		return "≥5000"
	default:
		return fmt.Sprintf("%g–%g", buckets[i-1], buckets[i])
	}
}

// counts holds each side's latest histogram. A sample replaces the earlier
// one with the same bucket, so every sample carries both sides' counts.
var counts = map[string][]int{}

// hist emits the latency histogram of one side so far.
func hist(key string, lats []time.Duration) {
	c := make([]int, len(buckets)+1)
	for _, d := range lats {
		us := float64(d.Nanoseconds()) / 1000
		i := 0
		for i < len(buckets) && us >= buckets[i] {
			i++
		}
		c[i]++
	}
	counts[key] = c
	for i := range c {
		values := map[string]float64{}
		for k, side := range counts {
			values[k] = float64(side[i])
		}
		sample("latency", bucketLabel(i), values)
	}
}

func pct(lats []time.Duration, p float64) float64 {
	s := slices.Clone(lats)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return float64(s[min(int(p*float64(len(s))), len(s)-1)].Nanoseconds()) / 1000
}

func main() {
	n := flag.Int("goroutines", 50, "readers per side")
	flag.Parse()
	*n = min(max(*n, 10), 100)

	announceRuntime()
	stop, stopped := make(chan struct{}), make(chan struct{})
	go sampler(stop, stopped)
	time.Sleep(200 * time.Millisecond)
	base := osThreads()

	// Side 1: os.Pipe, registered with the netpoller.
	note("phase 1: %d goroutines each read an empty os.Pipe (parked in the netpoller)", *n)
	np := newSide("netpoller", *n)
	readers := make([]*os.File, *n)
	writers := make([]*os.File, *n)
	for i := range *n {
		r, w, err := os.Pipe()
		if err != nil {
			note("os.Pipe failed: %v", err)
			os.Exit(1)
		}
		readers[i], writers[i] = r, w
	}
	np.write = func(i int) error { _, err := writers[i].Write([]byte{1}); return err }
	np.closeFn = func() {
		for i := range *n {
			readers[i].Close()
			writers[i].Close()
		}
	}
	np.ramp(func(i int) {
		go np.reader(i, func(b []byte) error { _, err := readers[i].Read(b); return err })
	})
	time.Sleep(300 * time.Millisecond)
	parkedThreads := osThreads()
	note("%d goroutines parked on pipes: %d OS threads (%d before)", *n, parkedThreads, base)
	note("waking them: one byte per pipe, %d rounds", rounds)
	npLat := np.wake()
	time.Sleep(300 * time.Millisecond)

	// Side 2: blocking pipes read with raw read(2).
	note("phase 2: %d goroutines each call read(2) on an empty blocking pipe", *n)
	bl := newSide("blocking", *n)
	fds := make([][2]int, *n)
	for i := range *n {
		if err := syscall.Pipe(fds[i][:]); err != nil {
			note("pipe failed: %v", err)
			os.Exit(1)
		}
	}
	bl.write = func(i int) error { _, err := syscall.Write(fds[i][1], []byte{1}); return err }
	bl.closeFn = func() {
		for i := range *n {
			syscall.Close(fds[i][0])
			syscall.Close(fds[i][1])
		}
	}
	bl.ramp(func(i int) {
		go bl.reader(i, func(b []byte) error {
			for {
				_, err := syscall.Read(fds[i][0], b)
				if err != syscall.EINTR {
					return err
				}
			}
		})
	})
	time.Sleep(300 * time.Millisecond)
	blockedThreads := osThreads()
	note("%d goroutines blocked in read(2): %d OS threads", *n, blockedThreads)
	note("waking them: one byte per pipe, %d rounds", rounds)
	blLat := bl.wake()
	time.Sleep(300 * time.Millisecond)
	note("threads stay after the reads return: idle Ms are parked for reuse (%d now)", osThreads())
	close(stop)
	<-stopped

	for _, r := range []struct {
		x       string
		lat     []time.Duration
		threads int
	}{{"netpoller (os.Pipe)", npLat, parkedThreads}, {"blocking read(2)", blLat, blockedThreads}} {
		sample("summary", r.x, map[string]float64{"p50_us": pct(r.lat, 0.5), "p99_us": pct(r.lat, 0.99)})
		sample("extra_threads", r.x, map[string]float64{"threads": float64(r.threads - base)})
	}
	note("wake latency p50/p99: netpoller %.0f/%.0f µs, blocking %.0f/%.0f µs",
		pct(npLat, 0.5), pct(npLat, 0.99), pct(blLat, 0.5), pct(blLat, 0.99))
	result(parkedThreads)
}

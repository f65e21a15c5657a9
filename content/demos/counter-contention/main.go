// One counter, many goroutines: four ways to count.
//
//	mutex     one int64 behind a sync.Mutex
//	atomic    one atomic.Int64 that every goroutine adds to
//	padded    one atomic.Int64 per goroutine, each on its own 64-byte line
//	unpadded  one atomic.Int64 per goroutine, packed next to each other
//
// First every variant runs at -goroutines in alternating 100 ms rounds (the
// bars); then a sweep doubles the goroutine count from 1 up to -goroutines
// (the lines). The cost is CPU time per increment: the CPU all threads used
// during the round divided by all increments made. Wall time per increment
// (elapsed ÷ increments) is in the notes; it also moves with whatever else
// the machine runs.
package main

import (
	"flag"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

const (
	barRounds   = 3 // per variant, at the chosen goroutine count
	barRoundFor = 100 * time.Millisecond
	sweepFor    = 60 * time.Millisecond
	budget      = 4200 * time.Millisecond // no new sweep point after this
)

type paddedCounter struct {
	n atomic.Int64
	_ [56]byte // the rest of a 64-byte cache line
}

type paddedFlag struct {
	_ [64]byte
	atomic.Bool
	_ [63]byte
}

var stop paddedFlag

type counters struct {
	mu       sync.Mutex
	_        [56]byte
	locked   int64
	_        [56]byte
	shared   atomic.Int64
	_        [56]byte
	padded   []paddedCounter
	unpadded []atomic.Int64
}

var variants = []string{"mutex", "atomic", "padded", "unpadded"}

// measure runs g goroutines incrementing with the chosen variant for d and
// returns the wall time per increment, after checking the count is exact.
func measure(variant string, g int, d time.Duration) cost {
	c := &counters{padded: make([]paddedCounter, g), unpadded: make([]atomic.Int64, g)}
	stop.Store(false)
	var wg sync.WaitGroup
	var made atomic.Int64
	ready := make(chan struct{})
	for id := range g {
		wg.Go(func() {
			<-ready
			var n int64
			switch variant {
			case "mutex":
				for !stop.Load() {
					c.mu.Lock()
					c.locked++
					c.mu.Unlock()
					n++
				}
			case "atomic":
				for !stop.Load() {
					c.shared.Add(1)
					n++
				}
			case "padded":
				mine := &c.padded[id].n
				for !stop.Load() {
					mine.Add(1)
					n++
				}
			case "unpadded":
				mine := &c.unpadded[id]
				for !stop.Load() {
					mine.Add(1)
					n++
				}
			}
			made.Add(n)
		})
	}
	cpu0 := cpuTime()
	start := time.Now()
	close(ready)
	time.Sleep(d)
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	stop.Store(true)
	wg.Wait()

	var total int64
	switch variant {
	case "mutex":
		total = c.locked
	case "atomic":
		total = c.shared.Load()
	case "padded":
		for i := range c.padded {
			total += c.padded[i].n.Load()
		}
	case "unpadded":
		for i := range c.unpadded {
			total += c.unpadded[i].Load()
		}
	}
	if total != made.Load() {
		note("%s lost increments: counted %d, made %d", variant, total, made.Load())
	}
	// Increments made after the stop signal are few (each goroutine finishes
	// at most one) and are counted; time is taken up to the signal.
	n := float64(max(total, 1))
	return cost{cpu: finite(float64(cpu.Nanoseconds()) / n), wall: finite(float64(elapsed.Nanoseconds()) / n)}
}

type cost struct{ cpu, wall float64 } // ns per increment

// cpuTime is the CPU time all of this process's threads have used: unlike
// wall time it does not grow while other jobs on the machine hold the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func sweepPoints(maxG int) []int {
	var gs []int
	for g := 1; g < maxG; g *= 2 {
		gs = append(gs, g)
	}
	return append(gs, maxG)
}

func main() {
	goroutines := flag.Int("goroutines", 8, "goroutines incrementing (and the sweep's end)")
	flag.Parse()

	announceRuntime()
	start := time.Now()
	g := *goroutines
	note("padded shards are %d bytes apart, unpadded shards %d bytes: 8 of them share one 64-byte cache line",
		unsafe.Sizeof(paddedCounter{}), unsafe.Sizeof(atomic.Int64{}))

	note("bars: each variant at %d goroutines, %d alternating rounds of %v", g, barRounds, barRoundFor)
	results := map[string][]float64{}
	walls := map[string][]float64{}
	for range barRounds {
		for _, v := range variants {
			c := measure(v, g, barRoundFor)
			results[v] = append(results[v], c.cpu)
			walls[v] = append(walls[v], c.wall)
			// One sample per settings, carrying every bar measured so far:
			// a later sample with the same x replaces the earlier one.
			bars := map[string]float64{}
			for _, w := range variants {
				if len(results[w]) > 0 {
					bars[w] = median(results[w])
				}
			}
			sample("cost", fmt.Sprintf("%d goroutines", g), bars)
		}
	}
	best, worst := variants[0], variants[0]
	for _, v := range variants {
		if median(results[v]) < median(results[best]) {
			best = v
		}
		if median(results[v]) > median(results[worst]) {
			worst = v
		}
	}
	for _, v := range variants {
		c, w := median(results[v]), median(walls[v])
		note("%s at %d goroutines: %.1f ns of CPU and %.1f ns of wall time per increment; %.2f of %d cores busy with it",
			v, g, c, w, finite(c/w), runtime.GOMAXPROCS(0))
	}

	note("sweep: 1 → %d goroutines, %v per variant and point", g, sweepFor)
	for _, n := range sweepPoints(g) {
		if time.Since(start) > budget {
			note("time budget of %v reached: sweep stopped before %d goroutines (a busy machine)", budget, n)
			break
		}
		point := map[string]float64{}
		for _, v := range variants {
			point[v] = measure(v, n, sweepFor).cpu
			sample("sweep", n, point) // same x again with one more series: it replaces the last one
		}
	}
	note("cheapest per increment: %s; most expensive: %s (%.1f× the cheapest)",
		best, worst, finite(median(results[worst])/median(results[best])))
	result(worst)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

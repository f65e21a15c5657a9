// A Treiber stack (atomic.Pointer + compare-and-swap) against a slice
// guarded by a sync.Mutex. -goroutines goroutines each push a value and pop
// one, over and over, optionally doing -think_ns of private work between
// operations. The two stacks take turns in 100 ms rounds for about 4 s, so
// both see the same background load; every round reports ops/ms, and the
// Treiber rounds also report how many CAS attempts lost the race.
package main

import (
	"flag"
	"fmt"
	"math"
	"runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

const (
	rounds   = 15 // per stack
	roundFor = 100 * time.Millisecond
	budget   = 4 * time.Second // no new round after this, however busy the machine is
)

// Treiber stack: nodes are written before the CAS that publishes them and
// never after, and never reused, so the GC rules out ABA.
type node struct {
	value int
	next  *node
}

type treiber struct {
	head atomic.Pointer[node]
}

func (s *treiber) push(v int) (retries int) {
	n := &node{value: v}
	for {
		old := s.head.Load()
		n.next = old
		if s.head.CompareAndSwap(old, n) {
			return retries
		}
		retries++
	}
}

func (s *treiber) pop() (v int, ok bool, retries int) {
	for {
		old := s.head.Load()
		if old == nil {
			return 0, false, retries
		}
		if s.head.CompareAndSwap(old, old.next) {
			return old.value, true, retries
		}
		retries++
	}
}

type locked struct {
	mu    sync.Mutex
	items []int
}

func (s *locked) push(v int) {
	s.mu.Lock()
	s.items = append(s.items, v)
	s.mu.Unlock()
}

func (s *locked) pop() (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

// think is private work between operations: no shared memory touched.
func think(h uint64, n int) uint64 {
	for i := 0; i < n; i++ {
		h ^= h >> 27
		h *= 0x94d049bb133111eb
	}
	return h
}

type padded struct {
	atomic.Bool
	_ [63]byte
}

var (
	stop padded
	sink atomic.Uint64
)

type round struct {
	ops, retries int64
	elapsed      time.Duration
}

func runRound(g, thinkRounds int, body func(id int, h uint64) (ops, retries int64, hout uint64)) round {
	stop.Store(false)
	var wg sync.WaitGroup
	var ops, retries atomic.Int64
	ready := make(chan struct{})
	for id := range g {
		wg.Go(func() {
			<-ready
			o, r, h := body(id, uint64(id)+1)
			ops.Add(o)
			retries.Add(r)
			sink.Add(h)
		})
	}
	start := time.Now()
	close(ready)
	time.Sleep(roundFor)
	// Time the round up to the stop signal: goroutines still queued for a
	// core when it comes only return, they do no more operations.
	elapsed := time.Since(start)
	stop.Store(true)
	wg.Wait()
	return round{ops: ops.Load(), retries: retries.Load(), elapsed: elapsed}
}

var rm = []metrics.Sample{
	{Name: "/sync/mutex/wait/total:seconds"},
	{Name: "/gc/heap/allocs:bytes"},
}

func readRM() (mutexWait float64, allocs uint64) {
	metrics.Read(rm)
	return rm[0].Value.Float64(), rm[1].Value.Uint64()
}

func calibrateThink(ns int) int {
	if ns == 0 {
		return 0
	}
	const n = 1_000_000
	best := math.MaxFloat64
	for range 3 {
		t := time.Now()
		sink.Add(think(1, n))
		best = min(best, float64(time.Since(t).Nanoseconds())/n)
	}
	return max(1, int(float64(ns)/best))
}

func main() {
	goroutines := flag.Int("goroutines", 8, "goroutines pushing and popping")
	thinkNs := flag.Int("think_ns", 0, "private work between operations")
	flag.Parse()

	announceRuntime()

	g := *goroutines
	thinkRounds := calibrateThink(*thinkNs)
	note("%d goroutines, each: push, %d ns of private work, pop, %d ns, repeat; stacks alternate in %v rounds",
		g, *thinkNs, *thinkNs, roundFor)

	ts := &treiber{}
	ls := &locked{items: make([]int, 0, 1024)}
	treiberBody := func(id int, h uint64) (int64, int64, uint64) {
		var ops, retries int64
		for !stop.Load() {
			retries += int64(ts.push(id))
			h = think(h, thinkRounds)
			_, _, r := ts.pop()
			retries += int64(r)
			h = think(h, thinkRounds)
			ops += 2
		}
		return ops, retries, h
	}
	lockedBody := func(id int, h uint64) (int64, int64, uint64) {
		var ops int64
		for !stop.Load() {
			ls.push(id)
			h = think(h, thinkRounds)
			ls.pop()
			h = think(h, thinkRounds)
			ops += 2
		}
		return ops, 0, h
	}

	start := time.Now()
	var tRates, mRates []float64
	var tOps, tRetries, tAlloc, mOps, mAlloc int64
	var mWait float64
	var mTime time.Duration
	for i := range rounds {
		if time.Since(start) > budget {
			note("time budget of %v reached after %d rounds each (a busy machine)", budget, i)
			sample("compare", fmt.Sprintf("%d goroutines", g), map[string]float64{
				"treiber": median(tRates), "mutex": median(mRates)})
			break
		}
		for _, name := range []string{"treiber", "mutex"} {
			body := treiberBody
			if name == "mutex" {
				body = lockedBody
			}
			w0, a0 := readRM()
			r := runRound(g, thinkRounds, body)
			w1, a1 := readRM()
			rate := finite(float64(r.ops) / ms(r.elapsed))
			x := float64(time.Since(start).Milliseconds())
			sample("ops", x, map[string]float64{name: rate})
			if name == "treiber" {
				tRates = append(tRates, rate)
				tOps += r.ops
				tRetries += r.retries
				tAlloc += int64(a1 - a0)
				sample("retries", x, map[string]float64{
					"cas_retries": 1000 * float64(r.retries) / float64(max(r.ops, 1))})
			} else {
				mRates = append(mRates, rate)
				mOps += r.ops
				mAlloc += int64(a1 - a0)
				mWait += w1 - w0
				mTime += r.elapsed
			}
		}
		if (i+1)%6 == 0 || i == rounds-1 {
			sample("compare", fmt.Sprintf("%d goroutines", g), map[string]float64{
				"treiber": median(tRates), "mutex": median(mRates)})
		}
	}

	tm, mm := median(tRates), median(mRates)
	note("Treiber: median %.0f ops/ms, %.1f failed CAS per 1000 ops, %.1f bytes allocated per push (one node each)",
		tm, 1000*float64(tRetries)/float64(max(tOps, 1)), 2*float64(tAlloc)/float64(max(tOps, 1)))
	note("mutex: median %.0f ops/ms, %.1f bytes allocated per push; on average %.1f of the %d goroutines were parked waiting for the lock (/sync/mutex/wait/total)",
		mm, 2*float64(mAlloc)/float64(max(mOps, 1)), finite(mWait/mTime.Seconds()), g)
	winner := "treiber"
	if mm > tm {
		winner = "mutex"
	}
	note("faster at %d goroutines: %s (by %.0f %%)", g, winner, 100*(math.Max(tm, mm)/math.Max(math.Min(tm, mm), 1e-9)-1))
	result(winner)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

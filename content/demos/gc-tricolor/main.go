// GC tricolor: keep a live heap of live_mb made of small pointer-carrying
// objects, then churn it with garbage from two allocating goroutines while the
// runtime's own metrics are streamed: live heap and heap goal (GOGC), GC
// cycles, the GC's share of CPU split into mark assists, dedicated and idle
// mark workers and pauses, and the distribution of stop-the-world pauses.
package main

import (
	"flag"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// node is 128 bytes with a pointer, so the collector must scan every one.
const nodeSize = 128

type node struct {
	next    *node
	payload [15]uint64
}

const (
	// The churn runs until this long after start, but at least minChurn.
	churnUntil = 4000 * time.Millisecond
	minChurn   = 1000 * time.Millisecond
	// memLimit is a soft guard: the demo must stay under 1 GiB, and it shows
	// GOMEMLIMIT overriding GOGC when live × (1 + GOGC/100) would not fit.
	memLimit = 768 << 20
)

var start = time.Now()

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

var names = []string{
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/memory/classes/heap/objects:bytes",
	"/gc/cycles/total:gc-cycles",
	"/cpu/classes/gc/mark/assist:cpu-seconds",
	"/cpu/classes/gc/mark/dedicated:cpu-seconds",
	"/cpu/classes/gc/mark/idle:cpu-seconds",
	"/cpu/classes/gc/pause:cpu-seconds",
	"/cpu/classes/total:cpu-seconds",
	"/sched/pauses/total/gc:seconds",
	"/gc/heap/allocs:bytes",
}

const (
	mLive = iota
	mGoal
	mObjects
	mCycles
	mAssist
	mDedicated
	mIdle
	mPause
	mTotal
	mPauses
	mAllocs
)

func read() []metrics.Sample {
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	return s
}

func u(s []metrics.Sample, i int) uint64 {
	if s[i].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[i].Value.Uint64()
}

func f(s []metrics.Sample, i int) float64 {
	if s[i].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s[i].Value.Float64()
}

// Pause buckets in microseconds (lower bounds).
var pauseEdges = []float64{0, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}

func pauseLabel(i int) string {
	if i == len(pauseEdges)-1 {
		return "≥5000"
	}
	return fmt.Sprintf("%g–%g", pauseEdges[i], pauseEdges[i+1])
}

// emitPauses regroups the runtime's pause histogram (minus the pauses before
// the churn started) into a few readable buckets and prints the buckets that
// changed since shown (all of them the first time). It returns the new counts.
func emitPauses(now, base *metrics.Float64Histogram, shown []uint64) []uint64 {
	counts := make([]uint64, len(pauseEdges))
	for i, c := range now.Counts {
		if base != nil && i < len(base.Counts) {
			c -= base.Counts[i]
		}
		if c == 0 {
			continue
		}
		lo := now.Buckets[i]
		if math.IsInf(lo, -1) {
			lo = 0
		}
		us := lo * 1e6
		j := 0
		for j+1 < len(pauseEdges) && us >= pauseEdges[j+1] {
			j++
		}
		counts[j] += c
	}
	for i, c := range counts {
		if shown == nil || shown[i] != c {
			sample("pauses", pauseLabel(i), map[string]float64{"pauses": float64(c)})
		}
	}
	return counts
}

// emitCPU prints the GC's share of the CPU between two readings, by kind.
func emitCPU(now, prev []metrics.Sample, total float64) {
	pct := func(k int) float64 { return max(0, 100*(f(now, k)-f(prev, k))/total) }
	sample("gc_cpu", ms(time.Since(start)), map[string]float64{
		"assist":    pct(mAssist),
		"dedicated": pct(mDedicated),
		"idle":      pct(mIdle),
		"pause":     pct(mPause),
	})
}

func main() {
	liveMB := flag.Int("live_mb", 64, "live heap to keep, MiB")
	gogc := flag.Int("gogc", 100, "GOGC percent")
	flag.Parse()
	*liveMB = min(max(*liveMB, 8), 256)
	*gogc = min(max(*gogc, 25), 400)

	debug.SetGCPercent(*gogc)
	debug.SetMemoryLimit(memLimit)
	announceRuntime()
	note("GOGC=%d, GOMEMLIMIT=%d MiB; building a live heap of %d MiB of 128-byte objects", *gogc, memLimit>>20, *liveMB)

	live := make([]*node, (*liveMB<<20)/nodeSize)
	for i := range live {
		live[i] = &node{}
	}
	runtime.GC()
	base := read()
	basePauses := base[mPauses].Value.Float64Histogram()
	churnFor := max(churnUntil-time.Since(start), minChurn)
	note("live heap ready: %.0f MiB live after a forced GC; churning for %.1f s", mib(u(base, mLive)), churnFor.Seconds())

	// Two goroutines allocate short-lived garbage and, one time in 16, replace
	// a live object, so old objects die too and the live size stays constant.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var sinks [2]*node
	for w := range 2 {
		wg.Go(func() {
			x := uint64(w*7919 + 1)
			var chain *node
			for i := 0; !stop.Load(); i++ {
				n := &node{next: chain}
				n.payload[0] = x
				chain = n
				if i%8 == 7 {
					chain = nil // a chain of 8 becomes garbage
				}
				x ^= x << 13
				x ^= x >> 7
				x ^= x << 17
				if i%16 == 0 {
					j := int(x % uint64(len(live)))
					live[j] = &node{}
				}
			}
			sinks[w] = chain
		})
	}

	var ratios []float64
	prev := base
	var shown []uint64
	cpuShown := false
	t0 := time.Now()
	tick := time.NewTicker(50 * time.Millisecond)
	for i := 1; ; i++ {
		<-tick.C
		now := read()
		sample("heap", ms(time.Since(start)), map[string]float64{
			"live":    mib(u(now, mLive)),
			"goal":    mib(u(now, mGoal)),
			"objects": mib(u(now, mObjects)),
		})
		sample("cycles", ms(time.Since(start)), map[string]float64{"cycles": float64(u(now, mCycles) - u(base, mCycles))})
		if l := u(now, mLive); l > 0 {
			ratios = append(ratios, float64(u(now, mGoal))/float64(l))
		}
		// CPU classes are estimates the runtime updates as GC cycles finish,
		// so a new sample appears each time they have moved.
		if dt := f(now, mTotal) - f(prev, mTotal); dt > 0 {
			emitCPU(now, prev, dt)
			prev, cpuShown = now, true
		}
		if i%10 == 0 {
			shown = emitPauses(now[mPauses].Value.Float64Histogram(), basePauses, shown)
		}
		if time.Since(t0) >= churnFor {
			break
		}
	}
	tick.Stop()
	stop.Store(true)
	wg.Wait()

	end := read()
	el := time.Since(t0).Seconds()
	if !cpuShown {
		// Fewer than two cycles finished: show the share over the whole
		// churn, against the CPU time GOMAXPROCS Ps had available.
		emitCPU(end, base, el*float64(runtime.GOMAXPROCS(0)))
	}
	emitPauses(end[mPauses].Value.Float64Histogram(), basePauses, shown)
	cycles := u(end, mCycles) - u(base, mCycles)
	gcCPU := f(end, mAssist) + f(end, mDedicated) + f(end, mIdle) + f(end, mPause) -
		(f(base, mAssist) + f(base, mDedicated) + f(base, mIdle) + f(base, mPause))
	total := f(end, mTotal) - f(base, mTotal)
	assist := f(end, mAssist) - f(base, mAssist)
	share, assistShare := 0.0, 0.0
	if total > 0 {
		share, assistShare = 100*gcCPU/total, 100*assist/total
	}
	allocated := mib(u(end, mAllocs) - u(base, mAllocs))
	ratio := 0.0
	if len(ratios) > 0 {
		slices.Sort(ratios)
		ratio = ratios[len(ratios)/2]
	}
	note("%.0f MiB allocated in %.1f s (%.0f MiB/s); %d GC cycles (%.1f per s); GC used %.0f%% of the CPU, mark assists %.0f%%",
		allocated, el, allocated/el, cycles, float64(cycles)/el, share, assistShare)
	note("heap goal %.0f MiB, live heap %.0f MiB: goal = %.2f × live (median over the run); 1 + GOGC/100 = %.2f; GOMEMLIMIT %d MiB",
		mib(u(end, mGoal)), mib(u(end, mLive)), ratio, 1+float64(*gogc)/100, memLimit>>20)
	runtime.KeepAlive(live)
	runtime.KeepAlive(sinks)
	result(math.Round(ratio*100) / 100)
}

// Command escape-analysis measures heap allocations per call for small
// functions whose values either stay on the stack or escape to the heap.
// It is built with -gcflags=-m, so the compiler's own decisions for every
// line below are shown next to the measurements.
//
// Counting works like testing.AllocsPerRun: runtime.ReadMemStats before and
// after a batch of calls, and the difference in Mallocs divided by the calls.
package main

import (
	"flag"
	"runtime"
	"strconv"
	"time"
)

type point struct{ x, y int }

// newPointPtr returns the address of a local. The pointer outlives the
// frame, so the point is allocated on the heap. go:noinline stops the
// compiler from copying the body into the caller, where it could do better.
//
//go:noinline
func newPointPtr(x, y int) *point {
	return &point{x, y}
}

// newPointPtrInlined is the same code without go:noinline. It is small enough
// to be inlined, and after inlining the caller sees that the pointer never
// leaves its own frame: the point goes on the caller's stack.
func newPointPtrInlined(x, y int) *point {
	return &point{x, y}
}

// newPointVal returns a copy: nothing refers to the frame after return.
//
//go:noinline
func newPointVal(x, y int) point {
	return point{x, y}
}

var sinkAny any

// storeInInterface converts a struct to an interface kept in a global. An
// interface holds a pointer to its data, so the point is copied to the heap.
//
//go:noinline
func storeInInterface(x, y int) {
	sinkAny = point{x, y}
}

// closureInPlace captures total by reference, but the closure is only called
// inside this frame, so neither the closure nor total has to leave the stack.
//
//go:noinline
func closureInPlace(x int) int {
	total := 0
	add := func(v int) { total += v }
	add(x)
	add(x + 1)
	return total
}

var sinkFn func() int

// closureEscapes stores the closure in a global. The closure outlives the
// call, so it is allocated on the heap, and so is total, which it captures
// by reference because it modifies it.
//
//go:noinline
func closureEscapes(x int) {
	total := x
	sinkFn = func() int {
		total++
		return total
	}
}

// makeConst: constant size, and the slice never leaves the frame.
//
//go:noinline
func makeConst(x int) int {
	buf := make([]int, 64)
	for i := range buf {
		buf[i] = i * x
	}
	return buf[x&63]
}

// makeVar: the size is known only at run time. The slice does not escape,
// but the frame size must be fixed, so only a small backing array can be
// placed on the stack; larger ones go to the heap.
//
//go:noinline
func makeVar(n, x int) int {
	buf := make([]int, n)
	for i := range buf {
		buf[i] = i * x
	}
	return buf[x%n]
}

// One loop per variant, each calling its function directly.

func loopPtr(iters int) int {
	acc := 0
	for i := 0; i < iters; i++ {
		p := newPointPtr(i, i+1)
		acc += p.x + p.y
	}
	return acc
}

func loopPtrInlined(iters int) int {
	acc := 0
	for i := 0; i < iters; i++ {
		p := newPointPtrInlined(i, i+1)
		acc += p.x + p.y
	}
	return acc
}

func loopVal(iters int) int {
	acc := 0
	for i := 0; i < iters; i++ {
		p := newPointVal(i, i+1)
		acc += p.x + p.y
	}
	return acc
}

func loopInterface(iters int) int {
	for i := 0; i < iters; i++ {
		storeInInterface(i, i+1)
	}
	return iters
}

func loopClosureInPlace(iters int) int {
	acc := 0
	for i := 0; i < iters; i++ {
		acc += closureInPlace(i)
	}
	return acc
}

func loopClosureEscapes(iters int) int {
	for i := 0; i < iters; i++ {
		closureEscapes(i)
	}
	return iters
}

func loopMakeConst(iters int) int {
	acc := 0
	for i := 0; i < iters; i++ {
		acc += makeConst(i)
	}
	return acc
}

var sliceLen = 1000

func loopMakeVar(iters int) int {
	acc := 0
	n := sliceLen
	for i := 0; i < iters; i++ {
		acc += makeVar(n, i)
	}
	return acc
}

type variant struct {
	name string
	loop func(int) int
	// measured totals
	calls, mallocs, bytes uint64
	ns                    int64
}

var sink int

// measure runs iters calls and returns heap allocations, heap bytes and
// wall time for the batch.
func measure(v *variant, iters int) (mallocs, bytes uint64, elapsed time.Duration) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	sink += v.loop(iters)
	elapsed = time.Since(t0)
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, elapsed
}

func per(v float64, calls uint64) float64 {
	if calls == 0 {
		return 0
	}
	return v / float64(calls)
}

// g6 rounds v to 6 significant digits, the precision the bars are drawn with.
func g6(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	return r
}

func main() {
	n := flag.Int("n", 1000, "length of the variable-size slice")
	seconds := flag.Float64("seconds", 2, "measuring time")
	flag.Parse()
	sliceLen = min(max(*n, 1), 1<<16)
	budget := time.Duration(min(max(*seconds, 0.5), 5) * float64(time.Second))

	announceRuntime()

	variants := []*variant{
		{name: "return &T (noinline)", loop: loopPtr},
		{name: "return &T (inlined)", loop: loopPtrInlined},
		{name: "return T", loop: loopVal},
		{name: "T stored in any", loop: loopInterface},
		{name: "closure called here", loop: loopClosureInPlace},
		{name: "closure escapes", loop: loopClosureEscapes},
		{name: "make([]int, 64)", loop: loopMakeConst},
		{name: "make([]int, n)", loop: loopMakeVar},
	}
	note("variable slice: make([]int, %d) = %d bytes; each round measures every variant for about 50 ms", sliceLen, sliceLen*8)

	// Calibrate: find a batch size that takes about 5 ms per variant.
	iters := make([]int, len(variants))
	for i, v := range variants {
		k := 1000
		for {
			_, _, d := measure(v, k)
			if d >= 2*time.Millisecond || k >= 1<<26 {
				iters[i] = max(int(float64(k)*float64(5*time.Millisecond)/float64(max(d, time.Microsecond))), 1)
				break
			}
			k *= 4
		}
	}

	start := time.Now()
	for round := 1; ; round++ {
		for i, v := range variants {
			t0 := time.Now()
			for time.Since(t0) < 50*time.Millisecond {
				m, b, d := measure(v, iters[i])
				v.calls += uint64(iters[i])
				v.mallocs += m
				v.bytes += b
				v.ns += d.Nanoseconds()
			}
			sample("allocs", v.name, map[string]float64{"allocs_per_op": g6(per(float64(v.mallocs), v.calls))})
			sample("bytes", v.name, map[string]float64{"bytes_per_op": g6(per(float64(v.bytes), v.calls))})
			sample("nsop", v.name, map[string]float64{"ns_per_op": g6(per(float64(v.ns), v.calls))})
		}
		if time.Since(start) >= budget-400*time.Millisecond || round >= 20 {
			break
		}
	}

	for _, v := range variants {
		note("%s: %.2f allocs/op, %.0f B/op, %.1f ns/op over %d calls", v.name,
			per(float64(v.mallocs), v.calls), per(float64(v.bytes), v.calls), per(float64(v.ns), v.calls), v.calls)
	}

	// The prediction asks which of four candidates allocates: the answer is
	// the one with the most allocations per call, or none if all stay at 0.
	candidates := map[string]string{
		"return &T (inlined)": "pointer return, inlined",
		"return T":            "value return",
		"closure called here": "closure called in place",
		"make([]int, n)":      "make([]int, n)",
	}
	answer, best := "none of them", 0.5
	for _, v := range variants {
		choice, ok := candidates[v.name]
		if !ok {
			continue
		}
		if a := per(float64(v.mallocs), v.calls); a >= best {
			answer, best = choice, a
		}
	}
	result(answer)
}

// Command benchstat-compare benchmarks two implementations the way
// `go test -bench -count=N` followed by benchstat would: it takes N samples of
// each (interleaved A, B, A, B, ...), each sample a fixed number of
// iterations timed as a whole, and then compares the two sets of ns/op with
// the statistics benchstat uses: medians with a confidence interval from
// order statistics, and a Mann-Whitney U test for the difference. A bootstrap
// gives a confidence interval for the change in percent.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// --- the implementations under test ---------------------------------------

var parts []string

// joinBuilder appends every part to one strings.Builder: the buffer doubles
// as it grows, so the total copying stays linear in the result's length.
func joinBuilder(iters int) int {
	n := 0
	for i := 0; i < iters; i++ {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p)
		}
		n += b.Len()
	}
	return n
}

// joinConcat uses s += p: every step allocates a new string and copies
// everything so far, so the work grows with the square of the part count.
func joinConcat(iters int) int {
	n := 0
	for i := 0; i < iters; i++ {
		s := ""
		for _, p := range parts {
			s += p
		}
		n += len(s)
	}
	return n
}

var (
	feeMap     map[string]int
	sortedKeys []string
	sortedFees []int
	queries    []string
)

// lookupMap finds each merchant's fee in a map (hash the key, probe a group).
func lookupMap(iters int) int {
	sum := 0
	for i := 0; i < iters; i++ {
		sum += feeMap[queries[i&(len(queries)-1)]]
	}
	return sum
}

// lookupSorted binary-searches a sorted slice of keys (log2(n) string compares).
func lookupSorted(iters int) int {
	sum := 0
	for i := 0; i < iters; i++ {
		if j, ok := slices.BinarySearch(sortedKeys, queries[i&(len(queries)-1)]); ok {
			sum += sortedFees[j]
		}
	}
	return sum
}

func setup(size int) {
	parts = make([]string, size)
	for i := range parts {
		parts[i] = fmt.Sprintf("pay_%04d;", i%10000)
	}
	feeMap = make(map[string]int, size)
	sortedKeys = make([]string, size)
	sortedFees = make([]int, size)
	for i := 0; i < size; i++ {
		k := fmt.Sprintf("merchant_%06d", (i*7919)%1000003)
		feeMap[k] = 100 + i%50
		sortedKeys[i] = k
	}
	slices.Sort(sortedKeys)
	for i, k := range sortedKeys {
		sortedFees[i] = feeMap[k]
	}
	r := rand.New(rand.NewPCG(1, 2))
	queries = make([]string, 1024) // a power of two, for the cheap index mask
	for i := range queries {
		queries[i] = sortedKeys[r.IntN(size)]
	}
}

type impl struct {
	name string
	run  func(iters int) int
}

// --- statistics ------------------------------------------------------------

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// binomCDF returns P(X <= k) for X ~ Binomial(n, 1/2).
func binomCDF(k, n int) float64 {
	p := 0.0
	c := 1.0 // C(n, 0)
	for i := 0; i <= k; i++ {
		p += c
		c = c * float64(n-i) / float64(i+1)
	}
	return p / math.Pow(2, float64(n))
}

// medianCI returns a distribution-free confidence interval for the median:
// the k-th smallest and k-th largest samples, with k as large as possible
// while the interval still covers the true median with >= 95 % confidence.
// With fewer than 6 samples no such interval exists; then it returns the
// full range and the confidence that range actually has.
func medianCI(xs []float64) (lo, hi, conf float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	best := 0
	for k := 0; k < n/2; k++ {
		// interval [s[k], s[n-1-k]] misses the median with prob 2*P(X <= k)
		if 1-2*binomCDF(k, n) >= 0.95 {
			best = k
		} else {
			break
		}
	}
	return s[best], s[n-1-best], 1 - 2*binomCDF(best, n)
}

// mannWhitneyP is the exact two-sided p-value of the Mann-Whitney U test:
// how often two samples from the same distribution are at least this far
// apart in rank. It counts the arrangements of n a's and m b's by their U.
func mannWhitneyP(a, b []float64) float64 {
	n, m := len(a), len(b)
	u := 0.0
	for _, x := range a {
		for _, y := range b {
			switch {
			case x > y:
				u++
			case x == y:
				u += 0.5
			}
		}
	}
	// f[j][v]: arrangements of i a's and j b's with U = v, built up over i.
	maxU := n * m
	f := make([][]float64, m+1)
	for j := range f {
		f[j] = make([]float64, maxU+1)
		f[j][0] = 1 // zero a's: U is 0
	}
	for i := 1; i <= n; i++ {
		g := make([][]float64, m+1)
		for j := 0; j <= m; j++ {
			g[j] = make([]float64, maxU+1)
			for v := 0; v <= i*j; v++ {
				// the largest element is an a (beats all j b's) or a b
				if v >= j {
					g[j][v] += f[j][v-j]
				}
				if j > 0 {
					g[j][v] += g[j-1][v]
				}
			}
		}
		f = g
	}
	total := 0.0
	for _, c := range f[m] {
		total += c
	}
	lower, upper := 0.0, 0.0
	for v, c := range f[m] {
		if float64(v) <= u {
			lower += c
		}
		if float64(v) >= u {
			upper += c
		}
	}
	return min(1, 2*min(lower, upper)/total)
}

// bootstrapDelta resamples both sides with replacement and returns the
// 2.5th and 97.5th percentiles of the change of the median, in percent.
func bootstrapDelta(a, b []float64, r *rand.Rand) (lo, hi float64) {
	const rounds = 2000
	ra, rb := make([]float64, len(a)), make([]float64, len(b))
	deltas := make([]float64, rounds)
	for k := range deltas {
		for i := range ra {
			ra[i] = a[r.IntN(len(a))]
		}
		for i := range rb {
			rb[i] = b[r.IntN(len(b))]
		}
		deltas[k] = 100 * (median(rb)/median(ra) - 1)
	}
	slices.Sort(deltas)
	return deltas[rounds*25/1000], deltas[rounds*975/1000-1]
}

// --- a noisy neighbour -----------------------------------------------------

// neighbour burns CPU on GOMAXPROCS goroutines in random bursts, like another
// tenant's batch job on a shared machine, until stop is set.
func neighbour(stop *atomic.Bool, wg *sync.WaitGroup) {
	defer wg.Done()
	r := rand.New(rand.NewPCG(7, 8))
	x := uint64(1)
	for !stop.Load() {
		burst := time.Duration(20+r.IntN(60)) * time.Millisecond
		var bw sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			bw.Go(func() {
				end := time.Now().Add(burst)
				y := x
				for time.Now().Before(end) {
					for range 1000 {
						y = y*6364136223846793005 + 1442695040888963407
					}
				}
				x = y | 1
			})
		}
		bw.Wait()
		time.Sleep(time.Duration(50+r.IntN(250)) * time.Millisecond)
	}
}

// --- output ----------------------------------------------------------------

// num rounds v to 5 significant digits, the precision the charts are drawn with.
func num(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 5, 64), 64)
	return r
}

// --- main ------------------------------------------------------------------

var sink int

// timeSample runs iters iterations after a GC (as the testing package does
// before each benchmark) and returns ns per iteration.
func timeSample(im impl, iters int) float64 {
	runtime.GC()
	t0 := time.Now()
	sink += im.run(iters)
	return float64(time.Since(t0).Nanoseconds()) / float64(iters)
}

// calibrate finds an iteration count that takes about target.
func calibrate(im impl, target time.Duration) (iters int, nsop float64) {
	n := 1
	for {
		t0 := time.Now()
		sink += im.run(n)
		d := time.Since(t0)
		if d >= 20*time.Millisecond || n >= 1<<30 {
			nsop = float64(d.Nanoseconds()) / float64(n)
			return max(1, int(float64(target.Nanoseconds())/nsop)), nsop
		}
		n *= 4
	}
}

type histogram struct {
	bounds []float64 // lower bounds, log-spaced
	a, b   []int
}

func newHistogram(lo, hi float64, buckets int) *histogram {
	h := &histogram{a: make([]int, buckets), b: make([]int, buckets)}
	step := math.Pow(hi/lo, 1/float64(buckets))
	for i := 0; i < buckets; i++ {
		v := lo * math.Pow(step, float64(i))
		r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
		h.bounds = append(h.bounds, r)
	}
	return h
}

func (h *histogram) bucket(v float64) int {
	i := 0
	for i+1 < len(h.bounds) && v >= h.bounds[i+1] {
		i++
	}
	return i
}

func main() {
	pair := flag.String("pair", "map-vs-slice", "builder-vs-concat | map-vs-slice | same-code")
	runs := flag.Int("runs", 10, "samples of each implementation")
	size := flag.Int("size", 64, "parts to join, or keys to look up among")
	noise := flag.String("neighbour", "off", "off | bursty")
	flag.Parse()
	*runs = min(max(*runs, 3), 40)
	*size = min(max(*size, 2), 4096)

	announceRuntime()

	setup(*size)
	var a, b impl
	switch *pair {
	case "builder-vs-concat":
		a, b = impl{"strings.Builder", joinBuilder}, impl{"s += part", joinConcat}
	case "same-code":
		a, b = impl{"map (run A)", lookupMap}, impl{"map (run B)", lookupMap}
	default:
		a, b = impl{"map", lookupMap}, impl{"sorted slice", lookupSorted}
	}

	// Each sample gets a share of about 3.6 s, between 40 and 100 ms.
	target := min(max(3600*time.Millisecond/time.Duration(2**runs), 40*time.Millisecond), 100*time.Millisecond)
	itersA, warmA := calibrate(a, target)
	itersB, warmB := calibrate(b, target)
	note("A = %s, B = %s, size %d: %d samples of each, starting at %d and %d iterations per sample (about %d ms each), interleaved A, B, A, B",
		a.name, b.name, *size, *runs, itersA, itersB, target.Milliseconds())

	var stop atomic.Bool
	var wg sync.WaitGroup
	if *noise == "bursty" {
		wg.Add(1)
		go neighbour(&stop, &wg)
		note("a noisy neighbour burns both cores in random 20-80 ms bursts")
	}

	h := newHistogram(0.7*min(warmA, warmB), 2*max(warmA, warmB), 20)
	for _, lb := range h.bounds {
		sample("hist", lb, map[string]float64{"a": 0, "b": 0})
	}

	// The samples share a fixed time budget. When a sample runs slow (a busy
	// neighbour, a GC), later samples get fewer iterations so the run still
	// ends on time; ns/op is per iteration, so the counts need not match.
	budget := time.Duration(2**runs) * target
	deadline := time.Now().Add(budget)
	estA, estB := 1.2*warmA, 1.2*warmB
	var xa, xb []float64
	rng := rand.New(rand.NewPCG(3, 4))
	for run := 1; run <= *runs; run++ {
		share := min(time.Until(deadline)/time.Duration(2*(*runs-run+1)), target)
		share = max(share, 5*time.Millisecond)
		itersA = max(1, int(float64(share.Nanoseconds())/estA))
		itersB = max(1, int(float64(share.Nanoseconds())/estB))

		va := timeSample(a, itersA)
		estA = 1.2 * va // plan the next sample from the latest one
		xa = append(xa, va)
		k := h.bucket(va)
		h.a[k]++
		sample("hist", h.bounds[k], map[string]float64{"a": float64(h.a[k]), "b": float64(h.b[k])})
		sample("runs", float64(run), map[string]float64{"a": num(va)})

		vb := timeSample(b, itersB)
		estB = 1.2 * vb
		xb = append(xb, vb)
		k = h.bucket(vb)
		h.b[k]++
		sample("hist", h.bounds[k], map[string]float64{"a": float64(h.a[k]), "b": float64(h.b[k])})
		sample("runs", float64(run), map[string]float64{"b": num(vb)})

		ma, mb := median(xa), median(xb)
		loA, hiA, _ := medianCI(xa)
		loB, hiB, _ := medianCI(xb)
		sample("medians", "A: "+a.name, map[string]float64{"median": num(ma), "ci_low": num(loA), "ci_high": num(hiA)})
		sample("medians", "B: "+b.name, map[string]float64{"median": num(mb), "ci_low": num(loB), "ci_high": num(hiB)})
		if run >= 3 {
			lo, hi := bootstrapDelta(xa, xb, rng)
			sample("delta", float64(run), map[string]float64{"delta": num(100 * (mb/ma - 1)), "ci_low": num(lo), "ci_high": num(hi)})
		}
	}
	stop.Store(true)
	wg.Wait()

	ma, mb := median(xa), median(xb)
	loA, hiA, confA := medianCI(xa)
	loB, hiB, _ := medianCI(xb)
	p := mannWhitneyP(xa, xb)
	pm := func(m, lo, hi float64) float64 { return 100 * max(m-lo, hi-m) / m }
	note("A %s: median %.4g ns/op ± %.0f%% (%.0f %% confidence interval of the median, n=%d)",
		a.name, ma, pm(ma, loA, hiA), 100*confA, len(xa))
	note("B %s: median %.4g ns/op ± %.0f%%", b.name, mb, pm(mb, loB, hiB))
	lo, hi := bootstrapDelta(xa, xb, rng)
	verdict := fmt.Sprintf("%+.1f%% (bootstrap 95%% interval %+.1f%% … %+.1f%%)", 100*(mb/ma-1), lo, hi)
	if p >= 0.05 {
		verdict = "~ (no difference the test can tell from noise)"
	}
	note("B vs A: %s, Mann-Whitney p=%.3g, n=%d+%d", verdict, p, len(xa), len(xb))
	if len(xa) < 6 {
		note("with fewer than 6 samples no interval reaches 95 %%: benchstat would ask for more runs")
	}
	result(num(math.Round(mb/ma*1000) / 1000))
}

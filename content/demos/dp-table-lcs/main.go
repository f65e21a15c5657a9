// Command dp-table-lcs computes the length of the longest common subsequence
// of two random strings four ways (naive recursion, memoised recursion, a
// full bottom-up table, two rolling rows) for growing n, and reports the
// calls or cells each one evaluates, its time and the heap it allocates.
package main

import (
	"flag"
	"math"
	"math/rand/v2"
	"runtime"
	"time"
)

const naiveBudget = 10_000_000 // calls; past this, naive recursion is abandoned

// naive evaluates the recurrence directly: no sub-problem is remembered.
type naive struct {
	a, b    []byte
	calls   int
	aborted bool
}

func (s *naive) lcs(i, j int) int {
	s.calls++
	if s.calls > naiveBudget {
		s.aborted = true
	}
	if i == 0 || j == 0 || s.aborted {
		return 0
	}
	if s.a[i-1] == s.b[j-1] {
		return s.lcs(i-1, j-1) + 1
	}
	return max(s.lcs(i-1, j), s.lcs(i, j-1))
}

// memo is top-down: the same recursion, but each (i, j) is computed once.
type memo struct {
	a, b  []byte
	cols  int
	cell  []int32 // -1 = not computed yet
	calls int
	cells int
}

func newMemo(a, b []byte) *memo {
	m := &memo{a: a, b: b, cols: len(b) + 1, cell: make([]int32, (len(a)+1)*(len(b)+1))}
	for i := range m.cell {
		m.cell[i] = -1
	}
	return m
}

func (m *memo) lcs(i, j int) int32 {
	m.calls++
	if i == 0 || j == 0 {
		return 0
	}
	k := i*m.cols + j
	if v := m.cell[k]; v >= 0 {
		return v
	}
	var v int32
	if m.a[i-1] == m.b[j-1] {
		v = m.lcs(i-1, j-1) + 1
	} else {
		v = max(m.lcs(i-1, j), m.lcs(i, j-1))
	}
	m.cell[k] = v
	m.cells++
	return v
}

// table fills dp[i][j] row by row; the whole table is kept, which is what
// reconstruction of the subsequence would need.
func table(a, b []byte) (int, int) {
	cols := len(b) + 1
	dp := make([]int32, (len(a)+1)*cols)
	for i := 1; i <= len(a); i++ {
		row, up := dp[i*cols:(i+1)*cols], dp[(i-1)*cols:i*cols]
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				row[j] = up[j-1] + 1
			} else {
				row[j] = max(up[j], row[j-1])
			}
		}
	}
	return int(dp[len(a)*cols+len(b)]), len(a) * len(b)
}

// twoRows keeps only the previous and the current row: the length survives,
// the choices needed to reconstruct the subsequence do not.
func twoRows(a, b []byte) (int, int) {
	prev, cur := make([]int32, len(b)+1), make([]int32, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)]), len(a) * len(b)
}

// measure runs f once to count the heap it allocates; if that run was
// shorter than minDur it repeats f until minDur has passed and returns the
// mean time per run.
func measure(minDur time.Duration, f func()) (time.Duration, uint64) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	f()
	first := time.Since(t0)
	runtime.ReadMemStats(&m1)
	alloc := m1.TotalAlloc - m0.TotalAlloc
	if first >= minDur {
		return first, alloc
	}
	return meanOver(minDur, f), alloc
}

// meanOver repeats f for at least d and returns the mean time per run.
func meanOver(d time.Duration, f func()) time.Duration {
	runs := 0
	start := time.Now()
	for runs == 0 || time.Since(start) < d {
		f()
		runs++
	}
	return time.Since(start) / time.Duration(runs)
}

func randomString(rng *rand.Rand, n, sigma int) []byte {
	s := make([]byte, n)
	for i := range s {
		s[i] = byte('a' + rng.IntN(sigma))
	}
	return s
}

func us(d time.Duration) float64 { return math.Round(float64(d.Nanoseconds())/10) / 100 }

func main() {
	nMax := flag.Int("n", 1000, "length of both strings at the last step")
	sigma := flag.Int("alphabet", 4, "alphabet size")
	flag.Parse()

	announceRuntime()

	// The sizes: every n up to 14, then about 35% larger each step, ending at nMax.
	var sizes []int
	for n := 1; n < *nMax; {
		sizes = append(sizes, n)
		if n < 14 {
			n++
		} else {
			n = int(math.Ceil(float64(n) * 1.35))
		}
	}
	sizes = append(sizes, *nMax)

	rng := rand.New(rand.NewPCG(42, uint64(*sigma)))
	note("%d steps from n=1 to n=%d, alphabet of %d letters; naive recursion stops once one run needs more than %d calls",
		len(sizes), *nMax, *sigma, naiveBudget)
	naiveOn := true
	start := time.Now()
	for _, n := range sizes {
		stepStart := time.Now()
		a, b := randomString(rng, n, *sigma), randomString(rng, n, *sigma)
		work := map[string]float64{}
		tm := map[string]float64{}
		mem := map[string]float64{}
		var want int

		minDur := 2 * time.Millisecond
		if naiveOn {
			var s *naive
			d, _ := measure(minDur, func() {
				s = &naive{a: a, b: b}
				want = s.lcs(n, n)
			})
			if s.aborted {
				naiveOn = false
				note("naive recursion passed %d calls at n=%d after %.0f ms; it is not run for larger n",
					naiveBudget, n, ms(d))
			} else {
				work["naive_calls"] = float64(s.calls)
				tm["naive"] = us(d)
			}
		}
		var m *memo
		dm, am := measure(minDur, func() {
			m = newMemo(a, b)
			m.lcs(n, n)
		})
		work["memo_calls"] = float64(m.calls)
		tm["memo"] = us(dm)
		mem["memo"] = float64(am)
		if time.Since(stepStart) > 50*time.Millisecond {
			// a long step: show what is known so far (a later sample with
			// the same x replaces this one)
			sample("work", n, work)
			sample("time", n, tm)
			sample("memory", n, mem)
		}
		var lt, lr, cells int
		dt, at := measure(minDur, func() { lt, cells = table(a, b) })
		work["table_cells"] = float64(cells)
		tm["table"] = us(dt)
		mem["table"] = float64(at)
		dr, ar := measure(minDur, func() { lr, cells = twoRows(a, b) })
		work["two_row_cells"] = float64(cells)
		tm["two_rows"] = us(dr)
		mem["two_rows"] = float64(ar)
		if got := int(m.cell[n*m.cols+n]); (naiveOn && want != lt) || got != lt || lr != lt {
			note("MISMATCH at n=%d: naive %d memo %d table %d two rows %d", n, want, got, lt, lr)
		}
		sample("work", n, work)
		sample("time", n, tm)
		sample("memory", n, mem)
		if n == *nMax {
			note("n=%d: LCS length %d; memo filled %d of %d cells with %d calls; table %.0f KiB, two rows %.1f KiB",
				n, lt, m.cells, n*n, m.calls, float64(at)/1024, float64(ar)/1024)
		}
		// Keep the steps about 100 ms apart so the lines grow visibly; the
		// pause is skipped once the run is long enough.
		if d := 100*time.Millisecond - time.Since(stepStart); d > 0 && time.Since(start) < 3*time.Second {
			time.Sleep(d)
		}
	}

	// The prediction: the bottom-up table at n and at n/2, timed in
	// alternation (so background load hits both alike), keeping the best
	// mean of each over several rounds.
	half := max(1, *nMax/2)
	a, b := randomString(rng, *nMax, *sigma), randomString(rng, *nMax, *sigma)
	tFull, tHalf := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	for round := 0; round < 9 && (round < 3 || time.Since(start) < 5*time.Second); round++ {
		tFull = min(tFull, meanOver(5*time.Millisecond, func() { table(a, b) }))
		tHalf = min(tHalf, meanOver(5*time.Millisecond, func() { table(a[:half], b[:half]) }))
	}
	ratio := float64(tFull) / float64(tHalf)
	note("bottom-up table: %.1f µs at n=%d, %.1f µs at n=%d: %.2f× for twice the length",
		us(tFull), *nMax, us(tHalf), half, ratio)
	result(math.Round(ratio*100) / 100)
}

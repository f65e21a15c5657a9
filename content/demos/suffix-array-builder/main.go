// Command suffix-array-builder builds the suffix array of a growing text
// with a naive comparison sort of the suffixes, with prefix doubling (a
// comparison sort per round, and radix sorting per round) and with Go's
// index/suffixarray, then computes the LCP array with Kasai's algorithm.
// It reports time and comparisons for each length.
package main

import (
	"errors"
	"flag"
	"index/suffixarray"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// makeText builds n bytes of the chosen kind.
func makeText(kind string, n int) []byte {
	rng := rand.New(rand.NewPCG(3, 5))
	t := make([]byte, n)
	switch kind {
	case "repetitive":
		for i := range t {
			t[i] = "ab"[i%2]
		}
	case "dna":
		// ACGT with duplications: now and then a stretch of earlier text is
		// copied, with about 1% point mutations, as in real genomes.
		for i := 0; i < n; {
			if i > 1000 && rng.IntN(100) == 0 {
				l := 20 + rng.IntN(980)
				from := rng.IntN(i - l)
				for j := 0; j < l && i < n; j++ {
					t[i] = t[from+j]
					if rng.IntN(100) == 0 {
						t[i] = "ACGT"[rng.IntN(4)]
					}
					i++
				}
				continue
			}
			t[i] = "ACGT"[rng.IntN(4)]
			i++
		}
	default:
		for i := range t {
			t[i] = byte('a' + rng.IntN(26))
		}
	}
	return t
}

var errBudget = errors.New("naive sort ran out of time")

// naiveSA sorts the suffix start positions with a comparison sort whose
// comparator walks both suffixes byte by byte. It counts every byte
// comparison and gives up (by panicking out of the sort) at the deadline.
func naiveSA(s []byte, deadline time.Time) (sa []int32, chars, compares int64, err error) {
	n := len(s)
	sa = make([]int32, n)
	for i := range sa {
		sa[i] = int32(i)
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errBudget {
				panic(r)
			}
			err = errBudget
		}
	}()
	sort.Slice(sa, func(x, y int) bool {
		compares++
		if compares%4096 == 0 && time.Now().After(deadline) {
			panic(errBudget)
		}
		i, j := int(sa[x]), int(sa[y])
		for i < n && j < n {
			chars++
			if s[i] != s[j] {
				return s[i] < s[j]
			}
			i++
			j++
		}
		return i == n && j < n // the shorter suffix (a prefix of the other) first
	})
	return sa, chars, compares, nil
}

// doublingSort is prefix doubling with a comparison sort per round: each
// suffix gets the key (rank[i], rank[i+k]) packed into 64 bits, and the keys
// are sorted. O(n log n) per round, O(n log² n) in all.
func doublingSort(s []byte) (sa []int32, rounds int, compares int64) {
	n := len(s)
	type item struct {
		key uint64
		pos int32
	}
	items := make([]item, n)
	rank := make([]int32, n)
	for i := range rank {
		rank[i] = int32(s[i])
	}
	for k := 1; n > 1; k *= 2 {
		rounds++
		for i := range n {
			second := int64(0) // no partner at i+k sorts first
			if i+k < n {
				second = int64(rank[i+k]) + 1
			}
			items[i] = item{uint64(rank[i])<<32 | uint64(second), int32(i)}
		}
		slices.SortFunc(items, func(a, b item) int {
			compares++
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
		r := int32(0)
		for j := range items {
			if j > 0 && items[j].key != items[j-1].key {
				r++
			}
			rank[items[j].pos] = r
		}
		if int(r) == n-1 {
			break // every suffix has its own rank: sorted
		}
	}
	sa = make([]int32, n)
	for j, it := range items {
		sa[j] = it.pos
	}
	return sa, rounds, compares
}

// doublingRadix is prefix doubling where each round orders the pairs
// (rank[i], rank[i+k]) with one stable counting sort: O(n) per round.
func doublingRadix(s []byte) (sa []int32, rounds int) {
	n := len(s)
	sa = make([]int32, n)
	rank, tmp, order := make([]int32, n), make([]int32, n), make([]int32, n)
	count := make([]int32, max(n, 256)+1)
	// Round zero: counting sort by the first byte.
	for i := range n {
		rank[i] = int32(s[i])
		count[s[i]+1]++
	}
	for b := 1; b <= 256; b++ {
		count[b] += count[b-1]
	}
	for i := range n {
		sa[count[s[i]]] = int32(i)
		count[s[i]]++
	}
	buckets := 256
	for k := 1; n > 1; k *= 2 {
		rounds++
		// Positions ordered by the second key: those with no partner at
		// i+k come first, then i = j-k in the current suffix order.
		p := 0
		for i := n - k; i < n; i++ {
			if i >= 0 {
				order[p] = int32(i)
				p++
			}
		}
		for _, j := range sa {
			if int(j) >= k {
				order[p] = j - int32(k)
				p++
			}
		}
		// Stable counting sort of that order by the first key.
		clear(count[:buckets+1])
		for _, i := range order {
			count[rank[i]+1]++
		}
		for b := 1; b <= buckets; b++ {
			count[b] += count[b-1]
		}
		for _, i := range order {
			sa[count[rank[i]]] = i
			count[rank[i]]++
		}
		// New ranks: equal pairs share one.
		second := func(i int32) int32 {
			if int(i)+k < n {
				return rank[int(i)+k]
			}
			return -1
		}
		tmp[sa[0]] = 0
		for r := 1; r < n; r++ {
			a, b := sa[r-1], sa[r]
			tmp[b] = tmp[a]
			if rank[a] != rank[b] || second(a) != second(b) {
				tmp[b]++
			}
		}
		rank, tmp = tmp, rank
		buckets = int(rank[sa[n-1]]) + 1
		if buckets == n {
			break
		}
	}
	return sa, rounds
}

// kasai computes lcp[r], the common prefix of the suffixes sa[r-1] and
// sa[r] (lcp[0] = 0), in O(n): from suffix i to i+1 the match shrinks by
// at most one, so the inner loop does at most 2n comparisons in all.
func kasai(s []byte, sa []int32) (lcp []int32, chars int64) {
	n := len(s)
	rank := make([]int32, n)
	for r, i := range sa {
		rank[i] = int32(r)
	}
	lcp = make([]int32, n)
	h := 0
	for i := range n {
		if rank[i] == 0 {
			h = 0
			continue
		}
		j := int(sa[rank[i]-1])
		for i+h < n && j+h < n {
			chars++
			if s[i+h] != s[j+h] {
				break
			}
			h++
		}
		lcp[rank[i]] = int32(h)
		if h > 0 {
			h--
		}
	}
	return lcp, chars
}

func main() {
	nMax := flag.Int("n", 50000, "text length at the last step")
	kind := flag.String("text", "random", "random | repetitive | dna")
	flag.Parse()

	announceRuntime()

	start := time.Now()
	text := makeText(*kind, *nMax)
	var sizes []int
	for n := 100; n < *nMax; n = n * 3 / 2 {
		sizes = append(sizes, n)
	}
	sizes = append(sizes, *nMax)
	note("%s text, prefixes of length %d to %d; sample: %q", *kind, sizes[0], *nMax, text[:min(40, len(text))])

	const naiveBudget = 1500 * time.Millisecond // all naive sorts together
	const totalBudget = 4800 * time.Millisecond
	naiveOn, naiveSpent := true, time.Duration(0)
	var lastNaive time.Duration
	lastNaiveN, rounds := 0, 0
	final := map[string]float64{}
	var lastStep time.Duration // the previous step without the naive sort
	lastN, skipped := 0, 0
	for _, n := range sizes {
		// est extrapolates the last step (without the naive sort) to length m.
		est := func(m int) time.Duration {
			if lastN < 10000 {
				return 0 // small sizes are cheap, and too noisy to extrapolate from
			}
			return time.Duration(float64(lastStep) * 1.3 * float64(m) / float64(lastN) * math.Log2(float64(m)) / math.Log2(float64(lastN)))
		}
		// Skip this size if it would leave too little time for the last one.
		if n != *nMax && time.Since(start)+est(n)+est(*nMax) > totalBudget {
			skipped++
			continue
		}
		stepStart := time.Now()
		naiveTime := time.Duration(0)
		s := text[:n]
		tm := map[string]float64{}
		cmp := map[string]float64{}
		final = map[string]float64{}

		t0 := time.Now()
		saR, r := doublingRadix(s)
		dRadix := time.Since(t0)
		rounds = r
		tm["doubling_radix"], final["doubling_radix"] = ms(dRadix), ms(dRadix)

		t0 = time.Now()
		_ = suffixarray.New(s)
		dLib := time.Since(t0)
		tm["sais"], final["sais"] = ms(dLib), ms(dLib)

		t0 = time.Now()
		lcp, kChars := kasai(s, saR)
		dKasai := time.Since(t0)
		tm["kasai"], final["kasai"] = ms(dKasai), ms(dKasai)
		cmp["kasai_chars"] = float64(kChars)
		sample("time", n, tm)
		sample("comparisons", n, cmp)

		t0 = time.Now()
		saS, _, sCmp := doublingSort(s)
		dSort := time.Since(t0)
		tm["doubling_sort"], final["doubling_sort"] = ms(dSort), ms(dSort)
		cmp["doubling_compares"] = float64(sCmp)
		if !slices.Equal(saS, saR) {
			note("MISMATCH at n=%d between the two doubling versions", n)
		}

		if naiveOn && lastNaiveN > 0 {
			// Skip it if even a quadratic extrapolation says it would not fit.
			f := float64(n) / float64(lastNaiveN)
			if est := time.Duration(float64(lastNaive) * f * f); est > naiveBudget-naiveSpent {
				naiveOn = false
				note("naive sort stops at n=%d (%.0f ms); at n=%d it would need about %.0f ms",
					lastNaiveN, ms(lastNaive), n, ms(est))
			}
		}
		if naiveOn {
			t0 = time.Now()
			// Its deadline leaves room for the remaining sizes.
			left := naiveBudget - naiveSpent
			if n != *nMax {
				left = min(left, totalBudget-time.Since(start)-est(n)-est(*nMax))
			}
			saN, chars, compares, err := naiveSA(s, t0.Add(left))
			dNaive := time.Since(t0)
			naiveSpent += dNaive
			naiveTime = dNaive
			if err != nil {
				naiveOn = false
				note("naive sort gave up at n=%d after %.0f ms (%d suffix comparisons so far)",
					n, ms(dNaive), compares)
			} else {
				lastNaive, lastNaiveN = dNaive, n
				tm["naive"], final["naive"] = ms(dNaive), ms(dNaive)
				cmp["naive_chars"] = float64(chars)
				if !slices.Equal(saN, saR) {
					note("MISMATCH at n=%d between naive and doubling", n)
				}
			}
		}
		sample("time", n, tm)
		sample("comparisons", n, cmp)
		maxLCP := slices.Max(lcp)
		sample("rounds", n, map[string]float64{"rounds": float64(rounds),
			"log2_max_lcp": math.Round(100*math.Log2(float64(maxLCP)+1)) / 100})
		lastStep, lastN = time.Since(stepStart)-naiveTime, n
		if d := 150*time.Millisecond - time.Since(stepStart); d > 0 && n != *nMax {
			time.Sleep(d)
		}
	}
	if skipped > 0 {
		note("skipped %d intermediate sizes to stay within the time budget", skipped)
	}
	for _, m := range []struct{ key, label string }{
		{"naive", "naive sort"}, {"doubling_sort", "doubling, sort"}, {"doubling_radix", "doubling, radix"},
		{"sais", "SA-IS (stdlib)"}, {"kasai", "Kasai LCP"},
	} {
		if v, ok := final[m.key]; ok {
			sample("largest", m.label, map[string]float64{"ms": v})
		}
	}
	note("prefix doubling needed %d rounds at the largest n", rounds)
	result(rounds)
}

// Command union-find-forest runs one sequence of unions and finds through
// four disjoint-set forests (naive, union by rank, path compression, both)
// in lockstep, and reports how many parent pointers each Find walks as the
// operations progress.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// forest is a disjoint-set forest over 0..n-1 with the two heuristics
// switched on or off.
type forest struct {
	name     string
	byRank   bool
	compress bool
	parent   []int32
	rank     []uint8
	hops     int64 // parent pointers followed by Find
	finds    int64
	elapsed  time.Duration
}

func newForest(name string, n int, byRank, compress bool) *forest {
	f := &forest{name: name, byRank: byRank, compress: compress, parent: make([]int32, n), rank: make([]uint8, n)}
	for i := range f.parent {
		f.parent[i] = int32(i)
	}
	return f
}

// find walks from x to its root, counting the pointers it follows; with
// compression, a second pass points every node on the path at the root.
func (f *forest) find(x int32) int32 {
	f.finds++
	root := x
	for f.parent[root] != root {
		root = f.parent[root]
		f.hops++
	}
	if f.compress {
		for x != root {
			next := f.parent[x]
			f.parent[x] = root
			x = next
		}
	}
	return root
}

// union links the root of a's tree under the root of b's tree (naive), or
// the lower-ranked root under the higher-ranked one.
func (f *forest) union(a, b int32) bool {
	ra, rb := f.find(a), f.find(b)
	if ra == rb {
		return false
	}
	if f.byRank {
		if f.rank[ra] > f.rank[rb] {
			ra, rb = rb, ra
		}
		if f.rank[ra] == f.rank[rb] {
			f.rank[rb]++
		}
	}
	f.parent[ra] = rb
	return true
}

// run applies operations lo..hi: b[i] < 0 means find(a[i]), otherwise
// union(a[i], b[i]). It stops early at the deadline (checked every 256
// operations) and returns how far it got.
func (f *forest) run(a, b []int32, lo, hi int, deadline time.Time) int {
	t0 := time.Now()
	defer func() { f.elapsed += time.Since(t0) }()
	for i := lo; i < hi; i++ {
		if i%256 == 0 && i > lo && time.Now().After(deadline) {
			return i
		}
		if b[i] < 0 {
			f.find(a[i])
		} else {
			f.union(a[i], b[i])
		}
	}
	return hi
}

// maxDepth is the height of the tallest tree, found without changing the forest.
func (f *forest) maxDepth() int {
	depth := make([]int32, len(f.parent))
	for i := range depth {
		depth[i] = -1
	}
	best := 0
	var stack []int32
	for i := range f.parent {
		x := int32(i)
		for depth[x] < 0 && f.parent[x] != x {
			stack = append(stack, x)
			x = f.parent[x]
		}
		if depth[x] < 0 {
			depth[x] = 0
		}
		d := depth[x]
		for k := len(stack) - 1; k >= 0; k-- {
			d++
			depth[stack[k]] = d
		}
		stack = stack[:0]
		best = max(best, int(d))
	}
	return best
}

func r2(x float64) float64 { return math.Round(x*100) / 100 }

func main() {
	n := flag.Int("n", 100000, "elements")
	m := flag.Int("ops", 400000, "operations, half unions and half finds")
	pattern := flag.String("pattern", "random", "random | adversarial")
	flag.Parse()

	announceRuntime()

	start := time.Now()
	// One operation sequence for all four forests.
	rng := rand.New(rand.NewPCG(7, 11))
	a, b := make([]int32, *m), make([]int32, *m)
	next := int32(1)
	for i := range a {
		if i%2 == 1 {
			a[i], b[i] = int32(rng.IntN(*n)), -1 // find a random element
			continue
		}
		if *pattern == "adversarial" {
			// union(0, k) for k = 1, 2, 3 ...: the naive rule hangs the whole
			// tree under the fresh singleton k every time, building a chain.
			a[i], b[i] = 0, next
			if next++; int(next) == *n {
				next = 1
			}
		} else {
			a[i], b[i] = int32(rng.IntN(*n)), int32(rng.IntN(*n))
		}
	}
	forests := []*forest{
		newForest("naive", *n, false, false),
		newForest("rank", *n, true, false),
		newForest("compression", *n, false, true),
		newForest("both", *n, true, true),
	}
	note("%d elements, %d operations (%s unions, random finds), applied in lockstep to 4 forests",
		*n, *m, *pattern)

	const budget = 4200 * time.Millisecond
	done, chunk := 0, max(1, *m/400)
	prevHops := make([]int64, len(forests))
	prevFinds := make([]int64, len(forests))
	for done < *m {
		if time.Since(start) > budget {
			note("stopped after %d of %d operations: the time budget ran out", done, *m)
			break
		}
		hi := min(*m, done+chunk)
		t0 := time.Now()
		// The naive forest goes first and may be cut short; the other three
		// then run to exactly the same operation.
		deadline := t0.Add(250 * time.Millisecond)
		if end := start.Add(budget); end.Before(deadline) {
			deadline = end
		}
		hi = forests[0].run(a, b, done, hi, deadline)
		for _, f := range forests[1:] {
			f.run(a, b, done, hi, t0.Add(time.Hour))
		}
		took := time.Since(t0)
		done = hi
		path := map[string]float64{}
		total := map[string]float64{}
		for i, f := range forests {
			if df := f.finds - prevFinds[i]; df > 0 {
				path[f.name] = r2(float64(f.hops-prevHops[i]) / float64(df))
			}
			total[f.name] = float64(f.hops)
			prevHops[i], prevFinds[i] = f.hops, f.finds
		}
		sample("path", done, path)
		sample("total_hops", done, total)
		// Aim for a sample every ~100 ms: scale the next chunk by how far
		// this one was from that, by at most 2x either way.
		scale := min(2, max(0.5, float64(100*time.Millisecond)/float64(max(took, time.Microsecond))))
		chunk = max(1, int(float64(chunk)*scale))
		if d := 100*time.Millisecond - took; d > 0 {
			time.Sleep(d)
		}
	}

	for _, f := range forests {
		sample("cost", f.name, map[string]float64{"hops_per_op": r2(float64(f.hops) / float64(done))})
		sample("time", f.name, map[string]float64{"ns_per_op": r2(float64(f.elapsed.Nanoseconds()) / float64(done))})
	}
	depths := ""
	for _, f := range forests {
		depths += fmt.Sprintf(" %s %d,", f.name, f.maxDepth())
	}
	note("tallest tree after %d operations:%s", done, depths[:len(depths)-1])
	ratio := float64(forests[0].hops) / float64(max(1, forests[3].hops))
	note("pointer hops: naive %d, rank + compression %d: %.1f× fewer",
		forests[0].hops, forests[3].hops, ratio)
	result(r2(ratio))
}

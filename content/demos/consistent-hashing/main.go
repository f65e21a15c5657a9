// Command consistent-hashing places payment ids on n shards, adds one shard,
// and counts how many keys move with modulo hashing and with a hash ring
// with virtual nodes. It then sweeps the number of virtual nodes and shows
// how the ring's balance (largest shard / mean) and lookup cost change.
package main

import (
	"flag"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"
)

// hash64 is FNV-1a over the bytes followed by the splitmix64 finalizer, so
// that similar names ("shard-3#17", "shard-3#18") land far apart.
func hash64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// ring is a consistent-hash ring: every shard owns vnodes points on the
// 2^64 circle, and a key belongs to the first point at or after its hash.
type ring struct {
	points []uint64
	owner  []int32
}

func newRing(shards, vnodes int) *ring {
	type pt struct {
		h uint64
		s int32
	}
	pts := make([]pt, 0, shards*vnodes)
	for s := range shards {
		for v := range vnodes {
			pts = append(pts, pt{hash64("shard-" + strconv.Itoa(s) + "#" + strconv.Itoa(v)), int32(s)})
		}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].h < pts[j].h })
	r := &ring{points: make([]uint64, len(pts)), owner: make([]int32, len(pts))}
	for i, p := range pts {
		r.points[i], r.owner[i] = p.h, p.s
	}
	return r
}

func (r *ring) get(h uint64) int {
	i, _ := slices.BinarySearch(r.points, h)
	if i == len(r.points) {
		i = 0 // wrap around
	}
	return int(r.owner[i])
}

func modulo(h uint64, n int) int { return int(h % uint64(n)) }

type placement struct {
	moved, betweenOld int
	load              []int // keys per shard after the resize
	movedIn           []int // keys that arrived at each shard with the resize
}

// resize places every key before and after adding shard n (so n -> n+1).
func resize(hashes []uint64, n int, before, after func(uint64) int) placement {
	p := placement{load: make([]int, n+1), movedIn: make([]int, n+1)}
	for _, h := range hashes {
		a, b := before(h), after(h)
		p.load[b]++
		if a != b {
			p.moved++
			p.movedIn[b]++
			if b != n {
				p.betweenOld++ // moved, but not to the new shard: pure waste
			}
		}
	}
	return p
}

// lookupNs times a pass of lookups over all keys three times and returns
// the best mean, in ns per lookup.
// lookupSample keys are enough to time a lookup; timing all of them doubled the run at the
// largest settings without making the figure steadier.
const lookupSample = 20000

func lookupNs(hashes []uint64, get func(uint64) int) float64 {
	hashes = hashes[:min(len(hashes), lookupSample)]
	best := math.MaxFloat64
	sink := 0
	for range 3 {
		t0 := time.Now()
		for _, h := range hashes {
			sink += get(h)
		}
		best = math.Min(best, float64(time.Since(t0).Nanoseconds())/float64(len(hashes)))
	}
	if sink == -1 {
		fmt.Println() // keeps the lookups from being optimised away
	}
	return best
}

func maxOverMean(load []int, keys int) float64 {
	return float64(slices.Max(load)) / (float64(keys) / float64(len(load)))
}

func r3(x float64) float64 { return math.Round(x*1000) / 1000 }

// pace keeps successive samples at least gap apart so the charts grow visibly.
type pace struct {
	last time.Time
	gap  time.Duration
}

func (p *pace) wait() {
	if d := p.gap - time.Since(p.last); d > 0 {
		time.Sleep(d)
	}
	p.last = time.Now()
}

func main() {
	keys := flag.Int("keys", 100000, "number of keys")
	nodes := flag.Int("nodes", 10, "shards before the resize")
	vnodes := flag.Int("vnodes", 100, "virtual nodes per shard on the ring")
	flag.Parse()

	announceRuntime()

	n, k := *nodes, *keys
	pc := &pace{gap: 120 * time.Millisecond, last: time.Now()}
	t0 := time.Now()
	hashes := make([]uint64, k)
	for i := range hashes {
		hashes[i] = hash64("pay_" + strconv.Itoa(i))
	}
	note("hashed %d payment ids in %.1f ms; resizing %d -> %d shards",
		k, ms(time.Since(t0)), n, n+1)

	// 1. Modulo hashing.
	mod := resize(hashes, n, func(h uint64) int { return modulo(h, n) }, func(h uint64) int { return modulo(h, n+1) })
	pc.wait()
	sample("moved", "modulo", map[string]float64{"moved": r3(100 * float64(mod.moved) / float64(k)),
		"between_old": r3(100 * float64(mod.betweenOld) / float64(k))})
	note("modulo: %d of %d keys moved (%.1f%%), %d of them between shards that already existed",
		mod.moved, k, 100*float64(mod.moved)/float64(k), mod.betweenOld)

	// 2. The ring with the chosen number of virtual nodes.
	t1 := time.Now()
	rb, ra := newRing(n, *vnodes), newRing(n+1, *vnodes)
	build := time.Since(t1)
	rg := resize(hashes, n, rb.get, ra.get)
	pc.wait()
	ringLabel := fmt.Sprintf("ring, %d vnodes", *vnodes)
	sample("moved", ringLabel, map[string]float64{"moved": r3(100 * float64(rg.moved) / float64(k)),
		"between_old": r3(100 * float64(rg.betweenOld) / float64(k))})
	sample("moved", "minimum: 1/(n+1)", map[string]float64{"moved": r3(100 / float64(n+1)), "between_old": 0})
	note("ring: built %d + %d points in %.1f ms; %d keys moved (%.1f%%), %d between old shards",
		n**vnodes, (n+1)**vnodes, ms(build), rg.moved, 100*float64(rg.moved)/float64(k), rg.betweenOld)

	for s := 0; s <= n; s++ {
		x := "s" + strconv.Itoa(s)
		if s == n {
			x += " (new)"
		}
		sample("per_shard_modulo", x, map[string]float64{"stayed": float64(mod.load[s] - mod.movedIn[s]), "moved_in": float64(mod.movedIn[s])})
		sample("per_shard_ring", x, map[string]float64{"stayed": float64(rg.load[s] - rg.movedIn[s]), "moved_in": float64(rg.movedIn[s])})
		if s%10 == 9 {
			pc.wait()
		}
	}
	modNs := lookupNs(hashes, func(h uint64) int { return modulo(h, n+1) })
	sample("lookup", "modulo", map[string]float64{"ns_per_key": r3(modNs)})
	sample("lookup", ringLabel, map[string]float64{"ns_per_key": r3(lookupNs(hashes, ra.get))})

	// 3. Sweep the virtual nodes: balance, keys moved and lookup cost.
	modBalance := maxOverMean(mod.load, k)
	for _, v := range []int{1, 2, 5, 10, 20, 35, 50, 75, 100, 150, 200, 300, 400, 500} {
		b, a := newRing(n, v), newRing(n+1, v)
		p := resize(hashes, n, b.get, a.get)
		pc.wait()
		sample("balance", v, map[string]float64{"ring": r3(maxOverMean(p.load, k)), "modulo": r3(modBalance)})
		sample("moved_sweep", v, map[string]float64{"ring": r3(100 * float64(p.moved) / float64(k)),
			"modulo": r3(100 * float64(mod.moved) / float64(k)), "minimum": r3(100 / float64(n+1))})
		sample("lookup_sweep", v, map[string]float64{"ring": r3(lookupNs(hashes, a.get)), "modulo": r3(modNs)})
	}
	note("largest shard / mean after the resize: modulo %.3f, ring with %d vnodes %.3f",
		modBalance, *vnodes, maxOverMean(rg.load, k))
	result(r3(100 * float64(mod.moved) / float64(k)))
}

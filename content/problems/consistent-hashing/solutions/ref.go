package main

import (
	"slices"
	"strconv"
)

// h is the ring's hash: 64-bit FNV-1a over the bytes, then the fmix64 finalizer.
func h(s string) uint64 {
	x := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= 0x100000001b3
	}
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

type point struct {
	at   uint64
	node int32
}

// A sorted ring of points ordered by hash, then by node name. A change merges or filters the
// ring in O(N·V) and re-resolves every tracked key by binary search:
// O(N·V + V log V + K log(N·V)) per change, O(log(N·V)) per lookup.
func consistentHashing(replicas int, nodes, keys []string, ops []Op) []string {
	var names []string
	ids := map[string]int32{}
	var ring []point

	idOf := func(name string) int32 {
		if id, ok := ids[name]; ok {
			return id
		}
		id := int32(len(names))
		names = append(names, name)
		ids[name] = id
		return id
	}
	less := func(a, b point) bool {
		return a.at < b.at || (a.at == b.at && names[a.node] < names[b.node])
	}
	// The first point >= kh, wrapping to the smallest; equal points are sorted by name.
	owner := func(kh uint64) int32 {
		lo, hi := 0, len(ring)
		for lo < hi {
			m := (lo + hi) / 2
			if ring[m].at < kh {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == len(ring) {
			lo = 0
		}
		return ring[lo].node
	}
	cmp := func(a, b point) int {
		if less(a, b) {
			return -1
		}
		if less(b, a) {
			return 1
		}
		return 0
	}
	pointsOf := func(id int32) []point {
		fresh := make([]point, replicas)
		for i := range fresh {
			fresh[i] = point{h(names[id] + "#" + strconv.Itoa(i)), id}
		}
		return fresh
	}
	add := func(id int32) {
		fresh := pointsOf(id)
		slices.SortFunc(fresh, cmp)
		merged := make([]point, 0, len(ring)+len(fresh))
		i, j := 0, 0
		for i < len(ring) || j < len(fresh) {
			if j == len(fresh) || (i < len(ring) && less(ring[i], fresh[j])) {
				merged = append(merged, ring[i])
				i++
			} else {
				merged = append(merged, fresh[j])
				j++
			}
		}
		ring = merged
	}

	// The initial ring: every point at once, one sort.
	for _, n := range nodes {
		ring = append(ring, pointsOf(idOf(n))...)
	}
	slices.SortFunc(ring, cmp)
	hashes := make([]uint64, len(keys))
	owners := make([]int32, len(keys))
	for i, k := range keys {
		hashes[i] = h(k)
		owners[i] = owner(hashes[i])
	}
	out := make([]string, 0, len(ops))
	for _, op := range ops {
		switch op.Kind {
		case "OWNER":
			out = append(out, names[owner(h(op.Name))])
			continue
		case "ADD":
			add(idOf(op.Name))
		case "REMOVE":
			id := ids[op.Name]
			kept := ring[:0]
			for _, p := range ring {
				if p.node != id {
					kept = append(kept, p)
				}
			}
			ring = kept
		}
		moved := 0
		for i, kh := range hashes {
			if now := owner(kh); now != owners[i] {
				moved++
				owners[i] = now
			}
		}
		out = append(out, strconv.Itoa(moved))
	}
	return out
}

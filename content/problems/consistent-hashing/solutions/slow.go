package main

import "strconv"

// Keeps the points unsorted and scans the whole ring for every lookup: the smallest point
// >= the key's hash, else the smallest point overall. Correct, but O(N·V) per lookup and
// O(K·N·V) per change: must exceed the time limit on the 200 × 100-point ring.
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

type pt struct {
	at   uint64
	node string
}

func before(a, b pt) bool { return a.at < b.at || (a.at == b.at && a.node < b.node) }

func ownerOf(points []pt, kh uint64) string {
	best, first := -1, -1
	for i, p := range points {
		if first < 0 || before(p, points[first]) {
			first = i
		}
		if p.at >= kh && (best < 0 || before(p, points[best])) {
			best = i
		}
	}
	if best < 0 {
		best = first
	}
	return points[best].node
}

func consistentHashing(replicas int, nodes, keys []string, ops []Op) []string {
	var points []pt
	add := func(n string) {
		for i := 0; i < replicas; i++ {
			points = append(points, pt{h(n + "#" + strconv.Itoa(i)), n})
		}
	}
	for _, n := range nodes {
		add(n)
	}
	owners := make([]string, len(keys))
	for i, k := range keys {
		owners[i] = ownerOf(points, h(k))
	}
	var out []string
	for _, op := range ops {
		switch op.Kind {
		case "OWNER":
			out = append(out, ownerOf(points, h(op.Name)))
			continue
		case "ADD":
			add(op.Name)
		case "REMOVE":
			var kept []pt
			for _, p := range points {
				if p.node != op.Name {
					kept = append(kept, p)
				}
			}
			points = kept
		}
		moved := 0
		for i, k := range keys {
			if now := ownerOf(points, h(k)); now != owners[i] {
				moved++
				owners[i] = now
			}
		}
		out = append(out, strconv.Itoa(moved))
	}
	return out
}

package main

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// The textbook ring: a slice of points re-sorted with slices.SortFunc after every change,
// sort.Search for the successor, and a map of key -> owner rebuilt after every change.
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

type vnode struct {
	hash uint64
	node string
}

type HashRing struct {
	replicas int
	points   []vnode
}

func (r *HashRing) Add(nodes ...string) {
	for _, node := range nodes {
		for i := 0; i < r.replicas; i++ {
			r.points = append(r.points, vnode{h(node + "#" + strconv.Itoa(i)), node})
		}
	}
	slices.SortFunc(r.points, func(a, b vnode) int {
		if a.hash != b.hash {
			return cmp.Compare(a.hash, b.hash)
		}
		return strings.Compare(a.node, b.node)
	})
}

func (r *HashRing) Remove(node string) {
	var kept []vnode
	for _, p := range r.points {
		if p.node != node {
			kept = append(kept, p)
		}
	}
	r.points = kept
}

func (r *HashRing) Get(key string) string {
	kh := h(key)
	i := sort.Search(len(r.points), func(i int) bool { return r.points[i].hash >= kh })
	if i == len(r.points) {
		i = 0
	}
	return r.points[i].node
}

func consistentHashing(replicas int, nodes, keys []string, ops []Op) []string {
	ring := &HashRing{replicas: replicas}
	ring.Add(nodes...)
	owners := map[string]string{}
	for _, k := range keys {
		owners[k] = ring.Get(k)
	}
	var result []string
	for _, op := range ops {
		switch op.Kind {
		case "OWNER":
			result = append(result, ring.Get(op.Name))
			continue
		case "ADD":
			ring.Add(op.Name)
		case "REMOVE":
			ring.Remove(op.Name)
		}
		moved := 0
		for _, k := range keys {
			now := ring.Get(k)
			if owners[k] != now {
				moved++
				owners[k] = now
			}
		}
		result = append(result, strconv.Itoa(moved))
	}
	return result
}

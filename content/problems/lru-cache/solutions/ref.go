package main

// A map from key to a slot in an arena, and a doubly linked list threaded through the arena by
// index, from the most recently used (after the head sentinel, slot 0) to the least recently
// used (before it). Every operation is O(1) expected.
func lruCache(capacity int, ops []Op) ([]int64, int) {
	size := min(capacity, len(ops))
	keys := make([]int64, 1, size+1)
	values := make([]int64, 1, size+1)
	prev := make([]int32, 1, size+1)
	next := make([]int32, 1, size+1)
	slot := make(map[int64]int32, size)
	unlink := func(i int32) {
		p, n := prev[i], next[i]
		next[p] = n
		prev[n] = p
	}
	pushFront := func(i int32) {
		first := next[0]
		prev[i], next[i] = 0, first
		prev[first] = i
		next[0] = i
	}
	var results []int64
	evictions := 0
	for _, op := range ops {
		i, ok := slot[op.Key]
		if !op.Put {
			if ok {
				unlink(i)
				pushFront(i)
				results = append(results, values[i])
			} else {
				results = append(results, -1)
			}
			continue
		}
		if ok {
			values[i] = op.Value
			unlink(i)
			pushFront(i)
			continue
		}
		if len(slot) == capacity {
			// Full: reuse the least recently used node's slot for the new key.
			i = prev[0]
			unlink(i)
			delete(slot, keys[i])
			evictions++
			keys[i], values[i] = op.Key, op.Value
		} else {
			i = int32(len(keys))
			keys = append(keys, op.Key)
			values = append(values, op.Value)
			prev = append(prev, 0)
			next = append(next, 0)
		}
		pushFront(i)
		slot[op.Key] = i
	}
	return results, evictions
}

package main

// A slice of entries from least to most recently used: every operation scans it and moves the
// entry to the end. Correct, but O(capacity) per operation: must exceed the time limit.
func lruCache(capacity int, ops []Op) ([]int64, int) {
	type entry struct{ key, value int64 }
	var cache []entry
	var results []int64
	evictions := 0
	find := func(key int64) int {
		for i, e := range cache {
			if e.key == key {
				return i
			}
		}
		return -1
	}
	for _, op := range ops {
		i := find(op.Key)
		if !op.Put {
			if i < 0 {
				results = append(results, -1)
				continue
			}
			e := cache[i]
			cache = append(cache[:i], cache[i+1:]...)
			cache = append(cache, e)
			results = append(results, e.value)
			continue
		}
		if i >= 0 {
			cache = append(cache[:i], cache[i+1:]...)
		} else if len(cache) == capacity {
			cache = cache[1:]
			evictions++
		}
		cache = append(cache, entry{op.Key, op.Value})
	}
	return results, evictions
}

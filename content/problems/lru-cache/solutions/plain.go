package main

import "container/list"

type entry struct {
	key   int64
	value int64
}

// The textbook LRU: container/list keeps entries from most to least recently used and a map
// points from each key to its list element.
func lruCache(capacity int, ops []Op) ([]int64, int) {
	order := list.New()
	items := map[int64]*list.Element{}
	results := []int64{}
	evictions := 0
	for _, op := range ops {
		if op.Put {
			if e, ok := items[op.Key]; ok {
				e.Value.(*entry).value = op.Value
				order.MoveToFront(e)
				continue
			}
			if order.Len() == capacity {
				last := order.Back()
				order.Remove(last)
				delete(items, last.Value.(*entry).key)
				evictions++
			}
			items[op.Key] = order.PushFront(&entry{op.Key, op.Value})
		} else {
			if e, ok := items[op.Key]; ok {
				order.MoveToFront(e)
				results = append(results, e.Value.(*entry).value)
			} else {
				results = append(results, -1)
			}
		}
	}
	return results, evictions
}

package main

import "container/list"

// Treats a GET as a read only: it returns the value without moving the entry to the front, so
// a key read a moment ago can be evicted before one nobody has touched. Must get WA.
func lruCache(capacity int, ops []Op) ([]int64, int) {
	type entry struct{ key, value int64 }
	order := list.New()
	items := map[int64]*list.Element{}
	var results []int64
	evictions := 0
	for _, op := range ops {
		e, ok := items[op.Key]
		if !op.Put {
			if ok {
				results = append(results, e.Value.(*entry).value)
			} else {
				results = append(results, -1)
			}
			continue
		}
		if ok {
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
	}
	return results, evictions
}

package main

import "container/list"

// A PUT of a cached key overwrites the value in place but leaves the entry where it was: the
// write does not count as a use, so a freshly written key can be evicted next. Must get WA.
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
				order.MoveToFront(e)
				results = append(results, e.Value.(*entry).value)
			} else {
				results = append(results, -1)
			}
			continue
		}
		if ok {
			e.Value.(*entry).value = op.Value
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

package main

// Keyed state, updated incrementally: a FIFO of the payments still in the window, a running
// total per merchant, and a max-heap of (total, merchant) snapshots with lazy deletion. Every
// change to a merchant's total bumps its version and pushes a fresh snapshot; a snapshot whose
// version is stale is discarded when it reaches the top. A query pops until it has K live
// entries and pushes them back. O((P + Q·K) log P) amortised.

type snapshot struct {
	total    int64
	merchant int64
	slot     int32 // index into totals/version
	version  int32
}

// before orders the heap: larger total first, then smaller merchant id.
func before(a, b snapshot) bool {
	if a.total != b.total {
		return a.total > b.total
	}
	return a.merchant < b.merchant
}

type maxHeap []snapshot

func (h *maxHeap) push(s snapshot) {
	*h = append(*h, s)
	a := *h
	i := len(a) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !before(a[i], a[p]) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *maxHeap) pop() snapshot {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	i := 0
	for {
		l, best := 2*i+1, i
		if l < len(a) && before(a[l], a[best]) {
			best = l
		}
		if r := l + 1; r < len(a) && before(a[r], a[best]) {
			best = r
		}
		if best == i {
			break
		}
		a[i], a[best] = a[best], a[i]
		i = best
	}
	*h = a
	return top
}

func topMerchants(k int, window int64, events []Event) [][]Entry {
	slotOf := make(map[int64]int32)
	var ids, totals []int64
	var version []int32
	var heap, live maxHeap

	change := func(slot int32, delta int64) {
		totals[slot] += delta
		version[slot]++
		if totals[slot] > 0 { // zero volume: no live snapshot, off the dashboard
			heap.push(snapshot{totals[slot], ids[slot], slot, version[slot]})
		}
	}

	type pending struct {
		at     int64
		slot   int32
		amount int64
	}
	var queue []pending // payments in the window; head indexes its oldest
	head := 0
	answers := make([][]Entry, 0)
	for _, e := range events {
		if !e.Query {
			slot, ok := slotOf[e.Merchant]
			if !ok {
				slot = int32(len(ids))
				slotOf[e.Merchant] = slot
				ids = append(ids, e.Merchant)
				totals = append(totals, 0)
				version = append(version, 0)
			}
			queue = append(queue, pending{e.At, slot, e.Amount})
			change(slot, e.Amount)
			continue
		}
		// The window is (At - window, At]: a payment at exactly At - window has left.
		for head < len(queue) && queue[head].at <= e.At-window {
			change(queue[head].slot, -queue[head].amount)
			head++
		}
		if head > 4096 && head*2 > len(queue) { // reclaim the consumed prefix
			queue = append(queue[:0], queue[head:]...)
			head = 0
		}
		live = live[:0]
		for len(live) < k && len(heap) > 0 {
			if s := heap.pop(); s.version == version[s.slot] {
				live = append(live, s)
			}
		}
		list := make([]Entry, len(live))
		for i, s := range live { // live snapshots go back; the stale ones stay discarded
			list[i] = Entry{s.merchant, s.total}
			heap.push(s)
		}
		answers = append(answers, list)
	}
	return answers
}

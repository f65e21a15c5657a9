// Four ways to share a map between goroutines, under a chosen read/write mix.
//
//	mutex     map[string]int + sync.Mutex
//	rwmutex   map[string]int + sync.RWMutex (readers share the lock)
//	syncmap   sync.Map (a concurrent hash trie since Go 1.24)
//	sharded   -shards maps, each with its own RWMutex, picked by maphash
//
// 10,000 merchant keys exist from the start; each operation picks a random
// key and reads it (-read_pct of the time) or overwrites its value. First
// every design runs at -goroutines in alternating 100 ms rounds (the bars),
// then a sweep doubles the goroutine count from 1 up to -goroutines.
package main

import (
	"flag"
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

const (
	keyCount    = 10_000
	barRounds   = 3
	barRoundFor = 100 * time.Millisecond
	sweepFor    = 60 * time.Millisecond
	budget      = 4200 * time.Millisecond // no new sweep point after this
)

type store interface {
	Load(string) (int, bool)
	Store(string, int)
}

type mutexMap struct {
	mu sync.Mutex
	m  map[string]int
}

func (l *mutexMap) Load(k string) (int, bool) {
	l.mu.Lock()
	v, ok := l.m[k]
	l.mu.Unlock()
	return v, ok
}

func (l *mutexMap) Store(k string, v int) {
	l.mu.Lock()
	l.m[k] = v
	l.mu.Unlock()
}

type rwMap struct {
	mu sync.RWMutex
	m  map[string]int
}

func (l *rwMap) Load(k string) (int, bool) {
	l.mu.RLock()
	v, ok := l.m[k]
	l.mu.RUnlock()
	return v, ok
}

func (l *rwMap) Store(k string, v int) {
	l.mu.Lock()
	l.m[k] = v
	l.mu.Unlock()
}

type syncMap struct{ m sync.Map }

func (s *syncMap) Load(k string) (int, bool) {
	v, ok := s.m.Load(k)
	if !ok {
		return 0, false
	}
	return v.(int), true
}

func (s *syncMap) Store(k string, v int) { s.m.Store(k, v) } // boxes v into an any

type shard struct {
	mu sync.RWMutex
	m  map[string]int
	_  [64]byte // neighbouring shards' locks on different cache lines
}

type shardedMap struct {
	seed   maphash.Seed
	shards []shard
}

func newSharded(n int) *shardedMap {
	s := &shardedMap{seed: maphash.MakeSeed(), shards: make([]shard, n)}
	for i := range s.shards {
		s.shards[i].m = make(map[string]int)
	}
	return s
}

func (s *shardedMap) shardFor(k string) *shard {
	return &s.shards[maphash.String(s.seed, k)%uint64(len(s.shards))]
}

func (s *shardedMap) Load(k string) (int, bool) {
	sh := s.shardFor(k)
	sh.mu.RLock()
	v, ok := sh.m[k]
	sh.mu.RUnlock()
	return v, ok
}

func (s *shardedMap) Store(k string, v int) {
	sh := s.shardFor(k)
	sh.mu.Lock()
	sh.m[k] = v
	sh.mu.Unlock()
}

var (
	keys     []string
	variants = []string{"mutex", "rwmutex", "syncmap", "sharded"}
	labels   = map[string]string{"mutex": "mutex", "rwmutex": "rwmutex", "syncmap": "sync.Map", "sharded": "sharded"}
)

func build(variant string, shards int) store {
	var s store
	switch variant {
	case "mutex":
		s = &mutexMap{m: make(map[string]int, keyCount)}
	case "rwmutex":
		s = &rwMap{m: make(map[string]int, keyCount)}
	case "syncmap":
		s = &syncMap{}
	default:
		s = newSharded(shards)
	}
	for i, k := range keys {
		s.Store(k, i)
	}
	return s
}

type paddedFlag struct {
	_ [64]byte
	atomic.Bool
	_ [63]byte
}

var stop paddedFlag

// measure returns operations per millisecond for g goroutines on a fresh map.
func measure(variant string, g, readPct, shards int, d time.Duration) float64 {
	s := build(variant, shards)
	stop.Store(false)
	var wg sync.WaitGroup
	var ops, found atomic.Int64
	ready := make(chan struct{})
	for id := range g {
		wg.Go(func() {
			x := uint64(id)*0x9e3779b97f4a7c15 + 1
			var n, hits int64
			<-ready
			for !stop.Load() {
				x ^= x << 13 // xorshift: a private random stream per goroutine
				x ^= x >> 7
				x ^= x << 17
				k := keys[x%keyCount]
				if int((x>>32)%100) < readPct {
					if _, ok := s.Load(k); ok {
						hits++
					}
				} else {
					s.Store(k, int(n))
				}
				n++
			}
			ops.Add(n)
			found.Add(hits)
		})
	}
	start := time.Now()
	close(ready)
	time.Sleep(d)
	elapsed := time.Since(start)
	stop.Store(true)
	wg.Wait()
	if ops.Load() > 0 && found.Load() == 0 && readPct > 0 {
		note("%s: reads found no keys", variant)
	}
	return finite(float64(ops.Load()) / ms(elapsed))
}

func sweepPoints(maxG int) []int {
	var gs []int
	for g := 1; g < maxG; g *= 2 {
		gs = append(gs, g)
	}
	return append(gs, maxG)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func main() {
	readPct := flag.Int("read_pct", 90, "percent of operations that are reads")
	goroutines := flag.Int("goroutines", 8, "goroutines using the map (and the sweep's end)")
	shards := flag.Int("shards", 16, "shards of the sharded map")
	flag.Parse()

	announceRuntime()
	keys = make([]string, keyCount)
	for i := range keys {
		keys[i] = "merchant-" + strconv.Itoa(i)
	}
	start := time.Now()
	g := *goroutines
	note("%d keys, %d %% reads / %d %% writes, sharded map with %d shards; bars at %d goroutines, %d alternating rounds of %v",
		keyCount, *readPct, 100-*readPct, *shards, g, barRounds, barRoundFor)

	results := map[string][]float64{}
	category := fmt.Sprintf("%d %% reads, %d goroutines", *readPct, g)
	for range barRounds {
		for _, v := range variants {
			results[v] = append(results[v], measure(v, g, *readPct, *shards, barRoundFor))
			// One sample per settings, carrying every bar measured so far:
			// a later sample with the same x replaces the earlier one.
			values := map[string]float64{}
			for _, w := range variants {
				if len(results[w]) > 0 {
					values[w] = median(results[w])
				}
			}
			sample("compare", category, values)
		}
	}
	winner := variants[0]
	for _, v := range variants {
		if median(results[v]) > median(results[winner]) {
			winner = v
		}
	}
	note("at %d goroutines: mutex %.0f, rwmutex %.0f, sync.Map %.0f, sharded %.0f ops/ms",
		g, median(results["mutex"]), median(results["rwmutex"]), median(results["syncmap"]), median(results["sharded"]))

	note("sweep: 1 → %d goroutines, %v per design and point", g, sweepFor)
	for _, n := range sweepPoints(g) {
		if time.Since(start) > budget {
			note("time budget of %v reached: sweep stopped before %d goroutines (a busy machine)", budget, n)
			break
		}
		values := map[string]float64{}
		for _, v := range variants {
			values[v] = measure(v, n, *readPct, *shards, sweepFor)
			sample("sweep", n, values) // same x again with one more series: it replaces the last one
		}
	}
	note("highest throughput at %d %% reads and %d goroutines: %s", *readPct, g, labels[winner])
	result(labels[winner])
}

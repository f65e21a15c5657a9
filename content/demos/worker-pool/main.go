// Worker pool versus one goroutine per task.
//
// The same jobs run twice, one strategy after the other: first through a
// fixed pool of -workers goroutines reading an unbuffered channel, then with
// a goroutine spawned for every job. Each job carries a payload the producer
// allocated (like a request body) and burns about -work_us of CPU on it. A
// sampler reports the goroutine count, heap and stack memory, and completed
// jobs while each strategy runs.
package main

import (
	"flag"
	"math"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// phaseBudget bounds each strategy on a busy machine; on an idle one even
// the slowest settings (one worker, the most and largest jobs) stay under 2 s.
const phaseBudget = 2000 * time.Millisecond

// burn folds the payload once, then mixes the hash for rounds iterations:
// a little memory traffic plus a fixed amount of CPU.
func burn(p []byte, rounds int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i+8 <= len(p); i += 8 {
		h ^= uint64(p[i]) | uint64(p[i+7])<<8
		h *= 1099511628211
	}
	for r := 0; r < rounds; r++ {
		h ^= h >> 29
		h *= 0xbf58476d1ce4e5b9
		h ^= uint64(r)
	}
	return h
}

// roundsPerMicro measures how many mixing rounds this machine does per µs.
func roundsPerMicro() float64 {
	best := 0.0
	buf := make([]byte, 64)
	for range 5 {
		const n = 2_000_000
		start := time.Now()
		sinkH.Add(burn(buf, n))
		us := float64(time.Since(start).Nanoseconds()) / 1000
		if r := n / us; r > best {
			best = r
		}
	}
	return best
}

var sinkH atomic.Uint64

type phase struct {
	name      string
	start     time.Time
	elapsed   time.Duration
	submitted int
	done      atomic.Int64
	peakG     atomic.Int64
	peakHeap  uint64
	peakStack uint64
}

// throughput is completed tasks per millisecond.
func (p *phase) throughput() float64 {
	return finite(float64(p.done.Load()) / ms(p.elapsed))
}

func (p *phase) notePeakG() {
	g := int64(runtime.NumGoroutine())
	for {
		cur := p.peakG.Load()
		if g <= cur || p.peakG.CompareAndSwap(cur, g) {
			return
		}
	}
}

// xs keeps each line chart's x values unique: both strategies are drawn
// against "ms since this strategy started", and a repeated x would replace
// the other strategy's point.
var xs = map[string]map[float64]bool{}

func uniqueX(chart string, ms float64) float64 {
	x := math.Round(ms*10) / 10
	if xs[chart] == nil {
		xs[chart] = map[float64]bool{}
	}
	for xs[chart][x] {
		x = math.Round((x+0.1)*10) / 10
	}
	xs[chart][x] = true
	return x
}

var samples = []metrics.Sample{
	{Name: "/memory/classes/heap/objects:bytes"},
	{Name: "/memory/classes/heap/stacks:bytes"},
}

func readMem() (heap, stacks uint64) {
	metrics.Read(samples)
	return samples[0].Value.Uint64(), samples[1].Value.Uint64()
}

func report(p *phase) {
	at := ms(time.Since(p.start))
	heap, stacks := readMem()
	g := runtime.NumGoroutine()
	sample("goroutines", uniqueX("goroutines", at), map[string]float64{p.name: float64(g)})
	sample("memory", uniqueX("memory", at), map[string]float64{
		p.name + "_heap": float64(heap) / (1 << 20), p.name + "_stacks": float64(stacks) / (1 << 20)})
	sample("completed", uniqueX("completed", at), map[string]float64{p.name: float64(p.done.Load())})
}

// sampler tracks peaks every 10 ms and reports every 50 ms until stop closes.
func sampler(p *phase, stop <-chan struct{}, finished chan<- struct{}) {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-stop:
			report(p)
			close(finished)
			return
		case <-tick.C:
			heap, stacks := readMem()
			p.peakHeap = max(p.peakHeap, heap)
			p.peakStack = max(p.peakStack, stacks)
			p.notePeakG()
			n++
			if n%5 == 0 {
				report(p)
			}
		}
	}
}

func run(name string, tasks, workers, payload, rounds int) *phase {
	runtime.GC()
	p := &phase{name: name}
	p.peakG.Store(int64(runtime.NumGoroutine()))
	stop, finished := make(chan struct{}), make(chan struct{})
	task := func(b []byte) {
		sinkH.Add(burn(b, rounds))
		p.done.Add(1)
	}
	p.start = time.Now()
	go sampler(p, stop, finished)
	report(p)
	var wg sync.WaitGroup
	if name == "pool" {
		jobs := make(chan []byte)
		for range workers {
			wg.Go(func() {
				for b := range jobs {
					task(b)
				}
			})
		}
		for i := range tasks {
			if i%256 == 0 && time.Since(p.start) > phaseBudget {
				break
			}
			b := make([]byte, payload)
			b[0] = byte(i)
			jobs <- b
			p.submitted++
		}
		close(jobs)
	} else {
		for i := range tasks {
			if i%256 == 0 {
				p.notePeakG()
				if time.Since(p.start) > phaseBudget {
					break
				}
			}
			b := make([]byte, payload)
			b[0] = byte(i)
			wg.Go(func() { task(b) })
			p.submitted++
		}
		p.notePeakG()
	}
	wg.Wait()
	elapsed := time.Since(p.start)
	close(stop)
	<-finished
	p.elapsed = elapsed
	if p.submitted < tasks {
		note("%s: time budget of %v reached after %d of %d tasks (a busy machine); comparing throughput instead",
			name, phaseBudget, p.submitted, tasks)
	}
	note("%s: %d tasks in %.0f ms (%.1f tasks/ms), peak %d goroutines, peak heap %.1f MiB, peak stacks %.1f MiB",
		name, p.submitted, ms(elapsed), p.throughput(), p.peakG.Load(), float64(p.peakHeap)/(1<<20), float64(p.peakStack)/(1<<20))
	return p
}

func main() {
	workers := flag.Int("workers", 4, "pool size")
	tasks := flag.Int("tasks", 30000, "jobs per strategy")
	workUs := flag.Int("work_us", 30, "CPU per job in µs")
	payloadKiB := flag.Int("payload_kib", 4, "payload per job in KiB")
	flag.Parse()

	announceRuntime()

	rpu := roundsPerMicro()
	rounds := int(rpu * float64(*workUs))
	note("calibrated: %.0f mixing rounds per µs, so %d rounds per job for %d µs of CPU", rpu, rounds, *workUs)

	payload := *payloadKiB * 1024
	note("strategy 1: a pool of %d workers reading one unbuffered channel", *workers)
	pool := run("pool", *tasks, *workers, payload, rounds)
	note("strategy 2: one goroutine per task, %d spawned as fast as the loop can go", *tasks)
	spawn := run("spawn", *tasks, *workers, payload, rounds)

	// One sample per category with both bars: a later sample with the same x
	// replaces the earlier one.
	sample("compare", "throughput, tasks/ms", map[string]float64{"pool": pool.throughput(), "spawn": spawn.throughput()})
	sample("compare", "peak goroutines, thousands", map[string]float64{
		"pool": float64(pool.peakG.Load()) / 1000, "spawn": float64(spawn.peakG.Load()) / 1000})
	sample("compare", "peak heap, MiB", map[string]float64{
		"pool": float64(pool.peakHeap) / (1 << 20), "spawn": float64(spawn.peakHeap) / (1 << 20)})
	// With every task done, the higher throughput is the one that finished
	// first; under a time budget it is the one that would have.
	winner := "pool"
	if spawn.throughput() > pool.throughput() {
		winner = "spawn"
	}
	note("faster: %s (pool %.1f tasks/ms in %.0f ms, spawn %.1f tasks/ms in %.0f ms)", winner,
		pool.throughput(), ms(pool.elapsed),
		spawn.throughput(), ms(spawn.elapsed))
	result(winner)
}

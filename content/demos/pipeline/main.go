// A three-stage pipeline with fan-out and fan-in.
//
// parse (one goroutine, ~0.1 ms of CPU per item) -> enrich (-workers
// goroutines reading one channel, ~2 ms per item: a remote call or CPU work)
// -> merge (one goroutine, ~0.05 ms of CPU). Channels between the stages have
// capacity -buffer. Every goroutine times how long it works, waits for input
// and waits to hand its output on. After 4 s the context is cancelled and
// every stage shuts down through its select on ctx.Done().
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

const (
	runFor      = 4 * time.Second
	warmup      = 500 * time.Millisecond
	tick        = 100 * time.Millisecond
	parseCost   = 100 * time.Microsecond
	enrichCost  = 2 * time.Millisecond // the mean; each item takes 1–3 ms
	mergeCost   = 50 * time.Microsecond
	barsEveryN  = 5
	stageParse  = 0
	stageEnrich = 1
	stageMerge  = 2
)

// spin burns CPU for roughly d using a mixing loop calibrated at start.
var roundsPerMicro float64

func mix(h uint64, rounds int) uint64 {
	for r := 0; r < rounds; r++ {
		h ^= h >> 31
		h *= 0x9e3779b97f4a7c15
		h ^= uint64(r)
	}
	return h
}

func calibrate() {
	best := 0.0
	for range 5 {
		const n = 1_000_000
		t := time.Now()
		sink.Add(mix(1, n))
		if r := n / (float64(time.Since(t).Nanoseconds()) / 1000); r > best {
			best = r
		}
	}
	roundsPerMicro = best
}

func spin(seed uint64, d time.Duration) uint64 {
	return mix(seed, int(roundsPerMicro*float64(d.Microseconds())))
}

var sink atomic.Uint64

type stats struct {
	items, busy, waitIn, waitOut atomic.Int64 // count, ns
}

type item struct {
	id       int
	merchant int
	amount   uint64
}

func main() {
	workers := flag.Int("workers", 2, "stage 2 goroutines")
	buffer := flag.Int("buffer", 0, "capacity of each channel between stages")
	enrich := flag.String("enrich", "io", "io | cpu")
	flag.Parse()
	if *enrich != "io" && *enrich != "cpu" {
		fmt.Fprintln(os.Stderr, "enrich must be io or cpu")
		os.Exit(2)
	}

	announceRuntime()
	calibrate()
	base := runtime.NumGoroutine()

	var st [3]stats
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	parsed := make(chan item, *buffer)
	enriched := make(chan item, *buffer)
	var all sync.WaitGroup

	// Stage 1: parse. It owns parsed and closes it.
	all.Go(func() {
		defer close(parsed)
		s := &st[stageParse]
		for id := 0; ; id++ {
			t0 := time.Now()
			h := spin(uint64(id), parseCost)
			it := item{id: id, merchant: int(h % 16), amount: h % 100000}
			t1 := time.Now()
			s.busy.Add(int64(t1.Sub(t0)))
			select {
			case parsed <- it:
			case <-ctx.Done():
				return
			}
			s.waitOut.Add(int64(time.Since(t1)))
			s.items.Add(1)
		}
	})

	// Stage 2: enrich, fanned out. A closer owns enriched: it waits for every
	// worker, then closes it.
	var stage2 sync.WaitGroup
	for w := range *workers {
		stage2.Go(func() {
			s := &st[stageEnrich]
			rng := rand.New(rand.NewPCG(uint64(w), uint64(time.Now().UnixNano())))
			timer := time.NewTimer(time.Hour)
			timer.Stop()
			for {
				t0 := time.Now()
				var it item
				var ok bool
				select {
				case it, ok = <-parsed:
					if !ok {
						return
					}
				case <-ctx.Done():
					return
				}
				t1 := time.Now()
				s.waitIn.Add(int64(t1.Sub(t0)))
				d := enrichCost/2 + time.Duration(rng.Int64N(int64(enrichCost)))
				if *enrich == "io" {
					timer.Reset(d) // the remote call: this goroutine waits, the core is free
					select {
					case <-timer.C:
					case <-ctx.Done():
						return
					}
				} else {
					it.amount ^= spin(it.amount, d)
				}
				t2 := time.Now()
				s.busy.Add(int64(t2.Sub(t1)))
				select {
				case enriched <- it:
				case <-ctx.Done():
					return
				}
				s.waitOut.Add(int64(time.Since(t2)))
				s.items.Add(1)
			}
		})
	}
	all.Go(func() {
		stage2.Wait()
		close(enriched)
	})

	// Stage 3: merge, the fan-in point: one goroutine folds every result.
	all.Go(func() {
		s := &st[stageMerge]
		totals := make(map[int]uint64)
		for {
			t0 := time.Now()
			var it item
			var ok bool
			select {
			case it, ok = <-enriched:
				if !ok {
					return
				}
			case <-ctx.Done():
				return
			}
			t1 := time.Now()
			s.waitIn.Add(int64(t1.Sub(t0)))
			totals[it.merchant] += spin(it.amount, mergeCost) % 1000
			s.busy.Add(int64(time.Since(t1)))
			s.items.Add(1)
		}
	})

	note("parse ≈ %v CPU → enrich ≈ %v (%s, 1–3 ms per item) × %d workers → merge ≈ %v CPU; channel buffers %d",
		parseCost, enrichCost, *enrich, *workers, mergeCost, *buffer)

	names := [3]string{"parse", "enrich", "merge"}
	start := time.Now()
	t := time.NewTicker(tick)
	var last [3]int64
	var mergedAtWarmup int64 = -1
	lastT := start
	for n := 1; ; n++ {
		now := <-t.C
		dt := now.Sub(lastT).Seconds()
		lastT = now
		x := float64(now.Sub(start).Milliseconds())
		rates := map[string]float64{}
		for i := range st {
			c := st[i].items.Load()
			rates[names[i]] = float64(c-last[i]) / dt
			last[i] = c
		}
		sample("rate", x, rates)
		sample("queues", x, map[string]float64{"parsed": float64(len(parsed)), "enriched": float64(len(enriched))})
		if mergedAtWarmup < 0 && now.Sub(start) >= warmup {
			mergedAtWarmup = last[stageMerge]
		}
		if n%barsEveryN == 0 {
			for i := range st {
				b, in, o := st[i].busy.Load(), st[i].waitIn.Load(), st[i].waitOut.Load()
				sum := float64(b + in + o)
				if sum == 0 {
					continue
				}
				sample("time", names[i], map[string]float64{
					"busy": 100 * float64(b) / sum, "waiting_input": 100 * float64(in) / sum,
					"blocked_output": 100 * float64(o) / sum})
			}
		}
		if now.Sub(start) >= runFor {
			break
		}
	}
	t.Stop()
	elapsed := time.Since(start)
	merged := st[stageMerge].items.Load()
	steady := finite(float64(merged-mergedAtWarmup) / (elapsed - warmup).Seconds())
	note("merged %d items in %.1f s: %.0f items/s after the first %v", merged, elapsed.Seconds(), steady, warmup)

	cancel()
	all.Wait()
	time.Sleep(10 * time.Millisecond)
	note("context cancelled: every stage returned, %d goroutines left behind", runtime.NumGoroutine()-base)
	result(math.Round(steady))
}

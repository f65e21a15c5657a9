// Backpressure: a service with a fixed number of slots, guarded by a
// semaphore (a buffered channel), receives requests at a Poisson arrival rate
// of -load times its nominal capacity (-limit slots / -service_ms). Each
// request is its own goroutine. With -policy=wait a request that finds every
// slot taken waits in line for one; with -policy=reject it is turned away at
// once (the 429 path). After 3 s arrivals stop, the queue gets 1 s to drain,
// and whatever is still waiting is cancelled through a context.
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

const (
	arrivalsFor = 3 * time.Second
	drainFor    = 1 * time.Second
	tick        = 100 * time.Millisecond
)

// Latency histogram buckets, upper bounds in ms.
var bounds = []float64{5, 10, 20, 50, 100, 200, 500, 1000, 2000, math.Inf(1)}
var labels = []string{"<5", "5–10", "10–20", "20–50", "50–100", "100–200", "200–500", "500–1000", "1000–2000", "≥2000"}

type stats struct {
	mu       sync.Mutex
	waits    []float64 // queueing delays of requests that got a slot this interval, ms
	arrived  int
	served   int
	rejected int
	hist     [10]int // end-to-end latency of served requests
	// whole-run medians for the prediction: slot acquired in [0.9 s, 1.5 s) and [2.4 s, 3 s)
	early, late []float64
}

func (s *stats) acquired(at, wait time.Duration) {
	w := ms(wait)
	s.mu.Lock()
	s.waits = append(s.waits, w)
	switch {
	case at >= 900*time.Millisecond && at < 1500*time.Millisecond:
		s.early = append(s.early, w)
	case at >= 2400*time.Millisecond && at < arrivalsFor:
		s.late = append(s.late, w)
	}
	s.mu.Unlock()
}

func (s *stats) done(latency time.Duration) {
	l := ms(latency)
	i := 0
	for l >= bounds[i] {
		i++
	}
	s.mu.Lock()
	s.served++
	s.hist[i]++
	s.mu.Unlock()
}

func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[max(i, 0)]
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return quantile(s, 0.5)
}

func main() {
	limit := flag.Int("limit", 8, "slots in the semaphore")
	serviceMs := flag.Int("service_ms", 10, "time a request holds a slot")
	load := flag.Float64("load", 1.2, "arrival rate as a multiple of capacity")
	policy := flag.String("policy", "wait", "wait | reject")
	flag.Parse()
	if *policy != "wait" && *policy != "reject" {
		fmt.Fprintln(os.Stderr, "policy must be wait or reject")
		os.Exit(2)
	}

	announceRuntime()

	service := time.Duration(*serviceMs) * time.Millisecond
	capacity := float64(*limit) / service.Seconds()
	rate := *load * capacity
	note("capacity %d slots ÷ %d ms = %.0f req/s; offering %.0f req/s (Poisson arrivals) for %v, policy %s",
		*limit, *serviceMs, capacity, rate, arrivalsFor, *policy)

	sem := make(chan struct{}, *limit) // the semaphore: cap is the only copy of the limit
	ctx, cancel := context.WithCancel(context.Background())
	var (
		st        stats
		waiting   atomic.Int64
		inService atomic.Int64
		abandoned atomic.Int64
		wg        sync.WaitGroup
	)
	start := time.Now()

	handle := func(arrival time.Time) {
		if *policy == "reject" {
			select {
			case sem <- struct{}{}:
			default: // full: answer 429 at once instead of queueing
				st.mu.Lock()
				st.rejected++
				st.mu.Unlock()
				return
			}
		} else {
			waiting.Add(1)
			select {
			case sem <- struct{}{}:
				waiting.Add(-1)
			case <-ctx.Done(): // the server gave up on the queue
				waiting.Add(-1)
				abandoned.Add(1)
				return
			}
		}
		got := time.Now()
		st.acquired(got.Sub(start), got.Sub(arrival))
		inService.Add(1)
		time.Sleep(service) // the downstream call this slot protects
		inService.Add(-1)
		<-sem
		st.done(time.Since(arrival))
	}

	// Sampler: one point per chart every 100 ms, the histogram every 500 ms.
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(tick)
		defer t.Stop()
		last := time.Now()
		n := 0
		var shown [10]int
		for i := range shown { // every bucket once, in order, so the axis is complete from the start
			sample("latency", labels[i], map[string]float64{"requests": 0})
		}
		for {
			select {
			case <-stopSampling:
				return
			case now := <-t.C:
				dt := now.Sub(last).Seconds()
				last = now
				st.mu.Lock()
				waits := st.waits
				st.waits = nil
				arrived, served, rejected := st.arrived, st.served, st.rejected
				st.arrived, st.served, st.rejected = 0, 0, 0
				hist := st.hist
				st.mu.Unlock()
				x := ms(now.Sub(start))
				if len(waits) > 0 {
					slices.Sort(waits)
					sample("delay", x, map[string]float64{
						"p50": quantile(waits, 0.5), "p99": quantile(waits, 0.99)})
				}
				sample("throughput", x, map[string]float64{
					"offered": float64(arrived) / dt, "served": float64(served) / dt,
					"rejected": float64(rejected) / dt})
				sample("inflight", x, map[string]float64{
					"in_service": float64(inService.Load()), "waiting": float64(waiting.Load())})
				n++
				if n%5 == 0 { // refresh only the buckets that changed
					for i, c := range hist {
						if c != shown[i] {
							sample("latency", labels[i], map[string]float64{"requests": float64(c)})
						}
					}
					shown = hist
				}
			}
		}
	}()

	// Arrivals: exponential gaps at the offered rate, one goroutine per request.
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	next := 0.0 // seconds since start of the next arrival
	total := 0
	for {
		now := time.Since(start).Seconds()
		if now >= arrivalsFor.Seconds() {
			break
		}
		for next <= now {
			total++
			arrival := time.Now()
			st.mu.Lock()
			st.arrived++
			st.mu.Unlock()
			wg.Go(func() { handle(arrival) })
			next += rng.ExpFloat64() / rate
		}
		if gap := time.Duration((next - now) * float64(time.Second)); gap > 0 {
			time.Sleep(min(gap, 10*time.Millisecond))
		}
	}
	note("arrivals stopped after %d requests; %d waiting, %d in service; the queue gets %v to drain",
		total, waiting.Load(), inService.Load(), drainFor)

	drained := make(chan struct{})
	go func() { wg.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(drainFor):
		note("drain time is up: cancelling the %d requests still waiting for a slot", waiting.Load())
		cancel()
		<-drained
	}
	cancel()
	close(stopSampling)
	<-sampled

	st.mu.Lock()
	for i, c := range st.hist {
		sample("latency", labels[i], map[string]float64{"requests": float64(c)})
	}
	served := 0
	for _, c := range st.hist {
		served += c
	}
	early, late := median(st.early), median(st.late)
	st.mu.Unlock()
	var rej int
	if *policy == "reject" {
		rej = total - served
	}
	note("served %d, rejected %d, abandoned in the queue %d of %d requests in %.1f s",
		served, rej, abandoned.Load(), total, time.Since(start).Seconds())
	note("median queueing delay: %.1f ms for slots taken at 0.9–1.5 s, %.1f ms at 2.4–3.0 s", early, late)

	verdict := "levels off"
	if late-early > max(float64(*serviceMs), 0.5*early) {
		verdict = "keeps growing"
	}
	result(verdict)
}

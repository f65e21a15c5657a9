// Command rate-limiter runs four merchants against a per-merchant token
// bucket in real time and reports, every 100 ms, how many requests each one
// got through, how many were answered 429, and how full each bucket is.
package main

import (
	"flag"
	"math"
	"sync"
	"sync/atomic"
	"time"
)

// bucket is one merchant's token bucket: it holds at most burst tokens and
// refills continuously at rate tokens per second.
type bucket struct {
	tokens float64
	last   time.Time
}

// Limiter keeps one bucket per merchant key, as an API gateway would.
type Limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	buckets map[string]*bucket
}

func NewLimiter(rate, burst float64) *Limiter {
	return &Limiter{rate: rate, burst: burst, buckets: map[string]*bucket{}}
}

// refill brings b up to date at now; the caller holds mu.
func (l *Limiter) refill(key string, now time.Time) *bucket {
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now} // a new merchant starts with a full bucket
		l.buckets[key] = b
	}
	if dt := now.Sub(b.last).Seconds(); dt > 0 {
		b.tokens = math.Min(l.burst, b.tokens+dt*l.rate)
		b.last = now
	}
	return b
}

// Allow takes one token from key's bucket if there is one.
func (l *Limiter) Allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(key, now)
	if b.tokens >= 1 {
		b.tokens--
		return true
	}
	return false
}

// Level reports how many tokens key's bucket holds at now.
func (l *Limiter) Level(key string, now time.Time) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.refill(key, now).tokens
}

// merchant describes a traffic shape as the cumulative number of requests
// that should have been sent after t seconds.
type merchant struct {
	key string
	due func(t float64) float64
}

const interval = 100 * time.Millisecond

func main() {
	rate := flag.Float64("rate", 50, "tokens per second")
	burst := flag.Int("burst", 25, "bucket capacity")
	duration := flag.Int("duration", 4, "seconds")
	flag.Parse()

	announceRuntime()

	r, b, dur := *rate, float64(*burst), float64(*duration)
	flash := math.Max(10, 3*b) // requests in each flash-sale spike
	merchants := []merchant{
		{"steady", func(t float64) float64 { return 0.6 * r * t }},
		{"flash_sale", func(t float64) float64 {
			// background traffic at 0.1 x rate, plus a spike of `flash`
			// requests spread over 100 ms starting at 0.5 s, 1.5 s, 2.5 s ...
			n := 0.1 * r * t
			for s := 0.5; s < t; s++ {
				n += flash * math.Min(1, (t-s)/0.1)
			}
			return n
		}},
		{"ramp", func(t float64) float64 { return r * t * t / dur }}, // offered rate grows 0 -> 2 x rate
		{"abusive", func(t float64) float64 { return 8 * r * t }},
	}
	note("token bucket per merchant: rate %.0f tokens/s, burst %d; "+
		"steady offers 0.6x the rate, flash_sale spikes of %.0f requests every second, ramp climbs to 2x, abusive sends 8x",
		r, *burst, flash)

	lim := NewLimiter(r, b)
	slots := int(math.Ceil(dur*float64(time.Second)/float64(interval))) + 1
	allowed := make([][]atomic.Int64, len(merchants))
	rejected := make([][]atomic.Int64, len(merchants))
	var decisions, decisionNs atomic.Int64
	for i := range merchants {
		allowed[i] = make([]atomic.Int64, slots)
		rejected[i] = make([]atomic.Int64, slots)
	}

	start := time.Now()
	end := start.Add(time.Duration(dur * float64(time.Second)))
	var wg sync.WaitGroup
	for i, m := range merchants {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent := 0
			for {
				now := time.Now()
				if !now.Before(end) {
					return
				}
				t := now.Sub(start).Seconds()
				for float64(sent) < m.due(t) {
					sent++
					t0 := time.Now()
					ok := lim.Allow(m.key, t0)
					decisionNs.Add(int64(time.Since(t0)))
					decisions.Add(1)
					slot := min(int(t0.Sub(start)/interval), slots-1)
					if ok {
						allowed[i][slot].Add(1)
					} else {
						rejected[i][slot].Add(1)
					}
				}
				time.Sleep(500 * time.Microsecond)
			}
		}()
	}

	totalA := make([]int64, len(merchants))
	totalR := make([]int64, len(merchants))
	perSec := float64(time.Second) / float64(interval)
	for slot := 0; ; slot++ {
		tick := start.Add(time.Duration(slot+1) * interval)
		if tick.After(end) {
			tick = end
		}
		time.Sleep(time.Until(tick))
		now := time.Now()
		x := float64(tick.Sub(start).Milliseconds())
		a := map[string]float64{}
		rj := map[string]float64{}
		lv := map[string]float64{}
		for i, m := range merchants {
			na, nr := allowed[i][slot].Load(), rejected[i][slot].Load()
			totalA[i] += na
			totalR[i] += nr
			a[m.key] = float64(na) * perSec
			rj[m.key] = float64(nr) * perSec
			lv[m.key] = math.Round(lim.Level(m.key, now)*100) / 100
		}
		sample("allowed", x, a)
		sample("rejected", x, rj)
		sample("bucket", x, lv)
		if slot%5 == 4 || !tick.Before(end) {
			for i, m := range merchants {
				sample("totals", m.key, map[string]float64{"allowed": float64(totalA[i]), "rejected": float64(totalR[i])})
			}
		}
		if !tick.Before(end) {
			break
		}
	}
	wg.Wait()
	// Requests decided in the last partial slot after the final tick.
	last := slots - 1
	for i, m := range merchants {
		extraA, extraR := int64(0), int64(0)
		for s := int(end.Sub(start)/interval) + 1; s <= last; s++ {
			extraA += allowed[i][s].Load()
			extraR += rejected[i][s].Load()
		}
		if extraA+extraR > 0 {
			totalA[i] += extraA
			totalR[i] += extraR
			sample("totals", m.key, map[string]float64{"allowed": float64(totalA[i]), "rejected": float64(totalR[i])})
		}
	}
	if n := decisions.Load(); n > 0 {
		note("%d decisions, mean %.0f ns each (mutex + refill arithmetic, measured)",
			n, float64(decisionNs.Load())/float64(n))
	}
	ab := len(merchants) - 1
	note("abusive merchant: %d allowed of %d sent; min(sent, burst + rate x duration) = %.0f",
		totalA[ab], totalA[ab]+totalR[ab], math.Min(float64(totalA[ab]+totalR[ab]), b+r*dur))
	result(totalA[ab])
}

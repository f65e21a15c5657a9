// Command circuit-breaker sends the same open-loop stream of calls to two
// copies of a flaky dependency (an acquirer that goes healthy -> failing ->
// recovering): one caller goes through a circuit breaker, the other calls it
// directly. Every 100 ms it reports the breaker's state, the outcomes, the
// callers' latency and the failure rate the dependency actually showed.
package main

import (
	"errors"
	"flag"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

const (
	runFor   = 4 * time.Second
	drain    = 200 * time.Millisecond
	interval = 100 * time.Millisecond
	callGap  = 5 * time.Millisecond   // 200 calls per second per caller
	timeout  = 150 * time.Millisecond // the caller's timeout on the dependency
	window   = 20                     // outcomes in the breaker's rolling window
	minCalls = 10                     // the breaker judges only with this many outcomes
	trials   = 3                      // successful trial calls that close a half-open breaker
)

// injected is the dependency's failure probability at time t: healthy for
// 1 s, failing for 1.4 s, recovering linearly for 0.8 s, then healthy again.
func injected(t time.Duration, outage float64) float64 {
	switch {
	case t < 1000*time.Millisecond:
		return 0.01
	case t < 2400*time.Millisecond:
		return outage
	case t < 3200*time.Millisecond:
		f := float64(t-2400*time.Millisecond) / float64(800*time.Millisecond)
		return math.Max(0.01, outage*(1-f))
	default:
		return 0.01
	}
}

var errTimeout = errors.New("dependency timeout")
var errOpen = errors.New("circuit open")

// Dependency is a simulated acquirer. A healthy call answers in 5-10 ms; a
// failing call never answers, so the caller waits for its full timeout.
type Dependency struct {
	start  time.Time
	outage float64
}

func (d *Dependency) Call() error {
	if rand.Float64() < injected(time.Since(d.start), d.outage) {
		time.Sleep(timeout)
		return errTimeout
	}
	time.Sleep(5*time.Millisecond + rand.N(5*time.Millisecond))
	return nil
}

type state int

const (
	closed state = iota
	halfOpen
	open
)

type transition struct {
	at time.Time
	to state
}

// Breaker trips when at least threshold of the last `window` outcomes (and
// at least minCalls of them) are failures, stays open for cooldown, then
// lets up to `trials` calls through at a time; `trials` successes in a row
// close it, and any failure opens it again.
type Breaker struct {
	mu        sync.Mutex
	threshold float64
	cooldown  time.Duration
	st        state
	outcomes  []bool // true = failure, newest last
	openedAt  time.Time
	inTrial   int
	trialOK   int
	history   []transition
}

func (b *Breaker) set(s state, now time.Time) {
	b.st = s
	b.history = append(b.history, transition{now, s})
	b.outcomes = b.outcomes[:0]
	b.inTrial, b.trialOK = 0, 0
	if s == open {
		b.openedAt = now
	}
}

// before decides whether a call may go out.
func (b *Breaker) before(now time.Time) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.st == open {
		if now.Sub(b.openedAt) < b.cooldown {
			return errOpen
		}
		b.set(halfOpen, now)
	}
	if b.st == halfOpen {
		if b.inTrial+b.trialOK >= trials {
			return errOpen
		}
		b.inTrial++
	}
	return nil
}

// after records the outcome of a call that went out. Recording every
// outcome is what makes the breaker trip at all.
func (b *Breaker) after(err error, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.st {
	case halfOpen:
		b.inTrial--
		if err != nil {
			b.set(open, now)
		} else if b.trialOK++; b.trialOK >= trials {
			b.set(closed, now)
		}
	case closed:
		b.outcomes = append(b.outcomes, err != nil)
		if len(b.outcomes) > window {
			b.outcomes = b.outcomes[1:]
		}
		fails := 0
		for _, f := range b.outcomes {
			if f {
				fails++
			}
		}
		if len(b.outcomes) >= minCalls && float64(fails) >= b.threshold*float64(len(b.outcomes)) {
			b.set(open, now)
		}
	case open:
		// a call that started before the breaker opened; its outcome is stale
	}
}

// stats collects one caller's outcomes per 100 ms interval of completion time.
type stats struct {
	mu        sync.Mutex
	latency   [][]float64 // ms
	ok, fail  []int
	short     []int
	sentToDep []int
}

func newStats(n int) *stats {
	return &stats{latency: make([][]float64, n), ok: make([]int, n), fail: make([]int, n),
		short: make([]int, n), sentToDep: make([]int, n)}
}

func (s *stats) record(start time.Time, begin time.Time, err error, reached bool) {
	lat := time.Since(begin)
	slot := min(int(time.Since(start)/interval), len(s.ok)-1)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency[slot] = append(s.latency[slot], ms(lat))
	switch {
	case err == nil:
		s.ok[slot]++
	case errors.Is(err, errOpen):
		s.short[slot]++
	default:
		s.fail[slot]++
	}
	if reached {
		s.sentToDep[slot]++
	}
}

func (s *stats) okAt(slot int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ok[slot]
}

func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func r2(x float64) float64 { return math.Round(x*100) / 100 }

func main() {
	threshold := flag.Int("threshold", 50, "failure percentage over the rolling window that opens the breaker")
	openMs := flag.Int("open_ms", 300, "how long the breaker stays open before probing, ms")
	outage := flag.Int("outage", 90, "failure percentage injected during the outage")
	flag.Parse()

	announceRuntime()

	start := time.Now()
	slots := int((runFor + drain) / interval)
	withB, without := newStats(slots), newStats(slots)
	br := &Breaker{threshold: float64(*threshold) / 100, cooldown: time.Duration(*openMs) * time.Millisecond,
		history: []transition{{start, closed}}}
	depB := &Dependency{start: start, outage: float64(*outage) / 100}
	depN := &Dependency{start: start, outage: float64(*outage) / 100}
	note("200 calls/s to each copy of the dependency; healthy calls take 5-10 ms, "+
		"failing ones hang until the %d ms timeout; outage of %d%% failures from 1.0 s to 2.4 s, recovery until 3.2 s",
		timeout.Milliseconds(), *outage)

	var wg sync.WaitGroup
	go func() { // open-loop arrivals: the callers do not slow down when the dependency does
		for i := 0; ; i++ {
			at := start.Add(time.Duration(i) * callGap)
			if at.Sub(start) >= runFor {
				return
			}
			time.Sleep(time.Until(at))
			wg.Add(2)
			go func() {
				defer wg.Done()
				begin := time.Now()
				if err := br.before(begin); err != nil {
					withB.record(start, begin, err, false)
					return
				}
				err := depB.Call()
				br.after(err, time.Now())
				withB.record(start, begin, err, true)
			}()
			go func() {
				defer wg.Done()
				begin := time.Now()
				err := depN.Call()
				without.record(start, begin, err, true)
			}()
		}
	}()

	perSec := float64(time.Second / interval)
	seen := 0 // transitions already accounted for
	var runOK, runFail [2]int
	runShort := 0
	cur := closed
	for slot := range slots {
		lo := start.Add(time.Duration(slot) * interval)
		hi := lo.Add(interval)
		time.Sleep(time.Until(hi))
		x := float64(hi.Sub(start).Milliseconds())

		// Time spent in each state during [lo, hi).
		br.mu.Lock()
		n := seen
		for n < len(br.history) && br.history[n].at.Before(hi) {
			n++
		}
		hist := slices.Clone(br.history[seen:n])
		seen = n
		br.mu.Unlock()
		share := [3]float64{}
		t := lo
		for _, tr := range hist {
			at := tr.at
			if at.Before(lo) {
				at = lo
			}
			share[cur] += float64(at.Sub(t))
			t, cur = at, tr.to
		}
		share[cur] += float64(hi.Sub(t))
		sample("state", x, map[string]float64{
			"closed":    r2(100 * share[closed] / float64(interval)),
			"half_open": r2(100 * share[halfOpen] / float64(interval)),
			"open":      r2(100 * share[open] / float64(interval))})

		withB.mu.Lock()
		without.mu.Lock()
		lb, ln := slices.Clone(withB.latency[slot]), slices.Clone(without.latency[slot])
		okB, failB, shortB, depBCalls := withB.ok[slot], withB.fail[slot], withB.short[slot], withB.sentToDep[slot]
		failN, depNCalls := without.fail[slot], without.sentToDep[slot]
		withB.mu.Unlock()
		without.mu.Unlock()
		slices.Sort(lb)
		slices.Sort(ln)

		sample("outcomes", x, map[string]float64{
			"success": float64(okB) * perSec, "failed": float64(failB) * perSec, "short_circuited": float64(shortB) * perSec})
		lat := map[string]float64{}
		if len(lb) > 0 {
			lat["breaker_p50"], lat["breaker_p99"] = pct(lb, 0.5), pct(lb, 0.99)
		}
		if len(ln) > 0 {
			lat["none_p50"], lat["none_p99"] = pct(ln, 0.5), pct(ln, 0.99)
		}
		if len(lat) > 0 {
			sample("latency", x, lat)
		}
		fr := map[string]float64{
			"injected": r2(100 * injected(hi.Sub(start)-interval/2, float64(*outage)/100))}
		if depBCalls > 0 {
			fr["breaker_seen"] = r2(100 * float64(failB) / float64(depBCalls))
		}
		if depNCalls > 0 {
			fr["none_seen"] = r2(100 * float64(failN) / float64(depNCalls))
		}
		sample("failure_rate", x, fr)

		runOK[0] += okB
		runFail[0] += failB
		runShort += shortB
		runOK[1] += without.okAt(slot)
		runFail[1] += failN
		if slot%5 == 4 {
			sample("totals", "with breaker", map[string]float64{"success": float64(runOK[0]), "failed": float64(runFail[0]),
				"short_circuited": float64(runShort)})
			sample("totals", "no breaker", map[string]float64{"success": float64(runOK[1]), "failed": float64(runFail[1]),
				"short_circuited": 0})
		}
	}
	wg.Wait()

	type total struct{ ok, fail, short, dep int }
	sum := func(s *stats) (t total, waited float64) {
		s.mu.Lock()
		defer s.mu.Unlock()
		for i := range s.ok {
			t.ok += s.ok[i]
			t.fail += s.fail[i]
			t.short += s.short[i]
			t.dep += s.sentToDep[i]
			for _, l := range s.latency[i] {
				waited += l
			}
		}
		return t, waited
	}
	tb, waitB := sum(withB)
	tn, waitN := sum(without)
	for _, r := range []struct {
		name string
		t    total
	}{{"with breaker", tb}, {"no breaker", tn}} {
		sample("totals", r.name, map[string]float64{"success": float64(r.t.ok), "failed": float64(r.t.fail),
			"short_circuited": float64(r.t.short)})
	}
	note("with breaker: %d calls reached the dependency, %d timed out, %d failed fast; "+
		"callers waited %.1f s in total", tb.dep, tb.fail, tb.short, waitB/1000)
	note("no breaker: %d calls reached the dependency, %d timed out; callers waited %.1f s in total",
		tn.dep, tn.fail, waitN/1000)
	note("breaker opened %d times", countOpen(br))
	result(r2(float64(tn.fail) / float64(max(1, tb.fail))))
}

func countOpen(b *Breaker) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, t := range b.history {
		if t.to == open {
			n++
		}
	}
	return n
}

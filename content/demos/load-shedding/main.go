// Command load-shedding offers the same stream of requests to two copies of
// a server with a fixed capacity (4 workers, about 10 ms per request). One
// queues everything; the other keeps a bounded queue, rejects at the door
// when it is full and drops queued work whose deadline has passed. Every
// 100 ms it reports latency percentiles, goodput, rejections and queue
// length for both.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

const (
	runFor   = 4 * time.Second
	interval = 100 * time.Millisecond
	workers  = 4
	service  = 10 * time.Millisecond // mean service time; capacity = workers / service
)

var bounds = []float64{0, 10, 20, 50, 100, 200, 500, 1000, 2000} // histogram bucket lower bounds, ms

func bucketLabel(i int) string {
	if i == len(bounds)-1 {
		return fmt.Sprintf("≥%.0f ms", bounds[i])
	}
	return fmt.Sprintf("%.0f–%.0f ms", bounds[i], bounds[i+1])
}

type request struct{ arrived time.Time }

// server has a fixed number of workers. With shed set, its queue is bounded
// (a full queue is an answer: reject) and workers skip expired requests.
type server struct {
	shed     bool
	deadline time.Duration
	queue    chan request
	start    time.Time

	mu       sync.Mutex
	latency  [][]float64 // completed requests per slot of completion, ms
	good     []int       // answered within the deadline
	late     []int       // answered after the client gave up
	rejected []int       // turned away at the door
	expired  []int       // dropped from the queue because the deadline had passed
	hist     []int
}

func newServer(shed bool, limit int, deadline time.Duration, start time.Time, slots int) *server {
	return &server{shed: shed, deadline: deadline, queue: make(chan request, limit), start: start,
		latency: make([][]float64, slots), good: make([]int, slots), late: make([]int, slots),
		rejected: make([]int, slots), expired: make([]int, slots), hist: make([]int, len(bounds))}
}

func (s *server) slot(t time.Time) int { return min(int(t.Sub(s.start)/interval), len(s.good)-1) }

// offer is the front door. It never blocks: for the shedding server a full
// queue means 503 now; the other one's queue is sized never to fill here.
func (s *server) offer(r request) {
	select {
	case s.queue <- r:
	default:
		s.mu.Lock()
		s.rejected[s.slot(r.arrived)]++
		s.mu.Unlock()
	}
}

func (s *server) work(end time.Time, wg *sync.WaitGroup) {
	defer wg.Done()
	var busyUntil time.Time
	for r := range s.queue {
		now := time.Now()
		if !now.Before(end) {
			return
		}
		if s.shed && now.Sub(r.arrived)+service > s.deadline {
			// It cannot be answered in time any more: doing it is wasted work.
			s.mu.Lock()
			s.expired[s.slot(now)]++
			s.mu.Unlock()
			continue
		}
		// The request's work takes 8-12 ms. If it was already waiting when
		// the worker finished the previous one, its work starts at that
		// finish target, so late timer wake-ups do not shrink the capacity.
		if r.arrived.After(busyUntil) {
			busyUntil = r.arrived
		}
		busyUntil = busyUntil.Add(service*8/10 + rand.N(service*4/10))
		time.Sleep(time.Until(busyUntil))
		done := time.Now()
		lat := done.Sub(r.arrived)
		latMs := ms(lat)
		s.mu.Lock()
		sl := s.slot(done)
		s.latency[sl] = append(s.latency[sl], latMs)
		if lat <= s.deadline {
			s.good[sl]++
		} else {
			s.late[sl]++
		}
		b := 0
		for b+1 < len(bounds) && latMs >= bounds[b+1] {
			b++
		}
		s.hist[b]++
		s.mu.Unlock()
	}
}

func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func main() {
	load := flag.Float64("load", 3, "offered load as a multiple of capacity")
	limit := flag.Int("queue_limit", 20, "queue bound of the shedding server")
	deadlineMs := flag.Int("deadline_ms", 250, "client deadline, ms")
	flag.Parse()

	announceRuntime()

	capacity := float64(workers) * float64(time.Second) / float64(service)
	offeredRate := *load * capacity
	deadline := time.Duration(*deadlineMs) * time.Millisecond
	slots := int(runFor / interval)
	start := time.Now()
	end := start.Add(runFor)
	// The queueing server's buffer holds every request of the run, so it
	// behaves as an unbounded queue.
	unbounded := int(offeredRate*runFor.Seconds()*1.5) + 1000
	queued := newServer(false, unbounded, deadline, start, slots)
	shedding := newServer(true, *limit, deadline, start, slots)
	note("capacity %.0f req/s (%d workers x ~%d ms); offered %.0f req/s (Poisson arrivals); "+
		"deadline %d ms; shedding server: queue bound %d", capacity, workers, service.Milliseconds(), offeredRate, *deadlineMs, *limit)

	var wg sync.WaitGroup
	for _, s := range []*server{queued, shedding} {
		for range workers {
			wg.Add(1)
			go s.work(end, &wg)
		}
	}
	offered := make([]int, slots)
	var offMu sync.Mutex
	go func() { // both servers get exactly the same arrivals
		rng := rand.New(rand.NewPCG(1, 2))
		at := start
		for {
			at = at.Add(time.Duration(rng.ExpFloat64() / offeredRate * float64(time.Second)))
			if !at.Before(end) {
				close(queued.queue)
				close(shedding.queue)
				return
			}
			if d := time.Until(at); d > time.Millisecond {
				time.Sleep(d)
			}
			r := request{arrived: time.Now()}
			offMu.Lock()
			offered[queued.slot(r.arrived)]++
			offMu.Unlock()
			queued.offer(r)
			shedding.offer(r)
		}
	}()

	perSec := float64(time.Second / interval)
	var sumOffered int
	type tot struct{ good, late, rejected, expired int }
	var tq, ts tot
	for slot := range slots {
		hi := start.Add(time.Duration(slot+1) * interval)
		time.Sleep(time.Until(hi))
		x := float64(hi.Sub(start).Milliseconds())
		qLen, sLen := len(queued.queue), len(shedding.queue)

		offMu.Lock()
		off := offered[slot]
		offMu.Unlock()
		sumOffered += off
		read := func(s *server, t *tot) (lat []float64, good, late, rej, exp int) {
			s.mu.Lock()
			defer s.mu.Unlock()
			lat = slices.Clone(s.latency[slot])
			good, late, rej, exp = s.good[slot], s.late[slot], s.rejected[slot], s.expired[slot]
			t.good += good
			t.late += late
			t.rejected += rej
			t.expired += exp
			return
		}
		lq, gq, late, _, _ := read(queued, &tq)
		ls, gs, _, rs, es := read(shedding, &ts)
		slices.Sort(lq)
		slices.Sort(ls)

		lat := map[string]float64{}
		if len(lq) > 0 {
			lat["queue_p50"], lat["queue_p99"] = pct(lq, 0.5), pct(lq, 0.99)
		}
		if len(ls) > 0 {
			lat["shed_p50"], lat["shed_p99"] = pct(ls, 0.5), pct(ls, 0.99)
		}
		// A slot in which neither server finished a request (a starved machine) has no latency
		// to show: a gap in the line, not an empty sample.
		if len(lat) > 0 {
			sample("latency", x, lat)
		}
		sample("throughput", x, map[string]float64{"offered": float64(off) * perSec,
			"goodput_queue": float64(gq) * perSec, "late_queue": float64(late) * perSec,
			"goodput_shed": float64(gs) * perSec, "rejected_shed": float64(rs+es) * perSec})
		sample("queue", x, map[string]float64{"queue": float64(qLen), "shed": float64(sLen)})
		if slot%5 == 4 {
			queued.mu.Lock()
			shedding.mu.Lock()
			for i := range bounds {
				sample("histogram", bucketLabel(i), map[string]float64{"queue": float64(queued.hist[i]), "shed": float64(shedding.hist[i])})
			}
			shedding.mu.Unlock()
			queued.mu.Unlock()
			sample("totals", "queue everything", map[string]float64{"good": float64(tq.good), "late": float64(tq.late), "rejected": 0})
			sample("totals", "shed at the door", map[string]float64{"good": float64(ts.good), "late": float64(ts.late),
				"rejected": float64(ts.rejected + ts.expired)})
		}
	}
	wg.Wait()
	stuck := len(queued.queue)
	note("queue everything: %d of %d answered within %d ms, %d answered late, %d still queued at the end",
		tq.good, sumOffered, *deadlineMs, tq.late, stuck)
	note("shed at the door: %d answered within %d ms, %d late, %d rejected when the queue was full, %d dropped after their deadline",
		ts.good, *deadlineMs, ts.late, ts.rejected, ts.expired)
	result(math.Round(1000*float64(tq.good)/float64(max(1, sumOffered))) / 10)
}

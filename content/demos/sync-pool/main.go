// Command sync-pool encodes batches of payment records into a bytes.Buffer,
// once with a fresh buffer per operation and once with buffers taken from a
// sync.Pool, and reports what the Go runtime counted for each: heap
// allocations, heap bytes and GC cycles (runtime/metrics), and time per op.
//
// The two variants run in alternating 100 ms slices so both see the same
// machine conditions; every slice is measured on its own, so process-wide
// counters can be attributed to the variant that was running.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type payment struct {
	ID       string
	Merchant string
	Amount   int64
	Currency string
	Status   string
	Created  int64
}

// encode writes recs as JSON lines into b. It never allocates by itself:
// numbers are formatted straight into the buffer's spare capacity.
func encode(b *bytes.Buffer, recs []payment) {
	for i := range recs {
		r := &recs[i]
		b.WriteString(`{"id":"`)
		b.WriteString(r.ID)
		b.WriteString(`","merchant":"`)
		b.WriteString(r.Merchant)
		b.WriteString(`","amount":`)
		b.Write(strconv.AppendInt(b.AvailableBuffer(), r.Amount, 10))
		b.WriteString(`,"currency":"`)
		b.WriteString(r.Currency)
		b.WriteString(`","status":"`)
		b.WriteString(r.Status)
		b.WriteString(`","created":`)
		b.Write(strconv.AppendInt(b.AvailableBuffer(), r.Created, 10))
		b.WriteString("}\n")
	}
}

// encodeFresh uses a new, empty buffer every call: the buffer grows by
// doubling while the batch is written, and each growth is a heap allocation.
func encodeFresh(recs []payment) string {
	var b bytes.Buffer
	encode(&b, recs)
	return b.String() // copies the bytes out: one allocation
}

// bufferPool is a typed wrapper around sync.Pool: it stores pointers, resets
// buffers before reuse and refuses oversized ones.
type bufferPool struct {
	pool    sync.Pool
	maxSize int
}

func (p *bufferPool) Get() *bytes.Buffer { return p.pool.Get().(*bytes.Buffer) }

func (p *bufferPool) Put(b *bytes.Buffer) {
	if b.Cap() > p.maxSize {
		return
	}
	b.Reset()
	p.pool.Put(b)
}

var pool = &bufferPool{
	pool:    sync.Pool{New: func() any { return new(bytes.Buffer) }},
	maxSize: 64 << 10,
}

// encodePooled reuses a buffer that already has the capacity it needs.
func encodePooled(recs []payment) string {
	b := pool.Get()
	encode(b, recs)
	s := b.String() // copy out before Put: nothing may keep b afterwards
	pool.Put(b)
	return s
}

var sink atomic.Int64

func worker(usePool bool, recs []payment, stop *atomic.Bool, ops *atomic.Int64, wg *sync.WaitGroup) {
	defer wg.Done()
	var n, total int64
	for !stop.Load() {
		recs[0].Amount = n // vary the data a little each op
		var s string
		if usePool {
			s = encodePooled(recs)
		} else {
			s = encodeFresh(recs)
		}
		total += int64(len(s))
		n++
	}
	ops.Add(n)
	sink.Add(total)
}

func makeRecords(n, seed int) []payment {
	currencies := []string{"INR", "USD", "EUR", "GBP"}
	statuses := []string{"captured", "authorized", "refunded"}
	recs := make([]payment, n)
	for i := range recs {
		k := seed*1000 + i
		recs[i] = payment{
			ID:       fmt.Sprintf("pay_%08d", k),
			Merchant: fmt.Sprintf("m_%04d", k%977),
			Amount:   int64(100 + k*37%900000),
			Currency: currencies[k%len(currencies)],
			Status:   statuses[k%len(statuses)],
			Created:  1700000000 + int64(k),
		}
	}
	return recs
}

var metricNames = []string{
	"/gc/cycles/total:gc-cycles",
	"/gc/heap/allocs:objects",
	"/gc/heap/allocs:bytes",
}

type counters struct{ gc, objs, bytes uint64 }

func readCounters(s []metrics.Sample) counters {
	metrics.Read(s)
	return counters{s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()}
}

type slice struct {
	ops     int64
	elapsed time.Duration
	delta   counters
}

// runSlice runs one variant on `goroutines` goroutines for d and returns what
// the runtime counted while it ran.
func runSlice(usePool bool, goroutines int, recs [][]payment, d time.Duration, s []metrics.Sample) slice {
	var stop atomic.Bool
	var ops atomic.Int64
	var wg sync.WaitGroup
	before := readCounters(s)
	t0 := time.Now()
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go worker(usePool, recs[g], &stop, &ops, &wg)
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	elapsed := time.Since(t0)
	after := readCounters(s)
	return slice{
		ops:     ops.Load(),
		elapsed: elapsed,
		delta:   counters{after.gc - before.gc, after.objs - before.objs, after.bytes - before.bytes},
	}
}

type totals struct {
	ops  int64
	ns   float64
	gc   uint64
	objs uint64
	byts uint64
}

func (t *totals) add(s slice) {
	t.ops += s.ops
	t.ns += float64(s.elapsed.Nanoseconds())
	t.gc += s.delta.gc
	t.objs += s.delta.objs
	t.byts += s.delta.bytes
}

func per(v float64, ops int64) float64 {
	if ops == 0 {
		return 0
	}
	return v / float64(ops)
}

func main() {
	goroutines := flag.Int("goroutines", 2, "goroutines encoding concurrently")
	records := flag.Int("records", 8, "records encoded per operation")
	seconds := flag.Float64("seconds", 3, "total run time, split between the variants")
	flag.Parse()
	*goroutines = min(max(*goroutines, 1), 64)
	*records = min(max(*records, 1), 256)
	*seconds = min(max(*seconds, 0.5), 5)

	announceRuntime()

	recs := make([][]payment, *goroutines)
	for g := range recs {
		recs[g] = makeRecords(*records, g)
	}
	var probe bytes.Buffer
	encode(&probe, recs[0])
	note("each op encodes %d records (%d bytes) on each of %d goroutines; variants alternate in 100 ms slices",
		*records, probe.Len(), *goroutines)

	metricSamples := make([]metrics.Sample, len(metricNames))
	for i, n := range metricNames {
		metricSamples[i].Name = n
	}

	const sliceLen = 100 * time.Millisecond
	pairs := max(int(*seconds*1000/2/100), 1)
	var fresh, pooled totals
	var xFresh, xPool float64
	for i := 0; i < pairs; i++ {
		for _, usePool := range []bool{false, true} {
			s := runSlice(usePool, *goroutines, recs, sliceLen, metricSamples)
			t, x, key := &fresh, &xFresh, "fresh"
			if usePool {
				t, x, key = &pooled, &xPool, "pool"
			}
			t.add(s)
			*x += ms(s.elapsed)
			sample("gc", *x, map[string]float64{key: float64(t.gc)})
			sample("allocs", *x, map[string]float64{key: per(float64(s.delta.objs), s.ops)})
			sample("bytes", *x, map[string]float64{key: per(float64(s.delta.bytes), s.ops)})
			sample("nsop", *x, map[string]float64{key: per(float64(s.elapsed.Nanoseconds()), s.ops)})
		}
		fa, pa := per(float64(fresh.objs), fresh.ops), per(float64(pooled.objs), pooled.ops)
		fb, pb := per(float64(fresh.byts), fresh.ops), per(float64(pooled.byts), pooled.ops)
		fg, pg := per(float64(fresh.gc), fresh.ops), per(float64(pooled.gc), pooled.ops)
		fn, pn := per(fresh.ns, fresh.ops), per(pooled.ns, pooled.ops)
		rel := func(p, f float64) float64 {
			if f == 0 {
				return 0
			}
			return 100 * p / f
		}
		sample("relative", "allocs/op", map[string]float64{"fresh": 100, "pool": rel(pa, fa)})
		sample("relative", "bytes/op", map[string]float64{"fresh": 100, "pool": rel(pb, fb)})
		sample("relative", "GC cycles/op", map[string]float64{"fresh": 100, "pool": rel(pg, fg)})
		sample("relative", "ns/op", map[string]float64{"fresh": 100, "pool": rel(pn, fn)})
	}

	fa, pa := per(float64(fresh.objs), fresh.ops), per(float64(pooled.objs), pooled.ops)
	note("fresh: %d ops, %.2f allocs/op, %.0f B/op, %d GC cycles, %.0f ns/op",
		fresh.ops, fa, per(float64(fresh.byts), fresh.ops), fresh.gc, per(fresh.ns, fresh.ops))
	note("pool:  %d ops, %.2f allocs/op, %.0f B/op, %d GC cycles, %.0f ns/op",
		pooled.ops, pa, per(float64(pooled.byts), pooled.ops), pooled.gc, per(pooled.ns, pooled.ops))
	ratio := 0.0
	if pa > 0 {
		ratio = fa / pa
	}
	note("the pool made %.1f× fewer heap allocations per op (checksum %d)", ratio, sink.Load()%1000)
	result(math.Round(ratio*100) / 100)
}

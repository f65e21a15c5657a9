// Command pprof-flamegraph profiles a small payment-batch pipeline with
// runtime/pprof and reads the profile itself. Worker goroutines process
// batches through four stages — parseRecords, checksumBatch, sortByAmount and
// findDuplicates — while the program takes one CPU profile per 200 ms of work
// (as a continuous profiler does) into a bytes.Buffer. After each profile it
// un-gzips and decodes the protobuf (profile.proto) with a small hand-written
// reader, and reports flat and cumulative CPU per function and which stage
// was on the CPU in each 100 ms interval (tagged with pprof labels). A
// stopwatch around every stage call gives an independent measurement to
// compare with the samples.
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// --- the workload ------------------------------------------------------------

type record struct {
	id       uint64
	amount   int64
	currency [3]byte
	line     []byte
}

var stageNames = []string{"parseRecords", "checksumBatch", "sortByAmount", "findDuplicates"}

// parseRecords reads "pay_<id>,<amount>,<currency>" lines by hand.
func parseRecords(text []byte, out []record) []record {
	out = out[:0]
	for len(text) > 0 {
		end := bytes.IndexByte(text, '\n')
		if end < 0 {
			end = len(text)
		}
		line := text[:end]
		text = text[min(end+1, len(text)):]
		var r record
		r.line = line
		i := 4 // skip "pay_"
		for ; i < len(line) && line[i] != ','; i++ {
			r.id = r.id*10 + uint64(line[i]-'0')
		}
		for i++; i < len(line) && line[i] != ','; i++ {
			r.amount = r.amount*10 + int64(line[i]-'0')
		}
		if i+4 <= len(line) {
			copy(r.currency[:], line[i+1:i+4])
		}
		out = append(out, r)
	}
	return out
}

// checksumBatch signs every record with SHA-256, the way a ledger might chain
// record digests: most of its CPU is spent inside crypto/sha256.
func checksumBatch(recs []record) [32]byte {
	var acc [32]byte
	for i := range recs {
		d := sha256.Sum256(recs[i].line)
		for j := range acc {
			acc[j] ^= d[j]
		}
	}
	return acc
}

// sortByAmount sorts the batch: O(n log n) comparisons in slices.SortFunc.
func sortByAmount(recs []record) {
	slices.SortFunc(recs, func(a, b record) int {
		return cmp.Or(cmp.Compare(a.amount, b.amount), cmp.Compare(a.id, b.id))
	})
}

// findDuplicates compares every pair of IDs: O(n²), harmless for small
// batches and the bottleneck for large ones.
func findDuplicates(recs []record) int {
	dups := 0
	for i := range recs {
		id := recs[i].id
		for j := i + 1; j < len(recs); j++ {
			if recs[j].id == id {
				dups++
				break
			}
		}
	}
	return dups
}

// processBatch is the coordinator: little CPU of its own (flat), all of the
// stages below it (cumulative).
func processBatch(text []byte, buf []record, times *[4]int64) ([]record, int) {
	t0 := time.Now()
	recs := parseRecords(text, buf)
	t1 := time.Now()
	sum := checksumBatch(recs)
	t2 := time.Now()
	sortByAmount(recs)
	t3 := time.Now()
	dups := findDuplicates(recs)
	t4 := time.Now()
	times[0] += t1.Sub(t0).Nanoseconds()
	times[1] += t2.Sub(t1).Nanoseconds()
	times[2] += t3.Sub(t2).Nanoseconds()
	times[3] += t4.Sub(t3).Nanoseconds()
	return recs, dups + int(sum[0]&1)
}

func makeBatch(n, seed int) []byte {
	var b bytes.Buffer
	currencies := []string{"INR", "USD", "EUR"}
	for i := 0; i < n; i++ {
		id := seed*1_000_000 + i
		if i%97 == 96 {
			id -= 50 // an occasional duplicate
		}
		fmt.Fprintf(&b, "pay_%08d,%d,%s\n", id, 100+(i*7919)%900_000, currencies[i%3])
	}
	return b.Bytes()
}

// --- the clock the workers see -----------------------------------------------

const interval = 100 * time.Millisecond

// While the profile is flushed and decoded, the workers are paused, so the
// intervals are intervals of work, not of wall time.
type workClock struct {
	gate      sync.RWMutex // workers hold it for reading during a batch
	base      time.Duration
	resumedAt time.Time
	running   bool
}

// now must be called with gate held (either way).
func (c *workClock) now() time.Duration {
	if !c.running {
		return c.base
	}
	return c.base + time.Since(c.resumedAt)
}

func (c *workClock) pause() time.Duration {
	c.gate.Lock() // waits for batches in flight
	c.base += time.Since(c.resumedAt)
	c.running = false
	return c.base
}

func (c *workClock) resume() {
	c.resumedAt = time.Now()
	c.running = true
	c.gate.Unlock()
}

func worker(id, batch int, clock *workClock, stopwatch [][4]atomic.Int64, stop *atomic.Bool, wg *sync.WaitGroup, sink *atomic.Int64) {
	defer wg.Done()
	text := makeBatch(batch, id)
	buf := make([]record, 0, batch)
	ctx := context.Background()
	cur := -1
	total := 0
	for {
		clock.gate.RLock()
		if stop.Load() {
			clock.gate.RUnlock()
			break
		}
		k := int(clock.now() / interval)
		if k != cur && k < len(stopwatch) {
			// Every CPU sample taken from now on carries interval=k.
			pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("interval", strconv.Itoa(k))))
			cur = k
		}
		var times [4]int64
		var n int
		buf, n = processBatch(text, buf, &times)
		total += n
		if k < len(stopwatch) {
			for s := range times {
				stopwatch[k][s].Add(times[s])
			}
		}
		clock.gate.RUnlock()
	}
	sink.Add(int64(total))
}

// --- a minimal protobuf reader for profile.proto ------------------------------

type pbReader struct {
	b   []byte
	err error
}

func (r *pbReader) varint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.b) == 0 {
			r.err = errors.New("truncated varint")
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.err = errors.New("varint too long")
	return 0
}

// next returns the next field's number and wire type; ok is false at the end.
func (r *pbReader) next() (field int, wire int, ok bool) {
	if len(r.b) == 0 || r.err != nil {
		return 0, 0, false
	}
	key := r.varint()
	return int(key >> 3), int(key & 7), r.err == nil
}

func (r *pbReader) bytes() []byte {
	n := r.varint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errors.New("truncated field")
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *pbReader) skip(wire int) {
	switch wire {
	case 0:
		r.varint()
	case 1:
		r.fixed(8)
	case 2:
		r.bytes()
	case 5:
		r.fixed(4)
	default:
		r.err = fmt.Errorf("unknown wire type %d", wire)
	}
}

func (r *pbReader) fixed(n int) {
	if len(r.b) < n {
		r.err = errors.New("truncated fixed field")
		return
	}
	r.b = r.b[n:]
}

// uints reads a repeated integer field, packed (wire type 2) or not (0).
func (r *pbReader) uints(wire int, dst []uint64) []uint64 {
	if wire == 0 {
		return append(dst, r.varint())
	}
	if wire != 2 {
		r.skip(wire)
		return dst
	}
	p := pbReader{b: r.bytes()}
	for len(p.b) > 0 && p.err == nil {
		dst = append(dst, p.varint())
	}
	if p.err != nil {
		r.err = p.err
	}
	return dst
}

type pSample struct {
	locs     []uint64
	values   []int64
	interval int // from the "interval" label, -1 when absent
}

type profile struct {
	samples   []pSample
	locFuncs  map[uint64][]uint64 // location id -> function ids, innermost first
	funcNames map[uint64]int64    // function id -> string index
	strs      []string
}

func decodeProfile(data []byte) (*profile, error) {
	p := &profile{locFuncs: map[uint64][]uint64{}, funcNames: map[uint64]int64{}}
	type rawLabel struct{ sample, key, str int64 }
	var labels []rawLabel
	r := pbReader{b: data}
	for {
		field, wire, ok := r.next()
		if !ok {
			break
		}
		switch {
		case field == 2 && wire == 2: // Sample
			s := pSample{interval: -1}
			sr := pbReader{b: r.bytes()}
			for {
				f, w, ok := sr.next()
				if !ok {
					break
				}
				switch f {
				case 1:
					s.locs = sr.uints(w, s.locs)
				case 2:
					var vs []uint64
					vs = sr.uints(w, vs)
					for _, v := range vs {
						s.values = append(s.values, int64(v))
					}
				case 3: // Label {key = 1, str = 2}
					lr := pbReader{b: sr.bytes()}
					var key, str int64
					for {
						lf, lw, ok := lr.next()
						if !ok {
							break
						}
						switch {
						case lf == 1 && lw == 0:
							key = int64(lr.varint())
						case lf == 2 && lw == 0:
							str = int64(lr.varint())
						default:
							lr.skip(lw)
						}
					}
					if lr.err != nil {
						return nil, lr.err
					}
					labels = append(labels, rawLabel{int64(len(p.samples)), key, str})
				default:
					sr.skip(w)
				}
			}
			if sr.err != nil {
				return nil, sr.err
			}
			p.samples = append(p.samples, s)
		case field == 4 && wire == 2: // Location {id = 1, line = 4}
			lr := pbReader{b: r.bytes()}
			var id uint64
			var funcs []uint64
			for {
				f, w, ok := lr.next()
				if !ok {
					break
				}
				switch {
				case f == 1 && w == 0:
					id = lr.varint()
				case f == 4 && w == 2: // Line {function_id = 1}
					line := pbReader{b: lr.bytes()}
					for {
						g, gw, ok := line.next()
						if !ok {
							break
						}
						if g == 1 && gw == 0 {
							funcs = append(funcs, line.varint())
						} else {
							line.skip(gw)
						}
					}
					if line.err != nil {
						return nil, line.err
					}
				default:
					lr.skip(w)
				}
			}
			if lr.err != nil {
				return nil, lr.err
			}
			p.locFuncs[id] = funcs
		case field == 5 && wire == 2: // Function {id = 1, name = 2}
			fr := pbReader{b: r.bytes()}
			var id uint64
			var name int64
			for {
				f, w, ok := fr.next()
				if !ok {
					break
				}
				switch {
				case f == 1 && w == 0:
					id = fr.varint()
				case f == 2 && w == 0:
					name = int64(fr.varint())
				default:
					fr.skip(w)
				}
			}
			if fr.err != nil {
				return nil, fr.err
			}
			p.funcNames[id] = name
		case field == 6 && wire == 2: // string_table
			p.strs = append(p.strs, string(r.bytes()))
		default:
			r.skip(wire)
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	for _, l := range labels {
		if l.key < int64(len(p.strs)) && p.strs[l.key] == "interval" && l.str < int64(len(p.strs)) {
			if k, err := strconv.Atoi(p.strs[l.str]); err == nil {
				p.samples[l.sample].interval = k
			}
		}
	}
	return p, nil
}

func (p *profile) name(fn uint64) string {
	i, ok := p.funcNames[fn]
	if !ok || i < 0 || i >= int64(len(p.strs)) {
		return "?"
	}
	return p.strs[i]
}

// --- aggregation ------------------------------------------------------------

type funcStat struct {
	flatNs, cumNs int64
	flatN, cumN   int64
}

type totals struct {
	funcs     map[string]*funcStat // by short name
	perStage  [][5]float64         // per interval: CPU ms of each stage, and "other"
	samples   int64
	cpuNs     int64
	stageCumN [4]int64
}

func shortName(full string) string {
	if i := strings.IndexByte(full, '['); i >= 0 {
		full = full[:i] + "[…]" // generic instantiation: drop the shape
	}
	if i := strings.LastIndexByte(full, '/'); i >= 0 {
		full = full[i+1:]
	}
	if len(full) > 60 {
		full = full[:60]
	}
	return full
}

func stageOf(name string) int {
	for i, s := range stageNames {
		if name == "main."+s {
			return i
		}
	}
	return -1
}

func (t *totals) add(p *profile) {
	for _, s := range p.samples {
		if len(s.values) < 2 {
			continue
		}
		n, ns := s.values[0], s.values[1]
		t.samples += n
		t.cpuNs += ns
		seen := map[string]bool{}
		stage := -1
		for li, loc := range s.locs {
			for fi, fn := range p.locFuncs[loc] {
				full := p.name(fn)
				name := shortName(full) // instantiations of one generic function add up
				st := t.funcs[name]
				if st == nil {
					st = &funcStat{}
					t.funcs[name] = st
				}
				if li == 0 && fi == 0 { // innermost frame: the function on the CPU
					st.flatN += n
					st.flatNs += ns
				}
				if !seen[name] {
					seen[name] = true
					st.cumN += n
					st.cumNs += ns
				}
				if stage < 0 {
					stage = stageOf(full) // the nearest stage above the leaf
				}
			}
		}
		if stage >= 0 {
			t.stageCumN[stage] += n
		}
		if s.interval >= 0 && s.interval < len(t.perStage) {
			slot := 4
			if stage >= 0 {
				slot = stage
			}
			t.perStage[s.interval][slot] += float64(ns) / 1e6
		}
	}
}

// --- output -----------------------------------------------------------------

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

var stageKeys = []string{"parse", "checksum", "sort", "dedupe", "other"}

func emitStopwatch(stopwatch [][4]atomic.Int64, k int) {
	values := map[string]float64{}
	for s := 0; s < 4; s++ {
		values[stageKeys[s]] = float64(stopwatch[k][s].Load()) / 1e6
	}
	sample("stopwatch", float64(k)*ms(interval), values)
}

func main() {
	seconds := flag.Float64("seconds", 3, "profiled work time")
	batch := flag.Int("batch", 1000, "records per batch")
	workers := flag.Int("workers", 2, "goroutines processing batches")
	flag.Parse()
	*seconds = min(max(*seconds, 0.5), 5)
	*batch = min(max(*batch, 10), 10000)
	*workers = min(max(*workers, 1), 8)

	announceRuntime()

	const perSegment = 2 // intervals per profile
	nIntervals := int(math.Round(*seconds * float64(time.Second) / float64(interval)))
	nIntervals = max(perSegment, (nIntervals+perSegment-1)/perSegment*perSegment)
	stopwatch := make([][4]atomic.Int64, nIntervals)
	tot := &totals{funcs: map[string]*funcStat{}, perStage: make([][5]float64, nIntervals)}
	note("%d workers, %d records per batch, %d ms of work in %d profiles of %d ms each",
		*workers, *batch, nIntervals*int(interval/time.Millisecond), nIntervals/perSegment,
		perSegment*int(interval/time.Millisecond))

	clock := &workClock{}
	clock.gate.Lock() // workers wait until the first profile has started
	var stop atomic.Bool
	var wg sync.WaitGroup
	var sink atomic.Int64
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go worker(w, *batch, clock, stopwatch, &stop, &wg, &sink)
	}

	phases := map[string]time.Duration{}
	phaseOrder := []string{"StartCPUProfile", "work (profiled)", "pause workers", "StopCPUProfile", "gunzip", "decode protobuf"}
	emitPhases := func() {
		for _, ph := range phaseOrder {
			sample("phases", ph, map[string]float64{"ms": ms(phases[ph])})
		}
	}
	shown := []string{}
	var buf bytes.Buffer
	for seg := 0; seg < nIntervals/perSegment; seg++ {
		buf.Reset()
		t0 := time.Now()
		if err := pprof.StartCPUProfile(&buf); err != nil {
			fail(err)
		}
		phases["StartCPUProfile"] += time.Since(t0)

		tw := time.Now()
		clock.resume()
		first := seg * perSegment
		for k := first + 1; k <= first+perSegment; k++ {
			// sleep until the work clock passes the end of interval k-1
			for {
				clock.gate.RLock()
				now := clock.now()
				clock.gate.RUnlock()
				left := time.Duration(k)*interval - now
				if left <= 0 {
					break
				}
				time.Sleep(left)
			}
			if k < first+perSegment {
				emitStopwatch(stopwatch, k-1)
			}
		}
		t1 := time.Now()
		clock.pause()
		phases["pause workers"] += time.Since(t1)
		phases["work (profiled)"] += t1.Sub(tw)
		for k := first; k < first+perSegment; k++ {
			emitStopwatch(stopwatch, k) // final values, now that no batch is in flight
		}

		t2 := time.Now()
		pprof.StopCPUProfile()
		t3 := time.Now()
		gzipped := buf.Len()
		zr, err := gzip.NewReader(&buf)
		if err != nil {
			fail(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			fail(err)
		}
		t4 := time.Now()
		p, err := decodeProfile(raw)
		if err != nil {
			fail(err)
		}
		tot.add(p)
		t5 := time.Now()
		phases["StopCPUProfile"] += t3.Sub(t2)
		phases["gunzip"] += t4.Sub(t3)
		phases["decode protobuf"] += t5.Sub(t4)
		note("profile %d: %d bytes gzipped, %d decoded, %d distinct stacks, %d functions",
			seg+1, gzipped, len(raw), len(p.samples), len(p.funcNames))

		for k := first; k < first+perSegment; k++ {
			values := map[string]float64{}
			for s, key := range stageKeys {
				values[key] = tot.perStage[k][s]
			}
			sample("intervals", float64(k)*ms(interval), values)
		}

		// Top functions by flat CPU, plus the coordinator and the stages, so
		// that flat and cumulative can be compared for each.
		names := make([]string, 0, len(tot.funcs))
		for n := range tot.funcs {
			names = append(names, n)
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(tot.funcs[b].flatN, tot.funcs[a].flatN), strings.Compare(a, b))
		})
		want := []string{"main.processBatch"}
		for _, s := range stageNames {
			want = append(want, "main."+s)
		}
		want = append(want, names...)
		for _, n := range want {
			if tot.funcs[n] != nil && !slices.Contains(shown, n) && len(shown) < 8 {
				shown = append(shown, n)
			}
		}
		last := seg+1 == nIntervals/perSegment
		if seg%2 == 1 || last { // every other profile: keeps the bar charts readable
			for _, n := range shown {
				st := tot.funcs[n]
				sample("top", n, map[string]float64{"flat": float64(st.flatNs) / 1e6, "cum": float64(st.cumNs) / 1e6})
			}
			emitPhases()
		}

		if !last {
			continue
		}
		stop.Store(true)
		clock.resume()
		wg.Wait()
	}

	note("%d samples, %.0f ms of CPU in all profiles; %.0f ms of work on %d workers",
		tot.samples, float64(tot.cpuNs)/1e6, ms(phases["work (profiled)"]), *workers)
	var swTotal [4]float64
	for k := range stopwatch {
		for s := 0; s < 4; s++ {
			swTotal[s] += float64(stopwatch[k][s].Load()) / 1e6
		}
	}
	best := 0
	for s, name := range stageNames {
		st := tot.funcs["main."+name]
		var flat, cum float64
		if st != nil {
			flat, cum = float64(st.flatNs)/1e6, float64(st.cumNs)/1e6
		}
		note("%s: flat %.0f ms, cum %.0f ms of CPU in the profile; stopwatch %.0f ms", name, flat, cum, swTotal[s])
		if tot.stageCumN[s] > tot.stageCumN[best] {
			best = s
		}
	}
	if pb := tot.funcs["main.processBatch"]; pb != nil {
		note("processBatch: flat %.0f ms but cum %.0f ms: a coordinator, its time is in what it calls",
			float64(pb.flatNs)/1e6, float64(pb.cumNs)/1e6)
	}
	note("checksum of the work: %d", sink.Load()%1000)
	result(stageNames[best])
}

// Command syscall-counter writes N small log records to a file three ways —
// one os.File.Write per record, through a bufio.Writer, and as one batched
// write — and counts the write system calls the kernel saw, from the syscw
// field of /proc/self/io, read just before and just after each measured
// section. Then it sweeps the bufio.Writer size from 16 B to 1 MiB.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"time"
)

// syscw returns the number of write-type system calls (write, pwrite,
// writev, ...) this process has made so far. Reading the file is itself a
// read(2), which the kernel counts in syscr, not in syscw.
func syscw() int64 {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		fail("reading /proc/self/io: %v", err)
	}
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("syscw: ")); ok {
			n, err := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
			if err != nil {
				fail("parsing syscw: %v", err)
			}
			return n
		}
	}
	fail("no syscw in /proc/self/io")
	return 0
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// makeRecords builds the log lines up front, so all strategies write
// exactly the same bytes and none of them pays for formatting.
func makeRecords(n int) [][]byte {
	statuses := []string{"captured", "refunded", "declined", "disputed"} // same length
	recs := make([][]byte, n)
	for i := range recs {
		recs[i] = fmt.Appendf(nil, `{"payment_id":"pay_%06d","status":%q}`+"\n", i%1000000, statuses[i%len(statuses)])
	}
	return recs
}

type measurement struct {
	calls int64
	d     time.Duration
}

// measure creates a fresh file, then counts the write calls and the time of
// write(f) only: creating and closing the file are outside the measurement.
func measure(name string, write func(f *os.File) error) measurement {
	f, err := os.Create(name)
	if err != nil {
		fail("create: %v", err)
	}
	before := syscw()
	t0 := time.Now()
	err = write(f)
	d := time.Since(t0)
	after := syscw()
	if err != nil {
		fail("write: %v", err)
	}
	if err := f.Close(); err != nil {
		fail("close: %v", err)
	}
	return measurement{after - before, d}
}

func unbuffered(recs [][]byte) func(*os.File) error {
	return func(f *os.File) error {
		for _, r := range recs {
			if _, err := f.Write(r); err != nil {
				return err
			}
		}
		return nil
	}
}

func buffered(recs [][]byte, size int) func(*os.File) error {
	return func(f *os.File) error {
		w := bufio.NewWriterSize(f, size)
		for _, r := range recs {
			if _, err := w.Write(r); err != nil {
				return err
			}
		}
		return w.Flush() // without it the last partial buffer never reaches the file
	}
}

func batched(recs [][]byte, total int) func(*os.File) error {
	return func(f *os.File) error {
		all := make([]byte, 0, total)
		for _, r := range recs {
			all = append(all, r...)
		}
		_, err := f.Write(all) // os.File.Write loops if the kernel writes less
		return err
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func humanSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " B"
}

func main() {
	records := flag.Int("records", 20000, "records to write")
	bufSize := flag.Int("buffer", 4096, "bufio.Writer size in bytes")
	flag.Parse()
	*records = min(max(*records, 100), 200000)
	*bufSize = min(max(*bufSize, 16), 4<<20)

	announceRuntime()

	recs := makeRecords(*records)
	total := 0
	for _, r := range recs {
		total += len(r)
	}
	note("phase 1: %d records of %d bytes (%d bytes in all), written unbuffered, through a %s bufio.Writer, and as one write",
		len(recs), len(recs[0]), total, humanSize(*bufSize))

	strategies := []struct {
		name  string
		write func(*os.File) error
	}{
		{"unbuffered", unbuffered(recs)},
		{"bufio " + humanSize(*bufSize), buffered(recs, *bufSize)},
		{"one batched write", batched(recs, total)},
	}
	times := make([][]time.Duration, len(strategies))
	calls := make([]int64, len(strategies))
	start := time.Now()
	for round := 0; round < 10; round++ {
		for i, s := range strategies {
			m := measure("out.log", s.write)
			times[i] = append(times[i], m.d)
			if round == 0 || m.calls < calls[i] {
				// The least is the call count of the code itself; a higher
				// count means the runtime wrote too (rare: a wake-up).
				calls[i] = m.calls
			}
			sample("calls", s.name, map[string]float64{"syscalls": float64(calls[i])})
			sample("time", s.name, map[string]float64{"ms": ms(median(times[i]))})
			time.Sleep(50 * time.Millisecond) // pace the chart for the reader
		}
		if time.Since(start) > 1500*time.Millisecond {
			break
		}
	}
	for i, s := range strategies {
		note("%s: %d write calls, median %.2f ms over %d rounds (%.0f ns per record)",
			s.name, calls[i], ms(median(times[i])), len(times[i]),
			float64(median(times[i]).Nanoseconds())/float64(len(recs)))
	}
	if dc := calls[0] - calls[2]; dc > 0 {
		per := float64((median(times[0]) - median(times[2])).Nanoseconds()) / float64(dc)
		note("each extra write(2) cost about %.2f µs here (unbuffered minus batched, per call)", per/1000)
	}

	note("phase 2: the same records through bufio.Writer sizes from 16 B to 1 MiB")
	for shift := 4; shift <= 20; shift++ {
		size := 1 << shift
		w := buffered(recs, size)
		var ds []time.Duration
		var least int64 = -1
		t0 := time.Now()
		for len(ds) < 500 && (len(ds) == 0 || time.Since(t0) < 60*time.Millisecond) {
			m := measure("out.log", w)
			ds = append(ds, m.d)
			if least < 0 || m.calls < least {
				least = m.calls
			}
		}
		expected := math.Ceil(float64(total) / float64(size))
		sample("sweep_calls", float64(shift), map[string]float64{"syscalls": float64(least), "bytes_over_size": expected})
		sample("sweep_time", float64(shift), map[string]float64{"ms": ms(median(ds))})
	}
	if err := os.Remove("out.log"); err != nil {
		fail("remove: %v", err)
	}

	ratio := 0.0
	if calls[1] > 0 {
		ratio = float64(calls[0]) / float64(calls[1])
	}
	note("unbuffered made %.1f× as many write calls as bufio with %s", ratio, humanSize(*bufSize))
	result(math.Round(ratio*10) / 10)
}

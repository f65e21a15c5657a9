// Page table walk: measure nanoseconds per dependent load as the working set
// grows from 16 KiB to max_mb. The random pattern chases pointers through
// every 64-byte line of the working set in a shuffled order, so each load
// depends on the previous one and lands on an unpredictable line and page;
// the sequential pattern chases the same lines in address order, which the
// hardware prefetcher can follow. The buffer is mmap'd and madvise'd for or
// against transparent huge pages.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

const (
	lineWords = 8 // 64-byte cache line = 8 uint64 words
	chunk     = 1 << 14
	perSize   = 30 * time.Millisecond
	// budget: no new size is started after this much time in the sweep.
	budget = 3500 * time.Millisecond
)

var sink uint64

func human(kib int) string {
	switch {
	case kib >= 1<<20:
		return fmt.Sprintf("%d GiB", kib>>20)
	case kib >= 1<<10:
		return fmt.Sprintf("%d MiB", kib>>10)
	default:
		return fmt.Sprintf("%d KiB", kib)
	}
}

// scramble is a bijection on [0, 2^bits): odd multiplications and xor-shifts,
// each invertible modulo 2^bits. Visiting k = 0, 1, 2 … through it gives an
// order of the lines with no stride a prefetcher could learn.
func scramble(x uint64, bits uint) uint64 {
	mask := uint64(1)<<bits - 1
	sh := max(bits/2, 1)
	x = (x * 0x9E3779B97F4A7C15) & mask
	x ^= x >> sh
	x = (x * 0xBF58476D1CE4E5B9) & mask
	x ^= x >> sh
	x = (x * 0x94D049BB133111EB) & mask
	return x
}

// chase follows the pointer chain from p for steps loads and returns where it ended.
func chase(buf []uint64, p uint64, steps int) uint64 {
	for range steps / 8 {
		p = buf[p]
		p = buf[p]
		p = buf[p]
		p = buf[p]
		p = buf[p]
		p = buf[p]
		p = buf[p]
		p = buf[p]
	}
	return p
}

// measure returns nanoseconds per load: after a warm-up pass it chases in
// three rounds of about perSize/3 each and keeps the fastest, so a burst of
// activity elsewhere on the machine does not decide the result.
func measure(buf []uint64, start uint64, lines int) float64 {
	p := chase(buf, start, max(min(lines, 1<<20), chunk)) // warm caches and TLB
	best := math.Inf(1)
	for range 3 {
		steps := 0
		t0 := time.Now()
		for steps < chunk || time.Since(t0) < perSize/3 {
			p = chase(buf, p, chunk)
			steps += chunk
		}
		best = min(best, float64(time.Since(t0).Nanoseconds())/float64(steps))
	}
	sink += p
	return best
}

func minorFaults() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Minflt
}

// anonHugeKiB reads AnonHugePages from /proc/self/smaps_rollup.
func anonHugeKiB() (int64, bool) {
	f, err := os.Open("/proc/self/smaps_rollup")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "AnonHugePages:"); ok {
			fields := strings.Fields(v)
			if len(fields) > 0 {
				n, err := strconv.ParseInt(fields[0], 10, 64)
				return n, err == nil
			}
		}
	}
	return 0, false
}

func main() {
	maxMB := flag.Int("max_mb", 256, "largest working set, MiB")
	huge := flag.String("huge_pages", "off", "off or on")
	flag.Parse()
	*maxMB = min(max(*maxMB, 4), 512)
	if *huge != "off" && *huge != "on" {
		fmt.Fprintln(os.Stderr, "huge_pages must be off or on")
		os.Exit(2)
	}
	announceRuntime()

	// Round up to a power of two so the sweep ends exactly at max_mb or above it.
	maxKiB := 16
	for maxKiB < *maxMB<<10 {
		maxKiB *= 2
	}
	if maxKiB > *maxMB<<10 && maxKiB/2 >= 16 {
		maxKiB /= 2 // stay at or below the requested maximum
	}
	size := maxKiB << 10
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		note("mmap of %s failed: %v", human(maxKiB), err)
		os.Exit(1)
	}
	advice := syscall.MADV_NOHUGEPAGE
	if *huge == "on" {
		advice = syscall.MADV_HUGEPAGE
	}
	if err := syscall.Madvise(mem, advice); err != nil {
		note("madvise failed (%v); the kernel's default page policy applies", err)
	}
	buf := unsafe.Slice((*uint64)(unsafe.Pointer(&mem[0])), size/8)

	started := time.Now()
	var first, last float64
	lastKiB := 16
	for kib := 16; kib <= maxKiB; kib *= 2 {
		if time.Since(started) > budget {
			note("stopping at %s: the time budget for this run is used up (the machine is busy)", human(lastKiB))
			break
		}
		lines := kib << 10 / 64
		bits := uint(0)
		for 1<<bits < lines {
			bits++
		}
		// Random: visit every line once in a scrambled order, linked into one
		// cycle. Writing the links also faults in the pages added by this size.
		f0, t0 := minorFaults(), time.Now()
		for k := range lines {
			buf[scramble(uint64(k), bits)*lineWords] = scramble(uint64((k+1)%lines), bits) * lineWords
		}
		faults, build := minorFaults()-f0, time.Since(t0)
		random := measure(buf, 0, lines)
		// Sequential: the same lines in address order.
		for i := range lines {
			buf[i*lineWords] = uint64((i+1)%lines) * lineWords
		}
		seq := measure(buf, 0, lines)
		sample("latency", math.Log2(float64(kib)), map[string]float64{"random": random, "sequential": seq})
		note("%s: %.1f ns random, %.1f ns sequential (%d page faults while building it in %.0f ms)",
			human(kib), random, seq, faults, ms(build))
		if kib == 16 {
			first = random
		}
		last, lastKiB = random, kib
	}
	if hk, ok := anonHugeKiB(); ok {
		hugeMiB := min(float64(hk)/1024, float64(lastKiB)/1024)
		sample("backing", "2 MiB huge pages", map[string]float64{"mib": hugeMiB})
		sample("backing", "4 KiB pages", map[string]float64{"mib": math.Max(float64(lastKiB)/1024-hugeMiB, 0)})
		note("huge_pages=%s: %.0f MiB of the %s used is backed by 2 MiB pages", *huge, hugeMiB, human(lastKiB))
	} else {
		note("/proc/self/smaps_rollup is not readable: cannot show how much is backed by huge pages")
	}
	ratio := last / first
	note("a random load at %s costs %.0f× one at 16 KiB", human(lastKiB), ratio)
	result(math.Round(ratio*10) / 10)
}

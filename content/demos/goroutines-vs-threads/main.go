// Goroutines vs threads: start N parked goroutines in ten steps, measuring the
// start time and the memory they add; then start M goroutines that each lock
// an OS thread (runtime.LockOSThread) before parking, so every one of them
// holds a real thread, and measure the same.
package main

import (
	"bufio"
	"flag"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"
)

const steps = 10

// procStatus reads VmRSS (bytes) and Threads from /proc/self/status.
func procStatus() (rss, threads int64, ok bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	found := 0
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		fields := strings.Fields(v)
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			rss = n * 1024
			found++
		case "Threads":
			threads = n
			found++
		}
	}
	return rss, threads, found == 2
}

// kernelStack reads KernelStack (bytes) from /proc/meminfo: the kernel stacks
// of every thread on the machine, which no per-process counter shows.
func kernelStack() (int64, bool) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		if k != "KernelStack" {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			return 0, false
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		return n * 1024, err == nil
	}
	return 0, false
}

type snapshot struct {
	rss, threads int64 // from /proc; rss < 0 when unavailable
	kstack       int64 // machine-wide kernel stacks; < 0 when unavailable
	stacks       int64 // Go-allocated stacks: goroutines', g0 and signal stacks of threads
}

var haveProc bool

func snap() snapshot {
	var s snapshot
	if rss, th, ok := procStatus(); ok {
		s.rss, s.threads = rss, th
	} else {
		s.rss = -1
		s.threads = int64(pprof.Lookup("threadcreate").Count())
	}
	if k, ok := kernelStack(); ok {
		s.kstack = k
	} else {
		s.kstack = -1
	}
	m := []metrics.Sample{{Name: "/memory/classes/heap/stacks:bytes"}, {Name: "/memory/classes/os-stacks:bytes"}}
	metrics.Read(m)
	s.stacks = int64(m[0].Value.Uint64() + m[1].Value.Uint64())
	return s
}

// seen keeps every sample printed per chart and x. A later sample with the
// same x replaces the earlier one, so when both phases measure at the same
// count, the second sample carries the first phase's values too.
var seen = map[string]map[int]map[string]float64{}

func emitAt(chart string, x int, values map[string]float64) {
	if seen[chart] == nil {
		seen[chart] = map[int]map[string]float64{}
	}
	merged := seen[chart][x]
	if merged == nil {
		merged = map[string]float64{}
		seen[chart][x] = merged
	}
	for k, v := range values {
		merged[k] = v
	}
	sample(chart, x, merged)
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

type phaseResult struct {
	startNs   float64 // wall time per start
	rssKiB    float64 // RSS growth per unit (0 when /proc is unreadable)
	stackKiB  float64 // Go stack memory growth per unit
	kstackKiB float64 // kernel stack growth per unit, machine-wide
}

// phase starts total goroutines in ten steps; with lock, each one locks its
// OS thread before it parks. It streams a growth sample after every step.
func phase(name string, total int, lock bool, series string) phaseResult {
	runtime.GC()
	debug.FreeOSMemory()
	base := snap()
	release := make(chan struct{})
	var exited sync.WaitGroup
	var spent time.Duration
	started := 0
	for s := 1; s <= steps; s++ {
		n := total*s/steps - started
		var ready sync.WaitGroup
		ready.Add(n)
		exited.Add(n)
		t0 := time.Now()
		for range n {
			go func() {
				defer exited.Done()
				if lock {
					// Never unlocked: when this goroutine exits, its thread exits too.
					runtime.LockOSThread()
				}
				ready.Done()
				<-release
			}()
		}
		ready.Wait() // all of them are running (or about to park)
		spent += time.Since(t0)
		started += n
		time.Sleep(20 * time.Millisecond) // let the last ones park and the threads settle
		now := snap()
		growth := map[string]float64{series + "_stacks": mib(now.stacks - base.stacks)}
		if now.rss >= 0 {
			growth[series+"_rss"] = mib(now.rss - base.rss)
		}
		if now.kstack >= 0 && base.kstack >= 0 {
			growth[series+"_kstack"] = mib(now.kstack - base.kstack)
		}
		emitAt("memory", started, growth)
		emitAt("threads", started, map[string]float64{series: float64(now.threads)})
		time.Sleep(60 * time.Millisecond) // pace the chart for a human
	}
	end := snap()
	res := phaseResult{
		startNs:  float64(spent.Nanoseconds()) / float64(total),
		stackKiB: float64(end.stacks-base.stacks) / 1024 / float64(total),
	}
	if end.rss >= 0 {
		res.rssKiB = float64(end.rss-base.rss) / 1024 / float64(total)
	}
	if end.kstack >= 0 && base.kstack >= 0 {
		res.kstackKiB = float64(end.kstack-base.kstack) / 1024 / float64(total)
	}
	note("%s: %d started in %.1f ms (%.2f µs each); per unit: RSS %+.1f KiB, Go stacks %+.1f KiB, kernel stacks %+.1f KiB; threads %d → %d",
		name, total, ms(spent), res.startNs/1000, res.rssKiB, res.stackKiB, res.kstackKiB, base.threads, end.threads)
	close(release)
	exited.Wait()
	return res
}

func main() {
	nG := flag.Int("goroutines", 10000, "parked goroutines to start")
	nT := flag.Int("threads", 500, "goroutines that each lock an OS thread")
	flag.Parse()
	*nG = min(max(*nG, 100), 100000)
	*nT = min(max(*nT, 10), 2000)

	announceRuntime()
	if _, _, ok := procStatus(); ok {
		haveProc = true
	} else {
		note("/proc/self/status is not readable here: no RSS, and threads are the runtime's count of threads created")
	}

	note("phase 1: %d goroutines that park on a channel", *nG)
	g := phase("goroutines", *nG, false, "goroutines")
	time.Sleep(50 * time.Millisecond)
	note("phase 2: %d goroutines that each call runtime.LockOSThread, then park", *nT)
	t := phase("locked threads", *nT, true, "threads")

	sample("start", "goroutine", map[string]float64{"start_us": g.startNs / 1000})
	sample("start", "locked thread", map[string]float64{"start_us": t.startNs / 1000})
	per := func(x string, r phaseResult) {
		s := map[string]float64{"stack_kib": r.stackKiB}
		if haveProc {
			s["rss_kib"] = r.rssKiB
			s["kstack_kib"] = r.kstackKiB
		}
		sample("per_unit", x, s)
	}
	per("goroutine", g)
	per("locked thread", t)

	// The prediction compares memory per unit: RSS when the kernel's view is
	// available, the runtime's stack memory otherwise.
	gm, tm := g.stackKiB, t.stackKiB
	what := "Go stack memory"
	if haveProc {
		gm, tm, what = g.rssKiB, t.rssKiB, "RSS"
	}
	ratio := 0.0
	if gm > 0.01 {
		ratio = tm / gm
	}
	note("%s per locked thread is %.1f× %s per goroutine; starting one is %.1f× slower", what, ratio, what, t.startNs/g.startNs)
	result(float64(int(ratio*10+0.5)) / 10)
}

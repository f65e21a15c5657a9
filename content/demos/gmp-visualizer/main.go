// GMP visualizer: the same CPU-bound job, split over many goroutines, is run
// at GOMAXPROCS = 1, 2, ... max_procs. Throughput shows where adding Ps stops
// adding CPU; getrusage shows how many cores the process really kept busy; the
// runtime's schedtrace shows threads (Ms) and idle Ps. Optionally some
// goroutines sit in blocking read system calls during every step, which costs
// one OS thread each whatever GOMAXPROCS is.
package main

import (
	"flag"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// stepCPU is the single-core CPU time of the job run at every GOMAXPROCS.
const stepCPU = 400 * time.Millisecond

var sink atomic.Uint64

// work burns CPU with a xorshift generator: no memory traffic, no calls.
func work(n int) uint64 {
	x := uint64(n) | 1
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// calibrate returns work iterations per microsecond on one core.
func calibrate() float64 {
	n := 1 << 16
	for {
		t := time.Now()
		sink.Add(work(n))
		el := time.Since(t)
		if el > 20*time.Millisecond || n > 1<<30 {
			return float64(n) / float64(el.Microseconds()+1)
		}
		n *= 2
	}
}

// cpuTimes returns the user and system CPU time the whole process has used.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// blockers parks n goroutines in raw read(2) calls on a blocking pipe: the
// netpoller never sees this fd, so each call holds an OS thread in the kernel.
// The returned function releases them and waits until all have returned.
func blockers(n int) (release func(), err error) {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			buf := make([]byte, 1)
			for {
				_, err := syscall.Read(fds[0], buf)
				if err != syscall.EINTR {
					return
				}
			}
		})
	}
	return func() {
		syscall.Write(fds[1], make([]byte, n))
		wg.Wait()
		syscall.Close(fds[0])
		syscall.Close(fds[1])
	}, nil
}

// step runs the job at the current GOMAXPROCS and streams its bars while it runs.
func step(procs, goroutines, itersTotal, nblock int, linear float64) float64 {
	label := strconv.Itoa(procs)
	var release func()
	if nblock > 0 {
		r, err := blockers(nblock)
		if err != nil {
			note("could not create the pipe for blocking reads: %v", err)
		} else {
			release = r
			time.Sleep(30 * time.Millisecond) // let sysmon hand their Ps off
		}
	}

	per := itersTotal / goroutines
	var done atomic.Int64
	var wg sync.WaitGroup
	u0, s0 := cpuTimes()
	t0 := time.Now()
	for range goroutines {
		wg.Go(func() {
			// Report progress in eight slices so the live bar moves.
			slice := max(per/8, 1)
			for left := per; left > 0; left -= slice {
				k := min(slice, left)
				sink.Add(work(k))
				done.Add(int64(k))
			}
		})
	}
	report := func() float64 {
		el := time.Since(t0).Seconds()
		u, sy := cpuTimes()
		rate := float64(done.Load()) / el
		bar := map[string]float64{"measured": rate / 1e6}
		if linear > 0 {
			bar["linear"] = linear * float64(procs) / 1e6
		}
		sample("throughput", label, bar)
		sample("cpu", label, map[string]float64{
			"user":   (u - u0).Seconds() / el,
			"system": (sy - s0).Seconds() / el,
		})
		return rate
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	tick := time.NewTicker(60 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			report()
			continue
		case <-finished:
		}
		break
	}
	rate := report()
	if release != nil {
		release()
	}
	return rate
}

func main() {
	maxProcs := flag.Int("max_procs", 8, "largest GOMAXPROCS in the sweep")
	goroutines := flag.Int("goroutines", 1000, "goroutines the job is split into")
	nblock := flag.Int("blockers", 0, "goroutines in blocking syscalls during each step")
	flag.Parse()
	*maxProcs = min(max(*maxProcs, 1), 8)
	*goroutines = min(max(*goroutines, 8), 10000)
	*nblock = min(max(*nblock, 0), 64)

	announceRuntime()
	perUs := calibrate()
	itersTotal := int(perUs * float64(stepCPU.Microseconds()))
	note("job: %d goroutines, %.0f ms of single-core CPU in total, run at GOMAXPROCS 1..%d on %d CPUs",
		*goroutines, float64(stepCPU.Milliseconds()), *maxProcs, runtime.NumCPU())
	if *nblock > 0 {
		note("during every step %d more goroutines sit in blocking read(2) calls on a pipe", *nblock)
	}

	rates := make([]float64, *maxProcs+1)
	for p := 1; p <= *maxProcs; p++ {
		runtime.GOMAXPROCS(p)
		announceRuntime()
		rates[p] = step(p, *goroutines, itersTotal, *nblock, rates[1])
		note("GOMAXPROCS=%d: %.0f M iterations/s, %.2f× the 1-P rate", p, rates[p]/1e6, rates[p]/rates[1])
		time.Sleep(60 * time.Millisecond) // a visible gap in the schedtrace
	}

	best := 0.0
	for p := 1; p <= *maxProcs; p++ {
		best = max(best, rates[p])
	}
	knee := 1
	for p := 1; p <= *maxProcs; p++ {
		if rates[p] >= 0.9*best {
			knee = p
			break
		}
	}
	note("throughput first reaches 90%% of its best (%.0f M/s) at GOMAXPROCS=%d", best/1e6, knee)
	result(strconv.Itoa(knee))
}

// Work stealing: a burst of small CPU-bound goroutines is spawned either by one
// goroutine (skew=high) or by one spawner per P (skew=none). The runtime's
// schedtrace shows the per-P queues; this program counts how many tasks ran on
// a different OS thread than the one that spawned them, and compares the
// throughput with a GOMAXPROCS=1 baseline.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var start = time.Now()

// jobCPU is the single-core CPU time of the whole job; the tasks parameter
// only decides how finely it is split.
const jobCPU = 1600 * time.Millisecond

var sink atomic.Uint64

// work burns CPU without touching memory or making calls the compiler could
// remove: a xorshift generator iterated n times.
func work(n int) uint64 {
	x := uint64(n) | 1
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// calibrate returns how many work iterations run per microsecond on one core.
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

type counters struct {
	done  atomic.Int64
	moved atomic.Int64
}

// wave is how many tasks a spawner releases at once: the size of a P's local
// run queue, so a wave fits in the spawner's P and does not overflow to the
// global queue. The spawner then parks until the wave is done.
const wave = 256

// runPhase spawns tasks goroutines of iters work each, in waves, from
// spawners goroutines, and waits for all of them. It returns the wall time
// from the first spawn to the last completion.
func runPhase(tasks, iters, spawners int, c *counters) time.Duration {
	task := func(spawnTid int, wg *sync.WaitGroup) {
		if syscall.Gettid() != spawnTid {
			c.moved.Add(1)
		}
		sink.Add(work(iters))
		c.done.Add(1)
		wg.Done()
	}
	spawn := func(n int) {
		for n > 0 {
			k := min(n, wave)
			var wg sync.WaitGroup
			wg.Add(k)
			for range k {
				go task(syscall.Gettid(), &wg)
			}
			wg.Wait()
			n -= k
		}
	}
	t0 := time.Now()
	var all sync.WaitGroup
	for i := range spawners {
		n := tasks / spawners
		if i < tasks%spawners {
			n++
		}
		all.Go(func() { spawn(n) })
	}
	all.Wait()
	return time.Since(t0)
}

// sampler prints the completion and "moved" rates every 100 ms until stop closes.
func sampler(c *counters, stop <-chan struct{}, finished chan<- struct{}) {
	defer close(finished)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	last := time.Now()
	var lastDone, lastMoved int64
	report := func() {
		now := time.Now()
		dt := now.Sub(last).Seconds()
		if dt <= 0 {
			return
		}
		d, m := c.done.Load(), c.moved.Load()
		sample("progress", ms(time.Since(start)), map[string]float64{
			"completed": float64(d-lastDone) / dt,
			"moved":     float64(m-lastMoved) / dt,
		})
		last, lastDone, lastMoved = now, d, m
	}
	for {
		select {
		case <-tick.C:
			report()
		case <-stop:
			report()
			return
		}
	}
}

func phase(label string, tasks, iters, spawners int) float64 {
	var c counters
	stop, finished := make(chan struct{}), make(chan struct{})
	go sampler(&c, stop, finished)
	el := runPhase(tasks, iters, spawners, &c)
	close(stop)
	<-finished
	rate := float64(tasks) / el.Seconds()
	movedShare := float64(c.moved.Load()) / float64(tasks)
	note("%s: %d tasks in %.0f ms = %.0f tasks/s; %.0f%% ran on a different thread than their spawner",
		label, tasks, ms(el), rate, 100*movedShare)
	return rate
}

func main() {
	workers := flag.Int("workers", 4, "GOMAXPROCS")
	tasks := flag.Int("tasks", 20000, "number of goroutines")
	skew := flag.String("skew", "high", "none or high")
	flag.Parse()
	*workers = min(max(*workers, 1), 8)
	*tasks = min(max(*tasks, 1000), 100000)
	if *skew != "none" && *skew != "high" {
		fmt.Fprintln(os.Stderr, "skew must be none or high")
		os.Exit(2)
	}

	runtime.GOMAXPROCS(*workers)
	announceRuntime()

	perUs := calibrate()
	iters := max(int(perUs*float64(jobCPU.Microseconds())/float64(*tasks)), 1)
	taskUs := float64(iters) / perUs
	spawners := 1
	if *skew == "none" {
		spawners = *workers
	}
	if spawners == 1 {
		note("one goroutine spawns %d tasks of about %.0f µs CPU each", *tasks, taskUs)
	} else {
		note("%d spawner goroutines each spawn about %d tasks of about %.0f µs CPU each", spawners, *tasks/spawners, taskUs)
	}

	rate := phase(fmt.Sprintf("GOMAXPROCS=%d", *workers), *tasks, iters, spawners)
	sample("compare", fmt.Sprintf("GOMAXPROCS=%d", *workers), map[string]float64{"tasks_per_s": rate})

	speedup := 1.0
	if *workers > 1 {
		// Baseline: a quarter of the same tasks with a single P.
		time.Sleep(100 * time.Millisecond)
		runtime.GOMAXPROCS(1)
		announceRuntime()
		baseTasks := max(*tasks/4, 250)
		note("baseline: %d of the same tasks with GOMAXPROCS=1", baseTasks)
		baseRate := phase("GOMAXPROCS=1", baseTasks, iters, 1)
		sample("compare", "GOMAXPROCS=1", map[string]float64{"tasks_per_s": baseRate})
		speedup = rate / baseRate
	}
	note("throughput at GOMAXPROCS=%d is %.2f× the GOMAXPROCS=1 baseline on %d CPUs", *workers, speedup, runtime.NumCPU())
	result(float64(int(speedup*100+0.5)) / 100)
}

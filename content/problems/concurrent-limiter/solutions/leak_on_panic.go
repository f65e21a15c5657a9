package main

// Releases after f without defer: a panicking f skips the Release and the slot is lost.
// Must get RE.

import "sync/atomic"

// Limiter admits at most max holders at once without a lock. The whole decision ("is there
// room?", "is anything held?") depends on one word, inFlight, and every change to it is a
// compare-and-swap from the value the decision was made on, so no update is ever lost.
type Limiter struct {
	inFlight atomic.Int64
	max      int64
}

func NewLimiter(max int64) *Limiter { return &Limiter{max: max} }

func (l *Limiter) TryAcquire() bool {
	for {
		cur := l.inFlight.Load()
		if cur >= l.max {
			return false // full: fail at once, never wait
		}
		if l.inFlight.CompareAndSwap(cur, cur+1) {
			return true
		}
		// Another goroutine changed the count between Load and CAS: decide again.
	}
}

func (l *Limiter) Release() {
	for {
		cur := l.inFlight.Load()
		if cur <= 0 {
			panic("limiter: Release without a matching TryAcquire")
		}
		if l.inFlight.CompareAndSwap(cur, cur-1) {
			return
		}
	}
}

func (l *Limiter) InFlight() int64 { return l.inFlight.Load() }

// TryDo runs f in a slot if one is free. The deferred Release returns the slot on every path:
// f's error, and f's panic (which then continues to the caller).
func (l *Limiter) TryDo(f func() error) (bool, error) {
	if !l.TryAcquire() {
		return false, nil
	}
	err := f()
	l.Release()
	return true, err
}

package main

import "sync/atomic"

// Add first, undo if over: never admits more than max (the count that made it over is taken
// back), and the failed attempt's +1 is visible to others only for an instant. Accepted.
type Limiter struct {
	n   atomic.Int64
	max int64
}

func NewLimiter(max int64) *Limiter { return &Limiter{max: max} }

func (l *Limiter) TryAcquire() bool {
	if l.n.Add(1) > l.max {
		l.n.Add(-1)
		return false
	}
	return true
}

func (l *Limiter) Release() {
	if l.n.Add(-1) < 0 {
		l.n.Add(1)
		panic("limiter: Release without TryAcquire")
	}
}

func (l *Limiter) InFlight() int64 { return l.n.Load() }

func (l *Limiter) TryDo(f func() error) (bool, error) {
	if !l.TryAcquire() {
		return false, nil
	}
	defer l.Release()
	return true, f()
}

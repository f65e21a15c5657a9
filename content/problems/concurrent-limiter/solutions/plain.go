package main

import "sync"

// The everyday version: a counter under a mutex. Correct, just not lock-free.
type Limiter struct {
	mu    sync.Mutex
	count int64
	max   int64
}

func NewLimiter(max int64) *Limiter {
	return &Limiter{max: max}
}

func (l *Limiter) TryAcquire() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.count < l.max {
		l.count++
		return true
	}
	return false
}

func (l *Limiter) Release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.count == 0 {
		panic("release without acquire")
	}
	l.count--
}

func (l *Limiter) InFlight() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.count
}

func (l *Limiter) TryDo(f func() error) (bool, error) {
	if !l.TryAcquire() {
		return false, nil
	}
	defer l.Release()
	err := f()
	return true, err
}

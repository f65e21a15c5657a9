package main

// A buffered channel as a semaphore, but with a plain send: when the limiter is full,
// TryAcquire waits for a slot instead of failing. Must get RE (TryAcquire blocked).
type Limiter struct {
	slots chan struct{}
}

func NewLimiter(max int64) *Limiter {
	return &Limiter{slots: make(chan struct{}, max)}
}

func (l *Limiter) TryAcquire() bool {
	l.slots <- struct{}{}
	return true
}

func (l *Limiter) Release() {
	select {
	case <-l.slots:
	default:
		panic("limiter: Release without TryAcquire")
	}
}

func (l *Limiter) InFlight() int64 { return int64(len(l.slots)) }

func (l *Limiter) TryDo(f func() error) (bool, error) {
	if !l.TryAcquire() {
		return false, nil
	}
	defer l.Release()
	return true, f()
}

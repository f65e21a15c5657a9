package main

import "sync"

// entry is one merchant's slot: while done is open a load is in flight; after close(done),
// cfg and err hold its result. They are written before close and only read after it.
type entry struct {
	done chan struct{}
	cfg  Config
	err  error
}

// Cache is a read-through cache with per-key de-duplication (singleflight): the mutex guards
// the map only and is never held while the loader runs, so different merchants load in
// parallel and callers for the same merchant wait on that merchant's channel.
type Cache struct {
	mu      sync.Mutex
	load    func(merchant string) (Config, error)
	entries map[string]*entry
}

func NewCache(load func(merchant string) (Config, error)) *Cache {
	return &Cache{load: load, entries: make(map[string]*entry)}
}

func (c *Cache) Get(merchant string) (Config, error) {
	c.mu.Lock()
	if e, ok := c.entries[merchant]; ok {
		c.mu.Unlock()
		<-e.done // returns at once for a cached success
		return e.cfg, e.err
	}
	e := &entry{done: make(chan struct{})}
	c.entries[merchant] = e
	c.mu.Unlock()

	e.cfg, e.err = c.load(merchant)
	if e.err != nil {
		c.mu.Lock()
		delete(c.entries, merchant) // errors are not cached: the next Get retries
		c.mu.Unlock()
	}
	close(e.done) // wake every waiter, with the same result
	return e.cfg, e.err
}

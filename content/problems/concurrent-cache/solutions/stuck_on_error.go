package main

import "sync"

// Returns early on a loader error without waking the waiters (and leaves the entry in flight):
// every other caller for that merchant blocks forever. Must get RE (deadlock).
type entry struct {
	done chan struct{}
	cfg  Config
	err  error
}

type Cache struct {
	mu      sync.Mutex
	load    func(string) (Config, error)
	entries map[string]*entry
}

func NewCache(load func(merchant string) (Config, error)) *Cache {
	return &Cache{load: load, entries: map[string]*entry{}}
}

func (c *Cache) Get(merchant string) (Config, error) {
	c.mu.Lock()
	if e, ok := c.entries[merchant]; ok {
		c.mu.Unlock()
		<-e.done
		return e.cfg, e.err
	}
	e := &entry{done: make(chan struct{})}
	c.entries[merchant] = e
	c.mu.Unlock()
	cfg, err := c.load(merchant)
	if err != nil {
		return Config{}, err
	}
	e.cfg = cfg
	close(e.done)
	return cfg, nil
}

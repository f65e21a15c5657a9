package main

import "sync"

// De-duplicates correctly but keeps failed entries: one blip of the config service is
// remembered forever and no Get ever retries. Must get WA.
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
	e.cfg, e.err = c.load(merchant)
	close(e.done)
	return e.cfg, e.err
}

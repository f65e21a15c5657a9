package main

import "sync"

// The textbook singleflight: a map of finished results and a map of calls in flight, each call
// with a WaitGroup the duplicates wait on.
type call struct {
	wg  sync.WaitGroup
	val Config
	err error
}

type Cache struct {
	mu       sync.Mutex
	loader   func(string) (Config, error)
	cache    map[string]Config
	inflight map[string]*call
}

func NewCache(load func(merchant string) (Config, error)) *Cache {
	return &Cache{
		loader:   load,
		cache:    map[string]Config{},
		inflight: map[string]*call{},
	}
}

func (c *Cache) Get(key string) (Config, error) {
	c.mu.Lock()
	if v, ok := c.cache[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		cl.wg.Wait()
		return cl.val, cl.err
	}
	cl := &call{}
	cl.wg.Add(1)
	c.inflight[key] = cl
	c.mu.Unlock()

	cl.val, cl.err = c.loader(key)

	c.mu.Lock()
	if cl.err == nil {
		c.cache[key] = cl.val
	}
	delete(c.inflight, key)
	c.mu.Unlock()
	cl.wg.Done()
	return cl.val, cl.err
}

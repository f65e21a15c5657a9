package main

import (
	"sync"
	"time"
)

// Correct Gets, plus a background goroutine that sweeps the in-flight table every second and is
// never stopped: it outlives the workload. Must get RE (leak).
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
	c := &Cache{loader: load, cache: map[string]Config{}, inflight: map[string]*call{}}
	go func() {
		for range time.Tick(time.Second) {
			c.mu.Lock()
			_ = len(c.inflight)
			c.mu.Unlock()
		}
	}()
	return c
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

package main

import "sync"

// Caches successes but has no idea of a load in flight: ten goroutines missing the same
// merchant at once all call the loader (a cache stampede). Must get WA.
type Cache struct {
	mu    sync.Mutex
	load  func(string) (Config, error)
	cache map[string]Config
}

func NewCache(load func(merchant string) (Config, error)) *Cache {
	return &Cache{load: load, cache: map[string]Config{}}
}

func (c *Cache) Get(merchant string) (Config, error) {
	c.mu.Lock()
	v, ok := c.cache[merchant]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := c.load(merchant)
	if err != nil {
		return Config{}, err
	}
	c.mu.Lock()
	c.cache[merchant] = v
	c.mu.Unlock()
	return v, nil
}

package main

import "sync"

// Holds one mutex across the load: de-duplicates, but every miss waits for every other
// merchant's load, so loads never overlap and callers wait far too long. Must get WA.
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
	defer c.mu.Unlock()
	if v, ok := c.cache[merchant]; ok {
		return v, nil
	}
	v, err := c.load(merchant)
	if err != nil {
		return Config{}, err
	}
	c.cache[merchant] = v
	return v, nil
}

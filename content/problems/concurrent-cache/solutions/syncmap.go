package main

import "sync"

// sync.Map + sync.Once per key: LoadOrStore picks one entry per merchant, Once runs the loader
// once and blocks the other callers until it returns. A failed entry is removed so the next Get
// makes a fresh one (CompareAndDelete leaves a newer entry alone).
type onceEntry struct {
	once sync.Once
	cfg  Config
	err  error
}

type Cache struct {
	load    func(string) (Config, error)
	entries sync.Map // merchant -> *onceEntry
}

func NewCache(load func(merchant string) (Config, error)) *Cache {
	return &Cache{load: load}
}

func (c *Cache) Get(merchant string) (Config, error) {
	v, _ := c.entries.LoadOrStore(merchant, &onceEntry{})
	e := v.(*onceEntry)
	e.once.Do(func() {
		e.cfg, e.err = c.load(merchant)
		if e.err != nil {
			c.entries.CompareAndDelete(merchant, e)
		}
	})
	return e.cfg, e.err
}

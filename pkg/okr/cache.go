package okr

import (
	"crypto/sha256"
	"sync"
)

// Cache holds parsed files across calls to Load (see Options.Cache). It is
// safe for concurrent use; the zero value and a nil *Cache are ready (a
// nil one keeps nothing).
type Cache struct {
	mu    sync.Mutex
	files map[string]Repo
}

// cacheKey names a file by its displayed path and a hash of its content:
// the path is part of what a parse yields (it is in every issue).
func cacheKey(display string, src []byte) string {
	sum := sha256.Sum256(src)
	return display + "\x00" + string(sum[:])
}

func (c *Cache) get(key string) (Repo, bool) {
	if c == nil {
		return Repo{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.files[key]
	return r, ok
}

func (c *Cache) put(key string, r Repo) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string]Repo{}
	}
	c.files[key] = r
}

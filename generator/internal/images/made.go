package images

import (
	"os"
	"path/filepath"
)

// Made is a file that a caller draws and the cache keeps, by what it is
// made from (Of, with the drawing's fingerprint), like a picture: the
// share card of a release without a picture (package sharecard).
type Made struct {
	Of            string // everything the file's bytes depend on
	Width, Height int
	Type, Ext     string // image/png, png
	Path, URL     string // output path and URL, as Variant's
}

// Keep returns m's file from the cache, or draws it with draw (which
// counts as one file encoded, Cache.Work) and keeps it.
func (c *Cache) Keep(m Made, draw func() ([]byte, error)) (*Variant, error) {
	key := keyOf([]byte(m.Of), "made")
	e := c.lookupMade(key, m)
	if e == nil {
		data, err := draw()
		if err != nil {
			return nil, err
		}
		c.encoded()
		e = &entry{Format: "made", Width: m.Width, Height: m.Height}
		out := output{width: m.Width, height: m.Height, mime: m.Type, ext: m.Ext, data: data}
		if err := c.store(key, e, []output{out}); err != nil {
			return nil, err
		}
	}
	v := &Variant{Width: m.Width, Height: m.Height, Type: m.Type, Path: m.Path, URL: m.URL}
	if c.dir != "" {
		v.Disk = filepath.Join(c.folder(key), e.Outputs[0].file())
	} else {
		v.Bytes = e.data[0]
	}
	return v, nil
}

// lookupMade is lookup for a made file, whose entry m tells: in a cache
// folder, one look at its file instead of reading the entry's record (a
// site of 1,000 releases keeps 3,000 share cards).
func (c *Cache) lookupMade(key string, m Made) *entry {
	c.mu.Lock()
	e := c.entries[key]
	c.mu.Unlock()
	if e != nil || c.dir == "" {
		return e
	}
	e = &entry{Format: "made", Width: m.Width, Height: m.Height,
		Outputs: []storedOutput{{Width: m.Width, Height: m.Height, Type: m.Type, Ext: m.Ext}}}
	if _, err := os.Stat(filepath.Join(c.folder(key), e.Outputs[0].file())); err != nil {
		return c.lookup(key)
	}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
	return e
}

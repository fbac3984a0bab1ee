package content

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Cache keeps parsed files between Loads (gen serve rebuilds), keyed by
// path, options and the exact bytes, so that only changed files are parsed
// again. Load hands out copies: inheritance never changes what is kept.
// Params, Pos and the diagnostics are shared and must be treated as
// read-only. A nil *Cache parses every time.
//
// A cache made by NewTrustingCache also spares the reading: a file it
// parsed is taken as unchanged, without being read, until Invalidate or
// InvalidateAll names it. Its owner must report every change to the files
// (gen serve does, from package watch); a change it does not report is not
// seen.
type Cache struct {
	mu       sync.Mutex
	entries  map[string]*cached
	trusting bool
}

type cached struct {
	opts   string
	data   []byte
	f      *File
	unread bool
	ds     []*diag.Diagnostic
	// valid: the file has not changed since it was read (trusting caches).
	valid bool
}

// NewCache returns an empty cache that reads every file and parses it
// again when its bytes changed.
func NewCache() *Cache { return &Cache{entries: map[string]*cached{}} }

// NewTrustingCache returns an empty cache that reads a file again only
// after Invalidate names it.
func NewTrustingCache() *Cache {
	return &Cache{entries: map[string]*cached{}, trusting: true}
}

// Invalidate says that the given paths (relative to the site root,
// slash-separated) may have changed; a directory stands for everything
// under it, "" or "." for everything. Load reads them again.
func (c *Cache) Invalidate(paths []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		if p == "" || p == "." {
			c.invalidateAll()
			return
		}
		if e := c.entries[p]; e != nil {
			e.valid = false
			continue
		}
		// A directory (or a file the cache does not hold).
		prefix := p + "/"
		for q, e := range c.entries {
			if strings.HasPrefix(q, prefix) {
				e.valid = false
			}
		}
	}
}

// InvalidateAll says that any file may have changed.
func (c *Cache) InvalidateAll() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.invalidateAll()
}

func (c *Cache) invalidateAll() {
	for _, e := range c.entries {
		e.valid = false
	}
}

// optsKey is what of Options a parse depends on.
func optsKey(opts Options) string {
	return strings.Join(opts.Languages, ",") + "|" + opts.Default + "|" + opts.Location.String()
}

// unchanged returns a copy of what the cache holds for p when it may be
// taken without reading the file: a trusting cache, an entry not
// invalidated since it was read, with the same options.
func (c *Cache) unchanged(p, key string) (*File, bool, []*diag.Diagnostic, bool) {
	if c == nil || !c.trusting {
		return nil, false, nil, false
	}
	c.mu.Lock()
	e := c.entries[p]
	ok := e != nil && e.valid && e.opts == key
	c.mu.Unlock()
	if !ok {
		return nil, false, nil, false
	}
	return e.f.clone(), e.unread, slices.Clone(e.ds), true
}

func (c *Cache) parse(p, key string, data []byte, opts Options) (*File, bool, []*diag.Diagnostic) {
	if c == nil {
		return parse(p, data, opts)
	}
	c.mu.Lock()
	e := c.entries[p]
	c.mu.Unlock()
	if e == nil || e.opts != key || !bytes.Equal(e.data, data) {
		f, unread, ds := parse(p, data, opts)
		e = &cached{opts: key, data: slices.Clone(data), f: f, unread: unread, ds: ds}
	}
	c.mu.Lock()
	e.valid = c.trusting
	c.entries[p] = e
	c.mu.Unlock()
	return e.f.clone(), e.unread, slices.Clone(e.ds)
}

// forget drops what the cache holds for p (which could not be read).
func (c *Cache) forget(p string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, p)
}

// keep forgets the files not in paths.
func (c *Cache) keep(paths []string) {
	if c == nil {
		return
	}
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	maps.DeleteFunc(c.entries, func(p string, _ *cached) bool { return !set[p] })
}

// clone copies what Load and inheritance may change. Pos and Params are
// shared.
func (f *File) clone() *File {
	if f == nil {
		return nil
	}
	c := *f
	c.Resources = slices.Clone(f.Resources)
	fm := &c.Front
	fm.Tags = slices.Clone(fm.Tags)
	fm.Aliases = slices.Clone(fm.Aliases)
	if fm.Event != nil {
		e := *fm.Event
		fm.Event = &e
	}
	if fm.Image != nil {
		im := *fm.Image
		fm.Image = &im
	}
	if fm.Source != nil {
		s := *fm.Source
		fm.Source = &s
	}
	return &c
}

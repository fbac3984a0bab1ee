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
// Params and the diagnostics are shared and must be treated as read-only.
// A nil *Cache parses every time.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*cached
}

type cached struct {
	opts   string
	data   []byte
	f      *File
	unread bool
	ds     []*diag.Diagnostic
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]*cached{}} }

func (c *Cache) parse(p string, data []byte, opts Options) (*File, bool, []*diag.Diagnostic) {
	if c == nil {
		return parse(p, data, opts)
	}
	key := strings.Join(opts.Languages, ",") + "|" + opts.Default + "|" + opts.Location.String()
	c.mu.Lock()
	e := c.entries[p]
	c.mu.Unlock()
	if e == nil || e.opts != key || !bytes.Equal(e.data, data) {
		f, unread, ds := parse(p, data, opts)
		e = &cached{opts: key, data: slices.Clone(data), f: f, unread: unread, ds: ds}
		c.mu.Lock()
		c.entries[p] = e
		c.mu.Unlock()
	}
	return e.f.clone(), e.unread, slices.Clone(e.ds)
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

// clone copies what Load and inheritance may change.
func (f *File) clone() *File {
	if f == nil {
		return nil
	}
	c := *f
	c.Resources = slices.Clone(f.Resources)
	fm := &c.Front
	fm.Tags = slices.Clone(fm.Tags)
	fm.Aliases = slices.Clone(fm.Aliases)
	fm.Pos = maps.Clone(fm.Pos)
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

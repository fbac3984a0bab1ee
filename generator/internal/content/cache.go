package content

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strconv"
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
// seen. While no change can have added or removed a file, Load does not
// list the content directory again either. And while no file of a
// translation group changed, was added or went, and its bundle has the
// same resources, Load hands out the same Files as last time, inheritance
// done: treat the Files from such a cache as read-only. Call Invalidate
// between Loads, not during one.
type Cache struct {
	mu       sync.Mutex
	entries  map[string]*cached
	trusting bool

	// What the last Load through a trusting cache handed out.
	last   map[string]*handed // by path
	groups map[string][]string

	// What the last walk of a trusting cache found, while no change since
	// can have added or removed a file: pages and other files, in walk
	// order. moved is set by a change that can; touched holds the
	// Markdown files invalidated since the walk (they may be gone).
	pages, others []string
	hasWalk       bool
	moved         bool
	touched       []string
}

// handed is a file as the last Load handed it out, with what inheritance
// found wrong in it.
type handed struct {
	f  *File
	ds []*diag.Diagnostic
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
		if p != contentDir && !strings.HasPrefix(p, contentDir+"/") {
			continue // not content's
		}
		if e := c.entries[p]; e != nil {
			e.valid = false
			c.touched = append(c.touched, p)
			continue
		}
		// A directory, or a file the cache does not hold (new, or not
		// Markdown): files may have come or gone.
		c.moved = true
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
	c.moved = true
}

// lastWalk returns what the last walk found when a trusting cache knows it
// holds: no change since may have added or removed a file, and every
// Markdown file changed since is still there.
func (c *Cache) lastWalk(fsys fs.FS) (pages, others []string, ok bool) {
	if c == nil || !c.trusting {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.hasWalk || c.moved {
		return nil, nil, false
	}
	for _, p := range c.touched {
		if st, err := fs.Stat(fsys, p); err != nil || !st.Mode().IsRegular() && st.Mode()&fs.ModeSymlink == 0 {
			return nil, nil, false
		}
	}
	c.touched = c.touched[:0]
	return c.pages, c.others, true
}

// walked keeps what a walk found; clean says it met no error.
func (c *Cache) walked(pages, others []string, clean bool) {
	if c == nil || !c.trusting {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages, c.others, c.hasWalk = pages, others, clean
	c.moved, c.touched = false, c.touched[:0]
}

// optsKey is what of Options a parse depends on.
func optsKey(opts Options) string {
	return strings.Join(opts.Languages, ",") + "|" + opts.Default + "|" + opts.Location.String() + "|" + strconv.FormatBool(opts.StrictTags)
}

// unchangedAll returns, for each of pages, what the cache holds (not a
// copy) when it may be taken without reading the file: a trusting cache,
// an entry not invalidated since it was read, with the same options. todo
// lists the indexes of the others.
func (c *Cache) unchangedAll(pages []string, key string) (out []read, todo []int) {
	out = make([]read, len(pages))
	if c == nil || !c.trusting {
		todo = make([]int, len(pages))
		for i := range todo {
			todo[i] = i
		}
		return out, todo
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, p := range pages {
		if e := c.entries[p]; e != nil && e.valid && e.opts == key {
			out[i] = read{f: e.f, unread: e.unread, ds: e.ds, shared: true, hit: true}
		} else {
			todo = append(todo, i)
		}
	}
	return out, todo
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
	return e.f, e.unread, e.ds
}

// inheritAll applies inheritance to what readAll gave and returns the
// files that parsed without errors (in the order of reads; those with
// errors take part in inheritance all the same) and what inheritance found
// wrong. A trusting cache hands out again, as they were, the files of
// every translation group that is as the last Load left it; the others are
// copied before inheritance changes them.
func (c *Cache) inheritAll(reads []read, resources map[string][]string, opts Options) ([]*File, []*diag.Diagnostic) {
	groups := make(map[string][]int, len(reads))
	var keys []string
	for i, r := range reads {
		if r.f == nil {
			continue
		}
		if _, ok := groups[r.f.Key]; !ok {
			keys = append(keys, r.f.Key)
		}
		groups[r.f.Key] = append(groups[r.f.Key], i)
	}
	reuse := c != nil && c.trusting
	if reuse {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	all := make([]*File, len(reads))
	var ds []*diag.Diagnostic
	var fresh []*File
	var dirty []string
	unreadable := map[*File]bool{}
	for _, key := range keys {
		members := groups[key]
		if reuse && c.sameGroup(key, members, reads, resources) {
			for _, i := range members {
				h := c.last[reads[i].f.Path]
				all[i] = h.f
				ds = append(ds, h.ds...)
			}
			continue
		}
		dirty = append(dirty, key)
		for _, i := range members {
			f := reads[i].f
			if reads[i].shared {
				f = f.clone()
			}
			if f.Bundle != "" {
				f.Resources = slices.Clone(resources[f.Bundle])
			}
			all[i] = f
			unreadable[f] = reads[i].unread
			fresh = append(fresh, f)
		}
	}
	fds := inherit(fresh, opts, unreadable)
	ds = append(ds, fds...)
	if reuse {
		c.remember(groups, dirty, all, fds)
	}
	good := all[:0]
	for i, f := range all {
		if f != nil && len(reads[i].ds) == 0 {
			good = append(good, f)
		}
	}
	return good, ds
}

// sameGroup reports whether a translation group is as the last Load left
// it: the same files, none of them read again, the same resources. c.mu is
// held.
func (c *Cache) sameGroup(key string, members []int, reads []read, resources map[string][]string) bool {
	last := c.groups[key]
	if len(last) != len(members) {
		return false
	}
	for j, i := range members {
		r := reads[i]
		h := c.last[r.f.Path]
		if !r.hit || last[j] != r.f.Path || h == nil {
			return false
		}
		if r.f.Bundle != "" && !slices.Equal(h.f.Resources, resources[r.f.Bundle]) {
			return false
		}
	}
	return true
}

// remember keeps what a Load handed out for the next one: the groups
// handed out anew (dirty) replace what the cache held for them, and groups
// that are gone are forgotten. all is indexed like the reads that groups
// index. c.mu is held.
func (c *Cache) remember(groups map[string][]int, dirty []string, all []*File, fds []*diag.Diagnostic) {
	if c.last == nil {
		c.last, c.groups = map[string]*handed{}, map[string][]string{}
	}
	renewed := make(map[string]bool, len(dirty))
	for _, key := range dirty {
		renewed[key] = true
	}
	for key, paths := range c.groups {
		if _, ok := groups[key]; !ok || renewed[key] {
			for _, p := range paths {
				delete(c.last, p)
			}
			delete(c.groups, key)
		}
	}
	byPath := map[string][]*diag.Diagnostic{}
	for _, d := range fds {
		byPath[d.Path] = append(byPath[d.Path], d)
	}
	for _, key := range dirty {
		paths := make([]string, len(groups[key]))
		for j, i := range groups[key] {
			f := all[i]
			paths[j] = f.Path
			c.last[f.Path] = &handed{f: f, ds: byPath[f.Path]}
		}
		c.groups[key] = paths
	}
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
	c.mu.Lock()
	// As many entries as paths, and every path among them: nothing to
	// forget (the usual case, as Load just read or found every path).
	exact := len(c.entries) == len(paths)
	for _, p := range paths {
		if !exact {
			break
		}
		_, exact = c.entries[p]
	}
	c.mu.Unlock()
	if exact {
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

package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/parallel"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// Cache keeps parsed content files and converted Markdown between runs,
// by file path and exact bytes, so that a rebuild parses and converts only
// what changed. It holds one entry per file of the last run. A nil *Cache
// parses and converts every time.
type Cache struct {
	mu      sync.Mutex
	docs    map[string]*cachedDoc // by file path
	content *content.Cache
	convs   map[convKey]*markdown.Converter
}

type cachedDoc struct {
	lang   string
	unsafe bool
	body   []byte
	doc    *markdown.Result
}

type convKey struct {
	lang   string
	unsafe bool
}

// NewCache returns an empty cache, which reads every content file again
// and compares its bytes with what it holds.
func NewCache() *Cache {
	return &Cache{docs: map[string]*cachedDoc{}, content: content.NewCache(), convs: map[convKey]*markdown.Converter{}}
}

// NewTrustingCache returns an empty cache for a caller that sees every
// change to the site's files, as gen serve does through package watch: a
// run reads again only the content files that Invalidate or InvalidateAll
// named since they were read, and takes the others as they were. A change
// that is not reported is not seen.
func NewTrustingCache() *Cache {
	c := NewCache()
	c.content = content.NewTrustingCache()
	return c
}

// Invalidate says that the given paths (relative to the site root,
// slash-separated; a directory stands for everything under it) may have
// changed since the last run.
func (c *Cache) Invalidate(paths []string) {
	if c != nil {
		c.content.Invalidate(paths)
	}
}

// InvalidateAll says that any file may have changed since the last run.
func (c *Cache) InvalidateAll() {
	if c != nil {
		c.content.InvalidateAll()
	}
}

func (c *Cache) contentCache() *content.Cache {
	if c == nil {
		return nil
	}
	return c.content
}

// converter returns the Markdown converter for a language, kept by the
// cache when there is one.
func (c *Cache) converter(lang string, unsafe bool) *markdown.Converter {
	if c == nil {
		return markdown.New(markdown.Options{Lang: lang, Unsafe: unsafe})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k := convKey{lang, unsafe}
	conv := c.convs[k]
	if conv == nil {
		conv = markdown.New(markdown.Options{Lang: lang, Unsafe: unsafe})
		c.convs[k] = conv
	}
	return conv
}

// lookup returns what the cache holds for f, or nil.
func (c *Cache) lookup(f *content.File, unsafe bool) *markdown.Result {
	e := c.docs[f.Path]
	if e != nil && e.lang == f.Lang && e.unsafe == unsafe && bytes.Equal(e.body, f.Body) {
		return e.doc
	}
	return nil
}

func (c *Cache) store(f *content.File, unsafe bool, doc *markdown.Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs[f.Path] = &cachedDoc{lang: f.Lang, unsafe: unsafe, body: f.Body, doc: doc}
}

// keep forgets the files that are not in files.
func (c *Cache) keep(files []*content.File) {
	if c == nil {
		return
	}
	set := make(map[string]bool, len(files))
	for _, f := range files {
		set[f.Path] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	maps.DeleteFunc(c.docs, func(p string, _ *cachedDoc) bool { return !set[p] })
}

// converters returns a Markdown converter per configured language, kept by
// the cache when there is one.
func (c *Cache) converters(cfg *config.Site) map[string]*markdown.Converter {
	convs := make(map[string]*markdown.Converter, len(cfg.Languages))
	for _, l := range cfg.Languages {
		convs[l.Code] = c.converter(l.Code, cfg.UnsafeHTML)
	}
	return convs
}

// convertAll converts the body of every file, taking what cache (not nil:
// without a cache Run converts each file as content.Load parses it) holds
// and converting the rest on every core. A body that does not convert is
// reported in errs.
func convertAll(files []*content.File, cfg *config.Site, cache *Cache, errs *diag.List) map[*content.File]*markdown.Result {
	docs := make([]*markdown.Result, len(files))
	var todo []int
	cache.mu.Lock()
	for i, f := range files {
		if docs[i] = cache.lookup(f, cfg.UnsafeHTML); docs[i] == nil {
			todo = append(todo, i)
		}
	}
	cache.mu.Unlock()
	if len(todo) > 0 {
		convs := cache.converters(cfg)
		convert := func(i int) {
			f := files[i]
			var err error
			docs[i], err = convs[f.Lang].Convert(f.Body)
			errs.Add(ConvertError(f, err))
			cache.store(f, cfg.UnsafeHTML, docs[i])
		}
		parallel.Each(context.Background(), 0, len(todo), func(n int) { convert(todo[n]) })
	}
	// With every file found in the cache and as many entries as files, the
	// cache holds exactly these files.
	cache.mu.Lock()
	exact := len(todo) == 0 && len(cache.docs) == len(files)
	cache.mu.Unlock()
	if !exact {
		cache.keep(files)
	}
	m := make(map[*content.File]*markdown.Result, len(files))
	for i, f := range files {
		m[f] = docs[i]
	}
	return m
}

// changes answers which files a list of changed paths (a directory stands
// for everything under it) touches.
type changes struct {
	paths    []string
	prefixes []string        // each path + "/"
	dirty    map[string]bool // the paths, when there are many
	// Directories holding a changed file that may be a bundle resource.
	parents map[string]bool
}

// manyChanges is the number of changed paths above which a lookup walks up
// a file's directories instead of comparing it with every changed path.
const manyChanges = 32

func newChanges(changed []string) *changes {
	c := &changes{paths: changed, parents: map[string]bool{}}
	if len(changed) > manyChanges {
		c.dirty = make(map[string]bool, len(changed))
	}
	for _, p := range changed {
		c.prefixes = append(c.prefixes, p+"/")
		if c.dirty != nil {
			c.dirty[p] = true
		}
		if strings.HasSuffix(p, ".md") {
			continue
		}
		for d := path.Dir(p); d != "." && d != "/" && !c.parents[d]; d = path.Dir(d) {
			c.parents[d] = true
		}
	}
	return c
}

// under reports whether p or a directory above it changed.
func (c *changes) under(p string) bool {
	if c.dirty != nil {
		for ; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if c.dirty[p] {
				return true
			}
		}
		return false
	}
	for i, q := range c.paths {
		if p == q || q == "" || strings.HasPrefix(p, c.prefixes[i]) {
			return true
		}
	}
	return false
}

// file reports whether a content file changed: the file itself, or for a
// bundle, anything in its directory.
func (c *changes) file(f *content.File) bool {
	return c.under(f.Path) || f.Bundle != "" && (c.parents[f.Bundle] || c.under(f.Bundle))
}

// renderChanged renders the pages whose own inputs changed since prev (their
// file, its bundle, or the default-language file they inherit from), and
// those that show them: their translations and every list whose entries
// differ, and the tags index when tags or their counts changed. A change to
// a body alone (the summary aside) does not count for lists and
// translations. Every other page keeps prev's output and counts as stale.
func (r *Result) renderChanged(ctx context.Context, prev *Result, files []*content.File, changed []string) error {
	todo := r.pagesToRender(prev, files, changed)
	fresh, err := render.Render(ctx, r.Site, r.theme, render.Options{Only: func(p *site.Page) bool { return todo[p] }, Pictures: r.pictures, Cards: r.cards})
	if err != nil {
		return err
	}
	r.Rendered = len(fresh)

	kept := r.carryOver(prev, todo)
	added := fresh
	for _, f := range r.Site.Files {
		added = append(added, render.File{Path: f.Dest, Src: f.Src})
	}
	r.rendered = mergeByPath(kept, added)
	return nil
}

// pagesToRender returns the pages of r that changed files can touch: their
// own pages, and those that show something of theirs that changed.
func (r *Result) pagesToRender(prev *Result, files []*content.File, changed []string) map[*site.Page]bool {
	ch := newChanges(changed)
	// A translation inherits shared fields from the default language's file.
	sources := map[string]bool{}
	for _, f := range files {
		if f.Lang == r.Config.DefaultLanguage && ch.file(f) {
			sources[f.Key] = true
		}
	}
	for _, p := range prev.Site.Pages {
		if f := p.File; f != nil && f.Lang == prev.Config.DefaultLanguage && ch.file(f) {
			sources[f.Key] = true
		}
	}
	// own reports whether a page's own inputs changed.
	own := func(p *site.Page) bool {
		f := p.File
		return f != nil && (ch.file(f) || f.Lang != r.Config.DefaultLanguage && sources[f.Key])
	}
	// old holds, for each page, the page of prev at the same path, or nil.
	old := make([]*site.Page, len(r.Site.Pages))
	findOld := finder(prev.Site.Pages)
	for i, p := range r.Site.Pages {
		old[i] = findOld(p.Path)
	}
	// shown holds the pages of which what another page can show changed:
	// all but their body, which reaches lists and translations only
	// through Complete.
	shown := map[*site.Page]bool{}
	owned := map[*site.Page]bool{}
	for i, p := range r.Site.Pages {
		if !own(p) {
			continue
		}
		owned[p] = true
		if o := old[i]; o == nil || o.File == nil || p.File == nil || !sameEntry(p, o) {
			shown[p] = true
		}
	}

	todo := map[*site.Page]bool{}
	for i, p := range r.Site.Pages {
		o := old[i]
		switch {
		case o == nil, owned[p], (o.File == nil) != (p.File == nil):
		case p.Kind == site.KindTags && tagSummary(r.Site, p.Lang) != tagSummary(prev.Site, p.Lang):
		case !samePages(p.Items, o.Items, shown), !samePages(p.Upcoming, o.Upcoming, shown), !samePages(p.Past, o.Past, shown):
		case !samePages(p.Translations, o.Translations, shown):
		case p.URL != o.URL, p.Title != o.Title, p.XDefault != o.XDefault:
		case !slices.Equal(p.Alternates, o.Alternates), (p.Pager == nil) != (o.Pager == nil), p.Pager != nil && *p.Pager != *o.Pager:
		default:
			continue
		}
		todo[p] = true
	}
	return todo
}

// carryOver returns the files of prev that r keeps unrendered: the pages
// not in todo (counted in r.Stale) and the root pages.
func (r *Result) carryOver(prev *Result, todo map[*site.Page]bool) []render.File {
	byPath := func(a, b render.File) int { return strings.Compare(a.Path, b.Path) }
	carried := prev.rendered
	if !slices.IsSortedFunc(carried, byPath) {
		carried = slices.Clone(carried)
		slices.SortFunc(carried, byPath)
	}
	findNew, findPrev := finder(r.Site.Pages), finder(prev.Site.Pages)
	kept := make([]render.File, 0, len(carried))
	for _, f := range carried {
		switch p := findNew(f.Path); {
		case f.Src != "":
			// Bundle resources come from the new graph below.
		case p != nil:
			if !todo[p] {
				f.Page = p
				kept = append(kept, f)
				r.Stale++
			}
		case findPrev(f.Path) == nil:
			// Not a page of the graph: the root pages, which show only the
			// configuration.
			kept = append(kept, f)
		}
	}
	return kept
}

// finder returns a function that finds the page of pages with a given
// output path. Asked for paths in increasing order, as renderChanged asks,
// it walks pages once when they are sorted by path (site.Build sorts
// them); otherwise it looks them up in a map.
func finder(pages []*site.Page) func(string) *site.Page {
	sorted := slices.IsSortedFunc(pages, func(a, b *site.Page) int { return strings.Compare(a.Path, b.Path) })
	if !sorted {
		m := make(map[string]*site.Page, len(pages))
		for _, p := range pages {
			m[p.Path] = p
		}
		return func(path string) *site.Page { return m[path] }
	}
	i := 0
	return func(path string) *site.Page {
		if i > 0 && i <= len(pages) && pages[i-1].Path > path {
			i = 0 // asked out of order: start again
		}
		for i < len(pages) && pages[i].Path < path {
			i++
		}
		if i < len(pages) && pages[i].Path == path {
			return pages[i]
		}
		return nil
	}
}

// mergeByPath returns a and b together, sorted by path. a is usually the
// long list and already sorted; b is sorted here.
func mergeByPath(a, b []render.File) []render.File {
	byPath := func(x, y render.File) int { return strings.Compare(x.Path, y.Path) }
	if !slices.IsSortedFunc(a, byPath) {
		slices.SortFunc(a, byPath)
	}
	slices.SortFunc(b, byPath)
	out := make([]render.File, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].Path <= b[0].Path {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// tagSummary sums up the tags index of a language: each tag and how many
// pages carry it.
func tagSummary(s *site.Site, lang string) string {
	var b strings.Builder
	for _, l := range s.Languages {
		if l.Code == lang {
			for _, t := range l.Tags {
				fmt.Fprintf(&b, "%s %d\n", t.Key, len(t.Pages))
			}
		}
	}
	return b.String()
}

// sameEntry reports whether a page looks the same in a list or a language
// switcher: everything but the body is the same, its thumbnail too (a
// lead picture replaced by one of another shape).
func sameEntry(p, o *site.Page) bool {
	return p.Title == o.Title && p.Summary == o.Summary && p.Date.Equal(o.Date) && p.URL == o.URL &&
		p.Draft == o.Draft && p.Sitemap == o.Sitemap && p.Thumb == o.Thumb &&
		reflect.DeepEqual(p.Tags, o.Tags) && reflect.DeepEqual(p.Event, o.Event) &&
		reflect.DeepEqual(p.Params, o.Params) && reflect.DeepEqual(p.Stale, o.Stale) &&
		reflect.DeepEqual(p.File.Front, o.File.Front) && slices.Equal(p.File.Resources, o.File.Resources)
}

// samePages reports whether two lists name the same pages, by output path,
// none of which is in changed.
func samePages(a, b []*site.Page, changed map[*site.Page]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path {
			return false
		}
	}
	if len(changed) > 0 {
		for _, p := range a {
			if changed[p] {
				return false
			}
		}
	}
	return true
}

// ConvertError places an error of Markdown conversion in its file, or is
// nil for none.
func ConvertError(f *content.File, err error) error {
	var limit *markdown.LimitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &limit):
		return limit.Message.At(f.Path, f.BodyLine+limit.Line-1, limit.Col, limit.Args...)
	}
	return msgConvert.At(f.Path, 0, 0, "Err", err)
}

// msgConvert is a body that Markdown could not turn into HTML for another
// reason than a limit.
var msgConvert = diag.Message{ID: "build.markdown-failed", Text: "cannot turn the Markdown into HTML: {{.Err}}"}

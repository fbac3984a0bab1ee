// Package build runs the whole pipeline: configuration, content, Markdown,
// strings, page graph, theme, render and, when a destination is given,
// publish. gen build and gen serve share it.
//
// Rules:
//   - Nothing here reads globals: the clock, the file system and the log
//     come in Options.
//   - Every content error of a run is collected and returned together,
//     sorted; publish runs only when there are none, so a failed build
//     leaves the destination untouched.
//   - Converted Markdown can be cached across runs (Cache), keyed by
//     language and the exact bytes, so a rebuild converts only what changed.
package build

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/status"
	"github.com/eventnews/gen/generator/internal/theme"
)

// Options configure one run.
type Options struct {
	// FS is the site root; if nil, Source is opened with os.DirFS.
	FS     fs.FS
	Source string
	// Destination is the output directory; "" renders in memory only.
	Destination string
	// BaseURL overrides site.yaml's baseURL when set.
	BaseURL string
	Drafts  bool
	Future  bool
	// Now is the build clock (required).
	Now time.Time
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// Cache, if set, keeps converted Markdown between runs.
	Cache *Cache
	// Previous is the result of the last successful run over the same site
	// with the same options, and Changed the paths (relative to the site
	// root, slash-separated; a directory stands for everything under it)
	// changed since. With both, and no Destination, the run renders only
	// what those changes can touch (see Result.Stale). A nil Changed means
	// anything may have changed.
	Previous *Result
	Changed  []string
}

// Result is what a run produced.
type Result struct {
	Config   *config.Site
	Site     *site.Site
	Files    []render.File
	Warnings []*diag.Diagnostic
	// Rendered is the number of pages this run rendered.
	Rendered int
	// Stale is the number of pages whose output was carried over from
	// Options.Previous unrendered because nothing they show changed. A
	// layout may still read any page of the site (a footer listing every
	// page, say), so until Complete they may differ from a full run.
	Stale int

	fsys     fs.FS
	locales  *locale.Set
	theme    *theme.Theme
	rendered []render.File // what render.Render gave (or would have given)
	extra    []render.File // outputs()
}

// Run builds the site.
func Run(ctx context.Context, opts Options) (*Result, error) {
	fsys := opts.FS
	if fsys == nil {
		src := opts.Source
		if src == "" {
			src = "."
		}
		if _, err := os.Stat(src); err != nil {
			return nil, err
		}
		fsys = os.DirFS(src)
	}
	if opts.Now.IsZero() {
		return nil, errors.New("build: Options.Now is required")
	}
	prev := opts.Previous
	if opts.Changed == nil || opts.Destination != "" || (prev != nil && prev.theme == nil) {
		prev = nil
	}
	if prev != nil && touchesTemplates(opts.Changed, prev.Config.Theme) {
		// The strings, layouts or configuration changed: every page may.
		prev = nil
	}
	var (
		cfg     *config.Site
		locales *locale.Set
		th      *theme.Theme
		errs    diag.List
	)
	if prev != nil {
		cfg, locales, th = prev.Config, prev.locales, prev.theme
	} else {
		var err error
		cfg, err = config.Load(fsys)
		if err != nil {
			return nil, err
		}
		if opts.BaseURL != "" {
			override := *cfg
			override.BaseURL = opts.BaseURL
			if len(override.BaseURL) == 0 || override.BaseURL[len(override.BaseURL)-1] != '/' {
				override.BaseURL += "/"
			}
			cfg = &override
		}
		locales, err = locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
		errs.Add(err)
		if locales != nil {
			th, err = theme.Load(fsys, theme.Dirs(cfg), cfg, locales)
			errs.Add(err)
		}
	}
	files, err := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	errs.Add(err)
	docs := convertAll(files, cfg, opts.Cache)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var staleOf func(*content.File) (string, bool)
	if cfg.ShowStaleNotice() {
		staleOf = status.StaleOf(files)
	}
	s, err := site.Build(files, site.Options{
		Config: cfg, Now: opts.Now, Drafts: opts.Drafts, Future: opts.Future, StaleOf: staleOf,
		Rendered: func(f *content.File) *markdown.Result { return docs[f] },
		TagLabel: func(lang, key string) string { return locales.For(lang).Tag(key) },
	})
	if err != nil {
		return nil, err
	}
	res := &Result{Config: cfg, Site: s, fsys: fsys, locales: locales, theme: th}
	if prev != nil {
		err = res.renderChanged(ctx, prev, files, opts.Changed)
	} else {
		res.rendered, err = render.Render(ctx, s, th, render.Options{})
		res.Rendered = len(s.Pages)
	}
	if err != nil {
		return nil, err
	}
	res.extra, err = outputs(s, cfg, locales)
	if err != nil {
		return nil, err
	}
	if err := res.assemble(); err != nil {
		return nil, err
	}
	if opts.Destination != "" {
		if err := publish.Write(opts.Destination, res.Files, fsys); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// assemble joins rendered pages, other outputs and static files into Files.
func (r *Result) assemble() error {
	out := make([]render.File, 0, len(r.rendered)+len(r.extra))
	out = append(out, r.rendered...)
	out = append(out, r.extra...)
	out, err := addStatic(r.fsys, r.Config, out)
	if err != nil {
		return err
	}
	r.Files = out
	return nil
}

// Complete renders the pages Run carried over from Options.Previous, so
// that Files are exactly what a full run gives. It returns r itself when
// nothing is stale.
func (r *Result) Complete(ctx context.Context) (*Result, error) {
	if r.Stale == 0 {
		return r, nil
	}
	full := *r
	var err error
	full.rendered, err = render.Render(ctx, r.Site, r.theme, render.Options{})
	if err != nil {
		return nil, err
	}
	full.Rendered, full.Stale = len(r.Site.Pages), 0
	if err := full.assemble(); err != nil {
		return nil, err
	}
	return &full, nil
}

// touchesTemplates reports whether a change can alter how every page
// renders: the configuration, the strings or the layouts.
func touchesTemplates(changed []string, themeName string) bool {
	dirs := []string{config.FileName, "i18n", "layouts", "themes/" + themeName + "/i18n", "themes/" + themeName + "/layouts"}
	for _, c := range changed {
		for _, d := range dirs {
			if c == "" || c == d || strings.HasPrefix(c, d+"/") || strings.HasPrefix(d, c+"/") {
				return true
			}
		}
	}
	return false
}

// renderChanged renders the pages whose own inputs changed since prev, and
// those that show them: their translations and every list whose entries
// differ; the home, tags, events and not-found pages of every language are
// always rendered. Every other page keeps prev's output and counts as
// stale.
func (r *Result) renderChanged(ctx context.Context, prev *Result, files []*content.File, changed []string) error {
	dirty := map[string]bool{} // changed paths and every directory above them
	for _, c := range changed {
		dirty[c] = true
	}
	under := func(p string) bool {
		for ; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if dirty[p] {
				return true
			}
		}
		return false
	}
	parents := map[string]bool{}
	for _, c := range changed {
		for d := path.Dir(c); d != "." && d != "/" && !parents[d]; d = path.Dir(d) {
			parents[d] = true
		}
	}
	keys := map[string]bool{} // translation keys of changed files
	mark := func(f *content.File) {
		if under(f.Path) || f.Bundle != "" && (parents[f.Bundle] || under(f.Bundle)) {
			keys[f.Key] = true
		}
	}
	for _, f := range files {
		mark(f)
	}
	old := make(map[string]*site.Page, len(prev.Site.Pages))
	for _, p := range prev.Site.Pages {
		old[p.Path] = p
		if p.File != nil {
			mark(p.File)
		}
	}
	self := func(p *site.Page) bool { return p.File != nil && keys[p.File.Key] }

	todo := map[*site.Page]bool{}
	for _, p := range r.Site.Pages {
		o := old[p.Path]
		switch {
		case o == nil, self(p), (o.File == nil) != (p.File == nil):
		case p.Kind == site.KindHome, p.Kind == site.KindTags, p.Kind == site.KindEvents, p.Kind == site.Kind404:
		case !samePages(p.Items, o.Items, self), !samePages(p.Upcoming, o.Upcoming, self), !samePages(p.Past, o.Past, self):
		case !samePages(p.Translations, o.Translations, self):
		case p.URL != o.URL, p.Title != o.Title, p.XDefault != o.XDefault:
		case !reflect.DeepEqual(p.Alternates, o.Alternates), !reflect.DeepEqual(p.Pager, o.Pager):
		default:
			continue
		}
		todo[p] = true
	}
	fresh, err := render.Render(ctx, r.Site, r.theme, render.Options{Only: func(p *site.Page) bool { return todo[p] }})
	if err != nil {
		return err
	}
	r.Rendered = len(fresh)

	byPath := make(map[string]*site.Page, len(r.Site.Pages))
	for _, p := range r.Site.Pages {
		byPath[p.Path] = p
	}
	out := fresh
	for _, f := range prev.rendered {
		switch p := byPath[f.Path]; {
		case f.Src != "":
			// Bundle resources come from the new graph below.
		case p != nil:
			if !todo[p] {
				f.Page = p
				out = append(out, f)
				r.Stale++
			}
		case old[f.Path] == nil:
			// Not a page of the graph: the root pages, which show only the
			// configuration.
			out = append(out, f)
		}
	}
	for _, f := range r.Site.Files {
		out = append(out, render.File{Path: f.Dest, Src: f.Src})
	}
	slices.SortFunc(out, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	r.rendered = out
	return nil
}

// samePages reports whether two lists name the same pages, by output path,
// none of which changed.
func samePages(a, b []*site.Page, changed func(*site.Page) bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || changed(a[i]) {
			return false
		}
	}
	return true
}

func convertAll(files []*content.File, cfg *config.Site, cache *Cache) map[*content.File]*markdown.Result {
	convs := map[string]*markdown.Converter{}
	for _, l := range cfg.Languages {
		convs[l.Code] = markdown.New(markdown.Options{Lang: l.Code, Unsafe: cfg.UnsafeHTML})
	}
	docs := make([]*markdown.Result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				docs[i] = cache.convert(convs[f.Lang], f.Lang, cfg.UnsafeHTML, f.Body)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	m := make(map[*content.File]*markdown.Result, len(files))
	for i, f := range files {
		m[f] = docs[i]
	}
	return m
}

// Cache keeps converted Markdown keyed by language, safety and source bytes.
// A nil *Cache converts every time.
type Cache struct {
	mu   sync.Mutex
	docs map[cacheKey]*markdown.Result
}

type cacheKey struct {
	lang   string
	unsafe bool
	sum    [32]byte
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{docs: map[cacheKey]*markdown.Result{}} }

func (c *Cache) convert(conv *markdown.Converter, lang string, unsafe bool, body []byte) *markdown.Result {
	if c == nil {
		r, _ := conv.Convert(body)
		return r
	}
	k := cacheKey{lang, unsafe, sha256.Sum256(body)}
	c.mu.Lock()
	r, ok := c.docs[k]
	c.mu.Unlock()
	if ok {
		return r
	}
	r, _ = conv.Convert(body)
	c.mu.Lock()
	c.docs[k] = r
	c.mu.Unlock()
	return r
}

// addStatic adds the files of themes/<theme>/static and static/ (the site's
// wins) at the same paths under the output root. A rendered page wins over a
// static file at the same path.
func addStatic(fsys fs.FS, cfg *config.Site, out []render.File) ([]render.File, error) {
	taken := make(map[string]bool, len(out))
	for _, f := range out {
		taken[f.Path] = true
	}
	for _, dir := range []string{"static", "themes/" + cfg.Theme + "/static"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if !taken[rel] {
				taken[rel] = true
				out = append(out, render.File{Path: rel, Src: p})
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

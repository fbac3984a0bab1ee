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
}

// Result is what a run produced.
type Result struct {
	Config   *config.Site
	Site     *site.Site
	Files    []render.File
	Warnings []*diag.Diagnostic
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
	cfg, err := config.Load(fsys)
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
	var errs diag.List
	files, err := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	errs.Add(err)
	locales, err := locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
	errs.Add(err)
	var th *theme.Theme
	if locales != nil {
		th, err = theme.Load(fsys, theme.Dirs(cfg), cfg, locales)
		errs.Add(err)
	}
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
	out, err := render.Render(ctx, s, th, render.Options{})
	if err != nil {
		return nil, err
	}
	more, err := outputs(s, cfg, locales)
	if err != nil {
		return nil, err
	}
	out = append(out, more...)
	out, err = addStatic(fsys, cfg, out)
	if err != nil {
		return nil, err
	}
	res := &Result{Config: cfg, Site: s, Files: out}
	if opts.Destination != "" {
		if err := publish.Write(opts.Destination, out, fsys); err != nil {
			return nil, err
		}
	}
	return res, nil
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

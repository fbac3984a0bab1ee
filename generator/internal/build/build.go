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
//   - Once every output is known, the rules gen serve and gen check share
//     (package rules: links, images, events, tags, translations, strings)
//     run over the run's page graph and files, by map lookups. Their
//     warnings are Result.Warnings; an error among them fails the run like
//     a content error (nothing is published), and Run then returns the
//     Result it made together with the error.
//   - A release with no picture to share (no lead image, or an SVG) gets a
//     share card (makeCards, package sharecard) at
//     images/share/<its page's folder>.png, kept in the picture cache; a
//     title with characters the card's font lacks is a warning at the
//     title (among Result.Warnings).
//   - The pictures the graph lists are processed by package images before
//     anything renders, from Options.Images (a cache folder, or memory)
//     where it holds them; one that cannot be made is an error at each
//     place that names it, and a file bigger than images.maxBytes a
//     warning there (among Result.Warnings). Their files are published
//     like the others.
//   - Parsed files and converted Markdown can be cached across runs
//     (Cache), keyed by the exact bytes, so a rebuild parses and converts
//     only what changed. With Options.Previous and Changed a run renders
//     only the pages a change can touch; Result.Complete renders the rest.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/minify"
	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/rules"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/status"
	"github.com/eventnews/gen/generator/internal/theme"
	"github.com/eventnews/gen/themes"
)

// Options configure one run.
type Options struct {
	// FS is the site root; if nil, Source is opened with sitefs.Open.
	FS     fs.FS
	Source string
	// Destination is the output directory; "" renders in memory only.
	// publish.Check refuses one that is not the site's to fill.
	Destination string
	// CleanDestination removes what gen did not write from Destination.
	CleanDestination bool
	// Minify makes the HTML, CSS, JavaScript, SVG, XML and JSON written to
	// Destination smaller (package minify).
	Minify bool
	// BaseURL overrides site.yaml's baseURL when set, path and all.
	BaseURL string
	// Origin, when set and BaseURL is not, replaces the scheme and host of
	// site.yaml's baseURL and keeps its path (config.Site.WithOrigin):
	// gen serve answers on its own address under the site's base path.
	Origin string
	Drafts bool
	Future bool
	// Now is the build clock (required).
	Now time.Time
	// Log, if set, receives one line per stage of the run with the time it
	// took (gen build --verbose).
	Log io.Writer
	// Cache, if set, keeps converted Markdown between runs.
	Cache *Cache
	// Images keeps processed pictures between runs (package images): in
	// its folder across processes, and in memory for gen serve. Nil
	// processes every picture again, in memory.
	Images *images.Cache
	// Progress, if set, is told how far picture processing is when it
	// takes longer than a second, in the language of Speaker (nil:
	// English).
	Progress io.Writer
	Speaker  *speak.Speaker
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
	Config *config.Site
	Site   *site.Site
	// Files is every output file, sorted by path. When the run wrote them
	// to Options.Destination they carry no Bytes: those are on disk.
	Files []render.File
	// Warnings are the warnings of the rules (package rules) and of the
	// pictures (a file over images.maxBytes), sorted.
	Warnings []*diag.Diagnostic
	// Published tells what publishing into Options.Destination did.
	Published *publish.Report
	// Rendered is the number of pages this run rendered.
	Rendered int
	// Stale is the number of pages whose output was carried over from
	// Options.Previous unrendered because nothing they show changed. A
	// layout may still read any page of the site (a footer listing every
	// page, say), so until Complete they may differ from a full run. The
	// feeds, sitemap, calendars and redirects are carried over too (see
	// Partial).
	Stale int

	fsys       fs.FS
	pictures   map[string]*images.Picture // processed, by file
	picFiles   []render.File              // their files, and the share cards'
	bigPics    []*diag.Diagnostic         // picture files over images.maxBytes
	cardChars  []*diag.Diagnostic         // titles whose share card leaves characters out
	cards      map[string]*images.Variant // share cards, by page (makeCards)
	locales    *locale.Set
	strings    []*diag.Diagnostic // rules.Strings of locales and the layouts
	theme      *theme.Theme
	static     []render.File // listStatic()
	rendered   []render.File // what render.Render gave (or would have given)
	extra      []render.File // outputs()
	staleExtra bool          // extra was carried over from Previous
}

// Partial reports whether some output was carried over from
// Options.Previous: Complete then makes the result whole.
func (r *Result) Partial() bool { return r.Stale > 0 || r.staleExtra }

// SiteFS returns fsys, or when it is nil the directory source ("." if
// empty) opened with sitefs, so that nothing is read through a link that
// leads outside it; either way with the default theme laid under it
// (WithDefaultTheme). done releases what SiteFS opened.
func SiteFS(fsys fs.FS, source string) (site fs.FS, done func(), err error) {
	if fsys != nil {
		return WithDefaultTheme(fsys), func() {}, nil
	}
	if source == "" {
		source = "."
	}
	dir, err := sitefs.Open(source)
	if err != nil {
		return nil, nil, err
	}
	return WithDefaultTheme(dir), func() { dir.Close() }, nil
}

// WithDefaultTheme lays the default theme, which is in the binary, under
// the site's themes/default: a site without that folder uses it whole, and
// a file the site has there (or under layouts/) wins over the theme's.
func WithDefaultTheme(site fs.FS) fs.FS {
	return sitefs.Overlay(site, "themes/default", themes.Default())
}

// Run builds the site.
func Run(ctx context.Context, opts Options) (*Result, error) {
	fsys, done, err := openSite(opts)
	if err != nil {
		return nil, err
	}
	defer done()
	clock := stopwatch{w: opts.Log, last: time.Now()}
	prev := opts.previous()
	var errs diag.List
	st, err := loadSetup(fsys, opts, prev, &errs)
	if err != nil {
		return nil, err
	}
	cfg, locales := st.cfg, st.locales
	clock.lap("setup", "configuration and strings")
	// The layouts are parsed while the content is read.
	st.loadLayouts(fsys)
	files, docs, static := readContent(fsys, cfg, opts, &clock, &errs)
	errs.Add(<-st.loaded)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	s, outdated, err := buildSite(files, docs, cfg, locales, opts)
	if err != nil {
		return nil, err
	}
	clock.lap("site", "%d pages", len(s.Pages))
	res := &Result{Config: cfg, Site: s, fsys: fsys, locales: locales, theme: st.th, static: static, strings: st.strDiags}
	checks := checked{files: files, docs: docs, outdated: outdated, opts: &opts}
	if err := res.processPictures(ctx, opts); err != nil {
		return nil, err
	}
	if err := res.makeCards(ctx, opts); err != nil {
		return nil, err
	}
	clock.lap("pictures", "%d pictures, %d files", len(s.Pictures), len(res.picFiles))
	if prev != nil {
		return res.runChanged(ctx, prev, files, opts.Changed, checks)
	}
	stage, err := beginStage(fsys, opts)
	if err != nil {
		return nil, err
	}
	if stage != nil {
		defer stage.Abort() // does nothing after Commit
	}
	if err := res.renderAll(ctx, stage); err != nil {
		return nil, err
	}
	res.Rendered = len(s.Pages)
	clock.lap("render", "%d pages rendered", len(s.Pages))
	clock.lap("outputs", "%d feeds, sitemaps, calendars and redirects, made while pages rendered", len(res.extra))
	added := res.assemble()
	// Nothing is published while the rules find an error: the stage is
	// aborted, and the result tells what the run made.
	err = res.checkRules(ctx, checks)
	clock.lap("rules", "%d errors and warnings", len(diag.Flatten(err))+len(res.Warnings))
	if err != nil {
		return res, err
	}
	if stage == nil {
		return res, nil
	}
	for _, f := range added {
		if err := stage.Add(f); err != nil {
			return nil, err
		}
	}
	res.dropPictureBytes()
	res.Published, err = stage.Commit()
	if err != nil {
		return res, err
	}
	clock.lap("publish", "%d files in %s: %d written, %d unchanged, %d removed", len(res.Files), opts.Destination, res.Published.Written, res.Published.Kept, res.Published.Removed)
	res.extra = nil
	return res, nil
}

// openSite checks that opts.Destination is the site's to fill and opens
// the site; done releases it.
func openSite(opts Options) (fsys fs.FS, done func(), err error) {
	if opts.Destination != "" {
		source := opts.Source
		if opts.FS != nil {
			source = ""
		} else if source == "" {
			source = "."
		}
		if err := publish.Check(opts.Destination, source, opts.CleanDestination); err != nil {
			return nil, nil, err
		}
		// What an interrupted build left is dealt with first: a run
		// stopped during its long work then leaves nothing behind.
		if err := publish.Tidy(opts.Destination); err != nil {
			return nil, nil, err
		}
	}
	fsys, done, err = SiteFS(opts.FS, opts.Source)
	if err != nil {
		return nil, nil, err
	}
	if opts.Now.IsZero() {
		done()
		return nil, nil, errors.New("build: Options.Now is required")
	}
	return fsys, done, nil
}

// previous is opts.Previous when this run may render only what changed
// since it, else nil.
func (opts *Options) previous() *Result {
	prev := opts.Previous
	if opts.Changed == nil || opts.Destination != "" || (prev != nil && prev.theme == nil) {
		prev = nil
	}
	if prev != nil && touchesTemplates(opts.Changed, prev.Config.Theme) {
		// The strings, layouts or configuration changed: every page may.
		prev = nil
	}
	return prev
}

// setup is what a run reads before the content: the configuration, the
// strings and the layouts (th and strDiags are set once loaded is
// received from).
type setup struct {
	cfg      *config.Site
	locales  *locale.Set
	th       *theme.Theme
	strDiags []*diag.Diagnostic
	loaded   chan error
}

// loadSetup reads the configuration and the strings, or takes them and
// the layouts from prev.
func loadSetup(fsys fs.FS, opts Options, prev *Result, errs *diag.List) (*setup, error) {
	st := &setup{}
	if prev != nil {
		st.cfg, st.locales, st.th, st.strDiags = prev.Config, prev.locales, prev.theme, prev.strings
		return st, nil
	}
	var err error
	if st.cfg, err = LoadConfig(fsys, opts); err != nil {
		return nil, err
	}
	st.locales, err = LoadLocales(fsys, st.cfg)
	errs.Add(err)
	return st, nil
}

// loadLayouts parses the layouts, unless st has them or has no strings,
// and checks the strings, in a goroutine that sends on st.loaded when done.
func (st *setup) loadLayouts(fsys fs.FS) {
	st.loaded = make(chan error, 1)
	if st.th != nil || st.locales == nil {
		st.loaded <- nil
		return
	}
	go func() {
		var err error
		st.th, err = theme.Load(fsys, theme.Dirs(st.cfg), st.cfg, st.locales)
		st.strDiags = rules.Strings(fsys, st.cfg, st.locales)
		st.loaded <- err
	}()
}

// readContent reads the content files and converts their Markdown, and
// lists the static files; problems go to errs.
func readContent(fsys fs.FS, cfg *config.Site, opts Options, clock *stopwatch, errs *diag.List) ([]*content.File, map[*content.File]*markdown.Result, []render.File) {
	loadOpts := ContentOptions(cfg)
	loadOpts.Cache = opts.Cache.contentCache()
	var docs map[*content.File]*markdown.Result
	if opts.Cache == nil {
		// Each file is converted as soon as it is parsed, on the same core.
		var mu sync.Mutex
		docs = map[*content.File]*markdown.Result{}
		convs := opts.Cache.converters(cfg)
		loadOpts.Parsed = func(f *content.File) {
			doc, err := convs[f.Lang].Convert(f.Body)
			errs.Add(ConvertError(f, err))
			mu.Lock()
			docs[f] = doc
			mu.Unlock()
		}
	}
	files, err := content.Load(fsys, loadOpts)
	errs.Add(err)
	static, err := listStatic(fsys, cfg)
	errs.Add(err)
	if docs == nil {
		clock.lap("content", "%d files read, layouts parsed", len(files))
		docs = convertAll(files, cfg, opts.Cache, errs)
		clock.lap("markdown", "%d bodies converted", len(files))
	} else {
		clock.lap("content", "%d files read and converted, layouts parsed", len(files))
	}
	return files, docs, static
}

// buildSite judges the translations and makes the page graph.
func buildSite(files []*content.File, docs map[*content.File]*markdown.Result, cfg *config.Site, locales *locale.Set, opts Options) (*site.Site, map[*content.File]status.Out, error) {
	// Translations are judged while the files hold their bodies.
	outdated := status.Outdated(files)
	var staleOf func(*content.File) (string, bool)
	if cfg.ShowStaleNotice() {
		staleOf = status.StaleIn(outdated)
	}
	if opts.Cache == nil {
		// Converted and hashed: nothing reads the source text again, and
		// it weighs as much as the pages.
		for _, f := range files {
			f.Body = nil
		}
	}
	s, err := site.Build(files, site.Options{
		Config: cfg, Now: opts.Now, Drafts: opts.Drafts, Future: opts.Future, StaleOf: staleOf,
		Rendered: func(f *content.File) *markdown.Result { return docs[f] },
		TagLabel: func(lang, key string) string { return locales.For(lang).Tag(key) },
	})
	return s, outdated, err
}

// runChanged finishes a run that renders only what changed since prev.
func (r *Result) runChanged(ctx context.Context, prev *Result, files []*content.File, changed []string, checks checked) (*Result, error) {
	if err := r.renderChanged(ctx, prev, files, changed); err != nil {
		return nil, err
	}
	// Feeds, sitemap and calendars wait for Complete: no tab shows them.
	r.extra, r.staleExtra = prev.extra, true
	r.assemble()
	if err := r.checkRules(ctx, checks); err != nil {
		return r, err
	}
	return r, nil
}

// beginStage begins publishing into opts.Destination, or is nil without
// one.
func beginStage(fsys fs.FS, opts Options) (*publish.Stage, error) {
	if opts.Destination == "" {
		return nil, nil
	}
	// Pages go to disk as they are rendered, so the site is never held
	// in memory whole; until Commit the destination is untouched.
	popts := publish.Options{Clean: opts.CleanDestination}
	if opts.Minify {
		m := minify.New()
		popts.Transform = func(f render.File) (render.File, error) {
			return m.File(f, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
		}
	}
	return publish.Begin(opts.Destination, fsys, popts)
}

// renderAll renders every page, into stage when there is one, and makes
// the other outputs meanwhile.
func (r *Result) renderAll(ctx context.Context, stage *publish.Stage) error {
	var sink func(render.File) error
	if stage != nil {
		sink = stage.Put
	}
	// Feeds, sitemap and calendars need only the graph: they are made, and
	// queued for writing, while the pages render.
	extra := make(chan error, 1)
	go func() {
		files, err := outputs(r.Site, r.Config, r.locales)
		for i := 0; err == nil && stage != nil && i < len(files); i++ {
			err = stage.Add(files[i])
			files[i].Bytes = nil // the queue holds them until written
		}
		r.extra = files
		extra <- err
	}()
	var err error
	r.rendered, err = render.Render(ctx, r.Site, r.theme, render.Options{Sink: sink, Pictures: r.pictures, Cards: r.cards})
	// The stage must not be aborted while the outputs are still added.
	if extraErr := <-extra; err == nil {
		err = extraErr
	}
	return err
}

// dropPictureBytes lets go of the pictures made in memory once they are
// on their way to the disk.
func (r *Result) dropPictureBytes() {
	// Pictures made in memory are on their way to the disk: the result
	// need not hold them.
	pictures := make(map[string]bool, len(r.picFiles))
	for _, f := range r.picFiles {
		pictures[f.Path] = true
	}
	for i := range r.Files {
		if pictures[r.Files[i].Path] {
			r.Files[i].Bytes = nil
		}
	}
}

// config applies BaseURL or Origin to the configuration read from site.yaml.
func (opts *Options) config(cfg *config.Site) (*config.Site, error) {
	switch {
	case opts.BaseURL != "":
		return cfg.WithBaseURL(opts.BaseURL)
	case opts.Origin != "":
		return cfg.WithOrigin(opts.Origin), nil
	}
	return cfg, nil
}

// stopwatch writes how long each stage of a run took.
type stopwatch struct {
	w    io.Writer
	last time.Time
}

func (s *stopwatch) lap(stage, format string, args ...any) {
	if s.w == nil {
		return
	}
	now := time.Now()
	fmt.Fprintf(s.w, "%-9s %7.1f ms  %s\n", stage, float64(now.Sub(s.last).Microseconds())/1000, fmt.Sprintf(format, args...))
	s.last = now
}

// assemble joins rendered pages, other outputs, pictures and static files
// into Files, and returns the pictures and static files it added.
func (r *Result) assemble() []render.File {
	out := make([]render.File, 0, len(r.rendered)+len(r.extra)+len(r.picFiles))
	out = append(out, r.rendered...)
	out = append(out, r.extra...)
	n := len(out)
	out = append(out, r.picFiles...)
	out = addStatic(r.static, out)
	static := slices.Clone(out[n:])
	slices.SortFunc(out, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	r.Files = out
	return static
}

// Complete renders the pages and other outputs Run carried over from
// Options.Previous, so that Files are exactly what a full run gives. It
// returns r itself when nothing was carried over. It reads the site again,
// so the run needs Options.FS (a directory Run opened itself is closed).
func (r *Result) Complete(ctx context.Context) (*Result, error) {
	if !r.Partial() {
		return r, nil
	}
	full := *r
	var err error
	if r.Stale > 0 {
		full.rendered, err = render.Render(ctx, r.Site, r.theme, render.Options{Pictures: r.pictures, Cards: r.cards})
		if err != nil {
			return nil, err
		}
		full.Rendered, full.Stale = len(r.Site.Pages), 0
	}
	if full.extra, err = outputs(r.Site, r.Config, r.locales); err != nil {
		return nil, err
	}
	full.staleExtra = false
	full.assemble()
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

// listStatic lists the files of static/ and themes/<theme>/static (the
// site's win) as files at the same paths under the output root.
func listStatic(fsys fs.FS, cfg *config.Site) ([]render.File, error) {
	var (
		errs diag.List
		out  []render.File
		seen = map[string]bool{}
	)
	for _, dir := range []string{"static", "themes/" + cfg.Theme + "/static"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if le := sitefs.LinkOf(err); le != nil {
				errs.Add(le.Diagnostic(le.Path))
				return fs.SkipDir
			}
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if le := sitefs.Unfollowed(p, d); le != nil {
				errs.Add(le.Diagnostic(p))
				return nil
			}
			if rel := strings.TrimPrefix(p, dir+"/"); !seen[rel] {
				seen[rel] = true
				out = append(out, render.File{Path: rel, Src: p})
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs.Add(msgCannotRead.At(dir, 0, 0, "Err", err))
		}
	}
	return out, errs.Err()
}

// addStatic adds the static files to out, except where a rendered page
// has the same path: the page wins.
func addStatic(static, out []render.File) []render.File {
	taken := make(map[string]bool, len(out))
	for _, f := range out {
		taken[f.Path] = true
	}
	for _, f := range static {
		if !taken[f.Path] {
			out = append(out, f)
		}
	}
	return out
}

var msgCannotRead = diag.Message{ID: "build.cannot-read", Text: "cannot read: {{.Err}}"}

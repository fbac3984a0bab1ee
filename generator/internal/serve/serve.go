// Package serve is gen serve: it builds the site in memory, serves it over
// HTTP, rebuilds on every change under content/, themes/, layouts/, i18n/,
// static/ and site.yaml, and tells the open browser tabs.
//
// Rules:
//   - Nothing is written to disk: the output lives in an immutable snapshot
//     that a rebuild replaces at once, so a request during a rebuild gets
//     the last good output, never half of one.
//   - Rebuilds run one at a time. Changes that arrive during one are
//     collected into exactly one more (package watch holds them). The
//     parsed content is cached and read again only where the watcher saw a
//     change (build.NewTrustingCache).
//   - Pictures are processed once (Options.Build.Images, in memory when it
//     is nil) and a rebuild reads again only those whose file changed.
//   - Once a rebuild is complete the server collects its garbage at once,
//     while at rest, so that the next edit's rebuild does not run into a
//     collection set off by its own allocations.
//   - A rebuild renders first what the change touches (build.Options
//     Previous and Changed), swaps and tells the tabs; then it renders the
//     rest of the site, which only a layout reading every page can need,
//     and swaps again if anything else changed. A further change cancels
//     that second step and starts over.
//   - The site is served under the base path of its baseURL
//     (config.Site.BasePath: /press/ for https://example.org/press/), as a
//     host serving the output there does, so a link that forgets the path
//     fails in the preview too: "/" and the base path without its final
//     "/" redirect to it, any other path outside it is a 404 page that
//     says where the site is. gen serve's own paths (/__gen/) stay at the
//     root. Options.Build.Origin keeps site.yaml's path on the server's
//     address; Build.BaseURL replaces it (--baseURL).
//   - Live reload: every HTML response (not the stored output) gets a
//     script before </body> that listens on /__gen/events (Server-Sent
//     Events). A message names the site URLs whose output changed; a tab
//     reloads when its own page, a stylesheet, a script or a file it uses
//     is among them, and with Navigate goes to the page of the changed file.
//   - Errors: when a rebuild fails, the server keeps the last good output,
//     every HTML response carries an overlay listing each problem as
//     path:line:col with the source lines around it (HTML-escaped, a tab
//     shown as an arrow), open tabs show it at once, and the terminal
//     prints the same. The next good rebuild removes it. A site that never
//     built shows the overlay alone. The build's rules (package rules) are
//     gen build's: an error among them fails the rebuild the same way.
//   - Warnings: a page that a warning of the last good build is about (one
//     on its content file) carries a small panel, which blocks nothing,
//     listing them as path:line:col and counting the site's; a tab whose
//     panel changes reloads. The terminal prints the warnings when they
//     change. The overlay and the panel speak the page's language (its
//     <html lang>, else the language segment of its URL; package speak):
//     the event stream carries the overlay in each language gen speaks
//     and a tab shows its page's. The terminal speaks Options.Lang, and
//     the errors of New and Listen are diagnostics, for speak's Error.
//   - Safety: only Host headers that name this machine (localhost, loopback
//     addresses, names given in Options.Hosts) are answered, so a page
//     elsewhere cannot read unpublished releases through DNS rebinding; the
//     event stream also refuses cross-site Origins; request paths with NUL,
//     backslashes or "." and ".." segments (however encoded) are refused,
//     only output paths are looked up, and the site is read through
//     sitefs, so no symbolic link leads outside it, as in gen build.
package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/watch"
)

// Options configure a Server.
type Options struct {
	// Source is the site directory.
	Source string
	// Build carries Drafts, Future, BaseURL and, when the clock is pinned,
	// Now. The server sets the file system, cache and what changed.
	Build build.Options
	// Clock gives each rebuild its time when Build.Now is zero.
	Clock func() time.Time
	// Listener is where the server answers.
	Listener net.Listener
	// Hosts are further host names to answer to (from --bind or --baseURL).
	Hosts []string
	// AnyIP answers to any IP address in the Host header: the server
	// listens on every interface.
	AnyIP bool
	// Navigate sends open tabs to the page whose file changed.
	Navigate bool
	// NoLiveReload leaves pages as they are built: no script, so tabs do
	// not follow changes (the error overlay still shows on load).
	NoLiveReload bool
	// Poll, when positive, polls for changes at this interval.
	Poll time.Duration
	// Quiet is how long changes must settle before a rebuild (see package
	// watch; a lone save of one Markdown file waits only
	// watch.DefaultSettle); zero means the watcher's default.
	Quiet time.Duration
	// Log receives what the terminal shows; nil discards it.
	Log io.Writer
	// Lang is the language of what the terminal shows (package speak);
	// "" is English. The overlay and the panel speak the page's language.
	Lang string
}

// Server serves one site.
type Server struct {
	opts     Options
	log      io.Writer
	site     *sitefs.FS
	src      *sourceFS
	files    fs.FS // src with the default theme laid under it
	cache    *build.Cache
	watcher  *watch.Watcher
	hub      *hub
	snap     atomic.Pointer[snapshot]
	hosts    map[string]bool
	anyIP    bool
	instance string
	speak    *speak.Speaker // the terminal's language
	closeOne sync.Once

	// Owned by the goroutine that rebuilds.
	good     *build.Result // the last result that built
	changed  []string      // paths changed since good
	full     bool          // everything changed since good
	gen      uint64
	warnings string // the warnings last printed
	events   chan<- Event
}

// snapshot is what the server answers with; it is never modified.
type snapshot struct {
	gen     uint64
	files   map[string]render.File
	list    []render.File     // the same files, sorted by path
	built   bool              // files hold a good build
	overlay overlays          // the error overlay by language; nil when the last rebuild succeeded
	base    string            // the base path files are served at; "" is "/"
	panels  map[string]string // the warning panel of a page, by output path
}

// basePath is the URL path the site is served at: "/press/", or "/".
func (sn *snapshot) basePath() string {
	if sn.base == "" {
		return "/"
	}
	return sn.base
}

// Event reports a finished rebuild (for tests and benchmarks).
type Event struct {
	Paths   []string // changed URLs
	Err     error
	Partial bool // the rest of the site is still being rendered
	Rest    bool // this event is the rest of the site, rendered
}

// New checks the site directory, starts watching it and builds the site
// once. A site that does not build is not an error: the server starts and
// shows what is wrong.
func New(opts Options) (*Server, error) {
	st, err := os.Stat(opts.Source)
	if err != nil || !st.IsDir() {
		return nil, msgNoSiteDir.At("", 0, 0, "Dir", opts.Source)
	}
	if _, err := os.Stat(filepath.Join(opts.Source, config.FileName)); err != nil {
		return nil, msgNoSiteFile.At("", 0, 0, "Dir", opts.Source, "File", config.FileName)
	}
	site, err := sitefs.Open(opts.Source)
	if err != nil {
		return nil, err
	}
	src := newSourceFS(site)
	if opts.Build.Images == nil {
		// Pictures are made once, not on every rebuild.
		opts.Build.Images = images.NewCache("")
	}
	var id [6]byte
	rand.Read(id[:])
	s := &Server{
		opts:     opts,
		log:      opts.Log,
		site:     site,
		src:      src,
		files:    build.WithDefaultTheme(src),
		cache:    build.NewTrustingCache(),
		hub:      newHub(),
		hosts:    map[string]bool{},
		anyIP:    opts.AnyIP,
		instance: hex.EncodeToString(id[:]),
		speak:    speak.New(opts.Lang),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	if s.opts.Clock == nil {
		s.opts.Clock = time.Now
	}
	for _, h := range opts.Hosts {
		s.hosts[strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")] = true
	}
	s.snap.Store(&snapshot{files: map[string]render.File{}})
	// Watch first, so that nothing saved during the first build is missed.
	s.watcher, err = watch.Start(watch.Options{Root: opts.Source, Include: watched, Poll: opts.Poll, Quiet: opts.Quiet})
	if err != nil {
		site.Close()
		return nil, msgCannotWatch.At("", 0, 0, "Dir", opts.Source, "Err", err)
	}
	s.rebuild(context.Background(), watch.Batch{Rescan: true})
	go runtime.GC() // at rest, as after every rebuild (see loop)
	return s, nil
}

// watched says which paths of the site directory the build reads.
func watched(rel string, isDir bool) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "content", "themes", "layouts", "i18n", "static":
		return true
	}
	return rel == config.FileName
}

// Run serves and rebuilds until ctx is done, then stops cleanly: open
// event streams end, requests in flight finish, the watcher closes.
func (s *Server) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(s.opts.Listener) }()
	looped := make(chan struct{})
	go func() {
		defer close(looped)
		s.loop(ctx)
	}()
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	cancel()
	s.hub.close()
	// Requests in flight get a second to finish; connections that were
	// opened but never used would hold Shutdown for five.
	stop, done := context.WithTimeout(context.Background(), time.Second)
	defer done()
	if hs.Shutdown(stop) != nil {
		hs.Close()
	}
	s.Close()
	<-looped
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Close stops watching; Run calls it.
func (s *Server) Close() {
	s.closeOne.Do(func() {
		s.watcher.Close()
		s.hub.close()
		s.site.Close()
	})
}

// Handler returns the HTTP handler (the Server itself).
func (s *Server) Handler() http.Handler { return s }

// Notify makes the rebuilding goroutine send an Event after every rebuild
// (waiting until it is received); call it before Run.
func (s *Server) Notify(ch chan<- Event) { s.events = ch }

func (s *Server) loop(ctx context.Context) {
	batches := s.watcher.Batches()
	var next *watch.Batch
	for {
		var b watch.Batch
		if next != nil {
			b, next = *next, nil
		} else {
			select {
			case <-ctx.Done():
				return
			case nb, ok := <-batches:
				if !ok {
					return
				}
				b = nb
			}
		}
		res := s.rebuild(ctx, b)
		if res == nil || !res.Partial() {
			if res != nil {
				go runtime.GC()
			}
			continue
		}
		cctx, cancel := context.WithCancel(ctx)
		type completed struct {
			res *build.Result
			err error
		}
		done := make(chan completed, 1)
		go func() {
			r, err := res.Complete(cctx)
			done <- completed{r, err}
		}()
		select {
		case c := <-done:
			cancel()
			s.complete(ctx, c.res, c.err)
			// At rest now: collect the garbage of the whole rebuild, so
			// that the next edit's allocations do not set a collection off
			// halfway through its rebuild.
			go runtime.GC()
		case nb, ok := <-batches:
			cancel()
			<-done
			if !ok {
				return
			}
			next = &nb
		case <-ctx.Done():
			cancel()
			<-done
			return
		}
	}
}

// rebuild builds after a batch of changes and swaps the snapshot. It
// returns the result when the build succeeded.
func (s *Server) rebuild(ctx context.Context, b watch.Batch) *build.Result {
	start := time.Now()
	for _, n := range b.Notes {
		fmt.Fprintln(s.log, s.speak.Line(n))
	}
	first := s.good == nil && s.gen == 0
	if b.Rescan {
		s.src.InvalidateAll()
		s.cache.InvalidateAll()
		s.full = true
	} else {
		s.src.Invalidate(b.Paths)
		s.cache.Invalidate(b.Paths)
		s.changed = append(s.changed, b.Paths...)
	}
	opts := s.opts.Build
	opts.FS, opts.Source, opts.Destination, opts.Cache = s.src, "", "", s.cache
	opts.Previous, opts.Changed = nil, nil
	if opts.Now.IsZero() {
		opts.Now = s.opts.Clock()
	}
	if s.good != nil && !s.full {
		opts.Previous, opts.Changed = s.good, append([]string{}, s.changed...)
	}
	res, err := build.Run(ctx, opts)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		var warnings []*diag.Diagnostic
		if res != nil {
			warnings = res.Warnings
		}
		s.fail(ctx, err, warnings)
		return nil
	}
	srcChanged := s.sourceChanged(s.full, s.changed)
	s.good, s.changed, s.full = res, nil, false
	if s.snap.Load().overlay != nil {
		// Said before the tabs hear of it, so that the terminal is never
		// behind the browser.
		fmt.Fprintln(s.log, s.speak.Say(msgTerminalFixed))
	}
	paths := s.swap(res, srcChanged, b.Paths)
	took := time.Since(start).Round(time.Millisecond)
	s.warn(res)
	switch {
	case first:
		fmt.Fprintln(s.log, s.speak.Say(msgBuiltPages, "Count", len(res.Site.Pages), "Took", took))
	case len(paths) == 0:
		fmt.Fprintln(s.log, s.speak.Say(msgNoPageChanged, "What", describe(s.speak, b), "Took", took))
	default:
		fmt.Fprintln(s.log, s.speak.Say(msgUpdated, "What", describe(s.speak, b), "Changed", countURLs(s.speak, paths), "Took", took))
	}
	s.report(ctx, Event{Paths: paths, Partial: res.Partial()})
	return res
}

// complete swaps in the result of rendering the pages a rebuild carried
// over.
func (s *Server) complete(ctx context.Context, res *build.Result, err error) {
	if err != nil {
		if ctx.Err() == nil && !errors.Is(err, context.Canceled) {
			s.fail(ctx, err, nil)
		}
		return
	}
	s.good = res
	paths := s.swap(res, func(string) bool { return false }, nil)
	// Feeds and calendars follow the clock; only pages are worth a line.
	if n := len(slices.DeleteFunc(slices.Clone(paths), isFile)); n > 0 {
		fmt.Fprintln(s.log, s.speak.Say(msgMoreUpdated, "Count", n))
	}
	s.report(ctx, Event{Paths: paths, Rest: true})
}

// warn prints the build's warnings when they differ from the last ones
// printed.
func (s *Server) warn(res *build.Result) {
	var b strings.Builder
	for _, w := range res.Warnings {
		b.WriteString(s.speak.Line(w))
		b.WriteByte('\n')
	}
	if b.String() != s.warnings {
		fmt.Fprint(s.log, b.String())
		s.warnings = b.String()
	}
}

func (s *Server) report(ctx context.Context, e Event) {
	if s.events != nil {
		select {
		case s.events <- e:
		case <-ctx.Done():
		}
	}
}

// sourceChanged tells whether a copied file's source may have changed.
func (s *Server) sourceChanged(all bool, changed []string) func(string) bool {
	set := map[string]bool{}
	for _, c := range changed {
		set[c] = true
	}
	return func(src string) bool {
		if all {
			return true
		}
		for p := src; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if set[p] {
				return true
			}
		}
		return false
	}
}

// swap installs a good result and tells the tabs which URLs changed.
func (s *Server) swap(res *build.Result, srcChanged func(string) bool, sources []string) []string {
	old := s.snap.Load()
	base := "/"
	if res.Config != nil {
		base = res.Config.BasePath()
	}
	sorted := sortedFiles(res.Files)
	// Both lists are sorted: walk them side by side, and change a copy of
	// the old map only where they differ.
	list, prev := sorted, old.list
	var files map[string]render.File
	if old.built {
		files = maps.Clone(old.files)
	} else {
		files, prev = make(map[string]render.File, len(list)), nil
	}
	var paths []string
	for len(list) > 0 || len(prev) > 0 {
		switch {
		case len(prev) == 0 || len(list) > 0 && list[0].Path < prev[0].Path:
			f := list[0]
			files[f.Path] = f
			paths = append(paths, siteURL(base, f.Path))
			list = list[1:]
		case len(list) == 0 || prev[0].Path < list[0].Path:
			delete(files, prev[0].Path)
			paths = append(paths, siteURL(base, prev[0].Path))
			prev = prev[1:]
		default:
			f, o := list[0], prev[0]
			files[f.Path] = f
			if o.Src != f.Src || o.Disk != f.Disk || f.Src == "" && f.Disk == "" && !bytes.Equal(o.Bytes, f.Bytes) || f.Src != "" && srcChanged(f.Src) {
				paths = append(paths, siteURL(base, f.Path))
			}
			list, prev = list[1:], prev[1:]
		}
	}
	pns := panels(res)
	for p := range pns {
		if pns[p] != old.panels[p] {
			paths = append(paths, siteURL(base, p))
		}
	}
	for p := range old.panels {
		if _, ok := pns[p]; !ok {
			paths = append(paths, siteURL(base, p))
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	s.gen++
	s.snap.Store(&snapshot{gen: s.gen, files: files, list: sorted, built: true, base: base, panels: pns})
	if len(paths) == 0 && old.overlay == nil {
		return nil
	}
	m := message{Instance: s.instance, Paths: paths}
	if old.overlay != nil {
		m.Overlay = hidden()
	}
	if s.opts.Navigate {
		m.Navigate = navigateTo(res, sources, paths)
	}
	s.hub.publish(m)
	return paths
}

// sortedFiles returns files sorted by path: files itself when it is.
func sortedFiles(files []render.File) []render.File {
	byPath := func(a, b render.File) int { return strings.Compare(a.Path, b.Path) }
	if slices.IsSortedFunc(files, byPath) {
		return files
	}
	files = slices.Clone(files)
	slices.SortStableFunc(files, byPath)
	return files
}

// fail keeps the last good output and shows what is wrong: the errors,
// and the warnings of the failed run among them.
func (s *Server) fail(ctx context.Context, err error, warnings []*diag.Diagnostic) {
	ds := append(diag.Flatten(err), warnings...)
	slices.SortStableFunc(ds, diag.Compare)
	ps := problems(ds, func(p string) []byte {
		data, err := s.src.ReadFile(p)
		if err != nil {
			return nil
		}
		return data
	})
	old := s.snap.Load()
	overlay := overlays{}
	for _, l := range speak.Langs() {
		overlay[l] = overlayHTML(ps, old.built, wordsIn(l))
	}
	fmt.Fprintf(s.log, "%s\n%s", s.speak.Say(msgTerminalFail, "Count", len(ps)), terminalText(ps, s.speak))
	s.gen++
	s.snap.Store(&snapshot{gen: s.gen, files: old.files, list: old.list, built: old.built, overlay: overlay, base: old.base, panels: old.panels})
	s.hub.publish(message{Instance: s.instance, Overlay: overlay})
	s.report(ctx, Event{Err: err})
}

// siteURL turns an output path into the URL a browser shows, under the
// base path: the URL of the page made from it (site.Page.URL).
func siteURL(base, p string) string {
	if p == "index.html" {
		return base
	}
	if dir, ok := strings.CutSuffix(p, "/index.html"); ok {
		return base + escape.Path(dir) + "/"
	}
	return base + escape.Path(p)
}

// BasePath is the URL path the site is served at: the base path of the
// last good build's baseURL ("/press/"), or "/".
func (s *Server) BasePath() string { return s.snap.Load().basePath() }

// navigateTo returns the URL of the page made from a changed file, if its
// output changed.
func navigateTo(res *build.Result, sources, changed []string) string {
	if res.Site == nil {
		return ""
	}
	byFile := map[string]string{}
	for _, p := range res.Site.Pages {
		if p.File != nil && (p.Pager == nil || p.Pager.Number == 1) {
			if _, ok := byFile[p.File.Path]; !ok {
				byFile[p.File.Path] = p.URL
			}
		}
	}
	for _, src := range sources {
		if u, ok := byFile[src]; ok && slices.Contains(changed, u) {
			return u
		}
	}
	return ""
}

// describe says what a rebuild was for: "content/a.md changed".
func describe(sp *speak.Speaker, b watch.Batch) string {
	switch {
	case b.Rescan:
		return sp.Say(msgRebuiltAll)
	case len(b.Paths) == 0:
		return sp.Say(msgRebuilt)
	case len(b.Paths) == 1:
		return sp.Say(msgOneChanged, "Path", b.Paths[0])
	}
	return sp.Say(msgManyChanged, "Path", b.Paths[0], "Count", len(b.Paths)-1)
}

// isFile tells a feed, calendar, stylesheet or image from a page.
func isFile(u string) bool { return !strings.HasSuffix(u, "/") && !strings.HasSuffix(u, ".html") }

// countURLs says how many pages and other files changed.
func countURLs(sp *speak.Speaker, paths []string) string {
	files := 0
	for _, p := range paths {
		if isFile(p) {
			files++
		}
	}
	pages := len(paths) - files
	switch {
	case files == 0:
		return sp.Say(msgPages, "Count", pages)
	case pages == 0:
		return sp.Say(msgFiles, "Count", files)
	}
	return sp.Say(msgPagesAndFiles, "Pages", sp.Say(msgPages, "Count", pages), "Files", sp.Say(msgOtherFiles, "Count", files))
}

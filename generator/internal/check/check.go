// Package check finds the mistakes gen check reports: everything the build
// reports, plus what only a full report for CI needs.
//
// Run builds the site in memory with build.Run and reports all its errors
// and warnings, which include those of package rules: links, images,
// events, tags, translations and strings, each an error or a warning as
// in gen build and gen serve. When the build stops early on content
// errors, Run still builds the page graph, renders and collects alias
// redirects from the files that could be read, and runs the rules over
// them, so one run reports every mistake. Then it adds:
//
//   - links of the built site (code "link"), when the build rendered the
//     site: every internal link of every page, feed, sitemap and calendar
//     it wrote must lead to a file of the build (package linkcheck; a
//     percent-encoded link is decoded first, as a host does). Links
//     written in a Markdown body are left to the rules, which know their
//     line; the others (from the theme, front matter or generated pages)
//     are reported at the content file of the page, or with no file for a
//     generated page, naming the built file and line.
//   - tag terms (code "tag.term", terms.go): a tag written as a word of its
//     page's language (package content) is a warning at the file's tags,
//     saying that its page is linked to no other language and how to link
//     it (a key with a label in each language). It is gen check's alone,
//     not the rules': a site may mean it, and gen build and gen serve would
//     repeat it on every run. Report.Failed with strict does not count it.
//   - Options.FailOn: translation gaps (codes "translation.stale",
//     "translation.missing") reported as errors; Report.Failed with strict
//     does not count them otherwise.
//
// Diagnostics are returned sorted, without duplicates; Write prints them
// as text, JSON or GitHub annotations.
package check

import (
	"context"
	"errors"
	"html"
	"io/fs"
	"regexp"
	"slices"
	"time"

	"github.com/eventnews/gen/generator/internal/aliases"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/rules"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/status"
	"github.com/eventnews/gen/generator/internal/theme"
)

// Codes of the diagnostics, as package rules gives them.
const (
	CodeLink             = rules.CodeLink
	CodeContent          = rules.CodeContent
	CodeI18n             = rules.CodeI18n
	CodeTranslationStale = rules.CodeTranslationStale
	CodeTranslationGap   = rules.CodeTranslationGap
	// CodeTagTerm notes a tag written as a word of its page's language
	// (terms.go).
	CodeTagTerm = "tag.term"
)

// Gap kinds for Options.FailOn.
const (
	FailStale   = "stale"
	FailMissing = "missing"
)

// Options configure a check; the build options mean what they mean for
// gen build.
type Options struct {
	FS      fs.FS // the site root; nil opens Source
	Source  string
	BaseURL string
	Drafts  bool
	Future  bool
	Now     time.Time
	// FailOn lists translation gaps reported as errors: FailStale,
	// FailMissing.
	FailOn []string
	// Images keeps the processed pictures (see build.Options.Images).
	Images *images.Cache
}

// Report is what a check found.
type Report struct {
	Diagnostics []*diag.Diagnostic
	// Files is the number of content files read.
	Files int
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errs, warnings int) {
	for _, d := range r.Diagnostics {
		if d.Severity == diag.Error {
			errs++
		} else {
			warnings++
		}
	}
	return errs, warnings
}

// Failed reports whether the check should fail: any error, or with strict
// any warning other than a translation gap or a tag term.
func (r *Report) Failed(strict bool) bool {
	for _, d := range r.Diagnostics {
		if d.Severity == diag.Error || strict && !isGap(d) && d.Code != CodeTagTerm {
			return true
		}
	}
	return false
}

func isGap(d *diag.Diagnostic) bool {
	return d.Code == CodeTranslationStale || d.Code == CodeTranslationGap
}

// checker holds one run's state.
type checker struct {
	opts    Options
	fsys    fs.FS
	cfg     *config.Site
	list    diag.List
	files   []*content.File
	locales *locale.Set
	site    *site.Site
	// outputs are the output files; complete says they are all of them
	// (the build rendered the site).
	outputs  map[string][]byte
	complete bool
	// all are the regular files under content/, read or not.
	all map[string]bool
}

// Run checks the site.
func Run(ctx context.Context, opts Options) (*Report, error) {
	fsys, done, err := build.SiteFS(opts.FS, opts.Source)
	if err != nil {
		return nil, err
	}
	defer done()
	if opts.Now.IsZero() {
		return nil, errors.New("check: Options.Now is required")
	}
	c := &checker{opts: opts, fsys: fsys, outputs: map[string][]byte{}, all: map[string]bool{}}
	bopts := build.Options{FS: fsys, BaseURL: opts.BaseURL, Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, Images: opts.Images}
	res, err := build.Run(ctx, bopts)
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	c.list.Add(err)
	if res != nil {
		c.list.Add(diagErrs(res.Warnings)...)
	}

	cfg, err := build.LoadConfig(fsys, bopts)
	if err != nil {
		return c.report(), nil // build reported it
	}
	c.cfg = cfg
	c.files, _ = content.Load(fsys, build.ContentOptions(cfg))
	if res != nil && res.Site != nil {
		// The build made the graph and ran the rules.
		c.site = res.Site
		for _, f := range res.Files {
			c.outputs[f.Path] = f.Bytes
		}
		c.complete = true
	} else {
		c.locales, _ = build.LoadLocales(fsys, cfg)
		c.walkContent()
		c.rebuild(ctx)
	}
	c.checkOutputLinks()
	c.checkTagTerms()
	return c.report(), nil
}

func diagErrs(ds []*diag.Diagnostic) []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

func (c *checker) report() *Report {
	ds := c.list.Sorted()
	for _, d := range ds {
		if d.Code == CodeTranslationStale && slices.Contains(c.opts.FailOn, FailStale) ||
			d.Code == CodeTranslationGap && slices.Contains(c.opts.FailOn, FailMissing) {
			d.Severity = diag.Error
		}
	}
	slices.SortStableFunc(ds, diag.Compare)
	return &Report{Diagnostics: ds, Files: len(c.files)}
}

// add records a diagnostic of this package.
func (c *checker) add(d *diag.Diagnostic, code string) {
	d.Code = code
	c.list.Add(d)
}

func (c *checker) walkContent() {
	_ = fs.WalkDir(c.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			c.all[p] = true
		}
		return nil
	})
}

// rebuild makes the page graph, pages and redirects from the files that
// could be read, when the build stopped before them, and runs the rules
// over them.
func (c *checker) rebuild(ctx context.Context) {
	docs := map[*content.File]*markdown.Result{}
	convs := map[string]*markdown.Converter{}
	for _, l := range c.cfg.Languages {
		convs[l.Code] = markdown.New(markdown.Options{Lang: l.Code, Unsafe: c.cfg.UnsafeHTML})
	}
	for _, f := range c.files {
		var err error
		docs[f], err = convs[f.Lang].Convert(f.Body)
		c.list.Add(build.ConvertError(f, err)) // the build's own report of it is merged (diag.List.Sorted)
	}
	outdated := status.Outdated(c.files)
	s, err := site.Build(c.files, site.Options{
		Config: c.cfg, Now: c.opts.Now, Drafts: c.opts.Drafts, Future: c.opts.Future,
		Rendered: func(f *content.File) *markdown.Result { return docs[f] },
	})
	c.list.Add(err)
	c.site = s
	for _, p := range s.Pages {
		c.outputs[p.Path] = nil
	}
	for _, f := range s.Files {
		c.outputs[f.Dest] = nil
	}
	if c.locales != nil {
		if th, err := theme.Load(c.fsys, theme.Dirs(c.cfg), c.cfg, c.locales); err == nil {
			files, err := render.Render(ctx, s, th, render.Options{})
			c.list.Add(err)
			for _, f := range files {
				c.outputs[f.Path] = f.Bytes
			}
		}
		c.list.Add(diagErrs(rules.Strings(c.fsys, c.cfg, c.locales))...)
	}
	_, err = aliases.Files(s, nil)
	c.list.Add(err)
	c.list.Add(diagErrs(rules.Content(rules.Input{
		Config: c.cfg, Files: c.files, Site: s, Locales: c.locales, Now: c.opts.Now,
		Doc:      func(f *content.File) *markdown.Result { return docs[f] },
		Outputs:  c.outputExists,
		IDs:      c.ids,
		Unread:   func(p string) bool { return c.all[p] },
		Outdated: outdated,
	}))...)
}

// outputExists reports whether the rebuilt site has a file at an output
// path, or the site a static file that would be there.
func (c *checker) outputExists(rel string) bool {
	if _, ok := c.outputs[rel]; ok {
		return true
	}
	for _, dir := range []string{"static", "themes/" + c.cfg.Theme + "/static"} {
		if st, err := fs.Stat(c.fsys, dir+"/"+rel); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// ids returns the ids on the rebuilt pages at paths.
func (c *checker) ids(paths []string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, p := range paths {
		if page := c.outputs[p]; page != nil {
			ids := map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(page, -1) {
				ids[html.UnescapeString(string(m[1]))] = true
			}
			out[p] = ids
		}
	}
	return out
}

// Package check finds the mistakes gen check reports: everything the build
// reports, plus checks the build does not need to make.
//
// Run builds the site in memory with build.Run and reports all its errors.
// When the build stops early on content errors, Run still builds the page
// graph, renders and collects alias redirects from the files that could be
// read, so one run reports every mistake. Then it checks every content file
// (drafts included), the message files and the layouts:
//
//   - links in the Markdown body (code "link"): a link to another content
//     file (../x/index.md, /news/x/index.md) or to a site path without a
//     language (/news/x/) means that page in the linking file's language;
//     without one, it falls back as the language switcher does (the
//     section, else the home) and that is a warning. Under a base path
//     (baseURL https://example.org/press/) a site path may be written with
//     it or without it, as the build gives it the path once (package site).
//     A link to nothing, or
//     from a published page to one that is not published, is an error.
//     Relative links that are not .md files are files of the page bundle,
//     else URLs resolved against the page's URL. A #fragment must be the id
//     of a heading (or any id of the rendered page) of the target. Links
//     with a scheme or a host are not checked.
//   - links of the built site (code "link"), when the build succeeded:
//     every internal link of every page, feed, sitemap and calendar it
//     wrote must lead to a file of the build (package linkcheck; a
//     percent-encoded link is decoded first, as a host does). Links written
//     in a Markdown body are left to the check above, which knows their
//     line; the others (from the theme, front matter or generated pages)
//     are reported at the content file of the page, or with no file for a
//     generated page, naming the built file and line.
//   - content sense (code "content"): event end before start; summary
//     longer than feed readers show (SummaryLimit); event name left empty;
//     a tag key no language has a label for; a translatedFrom that cannot
//     be read. Warnings content found in a file (a tag listed twice) are
//     reported with them.
//   - tag terms (code "tag.term"): a tag written as a word of its page's
//     language (package content) is a warning at the file's tags, saying
//     that its page is linked to no other language and how to link it (a
//     key with a label in each language). Report.Failed with strict does
//     not count it: a site may mean it.
//   - translations (codes "translation.stale", "translation.missing"):
//     a published translation whose source changed since it was marked, and
//     a published page without a version in some language. These are
//     warnings unless Options.FailOn names them; Report.Failed with strict
//     does not count them.
//   - i18n bundles (code "i18n"): every message exists in every language;
//     a message that counts (has plural forms or uses .Count) has every
//     plural form its language needs (ru: one, few, many, other); a layout
//     that calls T "id" for an id no language defines.
//
// Diagnostics are returned sorted, without duplicates.
package check

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"time"

	"github.com/eventnews/gen/generator/internal/aliases"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/theme"
)

// Codes of the diagnostics this package adds.
const (
	CodeLink             = "link"
	CodeContent          = "content"
	CodeI18n             = "i18n"
	CodeTranslationStale = "translation.stale"
	CodeTranslationGap   = "translation.missing"
	// CodeTagTerm notes a tag written as a word of its page's language,
	// linked to no other language: a warning that --strict does not count,
	// since a site may mean it.
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
	docs    map[string]*markdown.Result // by file path
	// outputs are the output paths; complete says they are all of them
	// (the build succeeded), so a site path missing from them is broken.
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
	res, err := build.Run(ctx, build.Options{FS: fsys, BaseURL: opts.BaseURL, Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now})
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	c.list.Add(err)
	if res != nil {
		c.list.Add(diagErrs(res.Warnings)...)
	}

	cfg, err := config.Load(fsys)
	if err != nil {
		return c.report(), nil // build reported it
	}
	if opts.BaseURL != "" {
		if cfg, err = cfg.WithBaseURL(opts.BaseURL); err != nil {
			return c.report(), nil // build reported it
		}
	}
	c.cfg = cfg
	c.files, _ = content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location, StrictTags: cfg.Tags.Strict})
	for _, f := range c.files {
		// The build's too, when it got that far: List keeps one of each.
		c.list.Add(diagErrs(f.Warnings)...)
	}
	c.locales, _ = locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
	c.walkContent()

	if res != nil && res.Site != nil {
		c.site = res.Site
		for _, f := range res.Files {
			c.outputs[f.Path] = f.Bytes
		}
		c.complete = true
	} else {
		c.rebuild(ctx)
	}
	c.convert()

	c.checkLinks()
	c.checkOutputLinks()
	c.checkSense()
	c.checkTranslations()
	c.checkI18n()
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
// could be read, when the build stopped before them.
func (c *checker) rebuild(ctx context.Context) {
	docs := map[*content.File]*markdown.Result{}
	convs := c.converters()
	for _, f := range c.files {
		docs[f], _ = convs[f.Lang].Convert(f.Body)
	}
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
	}
	_, err = aliases.Files(s, nil)
	c.list.Add(err)
}

func (c *checker) converters() map[string]*markdown.Converter {
	convs := map[string]*markdown.Converter{}
	for _, l := range c.cfg.Languages {
		convs[l.Code] = markdown.New(markdown.Options{Lang: l.Code, Unsafe: c.cfg.UnsafeHTML})
	}
	return convs
}

// convert takes each file's Markdown from the page graph, converting the
// files that are not published.
func (c *checker) convert() {
	c.docs = map[string]*markdown.Result{}
	for _, p := range c.site.Pages {
		if p.File != nil && p.Doc != nil {
			c.docs[p.File.Path] = p.Doc
		}
	}
	var convs map[string]*markdown.Converter
	for _, f := range c.files {
		if c.docs[f.Path] != nil {
			continue
		}
		if convs == nil {
			convs = c.converters()
		}
		c.docs[f.Path], _ = convs[f.Lang].Convert(f.Body)
	}
}

// Package rules holds the checks of a site that gen build, gen serve and
// gen check share: one implementation and one message for each mistake,
// and each mistake is an error or a warning the same way everywhere. An
// error fails gen build (nothing is published) and shows in gen serve's
// overlay; a warning is printed by gen build, shown on its page by gen
// serve, and --strict makes gen check fail on it.
//
// Content checks the content files against the page graph of a run, with
// map lookups over what the run already has (no pass over the output):
//
//   - links in a Markdown body (code "link"), errors: a link to another
//     content file (../x/index.md, /news/x/index.md) or to a site path
//     without a language (/news/x/) means that page in the linking file's
//     language, and it must exist there: a page that has no version in
//     that language is an error naming where readers would land and the
//     URL of a version that exists. A section's list exists in every
//     language. Under a base path a site path may be written with it or
//     without it (package site gives it the path once). A link to nothing,
//     or from a published page to one that is not published, is an error.
//     Relative links that are not .md files are files of the page bundle,
//     else URLs resolved against the page's URL. A #fragment must be the
//     id of a heading of the target, or when Input.IDs knows the rendered
//     page, any id on it. Links with a scheme or a host are not checked.
//   - images (code "image"), errors: an inline image whose file does not
//     exist (as links above), an inline image without alt text (every
//     picture gen shows is described; a lead image without image.alt is
//     package content's error), and a lead image (front matter image.src)
//     that is not a file of the page's bundle.
//   - content sense (code "content"): an event that ends before it starts
//     and a translatedFrom that cannot be read are errors; an empty event
//     name and a summary longer than feed readers show (SummaryLimit) are
//     warnings; a tag key without a label (message tag.<key>) in the
//     language of a page that shows it is a warning at the file that
//     writes the tag, with the nearest labelled key suggested (a term, a
//     tag written as a word of its page's language, is shown as written:
//     gen check notes it). The warnings package content found in a file
//     (a tag listed twice) are reported with these.
//   - translations (codes "translation.stale", "translation.missing"),
//     warnings: a published translation whose source changed since it was
//     translated (Input.Outdated), and a published page without a version
//     in some language.
//
// Strings checks the message files and the layouts (code "i18n"), errors:
// every message but tag labels exists in every language; a message that
// counts (has plural forms or uses .Count) has every plural form its
// language needs (ru: one, few, many, other); a layout that calls T "id"
// for an id no language defines.
//
// Every message is a diag.Message with a stable ID (Messages lists them),
// so that it can be said in another language.
package rules

import (
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/status"
)

// Codes of the diagnostics of this package.
const (
	CodeLink             = "link"
	CodeImage            = "image"
	CodeContent          = "content"
	CodeI18n             = "i18n"
	CodeTranslationStale = "translation.stale"
	CodeTranslationGap   = "translation.missing"
)

// Input is what a run knows about the site.
type Input struct {
	Config *config.Site
	// Files are every content file read, published or not.
	Files []*content.File
	// Doc returns the converted Markdown of a file (nil if none).
	Doc  func(*content.File) *markdown.Result
	Site *site.Site
	// Locales are the strings; nil checks no tag labels.
	Locales *locale.Set
	// Now says why a page is not published.
	Now time.Time
	// Outputs reports whether the run made a file at an output path
	// ("zh/news/x/index.html", "css/main.css").
	Outputs func(path string) bool
	// Complete says that Outputs knows every output of the site, so a site
	// path that is none leads nowhere; otherwise only a path that looks
	// like a page ("/x/", "/x.html") does.
	Complete bool
	// IDs, if set, returns the ids on the rendered pages at the given
	// output paths, for fragments that name no heading of their target.
	IDs func(paths []string) map[string]map[string]bool
	// Unread, if set, reports whether a path under content/ is a file that
	// could not be read (its own errors say why): links to it are left
	// alone.
	Unread func(path string) bool
	// Outdated are the translations that are out of date
	// (status.Outdated, computed while the files still hold their bodies).
	Outdated map[*content.File]status.Out
}

// checker holds one run of Content.
type checker struct {
	in   Input
	list diag.List
	ix   *linkIndex
}

// Content checks the content files (see the package doc) and returns the
// diagnostics, sorted.
func Content(in Input) []*diag.Diagnostic {
	c := &checker{in: in}
	c.ix = newIndex(in)
	c.checkLinks()
	c.checkImages()
	c.checkSense()
	c.checkTags()
	c.checkTranslations()
	for _, f := range in.Files {
		c.list.Add(diagErrs(f.Warnings)...) // content's: a tag listed twice
	}
	return c.list.Sorted()
}

func diagErrs(ds []*diag.Diagnostic) []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

// add records a diagnostic.
func (c *checker) add(d *diag.Diagnostic, code string) {
	d.Code = code
	c.list.Add(d)
}

// published reports whether a file makes a page of the run.
func (c *checker) published(f *content.File) bool {
	return c.ix.pageOf[f.Path] != nil
}

// at returns where a front matter key of f was written, or 1:1.
func at(f *content.File, key string) (int, int) {
	if p, ok := f.Front.Pos[key]; ok {
		return p.Line, p.Col
	}
	return 1, 1
}

package content

import (
	"path"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Kind tells a page from a section's _index file.
type Kind int

const (
	KindPage    Kind = iota // a release or a single page
	KindSection             // _index.<lang>.md
)

// File is one Markdown file of content/, parsed but not rendered.
type File struct {
	// Path relative to the site root, slash-separated:
	// "content/news/harbin-expo/index.ru.md".
	Path string
	// Lang is the language code from the suffix, or the default language.
	Lang string
	// Key is the translation key: the path under content/ without language
	// suffix and extension, with bundle "index" dropped ("news/harbin-expo",
	// "about", "news" for content/news/_index.ru.md, "" for content/_index.md),
	// unless front matter sets translationKey.
	Key string
	// Section is the first directory under content/ ("news"), "" for files at
	// the top of content/. A bundle directly under content/
	// (content/about/index.md) is a top-level page: its Section is "".
	// Files of nested sections are in the top-level one: Section is "news"
	// for content/news/archive/_index.en.md (see Dir).
	Section string
	Kind    Kind
	// Bundle is the directory of a page bundle ("content/news/harbin-expo"),
	// "" for a single-file page.
	Bundle string
	// Resources are the non-Markdown files of the bundle, paths relative to
	// the bundle directory, sorted ("photo.jpg", "docs/programme.pdf").
	// Every language file of a bundle lists the same resources.
	Resources []string
	// Name is the bundle directory name or the file name without suffixes:
	// the default slug.
	Name  string
	Front FrontMatter
	// Body is the Markdown after the front matter.
	Body []byte
	// BodyLine is the 1-based line in the file where Body starts.
	BodyLine int
	// Warnings are what is wrong in the file but does not stop a build:
	// a tag listed twice (it is shown once). They are shared by the copies
	// a Cache hands out: read-only.
	Warnings []*diag.Diagnostic
	// ModTime is not read: output must not depend on file times.
}

// Dir is the folder under content/ that holds the page, or that a
// section's _index file describes: "news" for content/news/a.md,
// content/news/x/index.md and content/news/_index.md, "news/archive" for
// content/news/archive/x/index.md and content/news/archive/_index.en.md,
// "" for content/about.md, content/about/index.md and content/_index.md.
func (f *File) Dir() string {
	dir := path.Dir(strings.TrimPrefix(f.Path, contentDir+"/"))
	if f.Bundle != "" {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return ""
	}
	return dir
}

// FrontMatter holds the decoded front matter. Pos records where each
// top-level key was written, for messages and to know which keys were set.
type FrontMatter struct {
	Title          string
	Date           time.Time // zero if absent (then inherited or an error)
	Summary        string
	Slug           string
	Draft          bool
	PublishDate    time.Time
	ExpiryDate     time.Time
	Tags           []string
	Event          *Event
	Image          *Image
	Source         *Source
	Aliases        []string
	TranslationKey string
	Weight         int
	Layout         string
	// Sitemap false keeps the page out of sitemap.xml. nil means true.
	Sitemap *bool
	// Search false keeps the page out of the search index. nil means true.
	Search *bool
	// TranslatedFrom records the source revision a translation was made from
	// (see gen status): "<lang>@<hash>".
	TranslatedFrom string
	Params         map[string]any

	// Pos maps a top-level key ("title", "event.start" for nested keys) to
	// where its value starts. It holds the keys written in this file, with
	// a value other than null, even when the value was invalid; fields
	// inherited from another language (see Load) are not in it.
	Pos map[string]Pos
}

// Has reports whether the key was written in the file.
func (fm *FrontMatter) Has(key string) bool {
	_, ok := fm.Pos[key]
	return ok
}

// Pos is a 1-based line and column in the file (not in the front matter).
type Pos struct{ Line, Col int }

// Event describes the event a release reports.
type Event struct {
	Name string
	// Start and End are in the event's zone: TimeZone, else the offset
	// written on a time, else the site's time zone (see eventTimes). A
	// page shows them in Start's location.
	Start, End time.Time
	// TimeZone is event.timeZone, an IANA name ("Asia/Vladivostok"), or ""
	// when it was not written.
	TimeZone string
	// AllDay is true when start (and end) were written as dates without time;
	// Start is then midnight at the start of the day.
	AllDay bool
	City   string
	Venue  string
	URL    string
}

// Image is the lead image of a release.
type Image struct {
	Src     string // bundle-relative path, or an absolute http(s) URL
	Alt     string
	Caption string
	// Original publishes the picture's file as it is, beside the sizes gen
	// makes (for a press kit to download).
	Original bool
}

// Source names the original report a release is based on.
type Source struct {
	Name string
	URL  string
}

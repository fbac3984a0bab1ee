// Package site builds the page graph from parsed content: which pages exist
// in which language, their URLs, translations, sections, tags, events and
// pagination. It does no I/O and renders nothing.
//
// URL scheme (every language under its own prefix, see DESIGN §3), under
// the base path of baseURL (config.Site.BasePath: /press/zh/ for
// https://example.org/press/), while output paths stay as below
// (zh/index.html):
//
//	/<lang>/                         home
//	/<lang>/<section>/               section list, page N at /<lang>/<section>/page/N/
//	/<lang>/<section>/<sub>/         a nested section's list, paginated likewise
//	/<lang>/<section>/<slug>/        a page in a section, however deep its file lies
//	/<lang>/<slug>/                  a page at the top of content/ (about)
//	/<lang>/tags/, /<lang>/tags/<name>/ (paginated like sections)
//	/<lang>/events/                  upcoming and past events
//	/<lang>/search/                  search (the index beside it: package search)
//	/<lang>/404.html                 not found
//	/images/<bundle>/<name>-<width>.<ext>  a picture of a page bundle, for every language
//
// Pictures (JPEG, PNG, GIF, WebP and SVG files of a page bundle that a
// published page shows: its front matter image.src, a Markdown image, or a
// Markdown link to one) are published once for all languages, under
// /images/ and the bundle's folder below content/:
// content/news/harbin-expo/hall.jpg is /images/news/harbin-expo/hall-800.webp,
// hall-800.jpg and so on, one pair per width (package images; a release's
// lead picture also hall-320 and hall-640, its thumbnail in lists), and
// /images/news/harbin-expo/hall.jpg when its original is published; an SVG
// keeps its name. The URL holds no language, so the zh, ru and en pages
// of a release link the same file, and it stays the same when a
// translation is added or a slug changes; it changes only when the folder
// or the file is renamed. Other bundle files (a PDF) are copied beside
// each language's page, where the page's relative links find them.
// Pictures no published page shows are not published at all: a camera file
// dropped into the folder stays private until a page uses it.
//
// Rules:
//   - Sections are the folders at the top of content/ that hold pages or
//     _index files, at any depth, and the deeper folders with an _index
//     file in any language: nested sections, as in Hugo
//     (content/news/archive/ has its list at /<lang>/news/archive/). Every
//     section has a list page in every language, with the title and intro
//     of its own _index file in that language, else the folder's name as
//     title. A section lists every published page under its folder, at any
//     depth: the top-level list keeps all its releases, and a nested one
//     lists a part of them. Nested sections have no feeds of their own.
//   - A nested section changes no page's URL: a release under
//     content/news/archive/ is still at /<lang>/news/<slug>/, so moving
//     releases into an archive folder breaks no link. Its Section, and that
//     of a nested list page, is the top-level folder ("news"), as Hugo's
//     .Section: layouts, menus and language-switcher fallbacks treat it as
//     part of that section.
//   - Two pages at one URL are an error on each file that makes one; a
//     section list in a language without an _index file is blamed on the
//     section's folder.
//   - A page is published unless it is a draft (kept with Drafts), its
//     publishDate or date lies after Now (kept with Future) or its
//     expiryDate is at or before Now.
//   - Lists are sorted newest first, then by weight, then by path.
//   - Translations share a key; generated pages (home, sections, tags,
//     events) are translations of the same page in every language.
//   - Tags (tags.go): a tag's page is at /<lang>/tags/<name>/, its name
//     content.TagName (a key as it is, a term lower-cased with hyphens for
//     spaces: /zh/tags/旅游/, /en/tags/harbin-expo/). Tags with one name in
//     a language are one tag, a key if any page writes it as one. The
//     pages of a key are translations across languages; the page of a
//     term (a word of its language) has none: its switcher leads to the
//     other languages' tags indexes, its hreflang names only itself.
//   - The language switcher links an existing translation; otherwise that
//     language's section list (for a tag page: its tags index), otherwise
//     its home, marked as a fallback.
//   - hreflang alternates list only translations that exist, plus x-default:
//     the default-language translation if it exists, else the root chooser.
//   - Names (folders, files, slugs, section and tag names) enter URLs through
//     escape.Segment, percent-encoded where a URL needs it ("q?x" → "q%3Fx"); a
//     page's output path, and a bundle file's, is its URL decoded
//     (FilePath), the file a static host looks for.
//   - Every URL of the graph (pages, pagination, feeds, calendars, the
//     switcher's and hreflang's, the root's) starts with the base path;
//     Page.Path and CopyFile.Dest are output paths without it. Links in a
//     Markdown body that start with "/" are site paths: they get the base
//     path too (config.Site.RelURL), so a body links the same pages at any
//     base path (see links.go).
package site

import (
	"cmp"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/markdown"
)

// Kind names what a page is; layouts are looked up by it.
type Kind string

const (
	KindHome    Kind = "home"
	KindSection Kind = "section"
	KindPage    Kind = "page"
	KindTags    Kind = "tags"
	KindTag     Kind = "tag"
	KindEvents  Kind = "events"
	KindSearch  Kind = "search"
	Kind404     Kind = "404"
)

// Options control which pages are published.
type Options struct {
	Config *config.Site
	Now    time.Time
	Drafts bool
	Future bool
	// Rendered returns the converted Markdown of a file.
	Rendered func(*content.File) *markdown.Result
	// TagLabel returns the label of a tag key in a language, for feed
	// titles; nil uses the key.
	TagLabel func(lang, key string) string
	// StaleOf reports whether a file is a translation whose source changed
	// since it was translated, and the source's language (see package
	// status); nil marks nothing.
	StaleOf func(*content.File) (srcLang string, stale bool)
}

// Site is the page graph.
type Site struct {
	Config *config.Site
	Now    time.Time
	// Pages are every output page, sorted by output path.
	Pages []*Page
	// Languages holds per-language views, in site order.
	Languages []*Language
	// Root is the chooser at /.
	Root *Page
	// Files are files copied verbatim: bundle resources other than
	// pictures, beside each language's page.
	Files []CopyFile
	// Pictures are the bundle pictures the published pages show, by file:
	// each published once, for every language (see Picture).
	Pictures []*Picture
}

// CopyFile is a source file published at a site path.
type CopyFile struct {
	Src  string // relative to the site root
	Dest string // output path, e.g. "ru/news/x/photo.jpg"
}

// Language is everything published in one language.
type Language struct {
	config.Language
	Home *Page
	// Sections maps a section's folder under content/ ("news",
	// "news/archive") to its first list page.
	Sections map[string]*Page
	// Regular are the published regular pages (releases and single pages), newest first.
	Regular []*Page
	// Singles are the regular pages outside any section (about, contact),
	// in the order of Regular. A footer or menu ranges over Singles: ranging
	// over Regular on every page costs time in the square of the releases.
	Singles []*Page
	// Tags are the tags in use in this language, sorted by Key, with
	// their pages.
	Tags    []*Tag
	TagsURL string
	Events  *Page
	// Search is the language's search page, /<lang>/search/, which the
	// search index (package search) sits beside. It is not in the sitemap.
	Search *Page
	// EventPages are regular pages with an event, by event start.
	EventPages []*Page
	NotFound   *Page
	// Feeds are the language's RSS and Atom feeds of releases.
	Feeds []Feed
	// Calendar is the URL of the calendar of all events: /<lang>/events.ics.
	Calendar string
}

// Tag is one tag in one language.
type Tag struct {
	// Key is the tag as the language's pages name it: a key ("trade"),
	// or a term as written ("旅游", "Harbin Expo"; see tagsOf). Templates
	// show it with the tag function: a key's label, a term as it is.
	Key   string
	Pages []*Page // newest first
	Page  *Page   // first list page
	// Feeds are the tag's RSS and Atom feeds.
	Feeds []Feed
}

// Feed types, as written in <link rel="alternate" type>.
const (
	FeedRSS  = "application/rss+xml"
	FeedAtom = "application/atom+xml"
)

// Feed is one RSS or Atom feed, for autodiscovery links.
type Feed struct {
	Type  string // FeedRSS or FeedAtom
	URL   string // a URL path, under the base path: /ru/index.xml, /ru/tags/trade/atom.xml
	Title string // the feed's own title, the same for both types
}

// Alternate is one entry of the language switcher.
type Alternate struct {
	Lang     config.Language
	URL      string // a URL path, under the base path
	Exists   bool   // a translation of this page exists
	Fallback bool   // URL leads to the section or home instead
	Current  bool
}

// Pager is the pagination of a list page.
type Pager struct {
	Number, Total int
	First, Last   string // URLs
	Prev, Next    string // URLs, "" at the ends
}

// Page is one output page.
type Page struct {
	Kind     Kind
	Lang     string
	Language config.Language
	// File is nil for generated pages.
	File *content.File
	Doc  *markdown.Result
	// Body is Doc.HTML with links to other content files resolved to their
	// URLs in the page's language.
	Body string
	// Key is the translation key: the file's key, or "home", "section:news",
	// "section:news/archive", "tags", "tag:trade", "events", "404"; a tag
	// page of a term has a key of its language alone, "tag@ru:туризм".
	Key     string
	Section string
	Title   string
	Date    time.Time
	Slug    string
	URL     string // a URL path: the base path, then names escaped (escape.Segment); ends with "/" or in .html
	Path    string // output path relative to public/, URL decoded: "ru/news/x/index.html"
	Layout  string
	Summary string
	Tags    []string // as the page's language names them (Tag.Key)
	Event   *content.Event
	Params  map[string]any
	// Translations are the other languages' versions that exist, site order.
	Translations []*Page
	// Alternates has one entry per configured language, site order.
	Alternates []Alternate
	// XDefault is the URL for hreflang="x-default".
	XDefault string
	// Thumb is the markup of the thumbnail of a release's lead picture,
	// which lists show (package render sets it); "" without one.
	Thumb template.HTML
	// Items are the pages listed on this list page; Pager its pagination.
	Items []*Page
	Pager *Pager
	// Tag is set on tag list pages.
	Tag string
	// Upcoming and Past are set on the events page and the home.
	Upcoming, Past []*Page
	Draft          bool
	Sitemap        bool
	// Feeds are the feeds to announce in the page's head: its tag's feeds on
	// tag pages, then its language's (every language's on the root).
	Feeds []Feed
	// Calendar is the URL of the page's event.ics, "" without an event.
	Calendar string
	// Stale is set on a translation whose source changed since it was
	// translated, for a notice on the page.
	Stale *StaleInfo
}

// StaleInfo names the source of a stale translation: its language and the
// URL of its page, "" when that page is not published.
type StaleInfo struct {
	Lang config.Language
	URL  string
}

// Permalink returns the absolute URL of the page.
func (p *Page) Permalink(cfg *config.Site) string { return cfg.AbsURL(p.URL) }

// Translation returns the version in lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// IsList reports whether the page lists other pages.
func (p *Page) IsList() bool { return p.Pager != nil }

// Build makes the graph. Errors name files (duplicate URLs).
func Build(files []*content.File, opts Options) (*Site, error) {
	cfg := opts.Config
	s := &Site{Config: cfg, Now: opts.Now}
	base := cfg.BasePath()
	var errs diag.List
	byLang := map[string]*Language{}
	for _, l := range cfg.Languages {
		lang := &Language{Language: l, Sections: map[string]*Page{}}
		byLang[l.Code] = lang
		s.Languages = append(s.Languages, lang)
	}

	pages, sections, sectionFiles := s.regularPages(files, base, opts)

	for _, p := range pages {
		byLang[p.Lang].Regular = append(byLang[p.Lang].Regular, p)
	}

	var all []*Page
	all = append(all, pages...)
	for _, lang := range s.Languages {
		all = append(all, languagePages(lang, base, sections, sectionFiles, opts)...)
	}

	for _, p := range all {
		p.Language = byLang[p.Lang].Language
		if p.Path == "" {
			p.Path = FilePath(base, p.URL)
		}
		p.Sitemap = p.Kind != Kind404 && p.Kind != KindSearch && (p.File == nil || p.File.Front.Sitemap == nil || *p.File.Front.Sitemap) && !p.Draft
	}

	duplicatePaths(all, &errs)

	byKey := linkTranslations(all, s.Languages, cfg)
	keys := newContentKeys(files)
	codes := cfg.Codes()
	var rel func(string) string
	if base != "/" {
		rel = cfg.RelURL
	}
	for _, p := range all {
		resolveLinks(p, keys, codes, byKey, func(key string, l *Language) string {
			for _, t := range byKey[key] {
				return fallbackURL(t, l)
			}
			return l.Home.URL
		}, byLang[p.Lang], rel)
	}
	markStale(all, byLang, opts)
	s.Root = &Page{Kind: "root", Key: "root", URL: base, Path: "index.html", Language: cfg.Default(), Lang: cfg.DefaultLanguage}
	attachFeeds(s.Languages, all, s.Root, opts)
	s.Pages = sortByPath(all)
	s.Pictures = pictures(pages, files, base)
	slices.SortFunc(s.Files, func(a, b CopyFile) int { return strings.Compare(a.Dest, b.Dest) })
	return s, errs.Err()
}

// regularPages makes the pages of the published regular files, adds their
// bundles' files other than pictures to s.Files, and returns them with the
// folders under content/ that are sections and the _index files by
// lang+"\x00"+folder.
func (s *Site) regularPages(files []*content.File, base string, opts Options) (pages []*Page, sections map[string]bool, sectionFiles map[string]*content.File) {
	cfg := opts.Config
	sectionFiles = map[string]*content.File{} // lang+"\x00"+folder
	sections = map[string]bool{}              // folders under content/
	for _, f := range files {
		if f.Kind == content.KindSection {
			sectionFiles[f.Lang+"\x00"+f.Dir()] = f
			if f.Section != "" {
				sections[f.Section] = true
				sections[f.Dir()] = true
			}
			continue
		}
		if !published(f, opts) {
			continue
		}
		p := newRegular(f, base, cfg, opts)
		pages = append(pages, p)
		if f.Section != "" {
			sections[f.Section] = true
		}
		if f.Bundle != "" {
			dir := strings.TrimSuffix(FilePath(base, p.URL), "index.html")
			for _, r := range f.Resources {
				if !IsPicture(r) {
					s.Files = append(s.Files, CopyFile{Src: f.Bundle + "/" + r, Dest: dir + r})
				}
			}
		}
	}
	return pages, sections, sectionFiles
}

// languagePages sorts lang's regular pages and makes its generated pages:
// home, section lists, tags, events, search and 404.
func languagePages(lang *Language, base string, sections map[string]bool, sectionFiles map[string]*content.File, opts Options) []*Page {
	cfg := opts.Config
	var all []*Page
	slices.SortFunc(lang.Regular, newestFirst)
	for _, p := range lang.Regular {
		if p.Section == "" {
			lang.Singles = append(lang.Singles, p)
		}
	}
	code := lang.Code

	home := &Page{Kind: KindHome, Key: "home", Title: lang.Title, URL: base + code + "/", Layout: "home"}
	if f := sectionFiles[code+"\x00"]; f != nil {
		home.File = f
		home.Title = f.Front.Title
		home.Doc = rendered(opts, f)
	}
	// The home lists releases: pages in a section, not pages such as about.
	for _, p := range lang.Regular {
		if p.Section != "" && len(home.Items) < cfg.PageSize {
			home.Items = append(home.Items, p)
		}
	}
	lang.Home = home
	all = append(all, home)

	all = append(all, sectionLists(lang, sections, sectionFiles, opts)...)
	all = append(all, tagLists(lang, base, cfg)...)
	all = append(all, eventsPage(lang, base, opts))

	lang.Search = &Page{Kind: KindSearch, Key: "search", URL: base + code + "/search/", Layout: "search"}
	all = append(all, lang.Search)

	nf := &Page{Kind: Kind404, Key: "404", URL: base + code + "/404.html", Path: code + "/404.html", Layout: "404"}
	lang.NotFound = nf
	all = append(all, nf)
	for _, p := range all {
		p.Lang = code
	}
	return all
}

// tagLists makes lang's tags index and the pages of each tag.
func tagLists(lang *Language, base string, cfg *config.Site) []*Page {
	code := lang.Code
	tagPages := tagsOf(lang.Regular)
	lang.TagsURL = base + code + "/tags/"
	tagsIndex := &Page{Kind: KindTags, Key: "tags", URL: lang.TagsURL, Layout: "tags"}
	all := []*Page{tagsIndex}
	for _, key := range sortedKeys(tagPages) {
		list := paginate(tagPages[key], cfg.PageSize, TagURL(lang.TagsURL, key), func(int, []*Page) *Page {
			return &Page{Kind: KindTag, Key: tagKey(code, key), Tag: key, Title: key, Layout: "tag"}
		})
		lang.Tags = append(lang.Tags, &Tag{Key: key, Pages: tagPages[key], Page: list[0]})
		all = append(all, list...)
	}
	return all
}

// eventsPage makes lang's events page: upcoming events soonest first (also
// on the home page), past ones latest first.
func eventsPage(lang *Language, base string, opts Options) *Page {
	for _, p := range lang.Regular {
		if p.Event != nil && !p.Event.Start.IsZero() {
			lang.EventPages = append(lang.EventPages, p)
		}
	}
	slices.SortFunc(lang.EventPages, byEventStart)
	events := &Page{Kind: KindEvents, Key: "events", URL: base + lang.Code + "/events/", Layout: "events"}
	for _, p := range lang.EventPages {
		if EventOver(p.Event, opts.Now) {
			events.Past = append(events.Past, p)
		} else {
			events.Upcoming = append(events.Upcoming, p)
		}
	}
	slices.Reverse(events.Past)
	lang.Home.Upcoming = events.Upcoming
	lang.Events = events
	return events
}

// duplicatePaths reports output paths that more than one page produces,
// naming every file that produces one.
func duplicatePaths(all []*Page, errs *diag.List) {
	byPath := map[string][]*Page{}
	for _, p := range all {
		byPath[p.Path] = append(byPath[p.Path], p)
	}
	for _, ps := range byPath {
		if len(ps) < 2 {
			continue
		}
		var names []string
		for _, p := range ps {
			switch {
			case p.File != nil:
				names = append(names, p.File.Path)
			case p.Kind == KindSection:
				names = append(names, "the section folder content/"+sectionFolder(p))
			default:
				names = append(names, "the generated "+string(p.Kind)+" page")
			}
		}
		slices.Sort(names)
		for _, p := range ps {
			args := []any{"URL", p.URL, "Files", strings.Join(names, ", ")}
			switch {
			case p.File != nil:
				errs.Add(msgURLTwice.At(p.File.Path, 1, 1, args...))
			case p.Kind == KindSection:
				// A section without an _index file in this language.
				errs.Add(msgURLTwice.At("content/"+sectionFolder(p), 0, 0, args...))
			}
		}
	}
}

// sectionLists makes the list pages of every section in lang, sorted by
// folder. A section lists the pages under its folder, at any depth.
func sectionLists(lang *Language, sections map[string]bool, files map[string]*content.File, opts Options) []*Page {
	items := map[string][]*Page{}
	for _, p := range lang.Regular {
		for dir := p.File.Dir(); dir != "" && dir != "."; dir = path.Dir(dir) {
			if sections[dir] {
				items[dir] = append(items[dir], p)
			}
		}
	}
	var out []*Page
	for _, sec := range sortedKeys(sections) {
		title := path.Base(sec)
		f := files[lang.Code+"\x00"+sec]
		if f != nil {
			title = f.Front.Title
		}
		top, _, _ := strings.Cut(sec, "/")
		list := paginate(items[sec], opts.Config.PageSize, lang.Home.URL+escape.Path(sec)+"/", func(int, []*Page) *Page {
			p := &Page{Kind: KindSection, Key: "section:" + sec, Section: top, Title: title, Layout: "list", File: f}
			if f != nil {
				p.Doc = rendered(opts, f)
			}
			return p
		})
		lang.Sections[sec] = list[0]
		out = append(out, list...)
	}
	return out
}

// sectionFolder returns the folder under content/ of a section list page
// ("news/archive").
func sectionFolder(p *Page) string {
	k := strings.TrimPrefix(p.Key, "section:")
	if p.Pager != nil && p.Pager.Number > 1 {
		k = strings.TrimSuffix(k, "#page"+strconv.Itoa(p.Pager.Number))
	}
	return k
}

// attachFeeds sets the feed and calendar URLs of languages, tags and pages:
// /<lang>/index.xml and atom.xml, the same under /<lang>/tags/<key>/,
// /<lang>/events.ics and <page URL>event.ics.
func attachFeeds(langs []*Language, all []*Page, root *Page, opts Options) {
	feedsAt := func(dir, title string) []Feed {
		return []Feed{{FeedRSS, dir + "index.xml", title}, {FeedAtom, dir + "atom.xml", title}}
	}
	byLang := map[string]*Language{}
	tags := map[[2]string]*Tag{} // {lang, key} → tag
	for _, l := range langs {
		byLang[l.Code] = l
		l.Feeds = feedsAt(l.Home.URL, l.Title)
		l.Calendar = l.Home.URL + "events.ics"
		root.Feeds = append(root.Feeds, l.Feeds...)
		for _, t := range l.Tags {
			label := t.Key
			if opts.TagLabel != nil {
				label = opts.TagLabel(l.Code, t.Key)
			}
			t.Feeds = feedsAt(t.Page.URL, l.Title+": "+label)
			tags[[2]string{l.Code, t.Key}] = t
		}
		for _, p := range l.EventPages {
			p.Calendar = p.URL + "event.ics"
		}
	}
	for _, p := range all {
		l := byLang[p.Lang]
		if t := tags[[2]string{p.Lang, p.Tag}]; p.Kind == KindTag && t != nil {
			p.Feeds = append(p.Feeds, t.Feeds...)
		}
		p.Feeds = append(p.Feeds, l.Feeds...)
	}
}

func markStale(all []*Page, byLang map[string]*Language, opts Options) {
	if opts.StaleOf == nil {
		return
	}
	for _, p := range all {
		if p.File == nil || p.Kind == KindSection && p.Pager != nil && p.Pager.Number > 1 {
			continue
		}
		lang, stale := opts.StaleOf(p.File)
		if l := byLang[lang]; stale && l != nil {
			p.Stale = &StaleInfo{Lang: l.Language}
			if t := p.Translation(lang); t != nil {
				p.Stale.URL = t.URL
			}
		}
	}
}

func rendered(opts Options, f *content.File) *markdown.Result {
	if opts.Rendered == nil {
		return nil
	}
	return opts.Rendered(f)
}

func published(f *content.File, opts Options) bool {
	fm := &f.Front
	if fm.Draft && !opts.Drafts {
		return false
	}
	if !opts.Future {
		if !fm.PublishDate.IsZero() && fm.PublishDate.After(opts.Now) {
			return false
		}
		if fm.PublishDate.IsZero() && fm.Date.After(opts.Now) {
			return false
		}
	}
	if !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(opts.Now) {
		return false
	}
	return true
}

func newRegular(f *content.File, base string, cfg *config.Site, opts Options) *Page {
	fm := &f.Front
	slug := fm.Slug
	if slug == "" {
		slug = f.Name
	}
	url := base + f.Lang + "/"
	if f.Section != "" {
		url += escape.Segment(f.Section) + "/"
	}
	url += escape.Segment(slug) + "/"
	p := &Page{
		Kind:    KindPage,
		Lang:    f.Lang,
		File:    f,
		Key:     f.Key,
		Section: f.Section,
		Title:   fm.Title,
		Date:    fm.Date.In(cfg.Location),
		Slug:    slug,
		URL:     url,
		Layout:  cmp.Or(fm.Layout, "single"),
		Tags:    fm.Tags,
		Event:   fm.Event,
		Params:  fm.Params,
		Draft:   fm.Draft,
		Doc:     rendered(opts, f),
	}
	p.Summary = fm.Summary
	if p.Summary == "" && p.Doc != nil {
		p.Summary = p.Doc.Summary
	}
	return p
}

// paginate splits items into list pages at base, base+"page/2/", ...
func paginate(items []*Page, size int, base string, mk func(n int, items []*Page) *Page) []*Page {
	total := max(1, (len(items)+size-1)/size)
	url := func(n int) string {
		if n == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(n) + "/"
	}
	out := make([]*Page, total)
	for n := 1; n <= total; n++ {
		lo := (n - 1) * size
		hi := min(lo+size, len(items))
		var chunk []*Page
		if lo < len(items) {
			chunk = items[lo:hi]
		}
		p := mk(n, chunk)
		p.Items = chunk
		p.URL = url(n)
		p.Pager = &Pager{Number: n, Total: total, First: url(1), Last: url(total)}
		if n > 1 {
			p.Pager.Prev = url(n - 1)
		}
		if n < total {
			p.Pager.Next = url(n + 1)
		}
		if n > 1 {
			// Only the first page of a list is a translation target.
			p.Key = fmt.Sprintf("%s#page%d", p.Key, n)
		}
		out[n-1] = p
	}
	return out
}

// fallbackURL is where a reader of l goes for p when p has no translation in
// l: the section list, the tags index for a tag page, else the home.
func fallbackURL(p *Page, l *Language) string {
	switch {
	case p.Section != "" && l.Sections[p.Section] != nil:
		return l.Sections[p.Section].URL
	case p.Kind == KindTag:
		return l.TagsURL
	default:
		return l.Home.URL
	}
}

func linkTranslations(all []*Page, langs []*Language, cfg *config.Site) map[string]map[string]*Page {
	byKey := map[string]map[string]*Page{}
	for _, p := range all {
		m := byKey[p.Key]
		if m == nil {
			m = map[string]*Page{}
			byKey[p.Key] = m
		}
		m[p.Lang] = p
	}
	for _, p := range all {
		m := byKey[p.Key]
		p.Translations = nil
		p.Alternates = make([]Alternate, 0, len(langs))
		for _, l := range langs {
			t := m[l.Code]
			a := Alternate{Lang: l.Language, Current: l.Code == p.Lang}
			if t != nil {
				a.URL, a.Exists = t.URL, true
				if t != p {
					p.Translations = append(p.Translations, t)
				}
			} else {
				a.URL, a.Fallback = fallbackURL(p, l), true
			}
			p.Alternates = append(p.Alternates, a)
		}
		if d := m[cfg.DefaultLanguage]; d != nil {
			p.XDefault = d.URL
		} else {
			p.XDefault = cfg.BasePath() // the root chooser
		}
	}
	return byKey
}

// sortByPath sorts pages by output path. The paths are sorted beside their
// pages rather than through them: at 10,000 releases, comparing through
// 40,000 page pointers missed the cache on most comparisons.
func sortByPath(pages []*Page) []*Page {
	type keyed struct {
		path string
		page *Page
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{p.Path, p}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.path, b.path) })
	for i, k := range ks {
		pages[i] = k.page
	}
	return pages
}

func newestFirst(a, b *Page) int {
	return cmp.Or(
		b.Date.Compare(a.Date),
		cmp.Compare(a.weight(), b.weight()),
		strings.Compare(a.File.Path, b.File.Path),
	)
}

func (p *Page) weight() int {
	if p.File == nil {
		return 0
	}
	return p.File.Front.Weight
}

func byEventStart(a, b *Page) int {
	return cmp.Or(a.Event.Start.Compare(b.Event.Start), strings.Compare(a.File.Path, b.File.Path))
}

// eventEnd is the moment an event is over: its end, or its start; an
// all-day event lasts to the end of its last day.
func eventEnd(e *content.Event) time.Time {
	end := e.End
	if end.IsZero() {
		end = e.Start
	}
	if e.AllDay {
		end = end.AddDate(0, 0, 1)
	}
	return end
}

// EventOver reports whether the event has ended at now.
func EventOver(e *content.Event, now time.Time) bool { return !eventEnd(e).After(now) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var msgURLTwice = diag.Message{ID: "site.url-twice", Text: "URL {{.URL}} is produced by more than one file: {{.Files}}"}

// Package render turns the page graph and a theme into output files. It
// writes nothing to disk itself.
//
// Rules:
//   - Every page is rendered with the first layout of theme.Candidates for
//     its kind, section and layout, in its own language.
//   - Pages render in parallel on every core; the result is sorted by path,
//     so output never depends on scheduling.
//   - Bundle resources become files that name their source instead of
//     carrying bytes; publish copies them. Processed pictures (package
//     images) are files that name their file in the picture cache (Disk),
//     or carry bytes when the cache is in memory.
//   - Pictures: ShowPictures turns a body's images of bundle pictures into
//     <picture> markup (images.Picture.HTML, lazily loaded) and its links
//     to them into links to their widest file or original; the lead image
//     is Data.LeadPicture, with fetchpriority="high", and og:image and
//     twitter:image are its share picture, a 1200 × 630 JPEG
//     (images.Picture.ShareFile), with og:image:width and height. A
//     release without a picture, or whose lead image is an SVG, shares
//     its card (Options.Cards, drawn by package sharecard) instead.
//     ShowThumb gives a release whose lead image is a processed picture
//     its thumbnail (Page.Thumb, sizes ThumbSizes), which the default
//     theme's lists show.
//   - Besides the pages of the graph, Render writes the two pages that speak
//     every language: /index.html (layout root.html), which picks a language,
//     and /404.html (layout 404-root.html), which a static host serves for
//     any missing path and which shows the language of that path (the
//     segment after the base path of baseURL). Their URLs, like every
//     page's, start with the base path; their files are at the root of
//     the output.
//   - Data carries what the head needs for sharers and search engines:
//     Description is the summary, else the intro of a section or home (its
//     front matter summary or first paragraph), else the site title; Image is
//     the absolute URL of the lead image; OGType is "article" for a release
//     (a page in a section) and "website" otherwise.
//   - Data's fields Hreflang, OpenGraph, FeedLinks and Schema are the
//     head's hreflang links, Open Graph and Twitter lines, feed links and
//     JSON-LD, written in Go (see head.go): the same markup on every page,
//     which as template actions was half of all rendering time.
//     LanguageSwitcher is the switcher, written the same way (chrome.go).
//     They are fields, made before the layout runs, not methods: text/
//     template finds a method by a search of the method set and calls it
//     by reflection, several times the cost of reading a field.
//   - Data.Frame is the page's language, section and kind and the build's
//     time: all a header or footer may depend on. Pages in the same place
//     have equal Frames, so a theme renders its menu and footer with
//     partialCached once per language and place, not once per page.
//   - Layouts run through html/template alone, which pays a few reflective
//     calls for every action. So Data carries, made in Go before the layout
//     runs, the strings a page prints that a layout would otherwise build
//     with function calls: PageTitle, PageOf, DateTime, DateText,
//     ReadingTime and EventPlace (pageStrings, with the default theme's
//     messages). TagLinks carries each tag's link as HTML, made once per
//     language and run through html/template, so it is escaped as the
//     same markup in a layout would be.
//   - render.Render empties the theme's partialCached store first, so no
//     run shows a partial rendered for an earlier run, and again when it
//     returns, so the store does not keep a run's pages alive.
//   - With Options.Sink, pages go to the sink as they are rendered and are
//     not kept; this package still writes nothing itself.
package render

import (
	"bytes"
	"context"
	"html/template"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/parallel"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/theme"
)

// File is one output file.
type File struct {
	Path  string // relative to the output root, slash-separated
	Bytes []byte // the content, or nil when Src or Disk is set
	Src   string // a source file (relative to the site root) to copy
	// Disk is a file outside the site to copy: a processed picture in the
	// picture cache (package images), which is never changed once written.
	Disk string
	// Page is the page the file renders, if any.
	Page *site.Page
}

// Data is what a layout sees as dot. The page's fields are promoted, so a
// layout writes {{ .Title }} and {{ .Site.Config.BaseURL }}.
//
// Every field of site.Page but Lang (which Data's Lang replaces) is also
// copied into a field of Data of the same name: text/template finds a
// field of Data itself by a short scan, but a promoted one only by a
// search through the embedded structs that allocates on every look-up,
// which was a tenth of all rendering time.
type Data struct {
	*site.Page
	Site      *site.Site
	Config    *config.Site
	Lang      *site.Language
	Content   template.HTML
	Now       time.Time
	Canonical string
	// Description is for <meta name="description"> and og:description.
	Description string
	// Image is the absolute URL of the picture sharers show (og:image):
	// the lead image's share picture (images.Picture.ShareFile), or the
	// release's share card (Options.Cards), whose alt is the title; ""
	// without one. ImageWidth and ImageHeight are its size when gen made
	// it, else 0.
	Image, ImageAlt         string
	ImageWidth, ImageHeight int
	// ImageSrc is the lead image as the page links it: a picture of the
	// bundle as the URL of its default file (package images: the fallback
	// nearest 800 pixels wide; an SVG's own URL), a file of the bundle gen
	// did not process as a relative URL (its name escaped,
	// escape.Path), a site path under the base path, or the http(s)
	// URL as written.
	ImageSrc string
	// LeadPicture is the markup of the lead image: for a picture of the
	// bundle a <picture> with every width, its width and height and
	// fetchpriority="high" (images.Picture.HTML), else an <img> of
	// ImageSrc.
	LeadPicture template.HTML
	// OGType is "article" for releases, "website" otherwise.
	OGType string
	// IsRelease is true for a page in a section.
	IsRelease bool
	// Choices are the languages in site order, for the pages that speak
	// every language (root and /404.html); a template may hand them to a
	// script as JSON.
	Choices []Choice
	// Frame is the page's place in the site, for partialCached headers and
	// footers (chrome.go).
	Frame Frame

	// Strings made in Go before the layout runs, so that a layout prints
	// each with one action instead of calling functions for it; see
	// pageTitle and pageStrings.
	PageTitle   string
	PageOf      string // message "pageOf" with Pager's Number and Total, "" without Pager
	DateTime    string // Date in RFC 3339, in the site's zone (rfc3339 .Date)
	DateText    string // Date as a long date in the page's language (dateLong .Date)
	ReadingTime string // message "readingTime" with Doc.ReadingMinutes, "" without Doc
	EventPlace  string // where Event takes place: message "eventPlace" with its venue and city, else the one it has

	// Markup written in Go before the layout runs (head.go, chrome.go;
	// see markup): the head's hreflang links, Open Graph and Twitter
	// lines, feed links and JSON-LD, the language switcher, and the
	// page's tags as links.
	Hreflang, OpenGraph, FeedLinks, Schema template.HTML
	LanguageSwitcher                       template.HTML
	TagLinks                               []TagLink

	loc      *locale.Locale     // the page language's strings, for the Go-written parts
	ogOf     map[string]string  // language code → og:locale, made once per run
	untrans  map[string]string  // language code → its "notTranslated", in that language
	tagLinks map[string]TagLink // the language's tags by key, made once per run
	tagLink  *template.Template // tagLinkMarkup, for a tag not in tagLinks

	// Copies of the page's fields; see above.
	Kind           site.Kind
	Language       config.Language
	File           *content.File
	Doc            *markdown.Result
	Body           string
	Key            string
	Section        string
	Title          string
	Date           time.Time
	Slug           string
	URL            string
	Path           string
	Layout         string
	Summary        string
	Tags           []string
	Event          *content.Event
	Params         map[string]any
	Translations   []*site.Page
	Alternates     []site.Alternate
	XDefault       string
	Thumb          template.HTML
	Items          []*site.Page
	Pager          *site.Pager
	Tag            string
	Upcoming, Past []*site.Page
	Draft          bool
	Sitemap        bool
	Feeds          []site.Feed
	Calendar       string
	Stale          *site.StaleInfo
}

// newData is the dot for p, with the page's fields copied (see Data) and
// its strings made (pageStrings).
func newData(p *site.Page, s *site.Site, l language) *Data {
	d := &Data{
		Page: p, Site: s, Config: s.Config, Lang: l.Language, Now: s.Now, Canonical: s.Config.AbsURL(p.URL),
		Frame: Frame{Lang: l.Language, Section: p.Section, Kind: p.Kind, Now: s.Now},
		loc:   l.loc, ogOf: l.ogOf, untrans: l.untrans, tagLinks: l.tagLinks, tagLink: l.tagLink,
		Kind: p.Kind, Language: p.Language, File: p.File, Doc: p.Doc, Body: p.Body, Key: p.Key,
		Section: p.Section, Title: p.Title, Date: p.Date, Slug: p.Slug, URL: p.URL, Path: p.Path,
		Layout: p.Layout, Summary: p.Summary, Tags: p.Tags, Event: p.Event, Params: p.Params,
		Translations: p.Translations, Alternates: p.Alternates, XDefault: p.XDefault, Thumb: p.Thumb, Items: p.Items,
		Pager: p.Pager, Tag: p.Tag, Upcoming: p.Upcoming, Past: p.Past, Draft: p.Draft,
		Sitemap: p.Sitemap, Feeds: p.Feeds, Calendar: p.Calendar, Stale: p.Stale,
	}
	d.pageStrings()
	d.PageTitle = d.pageTitle()
	return d
}

// pageStrings fills the strings a layout would otherwise make with
// function calls, as the default theme's layouts made them: the title
// (pageTitle), the page number (T "pageOf" (dict "Number" .Pager.Number
// "Total" .Pager.Total)), the date (rfc3339 .Date, dateLong .Date), the
// reading time (T "readingTime" .Doc.ReadingMinutes) and the event's place
// (T "eventPlace" with its Venue and City when it has both, else the one it
// has). Each costs the layout one action instead of several calls.
func (d *Data) pageStrings() {
	if zone := d.Config.Location; zone != nil {
		d.DateTime = d.Date.In(zone).Format(time.RFC3339)
	}
	e := d.Event
	if e != nil && (e.Venue == "" || e.City == "") {
		d.EventPlace = e.Venue + e.City
	}
	if d.loc == nil {
		return
	}
	if pg := d.Pager; pg != nil {
		d.PageOf = d.loc.T("pageOf", map[string]any{"Number": pg.Number, "Total": pg.Total})
	}
	d.DateText = d.loc.DateLong(d.Date)
	if d.Doc != nil {
		d.ReadingTime = d.loc.T("readingTime", d.Doc.ReadingMinutes)
	}
	if e != nil && e.Venue != "" && e.City != "" {
		d.EventPlace = d.loc.T("eventPlace", map[string]any{"Venue": e.Venue, "City": e.City})
	}
}

// markup fills the fields of the markup made in Go, from the fields
// they show: it runs once the page's description and picture are known.
func (d *Data) markup() {
	d.Hreflang, d.OpenGraph, d.FeedLinks, d.Schema = d.hreflang(), d.openGraph(), d.feedLinks(), d.schema()
	d.LanguageSwitcher, d.TagLinks = d.languageSwitcher(), d.tagLinksOf()
}

// Choice is one language as the root pages offer it.
type Choice struct {
	Code   string `json:"code"`
	Locale string `json:"locale"`
	Name   string `json:"name"`
	Title  string `json:"title"`
	URL    string `json:"url"` // the language's home, a URL path under the base path
}

// Options tune rendering.
type Options struct {
	Workers int // default GOMAXPROCS
	// Only, if set, limits rendering to pages for which it returns true.
	Only func(*site.Page) bool
	// Pictures are the processed pictures of the site, by file
	// (site.Picture.Src), for the lead images.
	Pictures map[string]*images.Picture
	// Cards are the share cards of releases without a picture to share
	// (package sharecard), by page (site.Page.Path).
	Cards map[string]*images.Variant
	// Sink, if set, receives every file as soon as it is rendered, from the
	// worker that rendered it (so it must be safe for concurrent use), and
	// the Files that Render returns carry no Bytes: a caller that writes
	// to disk (publish.Stage.Put) overlaps writing with rendering and does
	// not hold the whole site in memory. Bytes are the worker's buffer,
	// valid only until Sink returns: a Sink that keeps them copies them.
	// Render then runs twice as many workers as cores, so that one
	// waiting on a write leaves its core to another. An error from Sink
	// fails the run.
	Sink func(File) error
}

// Render renders every page of s.
func Render(ctx context.Context, s *site.Site, th *theme.Theme, opts Options) ([]File, error) {
	th.ForgetPartials()
	defer th.ForgetPartials()
	langs := languages(s, th.Locale)
	pages := s.Pages
	if opts.Only != nil {
		pages = slices.DeleteFunc(slices.Clone(pages), func(p *site.Page) bool { return !opts.Only(p) })
	}
	out := make([]File, len(pages))
	var errs diag.List
	workers := opts.Workers
	if workers <= 0 && opts.Sink != nil {
		workers = 2 * runtime.GOMAXPROCS(0) // a sink writes files: twice as many, so the cores stay busy
	}
	parallel.EachWorker(ctx, workers, len(pages), func() func(int) {
		var buf bytes.Buffer // one per worker, reused page after page
		return func(i int) {
			p := pages[i]
			buf.Reset()
			if err := renderPage(&buf, th, s, langs[p.Lang], p, opts.Pictures, opts.Cards[p.Path]); err != nil {
				errs.Add(err)
				return
			}
			if opts.Sink != nil {
				errs.Add(opts.Sink(File{Path: p.Path, Bytes: buf.Bytes(), Page: p}))
				out[i] = File{Path: p.Path, Page: p}
				return
			}
			out[i] = File{Path: p.Path, Bytes: bytes.Clone(buf.Bytes()), Page: p}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if opts.Only == nil {
		roots, err := renderRoots(th, s, langs)
		if err != nil {
			return nil, err
		}
		for _, f := range s.Files {
			roots = append(roots, File{Path: f.Dest, Src: f.Src})
		}
		if opts.Sink != nil {
			for i := range roots {
				if err := opts.Sink(roots[i]); err != nil {
					return nil, err
				}
				roots[i].Bytes = nil
			}
		}
		out = append(out, roots...)
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// language is what the pages of one language share in a run.
type language struct {
	*site.Language
	loc      *locale.Locale
	ogOf     map[string]string // every language's og:locale, by code
	untrans  map[string]string // every language's "notTranslated", in that language, by code
	tagLinks map[string]TagLink
	tagLink  *template.Template
}

// languages makes what the pages of each language share, with the
// strings of localeOf (theme.Theme.Locale).
func languages(s *site.Site, localeOf func(lang string) *locale.Locale) map[string]language {
	ogOf, untrans := map[string]string{}, map[string]string{}
	for _, l := range s.Languages {
		ogOf[l.Code] = theme.OGLocale(l.Locale)
		if loc := localeOf(l.Code); loc != nil {
			untrans[l.Code] = loc.T("notTranslated")
		}
	}
	link := template.Must(template.New("tagLink").Parse(tagLinkMarkup))
	langs := map[string]language{}
	for _, l := range s.Languages {
		lang := language{Language: l, loc: localeOf(l.Code), ogOf: ogOf, untrans: untrans, tagLink: link}
		lang.tagLinks = make(map[string]TagLink, len(l.Tags))
		d := &Data{Lang: l, loc: lang.loc, tagLink: link}
		for _, t := range l.Tags {
			lang.tagLinks[t.Key] = d.newTagLink(t.Key)
		}
		langs[l.Code] = lang
	}
	return langs
}

// renderRoots renders /index.html and /404.html in the default language.
func renderRoots(th *theme.Theme, s *site.Site, langs map[string]language) ([]File, error) {
	var choices []Choice
	for _, l := range s.Languages {
		choices = append(choices, Choice{Code: l.Code, Locale: l.Locale, Name: l.Name, Title: l.Title, URL: l.Home.URL})
	}
	root := s.Root
	notFound := &site.Page{Kind: "404-root", Key: "404-root", URL: s.Config.RelURL("404.html"), Path: "404.html", Language: root.Language, Lang: root.Lang}
	var out []File
	for _, r := range []struct {
		page   *site.Page
		layout string
	}{{root, "root"}, {notFound, "404-root"}} {
		d := newData(r.page, s, langs[r.page.Lang])
		d.Description, d.OGType, d.Choices = root.Language.Title, "website", choices
		d.markup()
		var b bytes.Buffer
		if err := th.Execute(&b, []string{r.layout + ".html", "_default/" + r.layout + ".html"}, r.page.Lang, d); err != nil {
			return nil, err
		}
		out = append(out, File{Path: r.page.Path, Bytes: b.Bytes(), Page: r.page})
	}
	return out, nil
}

func renderPage(buf *bytes.Buffer, th *theme.Theme, s *site.Site, lang language, p *site.Page, pics map[string]*images.Picture, card *images.Variant) error {
	d := newData(p, s, lang)
	if p.Doc != nil {
		d.Content = template.HTML(p.Body)
	}
	d.Description = description(p)
	d.IsRelease = p.Kind == site.KindPage && p.Section != ""
	d.OGType = "website"
	if d.IsRelease {
		d.OGType = "article"
	}
	if p.File != nil && p.File.Front.Image != nil && p.File.Front.Image.Src != "" {
		d.leadImage(p.File, pics)
	}
	if card != nil {
		d.Image, d.ImageAlt = d.Config.AbsURL(card.URL), d.Title
		d.ImageWidth, d.ImageHeight = card.Width, card.Height
	}
	d.markup()
	section := p.Section
	cands := theme.Candidates(string(p.Kind), section, p.Layout)
	if err := th.Execute(buf, cands, p.Lang, d); err != nil {
		if d, ok := err.(*diag.Diagnostic); ok && d.Path != "" {
			return err // a template's mistake, at its line
		}
		where := p.Path
		if p.File != nil {
			where = p.File.Path
		}
		return msgCannotMake.At(where, 0, 0, "Page", p.Path, "Err", err)
	}
	return nil
}

// msgCannotMake is a page the theme could not make, with what the theme
// said (a layout that is missing).
var msgCannotMake = diag.Message{ID: "render.cannot-make", Text: "cannot make {{.Page}} from the theme's layouts: {{.Err}}"}

func description(p *site.Page) string {
	if p.Summary != "" {
		return p.Summary
	}
	if (p.Kind == site.KindHome || p.Kind == site.KindSection) && p.File != nil {
		if d := p.File.Front.Summary; d != "" {
			return d
		}
		if p.Doc != nil && p.Doc.Summary != "" {
			return p.Doc.Summary
		}
	}
	return p.Language.Title
}

// leadImage fills Image, ImageAlt, ImageSrc and LeadPicture from the front
// matter image of f: a processed picture of its bundle shows with every
// width, and sharers get its share picture (none for an SVG: the page's
// card replaces it).
func (d *Data) leadImage(f *content.File, pics map[string]*images.Picture) {
	img := f.Front.Image
	d.ImageAlt = img.Alt
	if file, ok := site.BundleName(f, img.Src); ok && pics[file] != nil {
		pic := pics[file]
		def := pic.Default()
		if def == nil {
			def = pic.Original // an SVG
		}
		d.ImageSrc = def.URL
		if sh := pic.ShareFile; sh != nil {
			d.Image, d.ImageWidth, d.ImageHeight = d.Config.AbsURL(sh.URL), sh.Width, sh.Height
		}
		d.LeadPicture = template.HTML(pic.HTML(images.Show{Alt: img.Alt, Lead: true, Sizes: sizes(d.Config)}))
		return
	}
	d.Image, d.ImageSrc = imageURL(d.Config, d.URL, img.Src), imageSrc(d.Config, img.Src)
	d.LeadPicture = template.HTML(`<img src="` + template.HTMLEscapeString(d.ImageSrc) + `" alt="` + template.HTMLEscapeString(img.Alt) + `">`)
}

// sizes is the sizes attribute of the site's pictures.
func sizes(cfg *config.Site) string {
	if cfg.Images.Sizes != "" {
		return cfg.Images.Sizes
	}
	return config.DefaultSizes
}

// imageURL makes a bundle-relative image absolute; an http(s) URL stays.
func imageURL(cfg *config.Site, pageURL, src string) string {
	if strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://") {
		return src
	}
	if strings.HasPrefix(src, "/") {
		return cfg.AbsURL(src)
	}
	return cfg.AbsURL(pageURL + imageSrc(cfg, src))
}

// imageSrc is image.src as the page links it: a bundle file's path
// escaped, relative to the page, so that a file named "100%.png" is found;
// a site path under the base path (config.Site.RelURL); an http(s) URL as
// written.
func imageSrc(cfg *config.Site, src string) string {
	if strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://") {
		return src
	}
	if strings.HasPrefix(src, "/") {
		return cfg.RelURL(src)
	}
	return escape.Path(strings.TrimPrefix(src, "./"))
}

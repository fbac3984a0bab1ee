// Package feeds writes the RSS 2.0 and Atom 1.0 feeds of every language and
// every tag. It writes nothing to disk: Files returns render.Files.
//
// URLs are the ones the site graph gives (site.Language.Feeds and
// site.Tag.Feeds): /<lang>/index.xml and /<lang>/atom.xml, and the same
// under /<lang>/tags/<key>/, all under the base path of baseURL; the files
// are at those paths without it.
//
// Rules:
//   - A language feed lists releases, the pages in a section (not single
//     pages such as about); a tag feed lists every page with the tag. Items
//     are newest first, at most site.yaml's feeds.limit (default 20).
//   - Every URL is absolute. An item is its title, permalink (RSS guid with
//     isPermaLink), date, categories (below) and the summary as text, or
//     with feeds.fullContent
//     the whole body as HTML, its relative links and images (src, and
//     every URL of a srcset) made absolute
//     against the page's permalink (site paths "/..." against baseURL).
//   - Categories: one per tag, the tag's label in the feed's language, for
//     at most MaxCategories tags of the page, the first as written; in a
//     tag's feed the feed's own tag is always one of them (it takes the
//     last place when it comes later). A release with thousands of tags is
//     in thousands of tag feeds, so without the bound the feeds would grow
//     with the square of its tags.
//   - Dates are in the site's time zone with their offset: RFC 1123 with a
//     numeric zone in RSS, RFC 3339 in Atom. The feed's own date
//     (lastBuildDate, updated) is its newest item's, never the build clock,
//     so unchanged content gives byte-identical feeds; an empty feed says
//     1970-01-01T00:00:00Z in Atom, which requires a date, and nothing in RSS.
//   - Language: Atom's xml:lang is the language's locale as configured
//     (BCP 47, "zh-Hans"). RSS <language> takes the older RFC 1766 form most
//     readers and validators know: the locale in lower case with a script
//     subtag dropped, Simplified and Traditional Chinese written as their
//     customary regions: zh-Hans → zh-cn, zh-Hant → zh-tw, sr-Latn-RS → sr-rs.
//   - Atom ids: the feed's id is its own URL; an entry's id is a tag URI
//     (RFC 4151) from the baseURL's host, the page's date and its language
//     and translation key, tag:events.example.org,2024-05-17:ru/news/expo,
//     so it survives a changed slug or a move from http to https. Without a
//     host in baseURL the permalink is the id.
package feeds

import (
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"golang.org/x/net/html"
)

// Generator names gen in the feeds.
const Generator = "gen"

// MaxCategories is the most categories an item lists (see the package doc).
const MaxCategories = 10

// feed is what both formats say about one feed.
type feed struct {
	cfg         *config.Site
	loc         *locale.Locale
	lang        *site.Language
	title       string
	description string
	alternate   string // absolute URL of the HTML page the feed follows
	tag         string // the tag of a tag's feed, "" for a language's
	tagScheme   string // absolute URL of the language's tags page
	host        string
	items       []*site.Page
	// bodies caches each page's body with absolute links, shared by the
	// feeds of one language.
	bodies map[*site.Page]string
}

// Files returns every feed of s: per language, its own feeds, then its tags'.
func Files(s *site.Site, locales *locale.Set) []render.File {
	cfg := s.Config
	host := ""
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		host = u.Hostname()
	}
	var out []render.File
	for _, l := range s.Languages {
		loc := locales.For(l.Code)
		base := feed{cfg: cfg, loc: loc, lang: l, host: host, tagScheme: abs(cfg, l.TagsURL), bodies: map[*site.Page]string{}}

		f := base
		f.alternate = abs(cfg, l.Home.URL)
		for _, p := range l.Regular {
			if p.Section != "" {
				f.items = append(f.items, p)
			}
		}
		f.items = limit(f.items, cfg.Feeds.Limit)
		if len(l.Feeds) > 0 {
			f.title = l.Feeds[0].Title
		}
		f.description = f.title
		if d := l.Home.Doc; d != nil && d.FirstParagraph != "" {
			f.description = d.FirstParagraph
		}
		out = append(out, f.files(l.Feeds)...)

		for _, t := range l.Tags {
			f := base
			f.alternate = abs(cfg, t.Page.URL)
			f.tag = t.Key
			f.items = limit(t.Pages, cfg.Feeds.Limit)
			if len(t.Feeds) > 0 {
				f.title = t.Feeds[0].Title
			}
			f.description = f.title
			if loc.Has("tagged") {
				f.description = loc.T("tagged", map[string]any{"Tag": loc.Tag(t.Key)})
			}
			out = append(out, f.files(t.Feeds)...)
		}
	}
	return out
}

func (f *feed) files(feeds []site.Feed) []render.File {
	var out []render.File
	for _, fd := range feeds {
		var b strings.Builder
		self := abs(f.cfg, fd.URL)
		switch fd.Type {
		case site.FeedRSS:
			f.rss(&b, self)
		case site.FeedAtom:
			f.atom(&b, self)
		default:
			continue
		}
		out = append(out, render.File{Path: site.FilePath(f.cfg.BasePath(), fd.URL), Bytes: []byte(b.String())})
	}
	return out
}

func limit(ps []*site.Page, n int) []*site.Page {
	if n > 0 && len(ps) > n {
		return ps[:n]
	}
	return ps
}

func abs(cfg *config.Site, rel string) string { return escape.URI(cfg.AbsURL(rel)) }

// newest is the date of the newest item, zero for an empty feed.
func (f *feed) newest() time.Time {
	var t time.Time
	for _, p := range f.items {
		if p.Date.After(t) {
			t = p.Date
		}
	}
	return t
}

func (f *feed) date(t time.Time) time.Time { return t.In(f.cfg.Location) }

func (f *feed) rss(b *strings.Builder, self string) {
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">` + "\n<channel>\n")
	elem(b, "  ", "title", f.title)
	elem(b, "  ", "link", f.alternate)
	elem(b, "  ", "description", f.description)
	elem(b, "  ", "language", RSSLanguage(f.lang.Locale))
	elem(b, "  ", "generator", Generator)
	if t := f.newest(); !t.IsZero() {
		elem(b, "  ", "lastBuildDate", f.date(t).Format(time.RFC1123Z))
	}
	b.WriteString(`  <atom:link href="`)
	escape.XMLAttr(b, self)
	b.WriteString(`" rel="self" type="` + site.FeedRSS + `"/>` + "\n")
	for _, p := range f.items {
		link := abs(f.cfg, p.URL)
		b.WriteString("  <item>\n")
		elem(b, "    ", "title", p.Title)
		elem(b, "    ", "link", link)
		b.WriteString(`    <guid isPermaLink="true">`)
		escape.XMLText(b, link)
		b.WriteString("</guid>\n")
		elem(b, "    ", "pubDate", f.date(p.Date).Format(time.RFC1123Z))
		for _, t := range f.categories(p) {
			elem(b, "    ", "category", f.loc.Tag(t))
		}
		if f.cfg.Feeds.FullContent && p.Doc != nil {
			elem(b, "    ", "description", f.content(p))
		} else if p.Summary != "" {
			elem(b, "    ", "description", textToHTML(p.Summary))
		}
		b.WriteString("  </item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
}

func (f *feed) atom(b *strings.Builder, self string) {
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	escape.XMLAttr(b, f.lang.Locale)
	b.WriteString("\">\n")
	elem(b, "  ", "title", f.title)
	if f.description != f.title {
		elem(b, "  ", "subtitle", f.description)
	}
	link(b, "  ", "self", site.FeedAtom, self)
	link(b, "  ", "alternate", "text/html", f.alternate)
	elem(b, "  ", "id", self)
	updated := f.newest()
	if updated.IsZero() {
		updated = time.Unix(0, 0).UTC()
	} else {
		updated = f.date(updated)
	}
	elem(b, "  ", "updated", updated.Format(time.RFC3339))
	b.WriteString("  <author>\n")
	elem(b, "    ", "name", f.lang.Title)
	elem(b, "    ", "uri", abs(f.cfg, f.lang.Home.URL))
	b.WriteString("  </author>\n")
	elem(b, "  ", "generator", Generator)
	for _, p := range f.items {
		permalink := abs(f.cfg, p.URL)
		date := f.date(p.Date).Format(time.RFC3339)
		b.WriteString("  <entry>\n")
		elem(b, "    ", "title", p.Title)
		link(b, "    ", "alternate", "text/html", permalink)
		elem(b, "    ", "id", f.entryID(p, permalink))
		elem(b, "    ", "published", date)
		elem(b, "    ", "updated", date)
		for _, t := range f.categories(p) {
			b.WriteString(`    <category term="`)
			escape.XMLAttr(b, t)
			b.WriteString(`" scheme="`)
			escape.XMLAttr(b, f.tagScheme)
			b.WriteString(`" label="`)
			escape.XMLAttr(b, f.loc.Tag(t))
			b.WriteString("\"/>\n")
		}
		if p.Summary != "" {
			b.WriteString(`    <summary type="text">`)
			escape.XMLText(b, p.Summary)
			b.WriteString("</summary>\n")
		}
		if f.cfg.Feeds.FullContent && p.Doc != nil {
			b.WriteString(`    <content type="html">`)
			escape.XMLText(b, f.content(p))
			b.WriteString("</content>\n")
		}
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
}

// categories are the tags an item of p lists: at most MaxCategories, the
// first as written, the feed's own tag among them.
func (f *feed) categories(p *site.Page) []string {
	if len(p.Tags) <= MaxCategories {
		return p.Tags
	}
	tags := p.Tags[:MaxCategories]
	if f.tag == "" || slices.Contains(tags, f.tag) {
		return tags
	}
	return append(slices.Clip(tags[:MaxCategories-1]), f.tag)
}

func (f *feed) entryID(p *site.Page, permalink string) string {
	if f.host == "" {
		return permalink
	}
	return "tag:" + f.host + "," + f.date(p.Date).Format(time.DateOnly) + ":" + escape.URI(p.Lang+"/"+p.Key)
}

// content is the page's body with every href and src absolute.
func (f *feed) content(p *site.Page) string {
	if c, ok := f.bodies[p]; ok {
		return c
	}
	c := f.absContent(p)
	f.bodies[p] = c
	return c
}

func (f *feed) absContent(p *site.Page) string {
	base, err := url.Parse(abs(f.cfg, p.URL))
	if err != nil {
		return p.Body
	}
	return absolutize(p.Body, func(ref string) string {
		u, err := url.Parse(strings.TrimSpace(ref))
		if err != nil || u.Scheme != "" || strings.HasPrefix(ref, "//") {
			return ref
		}
		if strings.HasPrefix(ref, "/") {
			return abs(f.cfg, ref)
		}
		return base.ResolveReference(u).String()
	})
}

// absolutize rewrites the href and src attributes of HTML with resolve and
// leaves every other byte as it was.
func absolutize(src string, resolve func(string) string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return src
			}
			return b.String()
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(z.Raw())
			continue
		}
		raw := string(z.Raw())
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace == "" && (a.Key == "href" || a.Key == "src") {
				if v := resolve(a.Val); v != a.Val {
					tok.Attr[i].Val = v
					changed = true
				}
			}
			if a.Namespace == "" && a.Key == "srcset" {
				if v := resolveSrcset(a.Val, resolve); v != a.Val {
					tok.Attr[i].Val = v
					changed = true
				}
			}
		}
		if changed {
			b.WriteString(tok.String())
		} else {
			b.WriteString(raw)
		}
	}
}

// resolveSrcset resolves each URL of a srcset ("a.webp 480w, b.webp 800w").
func resolveSrcset(set string, resolve func(string) string) string {
	parts := strings.Split(set, ",")
	for i, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		f[0] = resolve(f[0])
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
}

// RSSLanguage turns a BCP 47 locale into the form RSS readers expect; see
// the package doc.
func RSSLanguage(loc string) string {
	parts := strings.FieldsFunc(strings.ToLower(loc), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return ""
	}
	lang, script, region := parts[0], "", ""
	for _, p := range parts[1:] {
		switch {
		case len(p) == 4 && script == "" && region == "":
			script = p
		case (len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9') && region == "":
			region = p
		}
	}
	if region == "" && lang == "zh" {
		region = map[string]string{"hans": "cn", "hant": "tw"}[script]
	}
	if region == "" {
		return lang
	}
	return lang + "-" + region
}

// textToHTML makes plain text safe to read as HTML, which is what readers
// do with an RSS description.
func textToHTML(s string) string {
	var b strings.Builder
	escape.XMLText(&b, s)
	return b.String()
}

func elem(b *strings.Builder, indent, name, text string) {
	b.WriteString(indent + "<" + name + ">")
	escape.XMLText(b, text)
	b.WriteString("</" + name + ">\n")
}

func link(b *strings.Builder, indent, rel, typ, href string) {
	b.WriteString(indent + `<link rel="` + rel + `" type="` + typ + `" href="`)
	escape.XMLAttr(b, href)
	b.WriteString("\"/>\n")
}

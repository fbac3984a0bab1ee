// Package sitemap writes /sitemap.xml (sitemaps.org 0.9 with xhtml:link
// language alternates) and /robots.txt. It writes nothing to disk: Files
// returns render.Files.
//
// Rules:
//   - Listed: the root chooser and every HTML page whose Sitemap is true,
//     that is not a draft, not a 404 page and not kept out with front matter
//     "sitemap: false". Of a paginated list only the first page is listed
//     (as Hugo does): later pages are reached through it, and their content
//     shifts with every new release.
//   - Entries are sorted by URL; every URL is absolute and percent-encoded,
//     under the base path of baseURL, and so is robots.txt's Sitemap line
//     (https://example.org/press/sitemap.xml), while the files stay at the
//     root of the output.
//   - lastmod is the page's date in the site's time zone; a generated page
//     (home, section, tags, tag, events) takes the newest date among the
//     pages it lists (drafts aside), the root the newest of all. Nothing to
//     list, no lastmod.
//   - Each listed page has an xhtml:link rel="alternate" for every existing
//     translation that is listed too, itself included, with hreflang the
//     language's locale (zh-Hans, ru, en), and one for x-default: the
//     default-language translation, or the root chooser when that is not
//     listed. A translation kept out of the sitemap is left out of its
//     siblings' alternates, so alternates are always reciprocal.
//   - robots.txt allows everything and names the sitemap's absolute URL; when
//     baseURL is not absolute it names none (robots.txt needs an absolute URL).
//   - One file holds every URL; the sitemaps.org limit is 50,000.
package sitemap

import (
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// Output paths.
const (
	Path       = "sitemap.xml"
	RobotsPath = "robots.txt"
)

// Files returns sitemap.xml and robots.txt.
func Files(s *site.Site) []render.File {
	return []render.File{
		{Path: RobotsPath, Bytes: robots(s)},
		{Path: Path, Bytes: sitemap(s)},
	}
}

func robots(s *site.Site) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if loc := s.Config.AbsURL("/" + Path); strings.HasPrefix(loc, "http") {
		b.WriteString("Sitemap: " + escape.URI(loc) + "\n")
	}
	return []byte(b.String())
}

// Entry is one <url> of the sitemap.
type Entry struct {
	Loc        string
	Lastmod    time.Time // zero: none
	Alternates []Alternate
}

// Alternate is one xhtml:link of an entry.
type Alternate struct {
	Hreflang string // a locale, or "x-default"
	Href     string
}

// Entries returns what sitemap.xml lists, sorted by Loc.
func Entries(s *site.Site) []Entry {
	cfg := s.Config
	abs := func(rel string) string { return escape.URI(cfg.AbsURL(rel)) }
	langs := map[string]*site.Language{}
	tags := map[[2]string]*site.Tag{} // {lang, key} → tag
	for _, l := range s.Languages {
		langs[l.Code] = l
		for _, t := range l.Tags {
			tags[[2]string{l.Code, t.Key}] = t
		}
	}
	var out []Entry
	var newestAll time.Time
	for _, p := range s.Pages {
		if !listed(p) {
			continue
		}
		e := Entry{Loc: abs(p.URL), Lastmod: lastmod(p, langs[p.Lang], tags[[2]string{p.Lang, p.Tag}])}
		newestAll = laterTime(newestAll, e.Lastmod)
		group := append([]*site.Page{p}, p.Translations...)
		for _, l := range s.Languages {
			for _, t := range group {
				if t.Lang == l.Code && listed(t) {
					e.Alternates = append(e.Alternates, Alternate{t.Language.Locale, abs(t.URL)})
				}
			}
		}
		xdefault := cfg.BasePath() // the root chooser
		for _, t := range group {
			if t.Lang == cfg.DefaultLanguage && listed(t) {
				xdefault = t.URL
			}
		}
		e.Alternates = append(e.Alternates, Alternate{"x-default", abs(xdefault)})
		out = append(out, e)
	}
	if s.Root != nil {
		out = append(out, Entry{Loc: abs(s.Root.URL), Lastmod: newestAll})
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Loc, b.Loc) })
	return out
}

func listed(p *site.Page) bool {
	return p.Sitemap && !p.Draft && p.Kind != site.Kind404 && (p.Pager == nil || p.Pager.Number == 1)
}

// lastmod is the page's date, or the newest date of what it lists; tag is
// the page's tag on a tag page.
func lastmod(p *site.Page, l *site.Language, tag *site.Tag) time.Time {
	if !p.Date.IsZero() {
		return p.Date
	}
	var t time.Time
	for _, list := range [][]*site.Page{p.Items, p.Upcoming, p.Past} {
		for _, q := range list {
			t = later(t, q)
		}
	}
	switch p.Kind {
	case site.KindTags:
		for _, tag := range l.Tags {
			for _, q := range tag.Pages {
				t = later(t, q)
			}
		}
	case site.KindTag:
		if tag != nil {
			for _, q := range tag.Pages {
				t = later(t, q)
			}
		}
	}
	return t
}

func later(a time.Time, b *site.Page) time.Time {
	if !b.Draft && b.Date.After(a) {
		return b.Date
	}
	return a
}

func laterTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func sitemap(s *site.Site) []byte {
	entries := Entries(s)
	var b strings.Builder
	b.Grow(len(entries) * 400)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, e := range entries {
		b.WriteString("  <url>\n    <loc>")
		escape.XMLAttr(&b, e.Loc)
		b.WriteString("</loc>\n")
		if !e.Lastmod.IsZero() {
			b.WriteString("    <lastmod>" + e.Lastmod.In(s.Config.Location).Format(time.RFC3339) + "</lastmod>\n")
		}
		for _, a := range e.Alternates {
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="`)
			escape.XMLAttr(&b, a.Hreflang)
			b.WriteString(`" href="`)
			escape.XMLAttr(&b, a.Href)
			b.WriteString("\"/>\n")
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

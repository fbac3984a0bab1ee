package render

import (
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/site"
)

// Frame is what the parts of a page around its content (a theme's header
// and footer) may depend on: the page's language, section and kind, and
// the time of the build. Pages in the same place of the site have equal
// Frames, so {{ partialCached "partials/nav.html" .Frame }} renders the
// menu once per language and place instead of once per page. The field
// names are those of the page's own dot: .Lang.Home.URL, .Section, .Kind,
// .Now.
type Frame struct {
	Lang    *site.Language
	Section string
	Kind    site.Kind
	Now     time.Time
}

// LanguageSwitcher is the language switcher: a <nav> with one entry per
// configured language, in site order. The page's own language is a span
// marked aria-current; a translation is a link with hreflang, lang and
// data-lang (which remember-lang.html saves, so the root page sends the
// reader there next time); a language the page is missing in links where
// the fallback leads (site.Alternate), with class="fallback", a visible
// "*" and the locale's "notTranslated" as its title and for screen readers.
// Written in Go for the same reason as the head (head.go); a theme may
// write its own from .Alternates.
func (d *Data) LanguageSwitcher() template.HTML {
	var b strings.Builder
	b.Grow(1024)
	b.WriteString(`<nav class="lang-switch" aria-label="`)
	b.WriteString(html.EscapeString(d.t("languageSwitcher")))
	b.WriteString("\">\n<ul>")
	for _, a := range d.Alternates {
		locale, name := html.EscapeString(a.Lang.Locale), html.EscapeString(a.Lang.Name)
		if a.Current {
			b.WriteString("\n<li><span aria-current=\"true\" lang=\"" + locale + `">` + name + "</span></li>")
			continue
		}
		b.WriteString("\n<li><a ")
		if !a.Exists {
			b.WriteString(`class="fallback" `)
		}
		b.WriteString(`href="` + html.EscapeString(normURL(a.URL)) + `" hreflang="` + locale + `" lang="` + locale +
			`" data-lang="` + html.EscapeString(a.Lang.Code) + `"`)
		if a.Exists {
			b.WriteString(">" + name + "</a></li>")
			continue
		}
		missing := html.EscapeString(d.t("notTranslated"))
		b.WriteString(` title="` + missing + `">` + name +
			`<span class="fallback-mark" aria-hidden="true">*</span><span class="visually-hidden"> (` + missing + ")</span></a></li>")
	}
	b.WriteString("\n</ul>\n</nav>")
	return template.HTML(b.String())
}

// t translates id in the page's language, as a layout's T does.
func (d *Data) t(id string) string {
	if d.loc == nil {
		return ""
	}
	return d.loc.T(id)
}

// tag is a tag's label in the page's language, as a layout's tag gives it.
func (d *Data) tag(key string) string {
	if d.loc == nil {
		return ""
	}
	return d.loc.Tag(key)
}

// TagLink is one of a page's tags as a link.
type TagLink struct {
	Key  string // as written in front matter
	Name string // its label in the page's language (message "tag.<key>")
	URL  string // its list page
}

// TagLinks are the page's tags, in their order, ready to link: a layout
// ranging over them runs a few actions per tag instead of building each
// URL and label itself.
func (d *Data) TagLinks() []TagLink {
	if len(d.Tags) == 0 {
		return nil
	}
	links := make([]TagLink, len(d.Tags))
	for i, k := range d.Tags {
		links[i] = TagLink{Key: k, Name: d.tag(k), URL: d.Lang.TagsURL + site.Segment(k) + "/"}
	}
	return links
}

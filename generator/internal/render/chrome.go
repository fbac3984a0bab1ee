package render

import (
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/escape"
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

// languageSwitcher is Data.LanguageSwitcher, the language switcher: a <nav> with one entry per
// configured language, in site order. The page's own language is a span
// marked aria-current; a translation is a link with hreflang, lang and
// data-lang (which remember-lang.html saves, so the root page sends the
// reader there next time); a language the page is missing in links where
// the fallback leads (site.Alternate), with class="fallback", a visible
// "*" and that language's "notTranslated", in that language, as its title
// and for screen readers.
// Written in Go for the same reason as the head (head.go); a theme may
// write its own from .Alternates.
func (d *Data) languageSwitcher() template.HTML {
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
		b.WriteString(`href="` + html.EscapeString(escape.Href(a.URL)) + `" hreflang="` + locale + `" lang="` + locale +
			`" data-lang="` + html.EscapeString(a.Lang.Code) + `"`)
		if a.Exists {
			b.WriteString(">" + name + "</a></li>")
			continue
		}
		// Said in the language the link leads to (the link has its lang).
		missing, ok := d.untrans[a.Lang.Code]
		if !ok {
			missing = d.t("notTranslated")
		}
		missing = html.EscapeString(missing)
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
	Key  string // as the page's language names it (site.Tag.Key)
	Name string // its label in the page's language (message "tag.<key>"); a term as written
	URL  string // its list page (site.TagURL)
	// Link is <a href="URL">Name</a>, escaped by html/template as a layout
	// writing that markup would escape it.
	Link template.HTML
}

// tagLinkMarkup writes TagLink.Link.
const tagLinkMarkup = `<a href="{{ .URL }}">{{ .Name }}</a>`

// tagLinksOf is Data.TagLinks: the page's tags, in their order, ready to link: a layout
// ranging over them writes each .Link with one action instead of building
// each URL and label itself. The links of a language are made once per
// run (languages).
func (d *Data) tagLinksOf() []TagLink {
	if len(d.Tags) == 0 {
		return nil
	}
	links := make([]TagLink, len(d.Tags))
	for i, k := range d.Tags {
		l, ok := d.tagLinks[k]
		if !ok {
			l = d.newTagLink(k)
		}
		links[i] = l
	}
	return links
}

// newTagLink makes the link to tag key in the page's language.
func (d *Data) newTagLink(key string) TagLink {
	l := TagLink{Key: key, Name: d.tag(key), URL: site.TagURL(d.Lang.TagsURL, key)}
	var b strings.Builder
	if d.tagLink != nil && d.tagLink.Execute(&b, l) == nil {
		l.Link = template.HTML(b.String())
	}
	return l
}

// pageTitle is the page's own title as plain text, without the site
// title, for <title> and og:title: a release's or list's title, the
// language's title on its home, the tag's label on a tag page, and the
// locale's "tags", "events", "search" or "notFoundTitle" on those pages. A later page
// of a list adds " · " and PageOf, so no two pages share a title. It is
// made before the layout runs (the default theme's partials/title.html
// shows it) because a page shows it twice.
func (d *Data) pageTitle() string {
	var title string
	switch d.Kind {
	case site.KindHome:
		title = d.Language.Title
	case site.KindTag:
		title = d.tag(d.Tag)
	case site.KindTags:
		title = d.t("tags")
	case site.KindEvents:
		title = d.t("events")
	case site.KindSearch:
		title = d.t("search")
	case "404":
		title = d.t("notFoundTitle")
	default:
		title = d.Title
	}
	if d.Pager != nil && d.Pager.Number > 1 {
		title += " · " + d.PageOf
	}
	return title
}

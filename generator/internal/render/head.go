package render

import (
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/theme"
)

// The methods below write, in Go, the parts of <head> that every theme
// needs and that are the same markup for every page: written as template
// actions they cost some hundred reflective calls per page, half of all
// rendering time. A theme that wants other markup writes its own from the
// page's fields instead; the methods run only when a layout calls them.
// Attribute values are escaped with html.EscapeString and URLs normalised
// the way html/template does.

// Hreflang is a <link rel="alternate" hreflang> line for every language
// the page exists in, then the x-default one.
func (d *Data) Hreflang() template.HTML {
	var b strings.Builder
	for _, a := range d.Alternates {
		if a.Exists {
			line(&b, `<link rel="alternate" hreflang="`, a.Lang.Locale, `" href="`, d.abs(a.URL), `">`)
		}
	}
	line(&b, `<link rel="alternate" hreflang="x-default" href="`, d.abs(d.XDefault), `">`)
	return template.HTML(b.String())
}

// OpenGraph is the page's Open Graph and Twitter card lines but og:title
// (which a theme words) and article:tag (which speaks the page's language):
// og:type, og:description, og:url, og:site_name, og:locale and one
// og:locale:alternate per translation, og:image and og:image:alt with a
// lead image, twitter:card, and article:published_time for a release.
func (d *Data) OpenGraph() template.HTML {
	var b strings.Builder
	meta := func(prop, value string) { line(&b, `<meta property="`, prop, `" content="`, value, `">`) }
	meta("og:type", d.OGType)
	meta("og:description", d.Description)
	meta("og:url", d.Canonical)
	meta("og:site_name", d.Language.Title)
	meta("og:locale", theme.OGLocale(d.Language.Locale))
	for _, t := range d.Translations {
		meta("og:locale:alternate", theme.OGLocale(t.Language.Locale))
	}
	card := "summary"
	if d.Image != "" {
		meta("og:image", normURL(d.Image))
		if d.ImageAlt != "" {
			meta("og:image:alt", d.ImageAlt)
		}
		card = "summary_large_image"
	}
	line(&b, `<meta name="twitter:card" content="`, card, `">`)
	if d.IsRelease {
		meta("article:published_time", d.Date.In(d.Config.Location).Format(time.RFC3339))
	}
	return template.HTML(b.String())
}

// FeedLinks is a <link rel="alternate"> line for each feed of the page.
func (d *Data) FeedLinks() template.HTML {
	var b strings.Builder
	for _, f := range d.Feeds {
		line(&b, `<link rel="alternate" type="`, f.Type, `" href="`, d.abs(f.URL), `" title="`, f.Title, `">`)
	}
	return template.HTML(b.String())
}

// Schema is the JSON-LD of a release: a NewsArticle, and an Event when it
// announces one; "" for other pages. Empty values are left out (see
// theme.JSONLD).
func (d *Data) Schema() (template.HTML, error) {
	if !d.IsRelease {
		return "", nil
	}
	loc := d.Config.Location
	article := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": d.Title, "description": d.Description,
		"datePublished": d.Date.In(loc).Format(time.RFC3339),
		"inLanguage":    d.Language.Locale, "url": d.Canonical, "mainEntityOfPage": d.Canonical,
		"image":     d.Image,
		"publisher": map[string]any{"@type": "Organization", "name": d.Language.Title, "url": d.Config.AbsURL(d.Lang.Home.URL)},
	}
	var b strings.Builder
	if err := script(&b, article); err != nil {
		return "", err
	}
	if e := d.Event; e != nil {
		when := func(t time.Time) string {
			switch {
			case t.IsZero():
				return ""
			case e.AllDay:
				return t.In(loc).Format(time.DateOnly)
			}
			return t.In(loc).Format(time.RFC3339)
		}
		event := map[string]any{
			"@context": "https://schema.org", "@type": "Event",
			"name": or(e.Name, d.Title), "description": d.Description,
			"startDate": when(e.Start), "endDate": when(e.End),
			"eventStatus": "https://schema.org/EventScheduled",
			"location": map[string]any{"@type": "Place", "name": or(e.Venue, e.City),
				"address": map[string]any{"@type": "PostalAddress", "addressLocality": e.City}},
			"image": d.Image, "inLanguage": d.Language.Locale, "url": d.Canonical, "sameAs": e.URL,
		}
		if err := script(&b, event); err != nil {
			return "", err
		}
	}
	return template.HTML(b.String()), nil
}

func script(b *strings.Builder, v map[string]any) error {
	js, err := theme.JSONLD(v)
	if err != nil {
		return err
	}
	b.WriteString(`<script type="application/ld+json">`)
	b.WriteString(string(js))
	b.WriteString("</script>\n")
	return nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// abs is the absolute, normalised URL of a site-relative one.
func (d *Data) abs(rel string) string { return normURL(d.Config.AbsURL(rel)) }

// line writes parts, escaping every other one (the values), and a newline.
func line(b *strings.Builder, parts ...string) {
	for i, p := range parts {
		if i%2 == 1 {
			p = html.EscapeString(p)
		}
		b.WriteString(p)
	}
	b.WriteByte('\n')
}

// normURL percent-encodes what may not stand in a URL, as html/template
// does for an href: a valid %XX escape is kept.
func normURL(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0,
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

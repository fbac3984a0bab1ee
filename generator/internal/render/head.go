package render

import (
	"html"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/theme"
)

// The methods below write, in Go, the parts of <head> that every theme
// needs and that are the same markup for every page: written as template
// actions they cost some hundred reflective calls per page, half of all
// rendering time. A theme that wants other markup writes its own from the
// page's fields instead. They fill Data's fields of the same names
// (Data.markup) before the layout runs: a layout reads a field with one
// look-up, where calling a method costs text/template a search of the
// method set and a reflective call.
// Attribute values are escaped with html.EscapeString and URLs normalised
// the way html/template does.

// hreflang is Data.Hreflang: a <link rel="alternate" hreflang> line for every language
// the page exists in, then the x-default one.
func (d *Data) hreflang() template.HTML {
	var b strings.Builder
	b.Grow(512)
	for _, a := range d.Alternates {
		if a.Exists {
			line(&b, `<link rel="alternate" hreflang="`, a.Lang.Locale, `" href="`, d.abs(a.URL), `">`)
		}
	}
	line(&b, `<link rel="alternate" hreflang="x-default" href="`, d.abs(d.XDefault), `">`)
	return template.HTML(b.String())
}

// openGraph is Data.OpenGraph: the page's Open Graph and Twitter card lines but og:title
// (which a theme words): og:type, og:description, og:url, og:site_name,
// og:locale and one og:locale:alternate per translation, og:image,
// og:image:width, og:image:height and og:image:alt with a picture to
// share (Data.Image), twitter:card, twitter:image, and for a release
// article:published_time and an article:tag per tag, in the page's
// language.
func (d *Data) openGraph() template.HTML {
	var b strings.Builder
	b.Grow(1024)
	meta := func(prop, value string) { line(&b, `<meta property="`, prop, `" content="`, value, `">`) }
	meta("og:type", d.OGType)
	meta("og:description", d.Description)
	meta("og:url", d.Canonical)
	meta("og:site_name", d.Language.Title)
	meta("og:locale", d.ogLocale(d.Page.Lang, d.Language.Locale))
	for _, t := range d.Translations {
		meta("og:locale:alternate", d.ogLocale(t.Lang, t.Language.Locale))
	}
	card := "summary"
	if d.Image != "" {
		meta("og:image", escape.Href(d.Image))
		if d.ImageWidth > 0 && d.ImageHeight > 0 {
			meta("og:image:width", strconv.Itoa(d.ImageWidth))
			meta("og:image:height", strconv.Itoa(d.ImageHeight))
		}
		if d.ImageAlt != "" {
			meta("og:image:alt", d.ImageAlt)
		}
		card = "summary_large_image"
	}
	line(&b, `<meta name="twitter:card" content="`, card, `">`)
	if d.Image != "" {
		line(&b, `<meta name="twitter:image" content="`, escape.Href(d.Image), `">`)
	}
	if d.IsRelease {
		meta("article:published_time", d.Date.In(d.Config.Location).Format(time.RFC3339))
		for _, t := range d.Tags {
			meta("article:tag", d.tag(t))
		}
	}
	return template.HTML(b.String())
}

// ogLocale is theme.OGLocale of a language's locale, made once per run.
func (d *Data) ogLocale(code, locale string) string {
	if og, ok := d.ogOf[code]; ok {
		return og
	}
	return theme.OGLocale(locale)
}

// feedLinks is Data.FeedLinks: a <link rel="alternate"> line for each feed of the page.
func (d *Data) feedLinks() template.HTML {
	var b strings.Builder
	for _, f := range d.Feeds {
		line(&b, `<link rel="alternate" type="`, f.Type, `" href="`, d.abs(f.URL), `" title="`, f.Title, `">`)
	}
	return template.HTML(b.String())
}

// schema is Data.Schema: the JSON-LD of a release: a NewsArticle, and an Event when it
// announces one; "" for other pages. Empty values are left out, and so is
// an object left with nothing but its "@type" (as theme.JSONLD does). Keys
// are in the order of their names, as encoding/json writes a map, and
// strings are escaped as it escapes them (escape.JSONString). The event's
// startDate and endDate are in its own zone (2024-09-05T10:00:00+10:00),
// as its page shows them; datePublished is in the site's.
func (d *Data) schema() template.HTML {
	if !d.IsRelease {
		return ""
	}
	loc := d.Config.Location
	var b strings.Builder
	b.Grow(2048)
	o := jsonObject{b: &b}
	b.WriteString(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"`)
	o.field("datePublished", d.Date.In(loc).Format(time.RFC3339))
	o.field("description", d.Description)
	o.field("headline", d.Title)
	o.field("image", d.Image)
	o.field("inLanguage", d.Language.Locale)
	o.field("mainEntityOfPage", d.Canonical)
	if name, url := d.Language.Title, d.Config.AbsURL(d.Lang.Home.URL); name != "" || url != "" {
		b.WriteString(`,"publisher":{"@type":"Organization"`)
		o.field("name", name)
		o.field("url", url)
		b.WriteByte('}')
	}
	o.field("url", d.Canonical)
	b.WriteString("}</script>\n")
	if e := d.Event; e != nil {
		// The event's times in its own zone, with its offset.
		when := func(t time.Time) string {
			switch {
			case t.IsZero():
				return ""
			case e.AllDay:
				return t.In(e.Start.Location()).Format(time.DateOnly)
			}
			return t.In(e.Start.Location()).Format(time.RFC3339)
		}
		b.WriteString(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event"`)
		o.field("description", d.Description)
		o.field("endDate", when(e.End))
		b.WriteString(`,"eventStatus":"https://schema.org/EventScheduled"`)
		o.field("image", d.Image)
		o.field("inLanguage", d.Language.Locale)
		if name := or(e.Venue, e.City); name != "" || e.City != "" {
			b.WriteString(`,"location":{"@type":"Place"`)
			if e.City != "" {
				b.WriteString(`,"address":{"@type":"PostalAddress"`)
				o.field("addressLocality", e.City)
				b.WriteByte('}')
			}
			o.field("name", name)
			b.WriteByte('}')
		}
		o.field("name", or(e.Name, d.Title))
		if e.URL != "" {
			o.field("sameAs", d.Config.RelURL(e.URL)) // a site path gets the base path
		}
		o.field("startDate", when(e.Start))
		o.field("url", d.Canonical)
		b.WriteString("}</script>\n")
	}
	return template.HTML(b.String())
}

// jsonObject writes the members of a JSON object after its first.
type jsonObject struct{ b *strings.Builder }

// field writes ,"key":"value", or nothing when value is "".
func (o jsonObject) field(key, value string) {
	if value == "" {
		return
	}
	o.b.WriteString(`,"`)
	o.b.WriteString(key)
	o.b.WriteString(`":`)
	escape.JSONString(o.b, value)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// abs is the absolute, normalised URL of a URL path (config.Site.AbsURL).
func (d *Data) abs(rel string) string { return escape.Href(d.Config.AbsURL(rel)) }

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

package render

import (
	"encoding/json"
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
// announces one; "" for other pages. Empty values are left out, and so is
// an object left with nothing but its "@type" (as theme.JSONLD does).
func (d *Data) Schema() (template.HTML, error) {
	if !d.IsRelease {
		return "", nil
	}
	loc := d.Config.Location
	// Fields in the order of their names: what encoding/json gives for a
	// map, which the theme's jsonLD writes.
	type organization struct {
		Type string `json:"@type"`
		Name string `json:"name,omitempty"`
		URL  string `json:"url,omitempty"`
	}
	article := struct {
		Context          string        `json:"@context"`
		Type             string        `json:"@type"`
		DatePublished    string        `json:"datePublished,omitempty"`
		Description      string        `json:"description,omitempty"`
		Headline         string        `json:"headline,omitempty"`
		Image            string        `json:"image,omitempty"`
		InLanguage       string        `json:"inLanguage,omitempty"`
		MainEntityOfPage string        `json:"mainEntityOfPage,omitempty"`
		Publisher        *organization `json:"publisher,omitempty"`
		URL              string        `json:"url,omitempty"`
	}{
		Context: "https://schema.org", Type: "NewsArticle",
		DatePublished: d.Date.In(loc).Format(time.RFC3339), Description: d.Description,
		Headline: d.Title, Image: d.Image, InLanguage: d.Language.Locale,
		MainEntityOfPage: d.Canonical, URL: d.Canonical,
	}
	if pub := (organization{Type: "Organization", Name: d.Language.Title, URL: d.Config.AbsURL(d.Lang.Home.URL)}); pub.Name != "" || pub.URL != "" {
		article.Publisher = &pub
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
		type address struct {
			Type     string `json:"@type"`
			Locality string `json:"addressLocality,omitempty"`
		}
		type place struct {
			Type    string   `json:"@type"`
			Address *address `json:"address,omitempty"`
			Name    string   `json:"name,omitempty"`
		}
		event := struct {
			Context     string `json:"@context"`
			Type        string `json:"@type"`
			Description string `json:"description,omitempty"`
			EndDate     string `json:"endDate,omitempty"`
			EventStatus string `json:"eventStatus"`
			Image       string `json:"image,omitempty"`
			InLanguage  string `json:"inLanguage,omitempty"`
			Location    *place `json:"location,omitempty"`
			Name        string `json:"name,omitempty"`
			SameAs      string `json:"sameAs,omitempty"`
			StartDate   string `json:"startDate,omitempty"`
			URL         string `json:"url,omitempty"`
		}{
			Context: "https://schema.org", Type: "Event", Description: d.Description,
			EndDate: when(e.End), EventStatus: "https://schema.org/EventScheduled",
			Image: d.Image, InLanguage: d.Language.Locale, Name: or(e.Name, d.Title),
			SameAs: e.URL, StartDate: when(e.Start), URL: d.Canonical,
		}
		where := place{Type: "Place", Name: or(e.Venue, e.City)}
		if e.City != "" {
			where.Address = &address{Type: "PostalAddress", Locality: e.City}
		}
		if where.Name != "" || where.Address != nil {
			event.Location = &where
		}
		if err := script(&b, event); err != nil {
			return "", err
		}
	}
	return template.HTML(b.String()), nil
}

// script writes v as a JSON-LD script element. encoding/json writes <, >
// and & as \u003c, \u003e and \u0026, so no text can end the element.
func script(b *strings.Builder, v any) error {
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b.WriteString(`<script type="application/ld+json">`)
	b.Write(js)
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

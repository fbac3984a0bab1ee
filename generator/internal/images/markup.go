package images

import (
	"html"
	"slices"
	"strconv"
	"strings"
)

// Show is how a page shows a picture.
type Show struct {
	Alt, Title string
	// Lead is the page's lead picture: fetched at once and first
	// (fetchpriority="high"), where every other picture loads when it
	// comes near the screen (loading="lazy", decoding="async").
	Lead bool
	// Sizes is the sizes attribute: how wide the picture shows.
	Sizes string
}

// HTML is the markup of p: a <picture> with a WebP source and an <img> of
// the fallback, both with srcset and sizes, and the width and height of
// the widest file, so that the page does not shift when it arrives. An
// SVG is an <img> alone.
func (p *Picture) HTML(s Show) string {
	var b strings.Builder
	attr := func(name, value string) {
		b.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
	}
	img := func(src, srcset string, w, h int) {
		b.WriteString("<img")
		attr("src", src)
		if srcset != "" {
			attr("srcset", srcset)
			attr("sizes", s.Sizes)
		}
		if w > 0 && h > 0 {
			attr("width", strconv.Itoa(w))
			attr("height", strconv.Itoa(h))
		}
		attr("alt", s.Alt)
		if s.Title != "" {
			attr("title", s.Title)
		}
		if s.Lead {
			attr("fetchpriority", "high")
		} else {
			attr("loading", "lazy")
			attr("decoding", "async")
		}
		b.WriteString(">")
	}
	if len(p.Variants) == 0 {
		if p.Original != nil {
			img(p.Original.URL, "", p.Width, p.Height)
		}
		return b.String()
	}
	webp, fallback := p.srcset("image/webp"), p.srcset(p.FallbackType())
	widest := p.Variants[len(p.Variants)-1]
	b.WriteString(`<picture><source type="image/webp"`)
	attr("srcset", webp)
	attr("sizes", s.Sizes)
	b.WriteString(">")
	img(p.Default().URL, fallback, widest.Width, widest.Height)
	b.WriteString("</picture>")
	return b.String()
}

// FallbackType is the MIME type of the files beside the WebP ones.
func (p *Picture) FallbackType() string {
	if len(p.Variants) < 2 {
		return ""
	}
	return p.Variants[1].Type
}

func (p *Picture) srcset(typ string) string {
	var parts []string
	for _, v := range p.Variants {
		if v.Type == typ {
			parts = append(parts, v.URL+" "+strconv.Itoa(v.Width)+"w")
		}
	}
	return strings.Join(parts, ", ")
}

// Default is the fallback file for a browser that reads no srcset: the
// one nearest 800 pixels wide.
func (p *Picture) Default() *Variant { return p.fallbackNear(800) }

// Largest is the widest fallback file, or the original of an SVG: what a
// link to the picture leads to when its original is not published.
func (p *Picture) Largest() *Variant {
	if len(p.Variants) == 0 {
		return p.Original
	}
	return p.fallbackNear(1 << 30)
}

func (p *Picture) fallbackNear(w int) *Variant {
	var best *Variant
	typ := p.FallbackType()
	for i := range p.Variants {
		v := &p.Variants[i]
		if v.Type != typ {
			continue
		}
		if best == nil || abs(v.Width-w) < abs(best.Width-w) {
			best = v
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Files are every file of p to publish.
func (p *Picture) Files() []Variant {
	out := append([]Variant{}, p.Variants...)
	for _, t := range p.Thumbs {
		if !slices.ContainsFunc(p.Variants, func(v Variant) bool { return v.Path == t.Path }) {
			out = append(out, t)
		}
	}
	if p.Original != nil {
		out = append(out, *p.Original)
	}
	if p.ShareFile != nil {
		out = append(out, *p.ShareFile)
	}
	return out
}

package images

import (
	"html"
	"slices"
	"strconv"
	"strings"
)

// ThumbWidths are the widths of a lead picture's thumbnail, the small copy
// that release lists show: its own width and twice that for sharp
// screens.
func ThumbWidths() []int { return []int{320, 640} }

// withThumbs returns s for a job that wants a thumbnail (Job.Thumb).
func (s Settings) withThumbs() Settings {
	s.Thumbs = ThumbWidths()
	return s
}

// outputWidths are the widths a picture uw wide is written at: those of
// s it reaches (targetWidths), and those of its thumbnail when s asks for
// one, ascending, each once.
func outputWidths(uw int, s Settings) []int {
	widths := targetWidths(uw, s.Widths)
	if len(s.Thumbs) > 0 {
		widths = append(widths, targetWidths(uw, s.Thumbs)...)
		slices.Sort(widths)
		widths = slices.Compact(widths)
	}
	return widths
}

// splitThumbs sorts the files of a picture uw wide into those it shows in
// a page (Variants) and those of its thumbnail (Thumbs); a width that is
// both is in both.
func splitThumbs(p *Picture, uw int, s Settings) {
	if len(s.Thumbs) == 0 {
		return
	}
	pageWidths, thumbWidths := targetWidths(uw, s.Widths), targetWidths(uw, s.Thumbs)
	all := p.Variants
	p.Variants = nil
	for _, v := range all {
		if slices.Contains(pageWidths, v.Width) {
			p.Variants = append(p.Variants, v)
		}
		if slices.Contains(thumbWidths, v.Width) {
			p.Thumbs = append(p.Thumbs, v)
		}
	}
}

// ThumbHTML is the markup of p's thumbnail: a <picture> of its thumbnail
// files (WebP, then the fallback) with sizes, the width and height of the
// narrowest, alt, loading="lazy" and decoding="async"; an SVG shows as
// itself. It is "" for a picture made without a thumbnail.
func (p *Picture) ThumbHTML(alt, sizes string) string {
	var b strings.Builder
	attr := func(name, value string) {
		b.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
	}
	img := func(src string, w, h int, srcset string) {
		b.WriteString("<img")
		attr("src", src)
		if srcset != "" {
			attr("srcset", srcset)
			attr("sizes", sizes)
		}
		if w > 0 && h > 0 {
			attr("width", strconv.Itoa(w))
			attr("height", strconv.Itoa(h))
		}
		attr("alt", alt)
		attr("loading", "lazy")
		attr("decoding", "async")
		b.WriteString(">")
	}
	switch {
	case p.Format == SVG && p.Original != nil:
		img(p.Original.URL, p.Width, p.Height, "")
	case len(p.Thumbs) >= 2:
		fallback := p.Thumbs[1]
		b.WriteString(`<picture><source type="image/webp"`)
		attr("srcset", thumbSrcset(p.Thumbs, "image/webp"))
		attr("sizes", sizes)
		b.WriteString(">")
		img(fallback.URL, fallback.Width, fallback.Height, thumbSrcset(p.Thumbs, fallback.Type))
		b.WriteString("</picture>")
	}
	return b.String()
}

func thumbSrcset(vs []Variant, typ string) string {
	var parts []string
	for _, v := range vs {
		if v.Type == typ {
			parts = append(parts, v.URL+" "+strconv.Itoa(v.Width)+"w")
		}
	}
	return strings.Join(parts, ", ")
}

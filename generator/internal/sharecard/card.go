package sharecard

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Width and Height are a card's size: what sharers show in a large card.
const (
	Width  = 1200
	Height = 630
)

// The layout, in pixels (see the package doc).
const (
	margin    = 80
	siteSize  = 36
	siteBase  = 80 + 36 // the site name's baseline
	ruleTop   = 148
	ruleW     = 96
	ruleH     = 6
	titleTop  = 196 // the title's first line starts here
	titleMin  = 40
	lineRatio = 1.3
)

var (
	background = color.RGBA{0x12, 0x2b, 0x4a, 0xff}
	siteColor  = color.RGBA{0xb8, 0xc6, 0xd6, 0xff}
	ruleColor  = color.RGBA{0xd2, 0x2b, 0x2b, 0xff}
	titleColor = color.RGBA{0xff, 0xff, 0xff, 0xff}
	titleSizes = [...]float64{72, 64, 56, 48, titleMin}
)

// Card is what a share card shows.
type Card struct {
	Site  string // the site's name in the release's language
	Title string // the release's title
}

// PNG draws the card.
func (c Card) PNG() ([]byte, error) {
	f, err := parseFont()
	if err != nil {
		return nil, err
	}
	// A paletted picture of the background (index 0), each text's colour
	// blended with it in steps, and the rule: small, and quick to draw
	// and to write, since only the glyphs' pixels are touched.
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), palette())
	width := fixed.I(Width - 2*margin)

	face, err := newFace(f, siteSize)
	if err != nil {
		return nil, err
	}
	site := cut(face, wrap(face, drawable(f, c.Site), width), 1, width)
	text(img, face, site, siteRamp, siteBase, 0)
	for y := ruleTop; y < ruleTop+ruleH; y++ {
		for x := margin; x < margin+ruleW; x++ {
			img.Pix[y*img.Stride+x] = ruleIndex
		}
	}

	title := drawable(f, c.Title)
	for _, size := range titleSizes {
		if face, err = newFace(f, size); err != nil {
			return nil, err
		}
		lh := int(size * lineRatio)
		room := (Height - margin - titleTop) / lh
		lines := wrap(face, title, width)
		if len(lines) <= room || size == titleMin {
			lines = cut(face, lines, room, width)
			text(img, face, lines, titleRamp, titleTop+int(size), lh)
			break
		}
	}
	var b bytes.Buffer
	err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img)
	return b.Bytes(), err
}

func newFace(f *sfnt.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// The palette: the background, then steps of it blended with the title's
// colour, then with the site name's, then the rule's colour.
const (
	steps     = 32
	titleRamp = 1
	siteRamp  = titleRamp + steps
	ruleIndex = siteRamp + steps
)

func palette() color.Palette {
	p := color.Palette{background}
	for _, c := range []color.RGBA{titleColor, siteColor} {
		for i := 1; i <= steps; i++ {
			p = append(p, blend(background, c, i, steps))
		}
	}
	return append(p, ruleColor)
}

// blend is i/n of the way from a to b.
func blend(a, b color.RGBA, i, n int) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// text draws lines from the baseline base, lh apart, at the left margin,
// in the colour whose steps start at ramp: each pixel a glyph covers
// takes the step of its coverage (the larger where two glyphs meet), as
// font.Drawer would blend it over the background. Kerning is applied.
func text(img *image.Paletted, face font.Face, lines []string, ramp uint8, base, lh int) {
	for i, l := range lines {
		dot := fixed.P(margin, base+i*lh)
		prev := rune(-1)
		for _, r := range l {
			if prev >= 0 {
				dot.X += face.Kern(prev, r)
			}
			dr, mask, mp, adv, ok := face.Glyph(dot, r)
			if ok {
				glyph(img, dr, mask, mp, ramp)
			}
			dot.X += adv
			prev = r
		}
	}
}

// glyph lays one glyph's coverage mask on img.
func glyph(img *image.Paletted, dr image.Rectangle, mask image.Image, mp image.Point, ramp uint8) {
	clip := dr.Intersect(img.Rect)
	alpha, _ := mask.(*image.Alpha) // what opentype's faces give
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		for x := clip.Min.X; x < clip.Max.X; x++ {
			mx, my := mp.X+x-dr.Min.X, mp.Y+y-dr.Min.Y
			var a uint32
			if alpha != nil {
				a = uint32(alpha.Pix[alpha.PixOffset(mx, my)]) * 0x101
			} else {
				_, _, _, a = mask.At(mx, my).RGBA()
			}
			step := uint8((a*steps + 0x7fff) / 0xffff)
			if step == 0 {
				continue
			}
			i := y*img.Stride + x
			if old := img.Pix[i]; old < ramp || old-ramp+1 < step {
				img.Pix[i] = ramp + step - 1
			}
		}
	}
}

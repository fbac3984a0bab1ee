package benchsite

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"

	"github.com/eventnews/gen/generator/internal/sharecard"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// SamplePictures are the pictures of the repository's sample site that
// gen draws itself (genbench samplepics writes them), by path from the
// repository's root. Their figures are the releases' own; they carry
// digits and no words, so one picture serves zh, ru and en, and each
// language's front matter says in words what it shows (alt, caption).
func SamplePictures() (map[string][]byte, error) {
	out := map[string][]byte{
		// A large photo-like picture, to show the pipeline on a camera-sized file.
		"content/news/localities-cooperation/city-square.jpg": Photo{Width: 4000, Height: 2667, Seed: 21, Quality: 85}.JPEG(),
	}
	for name, draw := range map[string]func() (*image.RGBA, error){
		"content/news/localities-cooperation/exhibitors.png":   exhibitorFigures,
		"content/news/sme-roundtable-jinhua/sessions.png":      roundtableSessions,
		"content/news/youth-entrepreneur-roundtable/youth.png": youthPoster,
	} {
		big, err := draw()
		if err != nil {
			return nil, err
		}
		// Drawn at 1600 × 900, written at 1200 × 675: smooth edges, and
		// three widths to make instead of four, for the many tests that
		// build the sample site.
		img := image.NewRGBA(image.Rect(0, 0, 1200, 675))
		xdraw.CatmullRom.Scale(img, img.Rect, big, big.Rect, xdraw.Src, nil)
		var b bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
			return nil, err
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

var (
	paper = color.RGBA{0xf7, 0xf4, 0xee, 0xff}
	ink   = color.RGBA{0x1d, 0x2b, 0x3a, 0xff}
	red   = color.RGBA{0xc8, 0x2a, 0x2a, 0xff}
	blue  = color.RGBA{0x1f, 0x5c, 0x99, 0xff}
	gold  = color.RGBA{0xd9, 0x9a, 0x1e, 0xff}
	green = color.RGBA{0x2e, 0x8b, 0x57, 0xff}
	grey  = color.RGBA{0xb9, 0xb4, 0xaa, 0xff}
)

// canvas is a picture of w × h on paper.
func canvas(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.NewUniform(paper), image.Point{}, draw.Src)
	return img
}

func paint(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
}

// dot draws a filled circle, its edge smoothed.
func dot(img *image.RGBA, cx, cy, r float64, c color.Color) {
	z := vector.NewRasterizer(img.Rect.Dx(), img.Rect.Dy())
	const k = 0.5523 // a quarter circle as a cubic
	z.MoveTo(float32(cx+r), float32(cy))
	z.CubeTo(float32(cx+r), float32(cy+k*r), float32(cx+k*r), float32(cy+r), float32(cx), float32(cy+r))
	z.CubeTo(float32(cx-k*r), float32(cy+r), float32(cx-r), float32(cy+k*r), float32(cx-r), float32(cy))
	z.CubeTo(float32(cx-r), float32(cy-k*r), float32(cx-k*r), float32(cy-r), float32(cx), float32(cy-r))
	z.CubeTo(float32(cx+k*r), float32(cy-r), float32(cx+r), float32(cy-k*r), float32(cx+r), float32(cy))
	z.ClosePath()
	z.Draw(img, img.Rect, image.NewUniform(c), image.Point{})
}

// text writes s with its left end at x (or centred on x) on the baseline y.
func text(img *image.RGBA, s string, size float64, x, y int, c color.Color, centred bool) error {
	face, err := sharecard.Face(size)
	if err != nil {
		return err
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face}
	if centred {
		x -= d.MeasureString(s).Round() / 2
	}
	d.Dot = fixed.P(x, y)
	d.DrawString(s)
	return nil
}

// exhibitorFigures shows the 8th Expo's exhibitors as of May 6, 2024
// (localities-cooperation): more than 1,400 enterprises from 44 countries
// and regions and 21 Chinese provinces and municipalities, and 16 Russian
// federal entities, as four tiles, each with as many dots as it counts
// (the 1,400 as 14 dots of a hundred).
func exhibitorFigures() (*image.RGBA, error) {
	img := canvas(1600, 900)
	tiles := []struct {
		figure string
		dots   int
		c      color.RGBA
	}{{"1400+", 14, red}, {"44", 44, blue}, {"21", 21, gold}, {"16", 16, green}}
	for i, t := range tiles {
		x0 := 60 + i*380
		paint(img, image.Rect(x0, 60, x0+340, 840), color.RGBA{0xff, 0xff, 0xff, 0xff})
		paint(img, image.Rect(x0, 60, x0+340, 76), t.c)
		if err := text(img, t.figure, 110, x0+170, 250, t.c, true); err != nil {
			return nil, err
		}
		for d := range t.dots {
			cx := float64(x0+50) + float64(d%6)*48
			cy := 340 + float64(d/6)*52
			dot(img, cx, cy, 17, t.c)
		}
	}
	return img, nil
}

// roundtableSessions is the China–Russia SME roundtable's sessions
// (sme-roundtable-jinhua): nine since 2007, then the tenth in Jinhua on
// July 19, 2023, on a line from 2007 to 2023.
func roundtableSessions() (*image.RGBA, error) {
	img := canvas(1600, 900)
	paint(img, image.Rect(120, 596, 1480, 604), grey)
	for i := range 10 {
		x := 160 + float64(i)*140
		c, r, size, base := blue, 30.0, 30.0, 611
		if i == 9 {
			c, r, size, base = red, 52, 40, 614
		}
		dot(img, x, 600, r, c)
		if err := text(img, strconv.Itoa(i+1), size, int(x), base, paper, true); err != nil {
			return nil, err
		}
	}
	for _, l := range []struct {
		s string
		x int
		c color.RGBA
	}{{"2007", 160, ink}, {"2023", 1420, red}} {
		if err := text(img, l.s, 56, l.x, 740, l.c, true); err != nil {
			return nil, err
		}
	}
	if err := text(img, "10", 300, 800, 420, red, true); err != nil {
		return nil, err
	}
	return img, nil
}

// youthPoster is the youth entrepreneur roundtable of May 18, 2024
// (youth-entrepreneur-roundtable): more than 100 young entrepreneurs from
// China and Russia as a hundred figures (the release does not say how
// many from each country, so they are all one colour), and "100+".
func youthPoster() (*image.RGBA, error) {
	img := canvas(1600, 900)
	if err := text(img, "100+", 260, 800, 300, ink, true); err != nil {
		return nil, err
	}
	for i := range 100 {
		x := 130 + float64(i%25)*55.8
		y := 440 + float64(i/25)*110
		c := blue
		dot(img, x, y, 14, c) // a head
		r := image.Rect(int(math.Round(x-17)), int(y+18), int(math.Round(x+17)), int(y+78))
		paint(img, r, c) // a body
	}
	return img, nil
}

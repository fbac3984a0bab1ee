package images

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
	xwebp "golang.org/x/image/webp"
)

// output is one file made from a picture, before it is stored.
type output struct {
	width, height int
	mime          string
	ext           string // "webp", "jpg", "png"
	share         bool   // the share picture (share.go)
	data          []byte
}

// meters counts the work done, for tests that prove a warm cache does
// none.
type meters interface {
	decoded()
	encoded()
}

// makeOutputs decodes a picture, turns it upright and writes it at every
// width of s that it reaches (its own width when it is narrower than all
// of them), as WebP and as the fallback (JPEG, or PNG for a picture that
// may be transparent); with share, then the share picture (share.go).
// Its errors name the file file.
func makeOutputs(file string, data []byte, h header, s Settings, share bool, m meters) ([]output, error) {
	src, err := decode(data, h.format)
	if err != nil {
		return nil, msgDamaged.At("", 0, 0, "File", file, "Format", formatName(h.format), "Err", err)
	}
	m.decoded()
	alpha := !opaque(src)
	fallbackExt, fallbackMime, fallbackName := "jpg", "image/jpeg", "JPEG"
	if alpha || h.format == PNG || h.format == GIF {
		fallbackExt, fallbackMime, fallbackName = "png", "image/png", "PNG"
	}
	uw, uh := upright(h)
	widths := outputWidths(uw, s)
	// The widest is made from the source, the others from it: one pass
	// over the big picture instead of one per width.
	var widest image.Image
	var out []output
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		ht := heightFor(w, uw, uh)
		from := widest
		if from == nil {
			from = src
		}
		img := orient(resize(from, w, ht, h.orientation, widest == nil, alpha), h.orientation, widest == nil)
		if widest == nil {
			src = nil // let the collector take the full-size pixels
			widest = img
		}
		webpData, err := encodeWebP(img, s.Quality)
		if err != nil {
			return nil, msgNotWritten.At("", 0, 0, "File", file, "Format", "WebP", "Err", err)
		}
		m.encoded()
		var fb []byte
		if fallbackExt == "jpg" {
			fb, err = encodeJPEG(img, s.JPEGQuality)
		} else {
			fb, err = encodePNG(img)
		}
		if err != nil {
			return nil, msgNotWritten.At("", 0, 0, "File", file, "Format", fallbackName, "Err", err)
		}
		m.encoded()
		if s.KeepCredit && (h.credit != credit{}) {
			webpData, fb = withCreditWebP(webpData, h.credit), withCredit(fb, fallbackExt, h.credit)
		}
		out = append(out,
			output{width: w, height: ht, mime: "image/webp", ext: "webp", data: webpData},
			output{width: w, height: ht, mime: fallbackMime, ext: fallbackExt, data: fb})
	}
	// Narrowest first.
	for i, j := 0, len(out)-2; i < j; i, j = i+2, j-2 {
		out[i], out[j] = out[j], out[i]
		out[i+1], out[j+1] = out[j+1], out[i+1]
	}
	if share {
		o, err := shareOutput(widest, s.JPEGQuality)
		if err != nil {
			return nil, msgNotWritten.At("", 0, 0, "File", file, "Format", "JPEG", "Err", err)
		}
		m.encoded()
		out = append(out, o)
	}
	return out, nil
}

func decode(data []byte, format string) (image.Image, error) {
	r := bytes.NewReader(data)
	switch format {
	case JPEG:
		return jpeg.Decode(r)
	case PNG:
		return png.Decode(r)
	case GIF:
		return gif.Decode(r) // the first frame
	case WebP:
		return xwebp.Decode(r)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// upright is the size of the picture as it is shown: width and height
// swap for the orientations that turn it a quarter.
func upright(h header) (w, ht int) {
	if h.orientation >= 5 {
		return h.height, h.width
	}
	return h.width, h.height
}

// targetWidths are the widths of s a picture uw wide is written at: those
// it reaches, or its own width alone when it is narrower than all.
func targetWidths(uw int, widths []int) []int {
	var out []int
	for _, w := range widths {
		if w <= uw {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		out = []int{uw}
	}
	return out
}

// heightFor keeps the aspect ratio of uw × uh at width w, rounded.
func heightFor(w, uw, uh int) int {
	return max(1, int((int64(w)*int64(uh)*2+int64(uw))/(int64(uw)*2)))
}

// resize scales src to the upright size w × h. From the source (stored,
// fromSource) the size is in stored orientation; from an upright picture,
// as is. A JPEG at least twice as big is first halved (shrink), then
// Catmull-Rom, Hugo's and most photo tools' choice, makes the size.
func resize(src image.Image, w, h, orientation int, fromSource, alpha bool) image.Image {
	if fromSource && orientation >= 5 {
		w, h = h, w
	}
	r := image.Rect(0, 0, w, h)
	var dst draw.Image
	if alpha {
		dst = image.NewNRGBA(r)
	} else {
		dst = image.NewRGBA(r)
	}
	src = shrink(src, w, h)
	if src.Bounds().Dx() == w && src.Bounds().Dy() == h {
		draw.Draw(dst, r, src, src.Bounds().Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, r, src, src.Bounds(), draw.Src, nil)
	return dst
}

// orient turns a picture made from the source upright (EXIF orientation
// 2–8); one made from an upright picture is upright already.
func orient(m image.Image, orientation int, fromSource bool) image.Image {
	if !fromSource || orientation <= 1 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if orientation >= 5 {
		ow, oh = h, w
	}
	spix, sstride := pixels(m)
	var dst image.Image
	var dpix []byte
	if _, ok := m.(*image.NRGBA); ok {
		d := image.NewNRGBA(image.Rect(0, 0, ow, oh))
		dst, dpix = d, d.Pix
	} else {
		d := image.NewRGBA(image.Rect(0, 0, ow, oh))
		dst, dpix = d, d.Pix
	}
	// Where the stored pixel (x, y) goes in the upright picture.
	to := map[int]func(x, y int) (int, int){
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return h - 1 - y, x },
		7: func(x, y int) (int, int) { return h - 1 - y, w - 1 - x },
		8: func(x, y int) (int, int) { return y, w - 1 - x },
	}[orientation]
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := to(x, y)
			copy(dpix[dy*ow*4+dx*4:dy*ow*4+dx*4+4], spix[y*sstride+x*4:y*sstride+x*4+4])
		}
	}
	return dst
}

// pixels are the bytes of a picture resize made (RGBA or NRGBA, at the
// origin) and its stride.
func pixels(m image.Image) ([]byte, int) {
	switch m := m.(type) {
	case *image.NRGBA:
		return m.Pix, m.Stride
	case *image.RGBA:
		return m.Pix, m.Stride
	}
	panic(fmt.Sprintf("images: orient got a %T", m))
}

func encodeWebP(m image.Image, quality int) ([]byte, error) {
	var b bytes.Buffer
	err := webp.Encode(&b, m, webp.Options{Quality: quality, Method: webp.DefaultMethod})
	return b.Bytes(), err
}

func encodeJPEG(m image.Image, quality int) ([]byte, error) {
	var b bytes.Buffer
	err := jpeg.Encode(&b, m, &jpeg.Options{Quality: quality})
	return b.Bytes(), err
}

func encodePNG(m image.Image) ([]byte, error) {
	var b bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, m)
	return b.Bytes(), err
}

// Encoder says which WebP encoder this binary uses: "webp=wasm", gen's
// own libwebp in WebAssembly, or "webp=system-libwebp", a libwebp.so of
// the machine, which github.com/gen2brain/webp prefers when it finds one
// unless gen is built with -tags nodynamic (then outputs may differ from
// machine to machine).
func Encoder() string { return encoderName() }

func encoderName() string {
	if webp.Dynamic() == nil {
		return "webp=system-libwebp"
	}
	return "webp=wasm"
}

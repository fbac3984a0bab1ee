package benchsite

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
)

// Photo describes a synthetic camera photo, Width × Height as stored: a sky, a horizon, buildings
// and people-sized shapes over a textured ground, with sensor grain, so
// that it compresses like a real photo rather than like a flat graphic;
// encoded as a JPEG with the EXIF a phone writes.
type Photo struct {
	Width, Height int
	Seed          uint64
	// Quality of the JPEG; default 90, as cameras write.
	Quality int
	// Orientation is the EXIF orientation (1–8; 0 writes none). The
	// pixels are stored as the camera saw them, so 6 is a portrait photo
	// stored sideways.
	Orientation int
	// Private adds what a press office must not publish: the GPS position,
	// the camera's make, model and serial number, the time it was taken.
	Private bool
	// Artist and Copyright, if set, are written to EXIF.
	Artist, Copyright string
	// Marker paints a pure red square in the top-left corner of the photo
	// as it is meant to be seen, so that a test can tell which way up a
	// picture came out.
	Marker bool
}

// JPEG draws the photo and encodes it. The same Photo gives the same bytes.
func (p Photo) JPEG() []byte {
	img := p.Image()
	var b bytes.Buffer
	q := p.Quality
	if q == 0 {
		q = 90
	}
	jpeg.Encode(&b, img, &jpeg.Options{Quality: q})
	data := b.Bytes()
	exif := p.exif()
	if exif == nil {
		return data
	}
	// APP1 right after SOI, as cameras write it.
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(2+len(exif)))
	out := append([]byte{0xff, 0xd8}, seg...)
	out = append(out, exif...)
	return append(out, data[2:]...)
}

// Image draws the photo's pixels, as stored: the scene is drawn upright,
// then turned so that the EXIF orientation turns it upright again.
func (p Photo) Image() *image.RGBA {
	w, h := p.Width, p.Height
	if p.Orientation >= 5 {
		w, h = h, w
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := p.Seed*0x9e3779b97f4a7c15 + 1
	next := func() uint64 { // xorshift64*
		rng ^= rng >> 12
		rng ^= rng << 25
		rng ^= rng >> 27
		return rng * 2685821657736338717
	}
	horizon := h * (45 + int(next()%15)) / 100
	sun := [3]float64{float64(200 + next()%55), float64(150 + next()%80), float64(90 + next()%60)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var c [3]float64
			if y < horizon {
				t := float64(y) / float64(horizon)
				c = [3]float64{90 + 110*t, 140 + 80*t, 220 - 20*t}
				c = mix(c, sun, 0.25*math.Exp(-sq(float64(x)/float64(w)-0.7)*20-sq(t-0.9)*30))
			} else {
				n := valueNoise(p.Seed, x, y, 64)*0.5 + valueNoise(p.Seed+1, x, y, 9)*0.3 + valueNoise(p.Seed+2, x, y, 3)*0.2
				c = [3]float64{70 + 90*n, 85 + 70*n, 50 + 40*n}
			}
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = clamp(c[0]), clamp(c[1]), clamp(c[2]), 255
		}
	}
	p.shapes(img, horizon, next)
	if p.Marker {
		s := min(w, h) / 8
		fill(img, image.Rect(0, 0, s, s), color.RGBA{255, 0, 0, 255})
	}
	for i := 0; i < len(img.Pix); i += 4 {
		if p.Marker && img.Pix[i] == 255 && img.Pix[i+1] == 0 && img.Pix[i+2] == 0 {
			continue // the marker stays pure
		}
		g := float64(int(next()%17) - 8) // sensor grain
		img.Pix[i], img.Pix[i+1], img.Pix[i+2] = clamp(float64(img.Pix[i])+g), clamp(float64(img.Pix[i+1])+g), clamp(float64(img.Pix[i+2])+g)
	}
	return stored(img, p.Orientation)
}

// stored turns an upright picture the way a camera stores it for the EXIF
// orientation o: showing the result with orientation o gives up back.
func stored(up *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return up
	}
	uw, uh := up.Rect.Dx(), up.Rect.Dy()
	sw, sh := uw, uh
	if o >= 5 {
		sw, sh = uh, uw
	}
	out := image.NewRGBA(image.Rect(0, 0, sw, sh))
	// Where stored pixel (x, y) is shown, as in EXIF.
	shown := map[int]func(x, y int) (int, int){
		2: func(x, y int) (int, int) { return sw - 1 - x, y },
		3: func(x, y int) (int, int) { return sw - 1 - x, sh - 1 - y },
		4: func(x, y int) (int, int) { return x, sh - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return sh - 1 - y, x },
		7: func(x, y int) (int, int) { return sh - 1 - y, sw - 1 - x },
		8: func(x, y int) (int, int) { return y, sw - 1 - x },
	}[o]
	for y := 0; y < sh; y++ {
		for x := 0; x < sw; x++ {
			ux, uy := shown(x, y)
			copy(out.Pix[out.PixOffset(x, y):][:4], up.Pix[up.PixOffset(ux, uy):][:4])
		}
	}
	return out
}

// shapes draws buildings with lit windows on the horizon and people-sized
// figures in front of them.
func (p Photo) shapes(img *image.RGBA, horizon int, next func() uint64) {
	w, h := p.Width, p.Height
	for i := 0; i < 14; i++ {
		bw := w/30 + int(next()%uint64(w/10+1))
		bh := h/10 + int(next()%uint64(h/4+1))
		x0 := int(next() % uint64(w))
		tone := uint8(60 + next()%120)
		r := image.Rect(x0, horizon-bh, x0+bw, horizon)
		fill(img, r, color.RGBA{tone, tone - tone/8, tone - tone/5, 255})
		step := max(4, bw/8)
		for wy := r.Min.Y + step; wy < r.Max.Y-step; wy += step * 2 {
			for wx := r.Min.X + step/2; wx < r.Max.X-step; wx += step * 2 {
				if next()%3 > 0 {
					fill(img, image.Rect(wx, wy, wx+step, wy+step), color.RGBA{230, 210, uint8(120 + next()%100), 255})
				}
			}
		}
	}
	for i := 0; i < 60; i++ {
		ph := h/12 + int(next()%uint64(h/10+1))
		pw := ph / 4
		x0 := int(next() % uint64(w))
		y0 := horizon + int(next()%uint64(h-horizon+1)) - ph/2
		col := color.RGBA{uint8(next() % 256), uint8(next() % 256), uint8(next() % 256), 255}
		fill(img, image.Rect(x0, y0, x0+pw, y0+ph), col)
		disc(img, x0+pw/2, y0-pw/2, pw/2, color.RGBA{225, 190, 160, 255})
	}
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

func disc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r && image.Pt(x, y).In(img.Rect) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

// valueNoise is smooth noise in 0..1 with features about cell pixels wide.
func valueNoise(seed uint64, x, y, cell int) float64 {
	gx, gy := x/cell, y/cell
	fx, fy := float64(x%cell)/float64(cell), float64(y%cell)/float64(cell)
	at := func(i, j int) float64 {
		v := seed ^ uint64(i)*0x9e3779b97f4a7c15 ^ uint64(j)*0xc2b2ae3d27d4eb4f
		v ^= v >> 31
		v *= 0xbf58476d1ce4e5b9
		v ^= v >> 29
		return float64(v%1024) / 1023
	}
	sx, sy := fx*fx*(3-2*fx), fy*fy*(3-2*fy)
	top := at(gx, gy)*(1-sx) + at(gx+1, gy)*sx
	bottom := at(gx, gy+1)*(1-sx) + at(gx+1, gy+1)*sx
	return top*(1-sy) + bottom*sy
}

func mix(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

func sq(x float64) float64 { return x * x }

func clamp(v float64) uint8 { return uint8(max(0, min(255, v+0.5))) }

// exif is the APP1 payload: "Exif\0\0" and a big-endian TIFF structure
// with IFD0, the Exif IFD and the GPS IFD.
func (p Photo) exif() []byte {
	if p.Orientation == 0 && !p.Private && p.Artist == "" && p.Copyright == "" {
		return nil
	}
	var ifd0, exifIFD, gps []tiffEntry
	if p.Private {
		ifd0 = append(ifd0, ascii(0x010f, "Harbin Optics"), ascii(0x0110, "PressCam X100"))
	}
	if p.Orientation != 0 {
		ifd0 = append(ifd0, tiffEntry{tag: 0x0112, typ: 3, count: 1, data: be16(uint16(p.Orientation))})
	}
	if p.Artist != "" {
		ifd0 = append(ifd0, ascii(0x013b, p.Artist))
	}
	if p.Copyright != "" {
		ifd0 = append(ifd0, ascii(0x8298, p.Copyright))
	}
	if p.Private {
		exifIFD = []tiffEntry{ascii(0x9003, "2024:05:17 10:31:07"), ascii(0xa431, "SN-4417-2093-77")}
		gps = []tiffEntry{
			ascii(0x0001, "N"), {tag: 0x0002, typ: 5, count: 3, data: rationals(45, 1, 45, 1, 3012, 100)},
			ascii(0x0003, "E"), {tag: 0x0004, typ: 5, count: 3, data: rationals(126, 1, 38, 1, 1544, 100)},
		}
	}
	return tiff(ifd0, exifIFD, gps)
}

type tiffEntry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

func ascii(tag uint16, s string) tiffEntry {
	return tiffEntry{tag: tag, typ: 2, count: uint32(len(s) + 1), data: append([]byte(s), 0)}
}

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

func rationals(v ...uint32) []byte {
	var out []byte
	for _, x := range v {
		out = binary.BigEndian.AppendUint32(out, x)
	}
	return out
}

// tiff lays out IFD0 (with pointers to the Exif and GPS IFDs when they
// have entries), the Exif IFD and the GPS IFD, values longer than four
// bytes after each IFD.
func tiff(ifd0, exifIFD, gps []tiffEntry) []byte {
	const header = 8
	size := func(es []tiffEntry) int {
		n := 2 + 12*len(es) + 4
		for _, e := range es {
			if len(e.data) > 4 {
				n += len(e.data) + len(e.data)%2
			}
		}
		return n
	}
	withPointers := len(ifd0)
	if len(exifIFD) > 0 {
		withPointers++
	}
	if len(gps) > 0 {
		withPointers++
	}
	ifd0Size := size(ifd0) + 12*(withPointers-len(ifd0))
	exifAt := header + ifd0Size
	gpsAt := exifAt + size(exifIFD)
	if len(exifIFD) > 0 {
		ifd0 = append(ifd0, tiffEntry{tag: 0x8769, typ: 4, count: 1, data: binary.BigEndian.AppendUint32(nil, uint32(exifAt))})
	}
	if len(gps) > 0 {
		if len(exifIFD) == 0 {
			gpsAt = exifAt
		}
		ifd0 = append(ifd0, tiffEntry{tag: 0x8825, typ: 4, count: 1, data: binary.BigEndian.AppendUint32(nil, uint32(gpsAt))})
	}
	sortEntries(ifd0)
	out := []byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08")
	tiffStart := 6
	out = writeIFD(out, tiffStart, ifd0)
	if len(exifIFD) > 0 {
		out = writeIFD(out, tiffStart, exifIFD)
	}
	if len(gps) > 0 {
		out = writeIFD(out, tiffStart, gps)
	}
	return out
}

func sortEntries(es []tiffEntry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].tag < es[j-1].tag; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// writeIFD appends an IFD and its long values to out, whose TIFF header
// starts at tiffStart.
func writeIFD(out []byte, tiffStart int, es []tiffEntry) []byte {
	at := len(out) - tiffStart
	extra := at + 2 + 12*len(es) + 4
	var values []byte
	out = binary.BigEndian.AppendUint16(out, uint16(len(es)))
	for _, e := range es {
		out = binary.BigEndian.AppendUint16(out, e.tag)
		out = binary.BigEndian.AppendUint16(out, e.typ)
		out = binary.BigEndian.AppendUint32(out, e.count)
		if len(e.data) <= 4 {
			v := make([]byte, 4)
			copy(v, e.data)
			out = append(out, v...)
			continue
		}
		out = binary.BigEndian.AppendUint32(out, uint32(extra+len(values)))
		values = append(values, e.data...)
		if len(e.data)%2 == 1 {
			values = append(values, 0)
		}
	}
	out = binary.BigEndian.AppendUint32(out, 0) // no next IFD
	return append(out, values...)
}

package images

import (
	"image"
	"image/color"

	"golang.org/x/image/draw"
)

// The share picture: what a page names for sharers (og:image and
// twitter:image, a summary_large_image card) is its lead picture cut to
// ShareWidth × ShareHeight, the size Facebook, X, LinkedIn and
// messengers show, as a JPEG without metadata.
const (
	ShareWidth  = 1200
	ShareHeight = 630
)

// shareOutput makes the share picture of an upright picture (the widest
// file made, at most Settings' widest width): the largest middle part of
// the picture with the share picture's aspect ratio, scaled to its size
// with Catmull-Rom; a transparent picture is laid on white first, as
// JPEG has no transparency.
func shareOutput(m image.Image, quality int) (output, error) {
	crop := shareCrop(m.Bounds())
	dst := image.NewRGBA(image.Rect(0, 0, ShareWidth, ShareHeight))
	draw.Draw(dst, dst.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Rect, m, crop, draw.Over, nil)
	data, err := encodeJPEG(dst, quality)
	return output{width: ShareWidth, height: ShareHeight, mime: "image/jpeg", ext: "jpg", share: true, data: data}, err
}

// shareCrop is the middle part of b with the share picture's aspect
// ratio: the full height of a wide picture, the full width of a tall one.
func shareCrop(b image.Rectangle) image.Rectangle {
	w, h := b.Dx(), b.Dy()
	if w*ShareHeight > h*ShareWidth { // wider: cut the sides
		cw := max(1, (h*ShareWidth+ShareHeight/2)/ShareHeight)
		x := b.Min.X + (w-cw)/2
		return image.Rect(x, b.Min.Y, x+cw, b.Max.Y)
	}
	ch := max(1, (w*ShareHeight+ShareWidth/2)/ShareWidth)
	y := b.Min.Y + (h-ch)/2
	return image.Rect(b.Min.X, y, b.Max.X, y+ch)
}

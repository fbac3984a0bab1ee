package images

import "image"

// shrink halves a decoded JPEG (a YCbCr picture) by averaging 2 × 2
// pixels for as long as it stays at least twice as wide and high as the
// w × h it is resized to. Catmull-Rom then has a quarter of the pixels at
// most each time, and its buffer (8 bytes × 4 per pixel of the width it
// makes times the height it reads) a quarter of the memory; a box filter
// over whole pixels loses nothing a downscale by two keeps. Integer
// arithmetic: the same bytes everywhere.
func shrink(src image.Image, w, h int) image.Image {
	m, ok := src.(*image.YCbCr)
	for ok && m.Rect.Dx() >= 2*w && m.Rect.Dy() >= 2*h {
		m = halve(m)
	}
	if ok {
		return m
	}
	return src
}

// halve averages each 2 × 2 block of m's luma and of its chroma planes.
func halve(m *image.YCbCr) *image.YCbCr {
	w, h := m.Rect.Dx()/2, m.Rect.Dy()/2
	out := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
	halvePlane(out.Y, out.YStride, w, h, m.Y[m.YOffset(m.Rect.Min.X, m.Rect.Min.Y):], m.YStride, m.Rect.Dx(), m.Rect.Dy())
	cw, ch := out.CStride, len(out.Cb)/max(1, out.CStride)
	ow, oh := chromaSize(m)
	start := m.COffset(m.Rect.Min.X, m.Rect.Min.Y)
	halvePlane(out.Cb, out.CStride, cw, ch, m.Cb[start:], m.CStride, ow, oh)
	halvePlane(out.Cr, out.CStride, cw, ch, m.Cr[start:], m.CStride, ow, oh)
	return out
}

// chromaSize is the size of m's chroma planes.
func chromaSize(m *image.YCbCr) (w, h int) {
	w, h = m.Rect.Dx(), m.Rect.Dy()
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		w = (w + 1) / 2
	case image.YCbCrSubsampleRatio420:
		w, h = (w+1)/2, (h+1)/2
	case image.YCbCrSubsampleRatio440:
		h = (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		w = (w + 3) / 4
	case image.YCbCrSubsampleRatio410:
		w, h = (w+3)/4, (h+1)/2
	}
	return w, h
}

// halvePlane writes into dst (dw × dh) the 2 × 2 averages of src
// (sw × sh), the last row or column repeated where src ends.
func halvePlane(dst []byte, dstStride, dw, dh int, src []byte, srcStride, sw, sh int) {
	for y := 0; y < dh; y++ {
		y0, y1 := min(2*y, sh-1), min(2*y+1, sh-1)
		r0, r1 := src[y0*srcStride:], src[y1*srcStride:]
		d := dst[y*dstStride:]
		for x := 0; x < dw; x++ {
			x0, x1 := min(2*x, sw-1), min(2*x+1, sw-1)
			d[x] = uint8((int(r0[x0]) + int(r0[x1]) + int(r1[x0]) + int(r1[x1]) + 2) / 4)
		}
	}
}

package images

import (
	"image"
	"testing"
)

// The share picture is the largest middle part with its aspect ratio.
func TestShareCropIsTheMiddle(t *testing.T) {
	for _, tc := range []struct{ in, want image.Rectangle }{
		{image.Rect(0, 0, 1600, 1067), image.Rect(0, 113, 1600, 953)},  // a 3:2 photo: top and bottom cut
		{image.Rect(0, 0, 1200, 1700), image.Rect(0, 535, 1200, 1165)}, // portrait
		{image.Rect(0, 0, 1600, 400), image.Rect(419, 0, 1181, 400)},   // a panorama: the sides cut
		{image.Rect(0, 0, 1200, 630), image.Rect(0, 0, 1200, 630)},
	} {
		if got := shareCrop(tc.in); got != tc.want {
			t.Errorf("shareCrop(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

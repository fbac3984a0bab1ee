package images

import "testing"

// A picture's file name enters its URL as one path segment, every byte
// outside ASCII and "+" (a space to some hosts) percent-encoded, like the
// names of pages.
func TestEscapeName(t *testing.T) {
	for name, want := range map[string]string{
		"photo-800w.webp":  "photo-800w.webp",
		"c++ 图.png":        "c%2B%2B%20%E5%9B%BE.png",
		"a?b#c%d.jpg":      "a%3Fb%23c%25d.jpg",
		"q&a=1;(x)!@:.jpg": "q&a=1;(x)!@:.jpg",
	} {
		if got := escapeName(name); got != want {
			t.Errorf("escapeName(%q) = %q, want %q", name, got, want)
		}
	}
}

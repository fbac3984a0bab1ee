package sharecard

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// The font has every printable ASCII character, which Coverage.Missing
// therefore does not look up.
func TestFontHasASCII(t *testing.T) {
	f, err := parseFont()
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for r := rune(0x20); r < 0x7f; r++ {
		if !covered(f, &b, r) {
			t.Errorf("the font lacks %q", r)
		}
	}
}

package sharecard

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/math/fixed"
)

// Chinese breaks between any two characters but before closing and after
// opening punctuation; Russian and English at spaces only.
func TestLinesBreakPerScript(t *testing.T) {
	if got, want := segments("第八届，“合作”Formica集团"), []string{"第", "八", "届，", "“合", "作”Formica", "集", "团"}; !slices.Equal(got, want) {
		t.Errorf("segments = %q, want %q", got, want)
	}
	if got, want := segments("В Харбине открылась"), []string{"В ", "Харбине ", "открылась"}; !slices.Equal(got, want) {
		t.Errorf("segments = %q, want %q", got, want)
	}
	f, err := parseFont()
	if err != nil {
		t.Fatal(err)
	}
	face, _ := newFace(f, 64)
	width := fixed.I(Width - 2*margin)
	for _, title := range []string{
		"В Харбине открылась восьмая Российско-Китайская выставка: 1400 компаний из 44 стран",
		"Eighth China–Russia Expo opens in Harbin with 1,400 companies from 44 countries and regions",
	} {
		lines := wrap(face, title, width)
		if len(lines) < 2 || strings.Join(lines, " ") != title {
			t.Errorf("%q wraps to %q: want whole words on two or more lines", title, lines)
		}
	}
	zh := "第八届中俄博览会在哈尔滨开幕，俄罗斯Formica集团旗下的展览运营商参与组织"
	lines := wrap(face, zh, width)
	if len(lines) < 2 || strings.Join(lines, "") != zh {
		t.Fatalf("%q wraps to %q", zh, lines)
	}
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "，") {
			t.Errorf("a line starts with a comma: %q", lines)
		}
	}
	for _, l := range lines {
		if w := fontWidth(face, l); w > width {
			t.Errorf("line %q is wider than the card (%v)", l, w)
		}
	}
}

func fontWidth(face interface {
	GlyphAdvance(rune) (fixed.Int26_6, bool)
}, s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range s {
		a, _ := face.GlyphAdvance(r)
		w += a
	}
	return w
}

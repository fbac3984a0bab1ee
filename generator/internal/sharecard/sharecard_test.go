package sharecard_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/eventnews/gen/generator/internal/sharecard"
)

func draw(t *testing.T, c sharecard.Card) *image.Paletted {
	t.Helper()
	data, err := c.PNG()
	if err != nil {
		t.Fatal(err)
	}
	m, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := m.Bounds(); b.Dx() != sharecard.Width || b.Dy() != sharecard.Height {
		t.Fatalf("a card of %v, want %d × %d", b, sharecard.Width, sharecard.Height)
	}
	return m.(*image.Paletted)
}

// ink is the pixels of r that are not the background (index 0).
func ink(m *image.Paletted, r image.Rectangle) []image.Point {
	var out []image.Point
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if m.ColorIndexAt(x, y) != 0 {
				out = append(out, image.Pt(x, y))
			}
		}
	}
	return out
}

// The title's part of a card: below the rule.
var titleArea = image.Rect(0, 190, sharecard.Width, sharecard.Height)

// A Chinese title is drawn with the font's own glyphs: each character
// leaves ink of its own shape where the title goes (not the same empty
// box for all), and one the font lacks leaves none.
func TestChineseTitleHasTheGlyphs(t *testing.T) {
	zhong := ink(draw(t, sharecard.Card{Site: "中俄活动新闻", Title: "中"}), titleArea)
	guo := ink(draw(t, sharecard.Card{Site: "中俄活动新闻", Title: "国"}), titleArea)
	if len(zhong) < 500 || len(guo) < 500 {
		t.Fatalf("中 left %d pixels of ink, 国 %d: want a glyph each", len(zhong), len(guo))
	}
	if len(zhong) == len(guo) {
		t.Errorf("中 and 国 leave the same ink (%d pixels): an empty box?", len(zhong))
	}
	// 中 is symmetric about its vertical stroke: as much ink on each side.
	minX, maxX := zhong[0].X, zhong[0].X
	for _, p := range zhong {
		minX, maxX = min(minX, p.X), max(maxX, p.X)
	}
	mid, left, right := (minX+maxX)/2, 0, 0
	for _, p := range zhong {
		if p.X < mid {
			left++
		} else if p.X > mid {
			right++
		}
	}
	if d := left - right; d*10 > left || -d*10 > left {
		t.Errorf("中: %d pixels left of its middle, %d right: not its glyph", left, right)
	}
	if n := len(ink(draw(t, sharecard.Card{Title: "\U00020000"}), titleArea)); n != 0 {
		t.Errorf("a character the font lacks left %d pixels of ink, want none (no empty box)", n)
	}
	if got := sharecard.Missing("中俄 Россия Russia \U00020000，中"); len(got) != 1 || got[0] != 0x20000 {
		t.Errorf("Missing = %q, want only U+20000", got)
	}
}

// The font covers the three scripts and the common Han characters.
func TestFontCoversTheScripts(t *testing.T) {
	for _, s := range []string{
		"第八届中俄博览会在哈尔滨开幕，“合作、互信、机遇”（2024年）",
		"В Харбине открылась восьмая Российско-Китайская выставка — «ЭКСПО» №8, ёлка",
		"China–Russia Expo opens in Harbin: 1,400 companies & 44 countries (100%)",
	} {
		if m := sharecard.Missing(s); len(m) > 0 {
			t.Errorf("the font lacks %q of %q", string(m), s)
		}
	}
}

// The same card gives the same bytes every time.
func TestCardsAreDeterministic(t *testing.T) {
	c := sharecard.Card{Site: "Новости", Title: "В Харбине открылась выставка"}
	a, _ := c.PNG()
	b, _ := c.PNG()
	if !bytes.Equal(a, b) {
		t.Error("two drawings of one card differ")
	}
	if d, _ := (sharecard.Card{Site: "Новости", Title: "В Харбине открылась выставка!"}).PNG(); bytes.Equal(a, d) {
		t.Error("another title gave the same card")
	}
}

// A title too long for the card at the smallest size still fits: it is
// cut, and nothing is drawn in the bottom margin.
func TestLongTitleStaysOnTheCard(t *testing.T) {
	long := ""
	for range 40 {
		long += "Российско-китайское сотрудничество "
	}
	m := draw(t, sharecard.Card{Site: "Site", Title: long})
	if n := len(ink(m, image.Rect(0, sharecard.Height-60, sharecard.Width, sharecard.Height))); n != 0 {
		t.Errorf("%d pixels of ink in the bottom margin", n)
	}
	if n := len(ink(m, image.Rect(sharecard.Width-70, 0, sharecard.Width, sharecard.Height))); n != 0 {
		t.Errorf("%d pixels of ink in the right margin", n)
	}
}

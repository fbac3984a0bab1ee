package newrelease

import (
	"bytes"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	pinyin "github.com/mozillazg/go-pinyin"

	"github.com/eventnews/gen/generator/internal/newrelease/internal/pinyindata"
)

// TestPinyinReadings checks that the table answers exactly as go-pinyin
// did when ProposeSlug called it: for every rune go-pinyin knows, every Han
// character, and the runes around and between them. "No reading" is nil
// here and an empty slice from go-pinyin; ProposeSlug only asks for the
// length.
func TestPinyinReadings(t *testing.T) {
	args := pinyin.NewArgs()
	args.Heteronym = true
	check := func(r rune) {
		t.Helper()
		got, want := pinyinReadings(r), pinyin.SinglePinyin(r, args)
		if !slices.Equal(got, want) || len(got) == 0 && got != nil {
			t.Errorf("pinyinReadings(%U) = %q, go-pinyin says %q", r, got, want)
		}
	}
	for k := range pinyin.PinyinDict {
		check(rune(k))
	}
	ranges := [][2]rune{
		{-2, 0x4ff},          // before the table, ASCII, Latin, Cyrillic
		{0x2e80, 0x33000},    // the span of the table, with every Han block in it
		{0xe000, 0xf8ff},     // private use; the table has some
		{0xfff0, 0x10040},    // around utf8.RuneError and the end of the BMP
		{0x10fff0, 0x110010}, // the last runes and past them
	}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			check(r)
		}
	}
	for _, rg := range unicode.Han.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			check(r)
		}
	}
	check(utf8.MaxRune)
}

// TestPinyinTableUpToDate fails when pinyin.txt is not what pinyin_gen.go
// makes from the go-pinyin in go.mod; run go generate to fix it.
func TestPinyinTableUpToDate(t *testing.T) {
	want, err := pinyindata.Generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(pinyinTable), want) {
		t.Errorf("pinyin.txt is out of date: run go generate in generator/internal/newrelease")
	}
}

func BenchmarkPinyinReadings(b *testing.B) {
	for b.Loop() {
		pinyinReadings('哈')
	}
}

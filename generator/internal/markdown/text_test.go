package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWordCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"  \n ", 0},
		{"Hello, world!", 2},
		{"Выставка открылась в Харбине", 4},
		{"哈尔滨举行", 5},
		{"第十届中俄博览会 in Harbin", 10},
		{"ハルビンで開催", 7},
		{"한국어 문장", 5},
		{"don't stop", 2},
		{"Санкт-Петербург и Ростов-на-Дону", 3},
		{"1,000 visitors, 3.5 days", 4},
		{"— «цитата» —", 1},
		{"e-mail: a@b", 3},
	} {
		if got := WordCount(tc.text); got != tc.want {
			t.Errorf("WordCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	words := func(n int) string {
		b := make([]byte, 0, n*5)
		for range n {
			b = append(b, "word "...)
		}
		return string(b)
	}
	han := func(n int) string {
		b := make([]rune, n)
		for i := range b {
			b[i] = '字'
		}
		return string(b)
	}
	for _, tc := range []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 1},
		{"200 words", words(200), 1},
		{"201 words", words(201), 2},
		{"300 han", han(300), 1},
		{"301 han", han(301), 2},
		{"150 han + 100 words", han(150) + " " + words(100), 1},
		{"150 han + 101 words", han(150) + " " + words(101), 2},
		{"1000 words", words(1000), 5},
		{"900 han", han(900), 3},
	} {
		if got := minutes(count(tc.text)); got != tc.want {
			t.Errorf("ReadingMinutes(%s) = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		name, text, lang string
		limit            int
		want             string
	}{
		{"fits", "Short text.", "en", 5, "Short text."},
		{"fits exactly", "one two three", "en", 3, "one two three"},
		{"spaces normalised", " one\n two  ", "en", 5, "one two"},
		{"word cut", "one two three four five six", "en", 4, "one two three four…"},
		{"word cut drops comma", "one two three, four five six", "en", 3, "one two three…"},
		{"sentence in last third", "One two three four. Five six seven eight nine", "en", 6, "One two three four."},
		{"sentence too early", "One two. Three four five six seven eight nine", "en", 6, "One two. Three four five six…"},
		{"no sentence inside a number", "Visitors 1. 5 million people came here today", "en", 3, "Visitors 1. 5…"},
		{"dotted not sentence", "See example.com for the full programme today", "en", 4, "See example.com for…"},
		{"russian", "Выставка открылась в Харбине. Участвуют более тысячи компаний из двадцати стран", "ru", 6, "Выставка открылась в Харбине."},
		{"hyphenated word whole", "Делегация Санкт-Петербурга прибыла", "ru", 2, "Делегация Санкт-Петербурга…"},
		{"cjk chars", "第十届中俄博览会在哈尔滨举行展期五天", "zh", 8, "第十届中俄博览会…"},
		{"cjk sentence", "第十届中俄博览会开幕。来自三十个国家的企业参展", "zh", 14, "第十届中俄博览会开幕。"},
		{"cjk sentence with closer", "他说：“展会很成功。”随后离开了会场前往机场", "zh", 14, "他说：“展会很成功。”"},
		{"cjk never cuts latin word", "展会在Harbin举行", "zh", 5, "展会在…"},
		{"cjk fits", "展会在哈尔滨举行。", "zh-Hans", 120, "展会在哈尔滨举行。"},
		{"cjk fullwidth sentence end", "真的吗？是的，展会今天开幕了对吧", "zh", 6, "真的吗？"},
		{"default limit words", "a b c", "en", 0, "a b c"},
		{"cut at a word ending a sentence", "They came. Then a great many more people arrived later", "en", 2, "They came."},
		{"cut at a cjk sentence end", "展会开幕了。来自三十个国家的企业参展", "zh", 6, "展会开幕了。"},
		{"one long word", "Supercalifragilistic", "zh", 5, "Super…"},
	} {
		if got := summarizeText(tc.text, tc.lang, tc.limit); got != tc.want {
			t.Errorf("%s: summarizeText(%q, %s, %d) = %q, want %q", tc.name, tc.text, tc.lang, tc.limit, got, tc.want)
		}
	}
}

func TestSummarizeDefaults(t *testing.T) {
	if SummaryChars != 120 || SummaryWords != 50 {
		t.Fatalf("defaults %d %d", SummaryChars, SummaryWords)
	}
	long := ""
	for range 200 {
		long += "展"
	}
	if got := summarizeText(long, "zh", 0); utf8.RuneCountInString(got) != SummaryChars+1 {
		t.Errorf("zh default: %d runes", utf8.RuneCountInString(got))
	}
	words := ""
	for range 80 {
		words += "слово "
	}
	if got := summarizeText(words, "ru", 0); WordCount(got) != SummaryWords {
		t.Errorf("ru default: %d words", WordCount(got))
	}
}

// TestClassOf checks the fast ranges of classOf against the Unicode tables
// for every rune.
func TestClassOf(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := uint8(classOther)
		switch {
		case cjkRune(r):
			want = classCJK
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			want = classWord
		}
		if got := classOf(r); got != want {
			t.Fatalf("classOf(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestDecodeRune compares decodeRune with utf8.DecodeRune on every
// sequence of up to three bytes, and on sequences cut short.
func TestDecodeRune(t *testing.T) {
	buf := make([]byte, 3)
	for a := 0x80; a < 0x100; a++ {
		step := 1
		if a < 0xE0 { // the third byte is never read
			step = 0x41
		}
		for b := 0; b < 0x100; b++ {
			for c := 0; c < 0x100; c += step {
				buf[0], buf[1], buf[2] = byte(a), byte(b), byte(c)
				for n := 1; n <= 3; n++ {
					r, size := decodeRune(buf[:n], 0)
					wr, wsize := utf8.DecodeRune(buf[:n])
					if r != wr || size != wsize {
						t.Fatalf("decodeRune(% x) = %U, %d; want %U, %d", buf[:n], r, size, wr, wsize)
					}
					if r, size := decodeRune(string(buf[:n]), 0); r != wr || size != wsize {
						t.Fatalf("decodeRune(%q) = %U, %d; want %U, %d", buf[:n], r, size, wr, wsize)
					}
				}
			}
		}
	}
}

// TestCountIsSpans checks that count, which has a loop of its own, finds
// the spans eachSpan finds.
func TestCountIsSpans(t *testing.T) {
	pieces := []string{"a", "Z", "9", " ", "-", "'", "’", ".", ",", "ё", "Ж", "ѿ", "҂", "中", "丂", "鿿", "ー", "カ", "한",
		"，", "。", "—", "«", "é", "\u0301", "Ａ", "１", "\xd0", "\xe5\x80", "\xff", "\u4dff", "\u3005"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		var wantCJK, wantWords int
		for _, s := range spans(text) {
			if s.cjk {
				wantCJK++
			} else {
				wantWords++
			}
		}
		if cjk, words := count([]byte(text)); cjk != wantCJK || words != wantWords {
			t.Fatalf("count(%q) = %d, %d; spans give %d, %d", text, cjk, words, wantCJK, wantWords)
		}
	}
}

// summarizeText is summarize of text with its white space collapsed
// first, as Convert's first paragraph is.
func summarizeText(text, lang string, limit int) string {
	return summarize(collapseSpaces(text), lang, limit)
}

// collapseSpaces trims s and turns every run of white space into one space.
func collapseSpaces(s string) string {
	var b strings.Builder
	collapseInto(&b, []byte(s), 0)
	return b.String()
}

package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// MaxWord is the longest word indexed, in characters: a longer one (a URL,
// a hash) is skipped whole.
const MaxWord = 40

// Fold is a character as the index and the browser's script compare it:
// lower case, "ё" as "е", full-width ASCII (Ａ, １) as ASCII, and the
// typographer's apostrophes (’ ‘) as "'".
func Fold(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == 'ё' || r == 'Ё':
		return 'е'
	case r == '’' || r == '‘':
		return '\''
	case 0xFF01 <= r && r <= 0xFF5E:
		return Fold(r - 0xFF01 + '!')
	}
	return unicode.ToLower(r)
}

// IsCJK reports whether r is written without spaces between words: Han
// characters and the Japanese kana. Runs of them are indexed as character
// n-grams, not as words.
func IsCJK(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// Classes of a folded character.
const (
	sep  = iota // between words
	word        // in a word
	cjk         // in a CJK run
	apos        // an apostrophe: in a word between two word characters
)

// classify folds r (Fold) and tells its class, with fast paths for ASCII,
// Cyrillic and the common CJK block.
func classify(r rune) (rune, uint8) {
	switch {
	case r < 0x80:
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			return r, word
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A', word
		case r == '\'':
			return r, apos
		}
		return r, sep
	case 0x430 <= r && r <= 0x44F: // а–я
		return r, word
	case 0x410 <= r && r <= 0x42F: // А–Я
		return r + 0x20, word
	case 0x4E00 <= r && r <= 0x9FFF:
		return r, cjk
	}
	r = Fold(r)
	switch {
	case r == '\'':
		return r, apos
	case r < 0x80:
		return classify(r)
	case IsCJK(r):
		return r, cjk
	case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
		return r, word
	}
	return r, sep
}

// sink receives what scan finds.
type sink interface {
	word(form []byte) // a folded word
	run(run []rune)   // a maximal run of CJK characters
}

// scanner splits text into words and CJK runs, reusing its buffers.
type scanner struct {
	word []byte // the folded word being read
	run  []rune // the CJK run being read
}

// scan hands each word of text, folded (Fold), and each maximal run of CJK
// characters to out. A word is a run of letters, numbers and marks; an
// apostrophe between two such characters stays in it ("china's"). Words
// longer than MaxWord characters are skipped. The slices handed are valid
// only during the call.
func (sc *scanner) scan(text string, out sink) {
	sc.word, sc.run = sc.word[:0], sc.run[:0]
	n := 0 // characters in sc.word
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		r, class := classify(r)
		if class == apos {
			class = sep
			if n > 0 && i < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i:])
				if _, c := classify(next); c == word {
					class = word
				}
			}
		}
		if class != word && n > 0 {
			if n <= MaxWord {
				out.word(sc.word)
			}
			sc.word, n = sc.word[:0], 0
		}
		if class != cjk && len(sc.run) > 0 {
			out.run(sc.run)
			sc.run = sc.run[:0]
		}
		switch class {
		case word:
			sc.word = utf8.AppendRune(sc.word, r)
			n++
		case cjk:
			sc.run = append(sc.run, r)
		}
	}
	if n > 0 && n <= MaxWord {
		out.word(sc.word)
	}
	if len(sc.run) > 0 {
		out.run(sc.run)
	}
}

// Stem is the term a folded word is indexed under: the Snowball Russian
// stem of a word with a Cyrillic letter, the Snowball English (Porter2)
// stem of one with a Latin letter, the word itself otherwise (numbers,
// other scripts). Stop words are stemmed like any word and indexed.
func Stem(form string) string {
	script := scriptOf(form)
	switch script {
	case cyrillic:
		return russian.Stem(form, true)
	case latin:
		return english.Stem(form, true)
	}
	return form
}

const (
	other = iota
	latin
	cyrillic
)

// scriptOf tells which stemmer a word takes: Cyrillic if it has a
// Cyrillic letter, else Latin if it has a Latin one.
func scriptOf(form string) int {
	s := other
	for _, r := range form {
		switch {
		case 'a' <= r && r <= 'z':
			s = latin
		case r >= 0x400 && r <= 0x52F:
			return cyrillic
		case r >= 0x80 && s == other && unicode.Is(unicode.Latin, r):
			s = latin
		}
	}
	return s
}

// Terms are the index terms of a text in order, as the browser's script
// finds them in a query: the stem of each word (Stem), and for each CJK
// run every character and every pair of neighbouring characters. It is
// for tests and tools; the index builds terms without the slice.
func Terms(text string) []string {
	var out []string
	var sc scanner
	sc.scan(text, funcs{func(form []byte) {
		out = append(out, Stem(string(form)))
	}, func(run []rune) {
		for i, r := range run {
			out = append(out, string(r))
			if i+1 < len(run) {
				out = append(out, string(run[i:i+2]))
			}
		}
	}})
	return out
}

// Words returns the folded words and CJK runs of text, for tests.
func Words(text string) []string {
	var out []string
	var sc scanner
	sc.scan(text, funcs{func(form []byte) { out = append(out, string(form)) }, func(run []rune) { out = append(out, string(run)) }})
	return out
}

// funcs is a sink of two functions.
type funcs struct {
	w func([]byte)
	r func([]rune)
}

func (f funcs) word(form []byte) { f.w(form) }
func (f funcs) run(run []rune)   { f.r(run) }

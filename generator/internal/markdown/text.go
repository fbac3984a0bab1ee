package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cjkRune reports whether r counts as one unit on its own: Han, Kana or
// Hangul (and the Kana length mark ー).
func cjkRune(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: Latin, Cyrillic, Greek, …
		return false
	}
	if 0x4E00 <= r && r <= 0x9FFF { // CJK Unified Ideographs, all Han
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー'
}

// wordRune reports whether r belongs to a word of a script that separates
// words with spaces.
func wordRune(r rune) bool {
	return classOf(r) == classWord
}

// How a rune counts.
const (
	classOther = iota // separates words
	classWord         // part of a word
	classCJK          // a unit of its own
)

// classOf tells cjkRune from wordRune, taking the common ranges first;
// TestClassOf checks every rune against classOfSlow.
func classOf(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' {
			return classWord
		}
		return classOther
	case 0x0400 <= r && r <= 0x047F: // Cyrillic letters
		return classWord
	case 0x4E00 <= r && r <= 0x9FFF:
		return classCJK
	case 0x2000 <= r && r <= 0x206F, // general punctuation: — “ ” …
		0x3000 <= r && r <= 0x3004, 0x3008 <= r && r <= 0x3020: // 、。「」【】
		return classOther
	}
	return classOfSlow(r)
}

func classOfSlow(r rune) uint8 {
	switch {
	case cjkRune(r):
		return classCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return classWord
	}
	return classOther
}

// span is one counting unit: a CJK character or a word, as byte offsets.
type span struct {
	start, end int
	cjk        bool
}

// spans splits text into CJK characters and words. An apostrophe or hyphen
// between two word characters, and "." or "," between two digits, joins.
func spans(text string) []span {
	var out []span
	eachSpan(text, func(start, end int, cjk bool) {
		out = append(out, span{start, end, cjk})
	})
	return out
}

// decodeRune is utf8.DecodeRune for either type of text, with two- and
// three-byte sequences (Cyrillic, CJK) decoded in line.
func decodeRune[T string | []byte](text T, i int) (rune, int) {
	c := text[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case 0xC2 <= c && c < 0xE0 && i+1 < len(text):
		if c1 := text[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case 0xE0 <= c && c < 0xF0 && i+2 < len(text):
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xE0 {
			lo = 0xA0 // no overlong forms
		} else if c == 0xED {
			hi = 0x9F // no surrogates
		}
		if c1, c2 := text[i+1], text[i+2]; lo <= c1 && c1 <= hi && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	// At most utf8.UTFMax bytes: a []byte is converted without allocating.
	return utf8.DecodeRuneInString(string(text[i:min(i+utf8.UTFMax, len(text))]))
}

// eachSpan calls fn for every span of text, in order.
func eachSpan[T string | []byte](text T, fn func(start, end int, cjk bool)) {
	start := -1   // start of the current word, or -1
	var prev rune // last rune of the current word
	for i := 0; i < len(text); {
		r, size, class := rune(text[i]), 1, uint8(classOther)
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' {
				class = classWord
			}
		} else {
			r, size = decodeRune(text, i)
			class = classOf(r)
		}
		switch {
		case class == classCJK:
			if start >= 0 {
				fn(start, i, false)
				start = -1
			}
			fn(i, i+size, true)
		case class == classWord:
			if start < 0 {
				start = i
			}
			prev = r
		case start >= 0 && joiner(prev, r, text, i+size):
			// stays in the word
		case start >= 0:
			fn(start, i, false)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text), false)
	}
}

// joiner reports whether r, between prev and the rune at text[next:], joins
// them into one word.
func joiner[T string | []byte](prev, r rune, text T, next int) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑':
	case '.', ',':
		if !unicode.IsDigit(prev) {
			return false
		}
	default:
		return false
	}
	if next >= len(text) {
		return false
	}
	n, _ := decodeRune(text, next)
	if r == '.' || r == ',' {
		return unicode.IsDigit(n)
	}
	return wordRune(n)
}

// WordCount counts words; each Han/Kana/Hangul character counts as one
// unit, runs of letters/digits in other scripts as one word.
func WordCount(text string) int {
	cjk, words := count(text)
	return cjk + words
}

// minutes estimates reading time: CJK characters at 300 per minute
// plus other words at 200 per minute, rounded up, at least 1.
func minutes(cjk, words int) int {
	// cjk/300 + words/200 = (2*cjk + 3*words) / 600
	m := (2*cjk + 3*words + 599) / 600
	return max(m, 1)
}

// count returns the number of CJK characters and of other words: the
// spans eachSpan finds, counted in a loop of its own that tells the
// commonest characters (ASCII, Cyrillic, Han) by their first byte.
func count[T string | []byte](text T) (cjk, words int) {
	inWord := false
	var prev rune // last rune of the current word
	for i := 0; i < len(text); {
		c := text[i]
		switch leadKinds[c] {
		case leadWord:
			if !inWord {
				words++
				inWord = true
			}
			prev = rune(c)
			i++
			continue
		case leadOther:
			inWord = false
			i++
			continue
		case leadCyrillic: // U+0400–U+047F, letters
			if i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				if !inWord {
					words++
					inWord = true
				}
				prev = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
				i += 2
				continue
			}
		case leadHan: // U+5000–U+9FFF
			if i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				cjk++
				inWord = false
				i += 3
				continue
			}
		}
		r, size := decodeRune(text, i)
		switch class := classOf(r); {
		case class == classCJK:
			cjk++
			inWord = false
		case class == classWord:
			if !inWord {
				words++
				inWord = true
			}
			prev = r
		case inWord && joiner(prev, r, text, i+size):
			// stays in the word
		default:
			inWord = false
		}
		i += size
	}
	return cjk, words
}

// What the first byte of a character tells count.
const (
	leadSlow     = iota // anything else: decode and classify
	leadWord            // ASCII letter or digit
	leadOther           // ASCII that separates words and joins none
	leadCyrillic        // D0, D1
	leadHan             // E5–E9
)

var leadKinds = func() (t [256]uint8) {
	for c := range 0x80 {
		t[c] = leadOther
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9':
			t[c] = leadWord
		case c == '\'' || c == '-' || c == '.' || c == ',':
			t[c] = leadSlow // may join
		}
	}
	t[0xD0], t[0xD1] = leadCyrillic, leadCyrillic
	for c := 0xE5; c <= 0xE9; c++ {
		t[c] = leadHan
	}
	return t
}()

// sentenceEnd reports whether r ends a sentence; ASCII ones only when
// followed by a space, the end, or closing punctuation.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '.', '!', '?':
		return true
	}
	return false
}

func closer(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '“', '」', '』', '）', ')', ']', '】', '》', '〉':
		return true
	}
	return false
}

// summarize cuts plain text, its white space already collapsed (as
// FirstParagraph is), to at most limit units: for CJK languages limit
// is characters, otherwise words. It never cuts mid-word, prefers ending at
// a sentence end (。！？.!?) when one falls in the last third, and appends
// "…" only when it cut inside a sentence: a summary of whole sentences
// ends with their full stop, not "。…". A limit of zero or
// less means the default, SummaryChars or SummaryWords. A single word longer
// than the whole limit is the one case cut inside a word.
func summarize(text, lang string, limit int) string {
	cjk := isCJKLang(lang)
	if limit <= 0 {
		limit = SummaryWords
		if cjk {
			limit = SummaryChars
		}
	}
	// Most first paragraphs are short enough already.
	if cjk && utf8.RuneCountInString(text) <= limit {
		return text
	}
	if !cjk {
		if c, w := count(text); c+w <= limit {
			return text
		}
	}
	words := spans(text)
	ends, breakable := unitEnds(text, words, cjk)
	if len(ends) <= limit {
		return text
	}
	sentence := lastSentenceEnd(text, ends, limit)
	if sentence >= 0 && unitsBefore(ends, sentence)*3 >= limit*2 {
		return strings.TrimSpace(text[:sentence]) // whole sentences: no "…"
	}

	cut := -1
	for k := limit; k >= 1; k-- {
		if breakable[k-1] {
			cut = ends[k-1]
			break
		}
	}
	if cut < 0 {
		cut = ends[limit-1] // one word longer than the limit
	}
	out := strings.TrimRightFunc(text[:cut], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:、，；：-–—([{（【《«„“‘\"'/", r)
	})
	if endsSentence(out) {
		return out // it ends a sentence already
	}
	return out + "…"
}

// unitEnds returns, for each unit of text (a character for CJK, else a
// word of words), the byte offset after it; breakable[k] says whether
// cutting after unit k keeps words whole.
func unitEnds(text string, words []span, cjk bool) (ends []int, breakable []bool) {
	if cjk {
		wordAt := 0
		for i, r := range text {
			if unicode.IsSpace(r) {
				continue
			}
			end := i + utf8.RuneLen(r)
			for wordAt < len(words) && words[wordAt].end < end {
				wordAt++
			}
			inside := wordAt < len(words) && words[wordAt].start < end && end < words[wordAt].end
			ends = append(ends, end)
			breakable = append(breakable, !inside)
		}
	} else {
		for _, w := range words {
			ends = append(ends, w.end)
			breakable = append(breakable, true)
		}
	}
	return ends, breakable
}

// lastSentenceEnd returns the offset after the last sentence end within
// limit units, or -1.
func lastSentenceEnd(text string, ends []int, limit int) int {
	// The best sentence end within the limit.
	sentence := -1
	for i, r := range text {
		if !sentenceEnd(r) {
			continue
		}
		j := i + utf8.RuneLen(r)
		for j < len(text) {
			r2, size := utf8.DecodeRuneInString(text[j:])
			if !sentenceEnd(r2) && !closer(r2) {
				break
			}
			j += size
		}
		if r < utf8.RuneSelf && (j < len(text) && text[j] != ' ' || !endsSentence(text[:i+1])) {
			continue // "3.5", "example.com", "1. 5"
		}
		n := unitsBefore(ends, j)
		if n > limit {
			break
		}
		if n > 0 {
			sentence = j // the last one within the limit wins
		}
	}
	return sentence
}

// endsSentence reports whether s ends with a sentence's end: a full-width
// 。！？, or . ! ? after a letter (not "1." of a number).
func endsSentence(s string) bool {
	last, size := utf8.DecodeLastRuneInString(s)
	if !sentenceEnd(last) {
		return false
	}
	if last >= utf8.RuneSelf {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return unicode.IsLetter(before)
}

// unitsBefore counts the units that end at or before byte offset off.
func unitsBefore(ends []int, off int) int {
	n := 0
	for n < len(ends) && ends[n] <= off {
		n++
	}
	return n
}

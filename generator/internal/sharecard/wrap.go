package sharecard

import (
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

const (
	closing = "，。、；：！？）」』》〉】〕…—’”%,.;:!?)]}»"
	opening = "（「『《〈【〔‘“([{«"
)

// wide reports whether r is a character of a script written without
// spaces (Han, kana) or a full-width form: a line may break beside it.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		0x3000 <= r && r <= 0x303F || 0xFF00 <= r && r <= 0xFFEF
}

// breakBefore reports whether a line may break between prev and r.
func breakBefore(prev, r rune) bool {
	if r == ' ' {
		return false // a break at a space comes after it
	}
	if prev == ' ' {
		return true
	}
	if !wide(prev) && !wide(r) {
		return false
	}
	return !strings.ContainsRune(closing, r) && !strings.ContainsRune(opening, prev)
}

// segments cuts s where a line may break.
func segments(s string) []string {
	var out []string
	start, prev := 0, rune(0)
	for i, r := range s {
		if i > 0 && breakBefore(prev, r) {
			out = append(out, s[start:i])
			start = i
		}
		prev = r
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// wrap sets s in lines no wider than width: greedily, segment by segment,
// a segment wider than a line rune by rune. Spaces at the ends of lines
// are dropped.
func wrap(face font.Face, s string, width fixed.Int26_6) []string {
	var lines []string
	line := ""
	fits := func(t string) bool { return font.MeasureString(face, strings.TrimRight(t, " ")) <= width }
	for _, seg := range segments(s) {
		switch {
		case fits(line + seg):
			line += seg
		case line != "" && fits(seg):
			lines = append(lines, strings.TrimRight(line, " "))
			line = seg
		default: // too long for any line: break it where it must
			for _, r := range seg {
				if line != "" && !fits(line+string(r)) {
					lines = append(lines, strings.TrimRight(line, " "))
					line = ""
				}
				if line != "" || r != ' ' {
					line += string(r)
				}
			}
		}
	}
	if line = strings.TrimRight(line, " "); line != "" {
		lines = append(lines, line)
	}
	return lines
}

// cut is lines[:n] with its last line ending in "…", shortened until it
// fits width; lines as they are when there are n or fewer.
func cut(face font.Face, lines []string, n int, width fixed.Int26_6) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := []rune(strings.TrimRight(lines[n-1], " "))
	for len(last) > 0 && font.MeasureString(face, string(last)+"…") > width {
		last = last[:len(last)-1]
	}
	lines[n-1] = strings.TrimRight(string(last), " ") + "…"
	return lines
}

package escape

import (
	"strings"
	"unicode/utf8"
)

// XMLText writes s as XML character data: markup characters as entities,
// characters XML does not allow as U+FFFD.
func XMLText(b *strings.Builder, s string) { xmlEscape(b, s, false) }

// XMLAttr writes s as an XML attribute value in double quotes.
func XMLAttr(b *strings.Builder, s string) { xmlEscape(b, s, true) }

func xmlEscape(b *strings.Builder, s string, attr bool) {
	// Runs that need nothing are copied whole.
	done := 0
	for i := 0; i < len(s); {
		c := s[i]
		var repl string
		size := 1
		switch {
		case c == '&':
			repl = "&amp;"
		case c == '<':
			repl = "&lt;"
		case c == '>':
			repl = "&gt;"
		case c == '"' && attr:
			repl = "&quot;"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			repl = "\uFFFD"
		case c < utf8.RuneSelf:
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				repl = "\uFFFD" // an invalid byte reads as utf8.RuneError, U+FFFD
			}
		}
		if repl != "" {
			b.WriteString(s[done:i])
			b.WriteString(repl)
			done = i + size
		}
		i += size
	}
	b.WriteString(s[done:])
}

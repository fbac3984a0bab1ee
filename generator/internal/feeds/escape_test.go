package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// xmlEscape gives what escaping rune by rune gives: entities for markup,
// U+FFFD for what XML does not allow and for invalid UTF-8.
func FuzzXMLEscape(f *testing.F) {
	for _, s := range []string{"plain", `<a href="x">&amp;</a>`, "中文 текст", "\xff\xfe", "\x00\x1f\t\n\r", "\uFFFE\uFFFF\uFFFD"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, attr bool) {
		var want strings.Builder
		for _, r := range s {
			switch {
			case r == '&':
				want.WriteString("&amp;")
			case r == '<':
				want.WriteString("&lt;")
			case r == '>':
				want.WriteString("&gt;")
			case r == '"' && attr:
				want.WriteString("&quot;")
			case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
				want.WriteRune(utf8.RuneError)
			default:
				want.WriteRune(r)
			}
		}
		var got strings.Builder
		xmlEscape(&got, s, attr)
		if got.String() != want.String() {
			t.Errorf("xmlEscape(%q, %v) = %q, want %q", s, attr, got.String(), want.String())
		}
	})
}

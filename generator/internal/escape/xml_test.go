package escape_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/escape"
)

// XMLText and XMLAttr give what escaping rune by rune gives: entities for markup,
// U+FFFD for what XML does not allow and for invalid UTF-8.
func FuzzXMLRuneByRune(f *testing.F) {
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
		if attr {
			escape.XMLAttr(&got, s)
		} else {
			escape.XMLText(&got, s)
		}
		if got.String() != want.String() {
			t.Errorf("escaping %q (attribute: %v) = %q, want %q", s, attr, got.String(), want.String())
		}
	})
}

func TestXMLAttrOfURLs(t *testing.T) {
	for in, want := range map[string]string{
		"":                                "",
		"https://example.org/zh/news/a/":  "https://example.org/zh/news/a/",
		`https://x/?a=1&b="2"<3>`:         "https://x/?a=1&amp;b=&quot;2&quot;&lt;3&gt;",
		"&&":                              "&amp;&amp;",
		"https://example.org/ru/%D0%B0/&": "https://example.org/ru/%D0%B0/&amp;",
	} {
		var b strings.Builder
		escape.XMLAttr(&b, in)
		if b.String() != want {
			t.Errorf("XMLAttr(%q) = %q, want %q", in, b.String(), want)
		}
	}
}

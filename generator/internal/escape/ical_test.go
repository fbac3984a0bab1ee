package escape_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/escape"
)

func TestICalText(t *testing.T) {
	for in, want := range map[string]string{
		`a,b;c\d`:          `a\,b\;c\\d`,
		"line1\nline2":     `line1\nline2`,
		"crlf\r\nand\rcr":  `crlf\nand\ncr`,
		"tab\tbell\a":      "tab\tbell",
		"中文，俄文；":           "中文，俄文；",
		"bad \xff byte":    "bad \uFFFD byte",
		`already \n there`: `already \\n there`,
		"plain text":       "plain text",
		"del\x7f":          "del",
		"":                 "",
	} {
		if got := escape.ICalText(in); got != want {
			t.Errorf("ICalText(%q) = %q, want %q", in, got, want)
		}
	}
}

// ICalText's shortcut for a value with nothing to escape gives what escaping
// each rune gives.
func FuzzICalTextShortcut(f *testing.F) {
	for _, s := range []string{"plain", "a,b", "\t", "中文", "\xff", "\x7f", "x\r\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for i, r := range s {
			switch {
			case r == '\\' || r == ';' || r == ',':
				b.WriteByte('\\')
				b.WriteRune(r)
			case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			case r == '\n' || r == '\r':
				b.WriteString(`\n`)
			case r < 0x20 && r != '\t', r == 0x7f:
			default:
				b.WriteRune(r)
			}
		}
		if got := escape.ICalText(s); got != b.String() {
			t.Errorf("ICalText(%q) = %q, want %q", s, got, b.String())
		}
	})
}

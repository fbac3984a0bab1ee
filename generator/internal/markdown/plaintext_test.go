package markdown

import "testing"

// TestPlainTextCollapsesEveryWhiteSpace: runs of any Unicode white space
// (no-break, ideographic, tabs, line ends) become one space, blocks are
// separated by one line end, and a block of nothing but white space adds
// no empty line.
func TestPlainTextCollapsesEveryWhiteSpace(t *testing.T) {
	src := "  a\u00a0\u00a0b\u3000c \n d\u2028e\u0085f\n\n\u3000\u00a0\n\n```\n  code  \n```\n\n- Ж\u202fз\n- &nbsp;x&#x3000;y"
	r, err := New(Options{Lang: "ru", PlainText: true}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "a b c d e f\ncode\nЖ з\nx y"; r.PlainText != want {
		t.Errorf("PlainText = %q, want %q", r.PlainText, want)
	}
	if want := "a b c d e f"; r.FirstParagraph != want {
		t.Errorf("FirstParagraph = %q, want %q", r.FirstParagraph, want)
	}
}

package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Text[^%d].\n\n[^%d]: Note.\n\n", i, i)
	}
	return b.String()
}

// Bodies past a limit are refused with its place; bodies at the limit, or
// written as real releases are, convert.
func TestLimits(t *testing.T) {
	longURL := "https://example.org/" + strings.Repeat("a", 1000)
	for _, tc := range []struct {
		name, src string
		line, col int    // 0: converts
		msg       string // the start of the message
	}{
		{"block quotes at the limit", strings.Repeat(">", MaxDepth) + " deep\n", 0, 0, ""},
		{"block quotes past it", "text\n\n" + strings.Repeat("> ", MaxDepth+1) + "deep\n", 3, 2*MaxDepth + 1, "block quotes, lists and footnotes nest more than 100 deep here: nest them less deeply"},
		{"3000-deep block quotes", strings.Repeat(">", 3000) + " deep\n", 1, MaxDepth + 1, "block quotes, lists and footnotes nest"},
		{"list at the limit", nestedList(MaxDepth), 0, 0, ""},
		{"list past it", nestedList(MaxDepth + 1), MaxDepth + 1, 2*MaxDepth + 1, "block quotes, lists and footnotes nest"},
		{"list on one line", strings.Repeat("- ", 2000) + "x\n", 1, 2*MaxDepth + 1, "block quotes, lists and footnotes nest"},
		{"quotes and lists", strings.Repeat("> - ", 60) + "x\n", 1, 4*50 + 1, "block quotes, lists and footnotes nest"},
		{"footnotes in footnotes", strings.Repeat("[^a]: ", 1000) + "x\n", 1, 6 * MaxDepth, "block quotes, lists and footnotes nest"},
		{"footnotes at the limit", footnotes(MaxFootnotes), 0, 0, ""},
		{"too many footnotes", footnotes(MaxFootnotes + 1), 4*MaxFootnotes + 3, 1, "more than 1000 footnotes: use fewer"},
		{"a table written out", "| a | b |\n|---|---|\n" + strings.Repeat("| c | d |\n", 10000), 0, 0, ""},
		{"a table of 5000 rows with links", "| a | b |\n|---|---|\n" + strings.Repeat("| [c](/c) *d* | [e](/e) `f` |\n", 5000), 0, 0, ""},
		{"a table with short rows", "| a | b | c |\n|---|---|---|\n" + strings.Repeat("| d |\n", 1000), 0, 0, ""},
		{"a table with a heavy cell", "| a |\n|---|\n| " + strings.Repeat("*a_ ", 40000) + "|\n", 3, 3, "too much markup in one paragraph (80000 of the characters"},
		{"a table of empty cells", "intro\n\n|" + strings.Repeat(" a |", 5000) + "\n|" + strings.Repeat("-|", 5000) + "\n" + strings.Repeat("|b\n", 5000), 3, 1, "a table of up to 5002 columns and 5000 rows would be mostly empty cells: give it fewer columns or write out its rows"},
		{"escaped pipes", "| a |\n|---|\n" + strings.Repeat("| `x \\| y` |\n", maxEscapedPipes+1), 1, 1, `tables hold more than 1000 escaped pipes (\|): use fewer`},
		{"emphasis nested 500 deep", strings.Repeat("*a **a ", 500) + "b" + strings.Repeat(" a** a*", 500), 0, 0, ""},
		{"emphasis nested 20000 deep", strings.Repeat("*a **a ", 20000) + "b" + strings.Repeat(" a** a*", 20000), 1, 1, "too much markup in one paragraph (120000 of the characters * _ ~ [ ] < ` in 280001 bytes): split it into shorter paragraphs"},
		{"links nested 20000 deep", "# T\n\n" + strings.Repeat("[", 20000) + "x" + strings.Repeat("](u)", 20000), 3, 1, "too much markup in one paragraph"},
		{"unclosed links", strings.Repeat("[a](b", 40000), 1, 1, "too much markup in one paragraph"},
		{"mismatched emphasis in a heading", "## " + strings.Repeat("*a_ ", 40000), 1, 4, "too much markup in one paragraph"},
		{"dense paragraphs", strings.Repeat(strings.Repeat("[a](b) *c* ", 1000)+"\n\n", 400), 105, 1, "too much markup in this file's paragraphs (this one has 4000 of the characters"},
		{"links in real paragraphs", strings.Repeat("See [the "+"programme](https://example.org/p) and *more*.\n", 20) + "\n" + strings.Repeat("Paragraph with \"quotes\" and [a link](/x).\n\n", 5000), 0, 0, ""},
		{"references in one paragraph", func() string {
			var b strings.Builder
			for i := range 40000 {
				fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
			}
			return b.String()
		}(), 1, 1, `too many lines starting with "[" in one paragraph (40000 of 40000): put blank lines between link reference definitions`},
		{"references apart", func() string {
			var b strings.Builder
			for i := range 40000 {
				fmt.Fprintf(&b, "[r%d]: /u%d\n\n[r%d]\n\n", i, i, i)
			}
			return b.String()
		}(), 0, 0, ""},
		{"a reference used often", "[r]: " + longURL + "\n\n" + strings.Repeat("[a][r]\n\n", 5000), 0, 0, "links repeat their destinations and titles into more than"},
		{"a 50 KB paragraph of prose", strings.Repeat("Don't say \"no\" to a sentence of about 125 bytes, or to [a link](/news/x/), they'd say. ", 400), 0, 0, ""},
		{"a 200 KB paragraph of dialogue", strings.Repeat("\"Don't,\" she'd say, \"I won't.\" ", 6000), 0, 0, ""},
		{"inline links", strings.Repeat("[a]("+longURL+")\n\n", 2000), 0, 0, ""},
	} {
		_, err := New(Options{Lang: "en"}).Convert([]byte(tc.src))
		var limit *LimitError
		switch {
		case tc.msg == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.msg == "":
		case !errors.As(err, &limit):
			t.Errorf("%s: error %v, want a LimitError %q", tc.name, err, tc.msg)
		case !strings.HasPrefix(limit.Msg, tc.msg) || tc.line != 0 && (limit.Line != tc.line || limit.Col != tc.col):
			t.Errorf("%s: %v\nwant %d:%d: %s", tc.name, err, tc.line, tc.col, tc.msg)
		}
	}
}

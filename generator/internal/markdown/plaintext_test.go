package markdown

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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

// The plain text decodes character references and escapes exactly as the
// body does (CommonMark's rules, not a browser's): a named reference needs
// its semicolon and must be an HTML5 entity, a numeric one has at most 7
// decimal or 6 hexadecimal digits, and a reference to 0, a surrogate or
// beyond U+10FFFF is U+FFFD, as is NUL.
func TestPlainTextDecodesAsTheBody(t *testing.T) {
	for _, tc := range []struct{ lang, src, want string }{
		{"en", "?q=1&param=2", "?q=1&param=2"},
		{"en", "?q=1&param=2; more", "?q=1&param=2; more"},
		{"en", "&region=3", "&region=3"},
		{"en", "a=1&region=3;", "a=1&region=3;"},
		{"en", "AT&amp;T", "AT&T"},
		{"en", "&amp;amp;", "&amp;"},
		{"en", `\&amp;`, "&amp;"},
		{"en", "&copy not a reference, &copy; is", "&copy not a reference, © is"},
		{"en", "&MadeUp; &#; &#x; &#xZ;", "&MadeUp; &#; &#x; &#xZ;"},
		{"en", "&#0; &#x0;", "\uFFFD \uFFFD"},
		{"en", "&#x110000; &#1114112;", "\uFFFD \uFFFD"},
		{"en", "&#xD800; &#55296;", "\uFFFD \uFFFD"},
		{"en", "&#9999999; &#99999999;", "\uFFFD &#99999999;"},
		{"en", "&#x10FFFF; &#x1234567;", "\U0010FFFF &#x1234567;"},
		{"en", "&#65;&#X42;&#x43; &#x1F600;", "ABC 😀"},
		{"en", "&lt;b&gt; &quot;q&quot;", `<b> "q"`},
		{"en", "a\x00b `c\x00d` <http://e\x00f>", "a\uFFFDb c\uFFFDd http://e\uFFFDf"},
		{"en", `\*not\* \a`, `*not* \a`},
		{"zh", `中\ 文`, "中文"},
		{"ru", `a\ b`, `a\ b`},
	} {
		r, err := New(Options{Lang: tc.lang, PlainText: true}).Convert([]byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if r.FirstParagraph != tc.want || r.PlainText != tc.want || r.Summary != tc.want {
			t.Errorf("%q: first paragraph %q, plain text %q, summary %q; want %q", tc.src, r.FirstParagraph, r.PlainText, r.Summary, tc.want)
		}
		h, err := New(Options{Lang: tc.lang}).Convert([]byte("# " + tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Headings) != 1 || h.Headings[0].Text != tc.want {
			t.Errorf("%q: heading %+v, want text %q", tc.src, h.Headings, tc.want)
		}
		if body := textOf(t, r.HTML); !slices.Equal(body, []string{tc.want}) {
			t.Errorf("%q: the body reads %q, want %q", tc.src, body, tc.want)
		}
	}
}

// blockTexts returns the plain text of every top-level paragraph and of
// every heading of src, and the text that the rendered HTML of each holds,
// white space collapsed.
func blockTexts(t *testing.T, c *Converter, src []byte) (plain, rendered []string) {
	t.Helper()
	doc, p, err := c.parse(src, new(buffers))
	if err != nil {
		var limit *LimitError
		if !errors.As(err, &limit) {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			plain = append(plain, p.inlineText(n, false))
		}
	}
	for _, h := range p.headings {
		plain = append(plain, h.Text)
	}
	var out bytes.Buffer
	if err := c.md.Renderer().Render(&out, p.src, doc); err != nil {
		t.Fatal(err)
	}
	return plain, textOf(t, out.String())
}

// textOf parses body as the browser does and returns the text of each of
// its top-level paragraphs, then of each of its headings, white space
// collapsed. Footnote markers, which the plain text leaves out, are
// skipped.
func textOf(t *testing.T, body string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil && strings.Contains(err.Error(), "exceeds 512") {
		// Emphasis nested deeper than an HTML parser keeps (browsers
		// too stop nesting elements at 512).
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var paragraphs, headings []string
	var walk func(n *html.Node, top bool)
	walk = func(n *html.Node, top bool) {
		switch n.DataAtom {
		case atom.P:
			if top {
				paragraphs = append(paragraphs, nodeText(n))
			}
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			headings = append(headings, nodeText(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, false)
		}
	}
	for _, n := range nodes {
		walk(n, true)
	}
	return append(paragraphs, headings...)
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for _, a := range n.Attr {
			if a.Key == "class" && a.Val == "footnote-ref" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapseSpaces(b.String())
}

// FuzzPlainTextIsTheBodysText: the plain text of each top-level paragraph
// and of each heading is the text a browser reads in the HTML of the body.
// go test -fuzz FuzzPlainTextIsTheBodysText ./generator/internal/markdown
func FuzzPlainTextIsTheBodysText(f *testing.F) {
	for _, s := range []string{
		"?q=1&param=2; &region=3 &amp; &#0; &#x110000; &copy &copy; \x00",
		"# Title &amp; &param=2;\n\nText *emphasis* [link](/u \"t&amp;\") ![alt](i.png) `code &amp;` <http://a.b/?x&amp;y>",
		"\"Кавычки\" -- 'тоже' ... <<ёлочки>>",
		"中文\\ 字 &#x4E2D;\n哈尔滨\n举行",
		"a  \nb\\\nc\n\nd[^1]\n\n[^1]: note",
		"www.example.com/a?b=1&c=2 and x@y.org",
		"<span>raw</span> &#X1F600; \\&amp; \\\\&amp;",
		"| a | b |\n|---|---|\n| &amp; | `\\|` |\n\nafter",
		"- [ ] task\n- item\n\n> quote &amp;\n\nSetext &amp;\n===",
		"~~strike &amp;~~ ***both*** _under_",
	} {
		for lang := range 3 {
			f.Add(s, uint8(lang))
		}
	}
	convs := []*Converter{New(Options{Lang: "ru"}), New(Options{Lang: "zh"}), New(Options{Lang: "en"})}
	f.Fuzz(func(t *testing.T, src string, lang uint8) {
		c := convs[int(lang)%len(convs)]
		plain, rendered := blockTexts(t, c, []byte(src))
		if !slices.Equal(plain, rendered) {
			t.Errorf("plain text %q\nthe HTML reads %q", plain, rendered)
		}
	})
}

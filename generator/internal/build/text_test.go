package build_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// The summary, descriptions and feeds decode the body's text as the body
// does: "&param=2;" and "&region=3" are not entities, "&copy" without its
// semicolon is not one either, and NUL, in the body or written "\0" in
// front matter, is U+FFFD wherever it shows. No output holds a NUL.
func TestTextOutsideTheBodyReadsAsTheBody(t *testing.T) {
	archive := sitetest.Config + "-- content/news/x/index.en.md --\n---\ntitle: \"T\\0T\"\ndate: 2024-05-17\n---\n" +
		"See ?q=1&param=2; &region=3 &copy x\x00y &amp; z\n\n## H &param=2;\n" +
		"-- content/news/y/index.en.md --\n---\ntitle: Y\nsummary: \"S\\0S\"\ndate: 2024-05-16\n---\nBody.\n"
	s := sitetest.New(t, archive).Build(build.Options{}).OK()
	text := "See ?q=1&amp;param=2; &amp;region=3 &amp;copy x\uFFFDy &amp; z"
	s.Assert("en/news/x/index.html",
		`<p>`+text+`</p>`,
		`<meta name="description" content="`+text+`">`,
		`<meta property="og:description" content="`+text+`">`,
		`"description":"See ?q=1\u0026param=2; \u0026region=3 \u0026copy x`+"\uFFFD"+`y \u0026 z"`,
		`<h2 id="h-param-2">H &amp;param=2;</h2>`,
		"<title>T\uFFFDT · Event News</title>",
		`<meta property="og:title" content="T`+"\uFFFD"+`T">`,
		`"headline":"T`+"\uFFFD"+`T"`,
	)
	s.Assert("en/news/y/index.html", `<meta property="og:description" content="S`+"\uFFFD"+`S">`)
	s.Assert("en/atom.xml", `<summary type="text">`+text+`</summary>`, "<title>T\uFFFDT</title>", `<summary type="text">S`+"\uFFFD"+`S</summary>`)
	s.Assert("en/index.xml", `<description>`+strings.ReplaceAll(text, "&", "&amp;")+`</description>`)
	for name, b := range s.Files {
		if strings.HasSuffix(name, ".ico") || strings.HasSuffix(name, ".png") {
			continue // an image, not text
		}
		if i := bytes.IndexByte(b, 0); i >= 0 {
			t.Errorf("%s has a NUL: %q", name, b[max(i-40, 0):min(i+40, len(b))])
		}
		if bytes.Contains(b, []byte(`\u0000`)) {
			t.Errorf("%s has an escaped NUL", name)
		}
		for _, bad := range []string{"¶m", "®ion"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s decodes %q", name, bad)
			}
		}
	}
}

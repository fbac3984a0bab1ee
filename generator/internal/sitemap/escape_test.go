package sitemap

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"":                                "",
		"https://example.org/zh/news/a/":  "https://example.org/zh/news/a/",
		`https://x/?a=1&b="2"<3>`:         "https://x/?a=1&amp;b=&quot;2&quot;&lt;3&gt;",
		"&&":                              "&amp;&amp;",
		"https://example.org/ru/%D0%B0/&": "https://example.org/ru/%D0%B0/&amp;",
	} {
		var b strings.Builder
		escape(&b, in)
		if b.String() != want {
			t.Errorf("escape(%q) = %q, want %q", in, b.String(), want)
		}
	}
}

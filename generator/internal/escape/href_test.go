package escape_test

import (
	"html"
	"html/template"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/escape"
)

func TestHrefMatchesHTMLTemplate(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/ru/news/выставка/": "https://example.org/ru/news/%D0%B2%D1%8B%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B0/",
		"https://example.org/a b/?q=1&x=y#f":    "https://example.org/a%20b/?q=1&x=y#f",
		"https://example.org/%D0%B2/%zz":        "https://example.org/%D0%B2/%25zz",
		"https://example.org/it's\"<x>":         "https://example.org/it%27s%22%3Cx%3E",
	} {
		if got := escape.Href(in); got != want {
			t.Errorf("Href(%q) = %q, want %q", in, got, want)
		}
	}
}

// html/template writes an https URL into an href as Href does (but for
// the case of the hexadecimal digits, which it writes in lower case), and
// then escapes it for the attribute.
func FuzzHref(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	tmpl := template.Must(template.New("a").Parse(`<a href="{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		u := "https://example.org/" + s
		var b strings.Builder
		if err := tmpl.Execute(&b, u); err != nil {
			t.Fatal(err)
		}
		attr := strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a href="`), `">`)
		// Both are ASCII, and neither changes the case of a letter.
		if got, want := escape.Href(u), html.UnescapeString(attr); !strings.EqualFold(got, want) {
			t.Errorf("Href(%q) = %q, html/template gives %q", u, got, want)
		}
	})
}

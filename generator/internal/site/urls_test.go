package site

import (
	"net/url"
	"testing"
)

func TestSegmentEscapesWhatAURLGivesAMeaning(t *testing.T) {
	for name, want := range map[string]string{
		"harbin-expo":  "harbin-expo",
		"q?x#y":        "q%3Fx%23y",
		"%2e%2e":       "%252e%252e",
		"100%":         "100%25",
		"a b":          "a%20b",
		"c++":          "c%2B%2B",
		"a/b":          "a%2Fb",
		`<"x">{|}^[]`:  "%3C%22x%22%3E%7B%7C%7D%5E%5B%5D",
		"q&a=1;(x)!@:": "q&a=1;(x)!@:",
		"新闻 2024":      "新闻%202024",
		"выставка":     "выставка",
		"tab\there":    "tab%09here",
	} {
		got := Segment(name)
		if got != want {
			t.Errorf("Segment(%q) = %q, want %q", name, got, want)
		}
		// A host decodes the segment back to the name, and url.Parse
		// sees one path segment, no query or fragment.
		u, err := url.Parse("/zh/news/" + got + "/")
		if err != nil {
			t.Errorf("Segment(%q) = %q does not parse: %v", name, got, err)
			continue
		}
		if u.RawQuery != "" || u.Fragment != "" || u.Path != "/zh/news/"+name+"/" {
			t.Errorf("Segment(%q) = %q reads as path %q, query %q, fragment %q", name, got, u.Path, u.RawQuery, u.Fragment)
		}
	}
}

func TestFilePathIsTheDecodedURL(t *testing.T) {
	for u, want := range map[string]string{
		"/":                          "index.html",
		"/zh/news/q%3Fx%23y/":        "zh/news/q?x#y/index.html",
		"/zh/news/%252e%252e/":       "zh/news/%2e%2e/index.html",
		"/zh/tags/trade/index.xml":   "zh/tags/trade/index.xml",
		"/zh/news/a%20b/event.ics":   "zh/news/a b/event.ics",
		"/zh/news/新闻/":               "zh/news/新闻/index.html",
		"/ru/404.html":               "ru/404.html",
		"/zh/news/q%3Fx/page/2/":     "zh/news/q?x/page/2/index.html",
		"/zh/news/c%2B%2B/photo.svg": "zh/news/c++/photo.svg",
	} {
		if got := FilePath("/", u); got != want {
			t.Errorf("FilePath(%q) = %q, want %q", u, got, want)
		}
		// Under a base path, output files stay where they are.
		under := "/press" + u
		if got := FilePath("/press/", under); got != want {
			t.Errorf("FilePath(/press/, %q) = %q, want %q", under, got, want)
		}
	}
	if got := SitePath("/press/", "/press/zh/"); got != "/zh/" {
		t.Errorf("SitePath = %q", got)
	}
	if got := SitePath("/press/", "/zh/"); got != "/zh/" {
		t.Errorf("SitePath outside the base = %q", got)
	}
	if got := EscapePath("img/a b?.png"); got != "img/a%20b%3F.png" {
		t.Errorf("EscapePath = %q", got)
	}
}

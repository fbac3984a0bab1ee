package site

import (
	"testing"
)

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
}

package config

import (
	"testing"
)

// A baseURL with a path puts the whole site under it: RelURL and AbsURL
// add the base path once, whatever they are given.
func TestBasePath(t *testing.T) {
	for _, tc := range []struct {
		baseURL, base string
		rel, abs      map[string]string
	}{
		{"https://example.org/press/", "/press/",
			map[string]string{
				"":                     "/press/",
				"/":                    "/press/",
				"css/main.css":         "/press/css/main.css",
				"/css/main.css":        "/press/css/main.css",
				"/press/zh/news/x/":    "/press/zh/news/x/",
				"/press":               "/press",
				"/pressure/":           "/press/pressure/",
				"https://other.org/x":  "https://other.org/x",
				"//cdn.example.org/a":  "//cdn.example.org/a",
				"mailto:a@example.org": "mailto:a@example.org",
			},
			map[string]string{
				"/press/ru/news/":    "https://example.org/press/ru/news/",
				"/sitemap.xml":       "https://example.org/press/sitemap.xml",
				"ru/":                "https://example.org/press/ru/",
				"https://other.org/": "https://other.org/",
			}},
		{"https://example.org/", "/",
			map[string]string{"": "/", "css/main.css": "/css/main.css", "/zh/": "/zh/", "https://x.org/": "https://x.org/"},
			map[string]string{"/zh/": "https://example.org/zh/", "zh/": "https://example.org/zh/"}},
		{"/", "/", // no baseURL: site paths without a host
			map[string]string{"css/main.css": "/css/main.css", "/zh/": "/zh/"},
			map[string]string{"/zh/": "/zh/", "/sitemap.xml": "/sitemap.xml"}},
		{"", "/", // a Site made by hand
			map[string]string{"/zh/": "/zh/"}, map[string]string{"/zh/": "/zh/"}},
		{"https://example.org/a/b/", "/a/b/",
			map[string]string{"/zh/": "/a/b/zh/", "/a/b/zh/": "/a/b/zh/", "/a/zh/": "/a/b/a/zh/"},
			map[string]string{"/a/b/zh/": "https://example.org/a/b/zh/"}},
	} {
		s := &Site{BaseURL: tc.baseURL}
		if got := s.BasePath(); got != tc.base {
			t.Errorf("%q: BasePath() = %q, want %q", tc.baseURL, got, tc.base)
		}
		for in, want := range tc.rel {
			if got := s.RelURL(in); got != want {
				t.Errorf("%q: RelURL(%q) = %q, want %q", tc.baseURL, in, got, want)
			}
		}
		for in, want := range tc.abs {
			if got := s.AbsURL(in); got != want {
				t.Errorf("%q: AbsURL(%q) = %q, want %q", tc.baseURL, in, got, want)
			}
		}
	}
}

// site.yaml's baseURL gets its final "/" and a path a URL can carry.
func TestBaseURLIsCompleted(t *testing.T) {
	const langs = "languages:\n  - code: zh\n"
	for in, want := range map[string]string{
		"https://example.org/press":         "https://example.org/press/",
		"https://example.org/press/":        "https://example.org/press/",
		"https://example.org":               "https://example.org/",
		"https://example.org/пресса/":       "https://example.org/%D0%BF%D1%80%D0%B5%D1%81%D1%81%D0%B0/",
		"https://example.org/a%20b/":        "https://example.org/a%20b/",
		"http://127.0.0.1:1313/docs/v1":     "http://127.0.0.1:1313/docs/v1/",
		"https://events.example.org/":       "https://events.example.org/",
		"https://Example.org/Press/Office/": "https://Example.org/Press/Office/",
	} {
		s, err := Parse("site.yaml", []byte(langs+"baseURL: "+in+"\n"))
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if s.BaseURL != want {
			t.Errorf("baseURL %s became %s, want %s", in, s.BaseURL, want)
		}
	}
	_, err := Parse("site.yaml", []byte(langs+"baseURL: https://example.org/a/../b/\n"))
	if want := `site.yaml:3:10: baseURL: "https://example.org/a/../b/" must not hold "." or ".." in its path`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// --baseURL replaces baseURL with the same checks; gen serve keeps the
// path and takes its own address.
func TestWithBaseURLAndOrigin(t *testing.T) {
	s := &Site{BaseURL: "https://example.org/press/", DefaultLanguage: "zh"}
	o, err := s.WithBaseURL("https://other.org/news")
	if err != nil {
		t.Fatal(err)
	}
	if o.BaseURL != "https://other.org/news/" || o.BasePath() != "/news/" || o.DefaultLanguage != "zh" {
		t.Errorf("WithBaseURL: %+v", o)
	}
	if s.BaseURL != "https://example.org/press/" {
		t.Errorf("WithBaseURL changed the original: %s", s.BaseURL)
	}
	if _, err := s.WithBaseURL("ftp://x/"); err == nil || err.Error() != `--baseURL "ftp://x/" must be an absolute http or https URL, like "https://example.org/" or "https://example.org/press/"` {
		t.Errorf("WithBaseURL(ftp): %v", err)
	}
	if got := s.WithOrigin("http://127.0.0.1:1313/").BaseURL; got != "http://127.0.0.1:1313/press/" {
		t.Errorf("WithOrigin: %s", got)
	}
	if got := (&Site{BaseURL: "/"}).WithOrigin("http://localhost:1313").BaseURL; got != "http://localhost:1313/" {
		t.Errorf("WithOrigin without baseURL: %s", got)
	}
}

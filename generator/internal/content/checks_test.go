package content

import "testing"

func TestNearestKey(t *testing.T) {
	for key, want := range map[string]string{
		"titel":          "title",
		"Title":          "title",
		"data":           "date",
		"tag":            "tags",
		"alias":          "aliases",
		"publishdate":    "publishDate",
		"translationkey": "translationKey",
		"sumary":         "summary",
		"name":           "",
		"img":            "",
	} {
		if got := nearestKey(key, topKeys); got != want {
			t.Errorf("nearestKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestURLChecks(t *testing.T) {
	for s, want := range map[string]bool{
		"https://expo.example/ru/?a=1#b": true,
		"http://expo.example":            true,
		"HTTPS://expo.example/":          true,
		"/ru/events/":                    true,
		"/ru/events/?y=2024#x":           true,
		"javascript:alert(1)":            false,
		"JavaScript:alert(1)":            false,
		"data:text/html,x":               false,
		"//evil.example/":                false,
		"/\\evil.example/":               false,
		"https:///path":                  false,
		"https://a.example/b c":          false,
		"ftp://a.example/":               false,
		"relative/path":                  false,
		"mailto:press@example.org":       false,
	} {
		if got := validURL(s); got != want {
			t.Errorf("validURL(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"photo.jpg": true, "img/a.png": true, "https://cdn.example/a.jpg": true,
		"../a.jpg": false, "/a.jpg": false, "a/../../b.jpg": false, "./a.jpg": false, "javascript:x": false, "a b.jpg": false,
	} {
		if got := validImageSrc(s); got != want {
			t.Errorf("validImageSrc(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".git": true, ".index.md.swp": true, "index.md~": true, "x.swp": true, "4913": true, "#a.md#": true,
		"index.md": false, "photo.jpg": false, "#": false, "a#b": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v", name, got)
		}
	}
}

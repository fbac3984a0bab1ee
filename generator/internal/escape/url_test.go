package escape_test

import (
	"net/url"
	"testing"

	"github.com/eventnews/gen/generator/internal/escape"
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
		got := escape.Segment(name)
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
	if got := escape.Path("img/a b?.png"); got != "img/a%20b%3F.png" {
		t.Errorf("Path = %q", got)
	}
}

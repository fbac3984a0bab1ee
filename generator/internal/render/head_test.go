package render

import (
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/site"
)

// What a press officer types reaches the head escaped, and a title cannot
// leave the JSON-LD script.
func TestHeadEscapesWhatItWrites(t *testing.T) {
	loc := time.FixedZone("UTC+8", 8*3600)
	cfg := &config.Site{BaseURL: "https://example.org/", Location: loc}
	lang := config.Language{Code: "en", Locale: "en", Title: `Press "Office" & Co`}
	home := &site.Page{URL: "/en/"}
	p := &site.Page{
		Kind: site.KindPage, Section: "news", Lang: "en", Language: lang, URL: "/en/news/a/",
		Title: `Expo </script><b>`, Summary: `Opens "today" & <tomorrow>`,
		Date:       time.Date(2024, 5, 17, 10, 0, 0, 0, loc),
		Alternates: []site.Alternate{{Lang: lang, URL: "/en/news/a/", Exists: true}, {Lang: config.Language{Locale: "ru"}, URL: "/ru/news/", Fallback: true}},
		XDefault:   "/en/news/a/",
		Event:      &content.Event{Start: time.Date(2024, 5, 17, 0, 0, 0, 0, loc), AllDay: true, City: "Harbin"},
		Feeds:      []site.Feed{{Type: site.FeedRSS, URL: "/en/index.xml", Title: `A & B`}},
	}
	d := newData(p, &site.Site{Config: cfg}, language{Language: &site.Language{Language: lang, Home: home}})
	d.Description, d.IsRelease, d.OGType = description(p), true, "article"
	schema := d.schema()
	got := string(d.hreflang()) + string(d.openGraph()) + string(d.feedLinks()) + string(schema)
	for _, want := range []string{
		`<link rel="alternate" hreflang="en" href="https://example.org/en/news/a/">` + "\n",
		`<link rel="alternate" hreflang="x-default" href="https://example.org/en/news/a/">` + "\n",
		`<meta property="og:description" content="Opens &#34;today&#34; &amp; &lt;tomorrow&gt;">`,
		`<meta property="og:site_name" content="Press &#34;Office&#34; &amp; Co">`,
		`<meta property="article:published_time" content="2024-05-17T10:00:00+08:00">`,
		`<meta name="twitter:card" content="summary">`,
		`<link rel="alternate" type="application/rss+xml" href="https://example.org/en/index.xml" title="A &amp; B">`,
		`"headline":"Expo \u003c/script\u003e\u003cb\u003e"`,
		`"startDate":"2024-05-17"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in:\n%s", want, got)
		}
	}
	if strings.Contains(got, `hreflang="ru"`) {
		t.Errorf("a language the page is not translated into has an hreflang link:\n%s", got)
	}
	if strings.Count(got, "</script>") != 2 {
		t.Errorf("want exactly the two closing tags of the article and the event:\n%s", got)
	}
}

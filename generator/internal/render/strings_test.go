package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/site"
)

// A tag's Link is the markup a layout writing <a href="{{ .URL }}">{{ .Name
// }}</a> gives, escaping included, whether the language's links were made
// for the run or the tag is not among them.
func TestTagLinksAreEscapedAsALayoutWouldEscapeThem(t *testing.T) {
	loc := testLocale(t, "tag.cpp: \"C++ & <co>\"\ntag.new: \"it's new\"\n")
	lang := &site.Language{Language: config.Language{Code: "en"}, TagsURL: "/en/tags/", Tags: []*site.Tag{{Key: "cpp"}}}
	l := languages(&site.Site{Languages: []*site.Language{lang}}, func(string) *locale.Locale { return loc })["en"]
	if _, ok := l.tagLinks["cpp"]; !ok {
		t.Fatalf("the language's tag links were not made: %v", l.tagLinks)
	}
	p := &site.Page{Tags: []string{"cpp", "new"}}
	d := newData(p, &site.Site{Config: &config.Site{}}, l)
	layout := template.Must(template.New("").Parse(`<a href="{{ .URL }}">{{ .Name }}</a>`))
	for _, tl := range d.tagLinksOf() {
		var want strings.Builder
		if err := layout.Execute(&want, tl); err != nil {
			t.Fatal(err)
		}
		if string(tl.Link) != want.String() {
			t.Errorf("%s: Link %s, a layout writes %s", tl.Key, tl.Link, want.String())
		}
	}
	if got := string(d.tagLinksOf()[0].Link); got != `<a href="/en/tags/cpp/">C&#43;&#43; &amp; &lt;co&gt;</a>` {
		t.Errorf("got %s", got)
	}
}

// The strings made before the layout runs are those the default theme's
// layouts made with T, dateLong and rfc3339.
func TestPageStrings(t *testing.T) {
	loc := testLocale(t, "readingTime: \"{{.Count}} min\"\npageOf: \"Page {{.Number}} of {{.Total}}\"\n"+
		"eventPlace: \"{{.Venue}}, {{.City}}\"\ntags: Tags\nevents: Events\nnotFoundTitle: Not found\ntag.expo: Expos\n")
	zone := time.FixedZone("UTC+8", 8*3600)
	cfg := &config.Site{Location: zone}
	lang := &site.Language{Language: config.Language{Code: "en", Title: "News"}}
	l := language{Language: lang, loc: loc}
	date := time.Date(2024, 5, 17, 2, 0, 0, 0, time.UTC)
	page := func(p site.Page) *Data { return newData(&p, &site.Site{Config: cfg}, l) }

	d := page(site.Page{Kind: site.KindPage, Title: "Expo", Date: date, Doc: &markdown.Result{ReadingMinutes: 3},
		Event: &content.Event{Venue: "Hall 1", City: "Harbin"}})
	for _, c := range [][2]string{
		{d.PageTitle, "Expo"}, {d.DateTime, "2024-05-17T10:00:00+08:00"}, {d.DateText, loc.DateLong(date)},
		{d.ReadingTime, "3 min"}, {d.EventPlace, "Hall 1, Harbin"}, {d.PageOf, ""},
	} {
		if c[0] != c[1] {
			t.Errorf("release: got %q, want %q", c[0], c[1])
		}
	}
	if got := page(site.Page{Event: &content.Event{City: "Harbin"}}).EventPlace; got != "Harbin" {
		t.Errorf("an event with a city only: place %q", got)
	}
	for _, c := range []struct {
		p    site.Page
		want string
	}{
		{site.Page{Kind: site.KindHome, Language: lang.Language}, "News"},
		{site.Page{Kind: site.KindSection, Title: "Releases", Pager: &site.Pager{Number: 1, Total: 4}}, "Releases"},
		{site.Page{Kind: site.KindSection, Title: "Releases", Pager: &site.Pager{Number: 2, Total: 4}}, "Releases · Page 2 of 4"},
		{site.Page{Kind: site.KindTag, Tag: "expo"}, "Expos"},
		{site.Page{Kind: site.KindTags}, "Tags"},
		{site.Page{Kind: site.KindEvents}, "Events"},
		{site.Page{Kind: "404"}, "Not found"},
	} {
		if got := page(c.p).PageTitle; got != c.want {
			t.Errorf("%s page: title %q, want %q", c.p.Kind, got, c.want)
		}
	}
}

func testLocale(t *testing.T, messages string) *locale.Locale {
	t.Helper()
	en := config.Language{Code: "en", Locale: "en"}
	set, err := locale.Load(fstest.MapFS{"i18n/en.yaml": {Data: []byte(messages)}}, []string{"i18n"}, []config.Language{en})
	if err != nil {
		t.Fatal(err)
	}
	return set.For("en")
}

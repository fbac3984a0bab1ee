package feeds_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/feeds"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
)

const testSite = `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
FEEDS
-- i18n/ru.yaml --
tag.trade: Торговля
tag.expo: Выставки
tagged: "Новости с тегом «{{.Tag}}»"
-- i18n/zh.yaml --
tag.trade: 经贸
-- content/_index.ru.md --
---
title: Новости событий
---
Российско-китайские выставки и форумы.
-- content/news/expo/index.zh.md --
---
title: 第八届中俄博览会开幕
date: 2024-05-17 10:00
tags: [expo, trade]
---
哈尔滨5月17日电 第八届中俄博览会今天开幕。
-- content/news/expo/index.ru.md --
---
title: В Харбине открылось ЭКСПО & «Сделано в России» <2024>
summary: Выставка открылась 17 мая.
---
Харбин, 17 мая. ![Павильон](hall.svg)

[Программа](#programme), [события](/ru/events/), [другая новость](../forum/) и [сайт](https://expo.example/).

## Программа {#programme}
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/forum/index.zh.md --
---
title: 青年论坛
date: 2024-05-18T09:30:00+03:00
tags: [trade]
---
论坛。
-- content/news/forum/index.ru.md --
---
title: Молодёжный форум
---
Форум прошёл в Москве.
-- content/news/jinhua/index.zh.md --
---
title: 金华圆桌会
date: 2023-07-19
---
金华。
-- content/news/draft/index.ru.md --
---
title: Черновик
date: 2024-05-20
draft: true
---
-- content/about.ru.md --
---
title: О нас
date: 2024-05-25
tags: [trade]
---
Пресс-служба.
`

var now = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// built builds the test site, feedsConfig being the feeds: block of
// site.yaml, and returns its output files.
func built(t *testing.T, feedsConfig string, now time.Time) map[string]string {
	t.Helper()
	return outputs(t, strings.Replace(testSite, "FEEDS\n", feedsConfig, 1), now)
}

// outputs builds a txtar site and returns its output files.
func outputs(t *testing.T, archive string, now time.Time) map[string]string {
	t.Helper()
	s := sitetest.New(t, archive).Build(build.Options{Now: now}).OK()
	out := map[string]string{}
	for name, b := range s.Files {
		out[name] = string(b)
	}
	return out
}

func parse(t *testing.T, files map[string]string, name string) *gofeed.Feed {
	t.Helper()
	body, ok := files[name]
	if !ok {
		t.Fatalf("no feed %s", name)
	}
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, body)
	}
	return f
}

func titles(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}

func TestFeedsParseBack(t *testing.T) {
	files := built(t, "", now)
	beijing := time.FixedZone("", 8*3600)
	for _, tc := range []struct {
		path, typ, lang, title, link string
		items                        []string
		newest                       time.Time
	}{
		{"ru/index.xml", "rss", "ru", "Новости событий", "https://news.example.org/ru/",
			[]string{"Молодёжный форум", "В Харбине открылось ЭКСПО & «Сделано в России» <2024>"},
			time.Date(2024, 5, 18, 14, 30, 0, 0, beijing)},
		{"ru/atom.xml", "atom", "ru", "Новости событий", "https://news.example.org/ru/",
			[]string{"Молодёжный форум", "В Харбине открылось ЭКСПО & «Сделано в России» <2024>"},
			time.Date(2024, 5, 18, 14, 30, 0, 0, beijing)},
		{"zh/index.xml", "rss", "zh-cn", "中俄活动新闻", "https://news.example.org/zh/",
			[]string{"青年论坛", "第八届中俄博览会开幕", "金华圆桌会"},
			time.Date(2024, 5, 18, 14, 30, 0, 0, beijing)},
		{"zh/atom.xml", "atom", "zh-Hans", "中俄活动新闻", "https://news.example.org/zh/",
			[]string{"青年论坛", "第八届中俄博览会开幕", "金华圆桌会"},
			time.Date(2024, 5, 18, 14, 30, 0, 0, beijing)},
		{"ru/tags/trade/index.xml", "rss", "ru", "Новости событий: Торговля", "https://news.example.org/ru/tags/trade/",
			[]string{"О нас", "Молодёжный форум", "В Харбине открылось ЭКСПО & «Сделано в России» <2024>"},
			time.Date(2024, 5, 25, 0, 0, 0, 0, beijing)},
		{"zh/tags/trade/atom.xml", "atom", "zh-Hans", "中俄活动新闻: 经贸", "https://news.example.org/zh/tags/trade/",
			[]string{"青年论坛", "第八届中俄博览会开幕"},
			time.Date(2024, 5, 18, 14, 30, 0, 0, beijing)},
		{"en/index.xml", "rss", "en", "Event News", "https://news.example.org/en/", nil, time.Time{}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f := parse(t, files, tc.path)
			if f.FeedType != tc.typ {
				t.Errorf("type %q, want %q", f.FeedType, tc.typ)
			}
			if f.Language != tc.lang {
				t.Errorf("language %q, want %q", f.Language, tc.lang)
			}
			if f.Title != tc.title {
				t.Errorf("title %q, want %q", f.Title, tc.title)
			}
			if f.Link != tc.link {
				t.Errorf("link %q, want %q", f.Link, tc.link)
			}
			if self := "https://news.example.org/" + tc.path; f.FeedLink != self {
				t.Errorf("self link %q, want %q", f.FeedLink, self)
			}
			if got := titles(f); !slices.Equal(got, tc.items) {
				t.Errorf("items %q, want %q", got, tc.items)
			}
			switch {
			case tc.newest.IsZero() && f.UpdatedParsed != nil && tc.typ == "rss":
				t.Errorf("an empty RSS feed has lastBuildDate %v", f.UpdatedParsed)
			case !tc.newest.IsZero() && (f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(tc.newest)):
				t.Errorf("updated %v, want the newest item's date %v", f.UpdatedParsed, tc.newest)
			}
			for i, it := range f.Items {
				if !strings.HasPrefix(it.Link, "https://news.example.org/"+strings.Split(tc.path, "/")[0]+"/") {
					t.Errorf("item %d link %q is not an absolute URL of the language", i, it.Link)
				}
				if tc.typ == "rss" && it.GUID != it.Link {
					t.Errorf("item %d guid %q, want the permalink %q", i, it.GUID, it.Link)
				}
				if it.PublishedParsed == nil {
					t.Fatalf("item %d has no date", i)
				}
				// gofeed gives the parsed time in UTC; the text keeps the zone.
				if !strings.HasSuffix(it.Published, "+0800") && !strings.HasSuffix(it.Published, "+08:00") {
					t.Errorf("item %d date %q is not in the site's zone", i, it.Published)
				}
				if i > 0 && it.PublishedParsed.After(*f.Items[i-1].PublishedParsed) {
					t.Errorf("item %d is newer than item %d", i, i-1)
				}
			}
		})
	}
}

func TestItemFields(t *testing.T) {
	files := built(t, "", now)
	f := parse(t, files, "ru/index.xml")
	expo := f.Items[1]
	if want := "https://news.example.org/ru/news/expo/"; expo.Link != want {
		t.Errorf("link %q, want %q", expo.Link, want)
	}
	// The zh date 2024-05-17 10:00 Beijing time is inherited by ru.
	if want := time.Date(2024, 5, 17, 2, 0, 0, 0, time.UTC); !expo.PublishedParsed.Equal(want) {
		t.Errorf("date %v, want %v", expo.PublishedParsed, want)
	}
	if !strings.Contains(files["ru/index.xml"], "<pubDate>Fri, 17 May 2024 10:00:00 +0800</pubDate>") {
		t.Errorf("pubDate is not RFC 1123 with a numeric zone in the site's zone")
	}
	if !slices.Equal(expo.Categories, []string{"Выставки", "Торговля"}) {
		t.Errorf("categories %q, want the tag labels", expo.Categories)
	}
	if expo.Description != "Выставка открылась 17 мая." {
		t.Errorf("description %q, want the summary", expo.Description)
	}

	rp, err := (&rss.Parser{}).Parse(strings.NewReader(files["ru/index.xml"]))
	if err != nil {
		t.Fatal(err)
	}
	if g := rp.Items[1].GUID; g == nil || g.IsPermalink != "true" {
		t.Errorf("guid %+v must be a permalink", g)
	}

	ap, err := (&atom.Parser{}).Parse(strings.NewReader(files["ru/atom.xml"]))
	if err != nil {
		t.Fatal(err)
	}
	e := ap.Entries[1]
	if want := "tag:news.example.org,2024-05-17:ru/news/expo"; e.ID != want {
		t.Errorf("entry id %q, want %q", e.ID, want)
	}
	if ap.ID != "https://news.example.org/ru/atom.xml" {
		t.Errorf("feed id %q", ap.ID)
	}
	if e.Published != "2024-05-17T10:00:00+08:00" || e.Updated != e.Published {
		t.Errorf("published %q updated %q, want RFC 3339 in the site's zone", e.Published, e.Updated)
	}
	if e.Summary != "Выставка открылась 17 мая." || e.Content != nil {
		t.Errorf("summary %q content %v: want the summary only", e.Summary, e.Content)
	}
	if len(ap.Authors) == 0 || ap.Authors[0].Name != "Новости событий" {
		t.Errorf("atom feeds need an author: %+v", ap.Authors)
	}
	if ap.Subtitle != "Российско-китайские выставки и форумы." {
		t.Errorf("subtitle %q, want the home's intro", ap.Subtitle)
	}
	if len(e.Categories) != 2 || e.Categories[1].Term != "trade" || e.Categories[1].Label != "Торговля" {
		t.Errorf("categories %+v", e.Categories)
	}

	tagged := parse(t, files, "ru/tags/trade/index.xml")
	if tagged.Description != "Новости с тегом «Торговля»" {
		t.Errorf("tag feed description %q", tagged.Description)
	}
}

func TestDraftsAndSinglePages(t *testing.T) {
	files := built(t, "", now)
	ru := files["ru/index.xml"]
	if strings.Contains(ru, "Черновик") {
		t.Error("a draft is in the feed")
	}
	if strings.Contains(ru, "О нас") {
		t.Error("a single page (about) is in the language feed, which lists releases")
	}
}

func TestLimitAndFullContent(t *testing.T) {
	files := built(t, "feeds: {limit: 1, fullContent: true}\n", now)
	f := parse(t, files, "zh/index.xml")
	if got := titles(f); !slices.Equal(got, []string{"青年论坛"}) {
		t.Errorf("limit 1 gives %q", got)
	}
	ru := parse(t, files, "ru/index.xml")
	if len(ru.Items) != 1 {
		t.Fatalf("%d items", len(ru.Items))
	}
	a := parse(t, files, "ru/atom.xml")
	for _, html := range []string{ru.Items[0].Description, a.Items[0].Content} {
		if !strings.Contains(html, "<p>Форум прошёл в Москве.</p>") {
			t.Errorf("full content is not the HTML body: %q", html)
		}
	}

	files = built(t, "feeds: {limit: 5, fullContent: true}\n", now)
	a = parse(t, files, "ru/atom.xml")
	body := a.Items[1].Content
	for _, want := range []string{
		`src="https://news.example.org/images/news/expo/hall.svg"`,
		`href="https://news.example.org/ru/news/expo/#programme"`,
		`href="https://news.example.org/ru/events/"`,
		`href="https://news.example.org/ru/news/forum/"`,
		`href="https://expo.example/"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("full content lacks %s:\n%s", want, body)
		}
	}
	if a.Items[1].Description != "Выставка открылась 17 мая." {
		t.Errorf("atom summary %q", a.Items[1].Description)
	}
}

// The feeds' dates come from content, not from the clock: a later build of
// the same content is byte for byte the same.
func TestNoClockInFeeds(t *testing.T) {
	a := built(t, "", now)
	b := built(t, "", now.Add(24*time.Hour))
	n := 0
	for name, body := range a {
		if !strings.HasSuffix(name, "/index.xml") && !strings.HasSuffix(name, "/atom.xml") {
			continue // a page may show the clock; the feeds must not
		}
		n++
		if b[name] != body {
			t.Errorf("%s changed with the build clock", name)
		}
	}
	if n < 10 {
		t.Errorf("only %d feeds compared", n)
	}
	if !strings.Contains(a["en/atom.xml"], "<updated>1970-01-01T00:00:00Z</updated>") {
		t.Errorf("an empty Atom feed needs a fixed updated date:\n%s", a["en/atom.xml"])
	}
}

func TestGoldenRussianRSS(t *testing.T) {
	golden.Check(t, "ru/index.xml", []byte(built(t, "", now)["ru/index.xml"]))
}

func TestRSSLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"zh-Hans": "zh-cn", "zh-Hant": "zh-tw", "zh-Hans-SG": "zh-sg", "ru": "ru", "ru-RU": "ru-ru",
		"en_GB": "en-gb", "sr-Latn-RS": "sr-rs", "es-419": "es-419", "en": "en", "": "",
	} {
		if got := feeds.RSSLanguage(in); got != want {
			t.Errorf("RSSLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

// A release with many tags lists at most feeds.MaxCategories of them in
// every feed, the first as written; in a tag's feed, that tag is among
// them even when it comes later.
func TestCategoriesAreBounded(t *testing.T) {
	var tags []string
	for i := range feeds.MaxCategories + 5 {
		tags = append(tags, fmt.Sprintf("t%d", i))
	}
	archive := `-- site.yaml --
baseURL: https://news.example.org/
languages:
  - {code: en, name: English, locale: en, title: Event News}
-- content/news/x/index.md --
---
title: X
date: 2024-05-17
tags: [` + strings.Join(tags, ", ") + `]
---
Body.
`
	files := outputs(t, archive, now)
	first := tags[:feeds.MaxCategories]
	last := tags[len(tags)-1]
	for name, want := range map[string][]string{
		"en/index.xml":                   first,
		"en/atom.xml":                    first,
		"en/tags/t0/index.xml":           first,
		"en/tags/" + last + "/index.xml": append(slices.Clone(first[:feeds.MaxCategories-1]), last),
		"en/tags/" + last + "/atom.xml":  append(slices.Clone(first[:feeds.MaxCategories-1]), last),
	} {
		f := parse(t, files, name)
		if len(f.Items) != 1 {
			t.Fatalf("%s: %d items, want 1", name, len(f.Items))
		}
		if got := f.Items[0].Categories; !slices.Equal(got, want) {
			t.Errorf("%s: categories %q, want %q", name, got, want)
		}
	}
}

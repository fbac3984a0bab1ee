package site_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// pages is a site of releases in one, two or three languages, two pages
// to a list (sitetest.Config): three releases of one day told apart by
// weight and path, a draft, a translation under another folder
// (translationKey), a nested section with an _index file in English only
// and a deeper folder without one, a top-level folder without _index
// files, and a single page.
const pages = sitetest.Config + `-- i18n/ru.yaml --
tag.trade: Торговля
-- content/news/_index.zh.md --
---
title: 新闻
---
-- content/news/_index.ru.md --
---
title: Новости
---
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-01
tags: [trade]
---
-- content/news/a/index.ru.md --
---
title: А
---
-- content/news/a/index.en.md --
---
title: A
---
-- content/news/b/index.zh.md --
---
title: 乙
date: 2024-05-02
tags: [trade, expo]
---
-- content/news/b/index.ru.md --
---
title: Б
---
-- content/news/c/index.zh.md --
---
title: 丙
date: 2024-05-03
tags: [trade]
---
-- content/news/d/index.ru.md --
---
title: Г
date: 2024-05-04
tags: [energy]
---
-- content/news/same-a/index.zh.md --
---
title: 同日甲
date: 2024-05-05
weight: 2
---
-- content/news/same-b/index.zh.md --
---
title: 同日乙
date: 2024-05-05
weight: 1
---
-- content/news/same-c/index.zh.md --
---
title: 同日丙
date: 2024-05-05
weight: 1
---
-- content/news/draft/index.zh.md --
---
title: 草稿
date: 2024-05-06
draft: true
tags: [trade]
---
-- content/news/f/index.zh.md --
---
title: 论坛
date: 2024-04-15
translationKey: forum
---
-- content/news/forum-ru/index.ru.md --
---
title: Форум
translationKey: forum
---
-- content/news/archive/_index.en.md --
---
title: Archive
---
-- content/news/archive/old/index.zh.md --
---
title: 旧闻
date: 2023-01-01
---
-- content/news/archive/old/index.en.md --
---
title: Old news
---
-- content/news/archive/2022/older/index.zh.md --
---
title: 更旧
date: 2022-01-01
---
-- content/reports/r/index.zh.md --
---
title: 报告
date: 2024-04-01
---
-- content/about.zh.md --
---
title: 关于
date: 2024-03-01
---
-- content/about.ru.md --
---
title: О нас
---
`

// graph builds the site of pages as gen builds it and returns its page
// graph.
func graph(t *testing.T) *site.Site {
	t.Helper()
	return sitetest.New(t, pages).Build(build.Options{}).OK().Result.Site
}

// at returns the page of s at a URL.
func at(t *testing.T, s *site.Site, url string) *site.Page {
	t.Helper()
	for _, p := range s.Pages {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page at %s", url)
	return nil
}

// language returns the view of s in one language.
func language(t *testing.T, s *site.Site, code string) *site.Language {
	t.Helper()
	for _, l := range s.Languages {
		if l.Code == code {
			return l
		}
	}
	t.Fatalf("no language %s", code)
	return nil
}

func urls(ps []*site.Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}

func wantURLs(t *testing.T, what string, got []*site.Page, want ...string) {
	t.Helper()
	if !slices.Equal(urls(got), want) {
		t.Errorf("%s:\n got %q\nwant %q", what, urls(got), want)
	}
}

// Versions of one page share a key, whatever their folder: each lists the
// others, in site order, and a version in another language takes the date
// and tags of the default language's.
func TestTranslations(t *testing.T) {
	s := graph(t)
	zh := at(t, s, "/zh/news/a/")
	wantURLs(t, "translations of /zh/news/a/", zh.Translations, "/ru/news/a/", "/en/news/a/")
	wantURLs(t, "translations of /en/news/a/", at(t, s, "/en/news/a/").Translations, "/zh/news/a/", "/ru/news/a/")
	if tr := zh.Translation("en"); tr == nil || tr.Title != "A" || zh.Translation("zh") != nil {
		t.Errorf("Translation: en %v, zh %v", tr, zh.Translation("zh"))
	}
	ru := at(t, s, "/ru/news/a/")
	if !ru.Date.Equal(zh.Date) || !slices.Equal(ru.Tags, []string{"trade"}) || ru.Key != "news/a" || ru.Key != zh.Key {
		t.Errorf("ru news/a: date %v tags %q key %q; want zh's %v, [trade], news/a", ru.Date, ru.Tags, ru.Key, zh.Date)
	}
	if p := at(t, s, "/zh/news/c/"); len(p.Translations) != 0 {
		t.Errorf("a page in one language has translations %q", urls(p.Translations))
	}
	// translationKey makes content/news/forum-ru the ru version of news/f.
	wantURLs(t, "translations of /zh/news/f/", at(t, s, "/zh/news/f/").Translations, "/ru/news/forum-ru/")
	if f := at(t, s, "/ru/news/forum-ru/"); f.Key != "forum" || !f.Date.Equal(at(t, s, "/zh/news/f/").Date) {
		t.Errorf("forum-ru: key %q date %v", f.Key, f.Date)
	}
	// Generated pages are versions of one page in every language; the
	// later pages of a list are versions of the same page number only.
	for _, url := range []string{"/zh/", "/zh/news/", "/zh/news/archive/", "/zh/reports/", "/zh/tags/", "/zh/events/", "/zh/404.html"} {
		wantURLs(t, "translations of "+url, at(t, s, url).Translations, "/ru"+url[3:], "/en"+url[3:])
	}
	wantURLs(t, "translations of /zh/news/page/2/", at(t, s, "/zh/news/page/2/").Translations, "/ru/news/page/2/")
	wantURLs(t, "translations of /zh/tags/trade/", at(t, s, "/zh/tags/trade/").Translations, "/ru/tags/trade/", "/en/tags/trade/")
}

// The language switcher has one entry per language, in site order: the
// translation where there is one, else the section list, the tags index
// for a tag page or the home, marked as a fallback. x-default is the
// default language's version, else the root chooser.
func TestLanguageSwitcherFallbacks(t *testing.T) {
	s := graph(t)
	type alt struct {
		lang, url               string
		exists, fallback, isCur bool
	}
	for _, tc := range []struct {
		url, xDefault string
		want          []alt
	}{
		{"/zh/news/a/", "/zh/news/a/", []alt{{"zh", "/zh/news/a/", true, false, true}, {"ru", "/ru/news/a/", true, false, false}, {"en", "/en/news/a/", true, false, false}}},
		{"/zh/news/c/", "/zh/news/c/", []alt{{"zh", "/zh/news/c/", true, false, true}, {"ru", "/ru/news/", false, true, false}, {"en", "/en/news/", false, true, false}}},
		{"/ru/news/d/", "/", []alt{{"zh", "/zh/news/", false, true, false}, {"ru", "/ru/news/d/", true, false, true}, {"en", "/en/news/", false, true, false}}},
		// A page of a nested section falls back to its top-level section.
		{"/en/news/old/", "/zh/news/old/", []alt{{"zh", "/zh/news/old/", true, false, false}, {"ru", "/ru/news/", false, true, false}, {"en", "/en/news/old/", true, false, true}}},
		// A page outside any section falls back to the home.
		{"/ru/about/", "/zh/about/", []alt{{"zh", "/zh/about/", true, false, false}, {"ru", "/ru/about/", true, false, true}, {"en", "/en/", false, true, false}}},
		{"/ru/tags/energy/", "/", []alt{{"zh", "/zh/tags/", false, true, false}, {"ru", "/ru/tags/energy/", true, false, true}, {"en", "/en/tags/", false, true, false}}},
		{"/zh/tags/trade/page/2/", "/zh/tags/trade/page/2/", []alt{{"zh", "/zh/tags/trade/page/2/", true, false, true}, {"ru", "/ru/tags/", false, true, false}, {"en", "/en/tags/", false, true, false}}},
		{"/zh/news/page/3/", "/zh/news/page/3/", []alt{{"zh", "/zh/news/page/3/", true, false, true}, {"ru", "/ru/news/", false, true, false}, {"en", "/en/news/", false, true, false}}},
	} {
		p := at(t, s, tc.url)
		var got []alt
		for _, a := range p.Alternates {
			got = append(got, alt{a.Lang.Code, a.URL, a.Exists, a.Fallback, a.Current})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("switcher of %s:\n got %+v\nwant %+v", tc.url, got, tc.want)
		}
		if p.XDefault != tc.xDefault {
			t.Errorf("x-default of %s is %s, want %s", tc.url, p.XDefault, tc.xDefault)
		}
	}
}

// Lists hold pageSize pages each, newest first, then by weight, then by
// path; the pager links the first, last, previous and next pages. A list
// with nothing to list still has its one page.
func TestPagination(t *testing.T) {
	s := graph(t)
	zh := language(t, s, "zh")
	wantURLs(t, "zh releases and single pages", zh.Regular,
		"/zh/news/same-b/", "/zh/news/same-c/", "/zh/news/same-a/", "/zh/news/c/", "/zh/news/b/", "/zh/news/a/",
		"/zh/news/f/", "/zh/reports/r/", "/zh/about/", "/zh/news/old/", "/zh/news/older/")
	wantURLs(t, "zh singles", zh.Singles, "/zh/about/")
	wantURLs(t, "the zh home's releases", zh.Home.Items, "/zh/news/same-b/", "/zh/news/same-c/")
	for _, tc := range []struct {
		url   string
		pager site.Pager
		items []string
	}{
		{"/zh/news/", site.Pager{Number: 1, Total: 5, First: "/zh/news/", Last: "/zh/news/page/5/", Next: "/zh/news/page/2/"},
			[]string{"/zh/news/same-b/", "/zh/news/same-c/"}},
		{"/zh/news/page/2/", site.Pager{Number: 2, Total: 5, First: "/zh/news/", Last: "/zh/news/page/5/", Prev: "/zh/news/", Next: "/zh/news/page/3/"},
			[]string{"/zh/news/same-a/", "/zh/news/c/"}},
		{"/zh/news/page/5/", site.Pager{Number: 5, Total: 5, First: "/zh/news/", Last: "/zh/news/page/5/", Prev: "/zh/news/page/4/"},
			[]string{"/zh/news/older/"}},
		{"/ru/news/page/2/", site.Pager{Number: 2, Total: 2, First: "/ru/news/", Last: "/ru/news/page/2/", Prev: "/ru/news/"},
			[]string{"/ru/news/a/", "/ru/news/forum-ru/"}},
		{"/zh/tags/trade/page/2/", site.Pager{Number: 2, Total: 2, First: "/zh/tags/trade/", Last: "/zh/tags/trade/page/2/", Prev: "/zh/tags/trade/"},
			[]string{"/zh/news/a/"}},
		{"/ru/news/archive/", site.Pager{Number: 1, Total: 1, First: "/ru/news/archive/", Last: "/ru/news/archive/"}, nil},
	} {
		p := at(t, s, tc.url)
		if !p.IsList() || *p.Pager != tc.pager {
			t.Errorf("pager of %s: %+v, want %+v", tc.url, p.Pager, tc.pager)
		}
		wantURLs(t, "items of "+tc.url, p.Items, tc.items...)
		if want := strings.TrimPrefix(tc.url, "/") + "index.html"; p.Path != want {
			t.Errorf("%s is written to %s, want %s", tc.url, p.Path, want)
		}
	}
	if at(t, s, "/zh/news/page/2/").Key != "section:news#page2" {
		t.Errorf("the key of a later list page names its number")
	}
	for _, p := range s.Pages {
		if strings.Contains(p.URL, "/draft/") || slices.ContainsFunc(p.Items, func(i *site.Page) bool { return i.Draft }) {
			t.Errorf("%s: a draft is published or listed", p.URL)
		}
	}
}

// Tags are per language, sorted by key, each with its pages newest first,
// a paginated list at /<lang>/tags/<key>/ and its feeds titled with the
// language's label.
func TestTags(t *testing.T) {
	s := graph(t)
	keys := func(l *site.Language) (out []string) {
		for _, tag := range l.Tags {
			out = append(out, tag.Key)
		}
		return out
	}
	for code, want := range map[string][]string{"zh": {"expo", "trade"}, "ru": {"energy", "expo", "trade"}, "en": {"trade"}} {
		if got := keys(language(t, s, code)); !slices.Equal(got, want) {
			t.Errorf("%s tags %q, want %q", code, got, want)
		}
	}
	zh := language(t, s, "zh")
	trade, expo := zh.Tags[1], zh.Tags[0]
	wantURLs(t, "zh pages tagged trade (no draft)", trade.Pages, "/zh/news/c/", "/zh/news/b/", "/zh/news/a/")
	if trade.Page.URL != "/zh/tags/trade/" || trade.Page.Kind != site.KindTag || trade.Page.Tag != "trade" || trade.Page.Title != "trade" {
		t.Errorf("zh trade list: %s %s tag %q title %q", trade.Page.URL, trade.Page.Kind, trade.Page.Tag, trade.Page.Title)
	}
	wantURLs(t, "zh pages tagged expo", expo.Pages, "/zh/news/b/")
	if expo.Page.URL != "/zh/tags/expo/" || expo.Page.Path != "zh/tags/expo/index.html" {
		t.Errorf("the expo tag is at %s, written to %s", expo.Page.URL, expo.Page.Path)
	}
	if zh.TagsURL != "/zh/tags/" || at(t, s, "/zh/tags/").Kind != site.KindTags {
		t.Errorf("zh tags index at %s", zh.TagsURL)
	}
	ru := language(t, s, "ru")
	ruTrade := ru.Tags[2]
	wantURLs(t, "ru pages tagged trade (inherited from zh)", ruTrade.Pages, "/ru/news/b/", "/ru/news/a/")
	wantFeeds := []site.Feed{
		{Type: site.FeedRSS, URL: "/ru/tags/trade/index.xml", Title: "Новости событий: Торговля"},
		{Type: site.FeedAtom, URL: "/ru/tags/trade/atom.xml", Title: "Новости событий: Торговля"},
	}
	if !slices.Equal(ruTrade.Feeds, wantFeeds) {
		t.Errorf("ru trade feeds %+v, want %+v", ruTrade.Feeds, wantFeeds)
	}
	// A tag page announces its tag's feeds, then its language's.
	if f := ruTrade.Page.Feeds; len(f) != 4 || f[0] != wantFeeds[0] || f[2].URL != "/ru/index.xml" {
		t.Errorf("feeds announced on /ru/tags/trade/: %+v", f)
	}
}

// Sections are the top-level folders of content/ and the deeper folders
// with an _index file in any language. Every section has a list in every
// language, titled by its _index file there or else by its folder's name,
// listing every page under its folder at any depth; a nested section
// changes no page's URL and keeps its top-level Section.
func TestNestedSections(t *testing.T) {
	s := graph(t)
	for _, l := range s.Languages {
		var got []string
		for sec := range l.Sections {
			got = append(got, sec)
		}
		slices.Sort(got)
		if want := []string{"news", "news/archive", "reports"}; !slices.Equal(got, want) {
			t.Errorf("%s sections %q, want %q (news/archive/2022 has no _index file)", l.Code, got, want)
		}
	}
	for url, title := range map[string]string{
		"/zh/news/": "新闻", "/ru/news/": "Новости", "/en/news/": "news",
		"/en/news/archive/": "Archive", "/zh/news/archive/": "archive", "/zh/reports/": "reports",
	} {
		p := at(t, s, url)
		if p.Title != title || p.Kind != site.KindSection {
			t.Errorf("%s: %s titled %q, want a section list titled %q", url, p.Kind, p.Title, title)
		}
	}
	archive := at(t, s, "/zh/news/archive/")
	if archive.Section != "news" || archive.Key != "section:news/archive" || language(t, s, "zh").Sections["news/archive"] != archive {
		t.Errorf("zh archive list: section %q key %q", archive.Section, archive.Key)
	}
	wantURLs(t, "the zh archive list", archive.Items, "/zh/news/old/", "/zh/news/older/")
	wantURLs(t, "the en archive list", at(t, s, "/en/news/archive/").Items, "/en/news/old/")
	wantURLs(t, "the en news list, the archive's releases included", at(t, s, "/en/news/").Items, "/en/news/a/", "/en/news/old/")
	for _, url := range []string{"/zh/news/old/", "/zh/news/older/"} {
		if p := at(t, s, url); p.Section != "news" || p.Kind != site.KindPage {
			t.Errorf("%s: section %q kind %s, want a page of news", url, p.Section, p.Kind)
		}
	}
	if p := at(t, s, "/zh/reports/r/"); p.Section != "reports" {
		t.Errorf("a page of a folder without _index files is in section %q", p.Section)
	}
	if p := at(t, s, "/ru/about/"); p.Section != "" {
		t.Errorf("a page at the top of content/ is in section %q", p.Section)
	}
}

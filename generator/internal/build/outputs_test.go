package build_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/mmcdole/gofeed"
)

// The repository's own site, built the way gen build does, read back by
// real consumers: every feed by gofeed, every calendar by golang-ical, the
// sitemap by xmllint against the sitemaps.org schema.
func TestSampleSiteOutputsParse(t *testing.T) {
	res, err := build.Run(context.Background(), build.Options{Source: sitetest.Root(t), Now: sitetest.Now, Images: sitetest.Pictures()})
	if err != nil {
		t.Fatal(err)
	}
	var nFeeds, nCals int
	for _, f := range res.Files {
		switch {
		case strings.HasSuffix(f.Path, "index.xml") || strings.HasSuffix(f.Path, "atom.xml"):
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(f.Bytes))
			if err != nil {
				t.Errorf("%s: %v", f.Path, err)
				continue
			}
			lang := strings.Split(f.Path, "/")[0]
			if feed.Title == "" || feed.Language == "" || !strings.HasPrefix(feed.Link, "https://events.example.org/"+lang+"/") {
				t.Errorf("%s: title %q language %q link %q", f.Path, feed.Title, feed.Language, feed.Link)
			}
			nFeeds++
		case strings.HasSuffix(f.Path, ".ics"):
			if _, err := ics.ParseCalendar(bytes.NewReader(f.Bytes)); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
			nCals++
		case f.Path == "sitemap.xml":
			validateSitemap(t, f.Bytes)
		}
	}
	if nFeeds < 6 || nCals < 3 {
		t.Errorf("only %d feeds and %d calendars", nFeeds, nCals)
	}
}

func validateSitemap(t *testing.T, body []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("xmllint is required in CI (apt-get install -y libxml2-utils): %v", err)
		}
		t.Log("xmllint not installed: sitemap.xml not validated")
		return
	}
	p := filepath.Join(t.TempDir(), "sitemap.xml")
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	schema := filepath.Join("..", "sitemap", "testdata", "sitemap-alternates.xsd")
	if out, err := exec.Command(xmllint, "--noout", "--schema", schema, p).CombinedOutput(); err != nil {
		t.Errorf("sitemap.xml does not validate: %v\n%s", err, out)
	}
}

func TestOutputsOfAWholeSite(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	for _, name := range []string{
		"zh/index.xml", "zh/atom.xml", "ru/index.xml", "ru/atom.xml", "en/index.xml", "en/atom.xml",
		"zh/tags/trade/index.xml", "zh/tags/trade/atom.xml", "ru/tags/expo/index.xml",
		"sitemap.xml", "robots.txt", "zh/events.ics", "ru/events.ics", "en/events.ics",
		"zh/news/expo/event.ics", "ru/news/expo/event.ics", "en/news/expo/event.ics",
	} {
		s.File(name)
	}
	s.Missing("zh/news/jinhua/event.ics", "ru/tags/trade/index.xml")
	s.Assert("ru/index.xml", "<title>В Харбине открылось ЭКСПО</title>", "<language>ru</language>", "! 草稿", "! 未来", "! 过期")
	s.Assert("zh/index.xml", "<title>第八届中俄博览会开幕</title>", "<language>zh-cn</language>", "! 关于我们")
	s.Assert("sitemap.xml", "<loc>https://news.example.org/ru/news/expo/</loc>", "! /zh/news/draft/", "! 404")
	s.Assert("robots.txt", "Sitemap: https://news.example.org/sitemap.xml")
	s.Assert("ru/news/expo/event.ics", "SUMMARY:VIII Российско-Китайское ЭКСПО", "DTSTART;VALUE=DATE:20240517", "DTEND;VALUE=DATE:20240522")
}

// Page.Feeds is what the theme announces in each page's head.
func TestFeedsOfPages(t *testing.T) {
	s := sitetest.New(t, newsSite+"-- i18n/zh.yaml --\ntag.trade: 经贸\n").Build(build.Options{}).OK()
	feeds := map[string][]site.Feed{}
	for _, p := range s.Result.Site.Pages {
		feeds[p.URL] = p.Feeds
	}
	feeds["/"] = s.Result.Site.Root.Feeds
	ru := []site.Feed{
		{Type: site.FeedRSS, URL: "/ru/index.xml", Title: "Новости событий"},
		{Type: site.FeedAtom, URL: "/ru/atom.xml", Title: "Новости событий"},
	}
	for url, want := range map[string][]site.Feed{
		"/ru/news/expo/": ru,
		"/ru/":           ru,
		"/ru/404.html":   ru,
		"/zh/tags/trade/": {
			{Type: site.FeedRSS, URL: "/zh/tags/trade/index.xml", Title: "中俄活动新闻: 经贸"},
			{Type: site.FeedAtom, URL: "/zh/tags/trade/atom.xml", Title: "中俄活动新闻: 经贸"},
			{Type: site.FeedRSS, URL: "/zh/index.xml", Title: "中俄活动新闻"},
			{Type: site.FeedAtom, URL: "/zh/atom.xml", Title: "中俄活动新闻"},
		},
	} {
		if !slices.Equal(feeds[url], want) {
			t.Errorf("feeds of %s:\n got %+v\nwant %+v", url, feeds[url], want)
		}
	}
	if len(feeds["/"]) != 6 {
		t.Errorf("the root announces %d feeds, want both feeds of the three languages", len(feeds["/"]))
	}
	for _, f := range feeds["/zh/tags/trade/page/2/"] {
		s.File(strings.TrimPrefix(f.URL, "/"))
	}
	for _, p := range s.Result.Site.Pages {
		if p.Event != nil && p.Calendar != p.URL+"event.ics" {
			t.Errorf("%s: Calendar %q", p.URL, p.Calendar)
		}
	}
}

func TestAliasesInAWholeSite(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-17
aliases: [/old/a/]
---
-- content/news/a/index.ru.md --
---
title: А
aliases: [/ru/old-a.html]
---
`).Build(build.Options{}).OK()
	s.Assert("old/a/index.html", `<html lang="zh-Hans">`, `content="0; url=https://news.example.org/zh/news/a/"`, `<a href="https://news.example.org/zh/news/a/">甲</a>`)
	s.Assert("ru/old-a.html", `<html lang="ru">`, `<link rel="canonical" href="https://news.example.org/ru/news/a/">`)
	s.Assert("sitemap.xml", "! old")

	s = sitetest.New(t, sitetest.Config+`-- content/about.ru.md --
---
title: О нас
date: 2024-05-17
aliases: [/ru/atom.xml]
---
`).Build(build.Options{})
	if s.Err == nil || s.Err.Error() != `content/about.ru.md:4:10: alias "/ru/atom.xml" is the URL of the generated file ru/atom.xml` {
		t.Errorf("got %v", s.Err)
	}
}

// Feeds, sitemap and calendars do not depend on the number of cores.
func TestOutputsDeterministic(t *testing.T) {
	a := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	prev := runtime.GOMAXPROCS(1)
	b := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	runtime.GOMAXPROCS(prev)
	for name, body := range a.Files {
		if ext := filepath.Ext(name); ext != ".xml" && ext != ".ics" && ext != ".txt" {
			continue
		}
		if !bytes.Equal(body, b.Files[name]) {
			t.Errorf("%s differs between GOMAXPROCS %d and 1", name, prev)
		}
	}
}

package build_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// eventsSite has releases with all-day, multi-day, timed and zoned events,
// tags used in some languages only, tag labels in i18n/, and a hostile title.
const eventsSite = sitetest.Config + `-- i18n/ru.yaml --
tag.expo: Выставки
tag.trade: Торговля
-- i18n/zh.yaml --
tag.expo: 博览会
-- content/_index.ru.md --
---
title: Пресс-служба
---
Новости российско-китайских выставок и форумов.
-- content/news/_index.en.md --
---
title: News
summary: Releases about China–Russia expos.
---
-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17
summary: 第八届中俄博览会在哈尔滨开幕。
tags: [expo, trade]
image: {src: hall.svg, alt: 展馆}
event:
  name: 第八届中俄博览会
  start: 2024-05-17
  end: 2024-05-21
  city: 哈尔滨
  venue: 哈尔滨国际会展中心
---
正文。
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>hall</title></svg>
-- content/news/expo/index.ru.md --
---
title: ЭКСПО открылось
summary: В Харбине открылось ЭКСПО.
image: {alt: Павильон}
event:
  name: VIII ЭКСПО
  city: Харбин
  venue: Конгресс-центр
---
Текст.
-- content/news/expo/index.en.md --
---
title: Expo opens
---
Text.
-- content/news/forum/index.zh.md --
---
title: 论坛
date: 2024-05-30
tags: [trade]
event:
  start: 2024-06-20 10:00
  end: 2024-06-20 12:30
  city: 上海
---
论坛。
-- content/news/forum/index.ru.md --
---
title: Форум
summary: Форум в Шанхае.
event:
  city: Шанхай
---
Форум.
-- content/news/moscow/index.zh.md --
---
title: 莫斯科会议
date: 2024-05-20
tags: [trade]
event:
  name: 莫斯科会议
  start: 2024-06-10T10:00:00+03:00
  end: 2024-06-11T18:00:00+03:00
  city: 莫斯科
---
会议。
-- content/news/day/index.zh.md --
---
title: 一日活动
date: 2024-05-25
event:
  name: 一日活动
  start: 2024-06-05
  city: 金华
---
一日。
-- content/news/evil/index.en.md --
---
title: "Evil </script><script>alert(1)</script> & co"
date: 2024-05-26
summary: "A </script> summary"
event:
  name: "</script><b>x</b>"
  start: 2024-07-01
---
Text.
`

func TestTagPagesAreTranslationsOfEachOther(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	// expo is used in every language (the tags are inherited): the three tag
	// pages name each other in hreflang and in the switcher.
	s.Assert("ru/tags/expo/index.html",
		`<title>Выставки · Новости событий</title>`,
		`<h1>Новости с тегом «Выставки»</h1>`,
		`<link rel="alternate" hreflang="zh-Hans" href="https://news.example.org/zh/tags/expo/">`,
		`<link rel="alternate" hreflang="en" href="https://news.example.org/en/tags/expo/">`,
		`<link rel="alternate" hreflang="x-default" href="https://news.example.org/zh/tags/expo/">`,
		`<li><a href="/zh/tags/expo/" hreflang="zh-Hans" lang="zh-Hans" data-lang="zh">中文</a></li>`,
		`<li><a href="/en/tags/expo/" hreflang="en" lang="en" data-lang="en">English</a></li>`,
		`<meta property="og:locale" content="ru_RU">`,
		`<meta property="og:locale:alternate" content="zh_CN">`,
		`<meta property="og:locale:alternate" content="en_US">`,
		`/ru/news/expo/`,
	)
	// en has no label: the key is shown.
	s.Assert("en/tags/expo/index.html", `<title>expo · Event News</title>`, `Releases tagged “expo”`)
	// Counts per language, labels from the site's i18n.
	s.Assert("zh/tags/index.html", `<a href="/zh/tags/expo/">博览会</a> <span class="count">(1 篇)</span>`,
		`<a href="/zh/tags/trade/">trade</a> <span class="count">(3 篇)</span>`)
	s.Assert("ru/tags/index.html", `<a href="/ru/tags/trade/">Торговля</a> <span class="count">(2 новости)</span>`)
	// pageSize is 2: the zh trade tag has a second page, titled apart.
	s.Assert("zh/tags/trade/page/2/index.html", `<title>trade · 第 2 页，共 2 页 · 中俄活动新闻</title>`,
		`rel="prev" href="/zh/tags/trade/"`)
	// trade in en exists only on the expo release.
	s.Assert("en/tags/trade/index.html", `/en/news/expo/`, `hreflang="ru" href="https://news.example.org/ru/tags/trade/"`)
}

func TestRootChoosesALanguage(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	s.Assert("index.html",
		// without script: links to the three homes.
		`<a href="/zh/" hreflang="zh-Hans" lang="zh-Hans" data-lang="zh">`,
		`<a href="/ru/" hreflang="ru" lang="ru" data-lang="ru">`,
		`<a href="/en/" hreflang="en" lang="en" data-lang="en">`,
		// the script's table comes from site.yaml, as JSON.
		`{"code":"zh","locale":"zh-Hans","name":"中文","title":"中俄活动新闻","url":"/zh/"}`,
		`{"code":"ru","locale":"ru",`,
		`, "zh").url)`,
		`localStorage.getItem("lang")`,
		`navigator.languages`,
		`<link rel="alternate" hreflang="x-default" href="https://news.example.org/">`,
	)
	// Another configuration: two languages, Russian by default.
	s = sitetest.New(t, `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: ru
languages:
  - {code: en, name: English, locale: en-GB, title: Event News, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
`).Build(build.Options{}).OK()
	s.Assert("index.html", `<html lang="ru">`, `, "ru").url)`, `{"code":"en","locale":"en-GB"`, `! "zh"`, `! /zh/`)
}

func TestNotFoundPages(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	// /404.html speaks every language until its script picks one by path.
	s.Assert("404.html",
		`<meta name="robots" content="noindex">`,
		`<section lang="zh-Hans" data-not-found="zh">`, `<h1>页面不存在</h1>`, `<a href="/zh/">返回首页</a>`,
		`<section lang="ru" data-not-found="ru">`, `<h1>Страница не найдена</h1>`, `<a href="/ru/">На главную</a>`,
		`<section lang="en" data-not-found="en">`, `<h1>Page not found</h1>`,
		`location.pathname`,
		// served at any path: only root-relative links.
		`href="/css/main.css"`, `! href="css/`, `! href="../`,
	)
	s.Assert("ru/404.html", `<html lang="ru">`, `<title>Страница не найдена · Новости событий</title>`,
		`<meta name="robots" content="noindex">`, `! rel="canonical"`, `! og:url`,
		`<a href="/ru/">На главную</a>`, `<a href="/ru/news/">`, `<a href="/ru/events/">События</a>`)
	s.Assert("en/404.html", `<h1>Page not found</h1>`)
}

func TestEventsPageAgainstTheClock(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK() // now: 2024-06-01 12:00 UTC
	zh := s.File("zh/events/index.html")
	upcoming, past, ok := strings.Cut(zh, `<h2 id="past">`)
	if !ok {
		t.Fatalf("no past section:\n%s", zh)
	}
	// Upcoming soonest first: 06-05, 06-10 (Moscow), 06-20; past: the expo.
	inOrder(t, upcoming, "/zh/news/day/", "/zh/news/moscow/", "/zh/news/forum/")
	inOrder(t, past, "/zh/news/expo/")
	if strings.Contains(past, "/zh/news/forum/") || strings.Contains(upcoming, "/zh/news/expo/") {
		t.Errorf("events in the wrong section:\n%s", zh)
	}

	// Later: everything but the evil English event is over, most recent first.
	s = sitetest.New(t, eventsSite).Build(build.Options{Now: time.Date(2024, 6, 25, 0, 0, 0, 0, time.UTC)}).OK()
	zh = s.File("zh/events/index.html")
	upcoming, past, _ = strings.Cut(zh, `<h2 id="past">`)
	if !strings.Contains(upcoming, "暂无即将举行的活动。") {
		t.Errorf("zh upcoming should be empty:\n%s", upcoming)
	}
	inOrder(t, past, "/zh/news/forum/", "/zh/news/moscow/", "/zh/news/day/", "/zh/news/expo/")
	upcoming, past, _ = strings.Cut(s.File("en/events/index.html"), `<h2 id="past">`)
	inOrder(t, upcoming, "/en/news/evil/")
	inOrder(t, past, "/en/news/expo/")
	// While the first event runs, the past is empty and says so.
	s = sitetest.New(t, eventsSite).Build(build.Options{Now: time.Date(2024, 5, 18, 0, 0, 0, 0, time.UTC)}).OK()
	s.Assert("en/events/index.html", `No past events yet.`)
	// An all-day event is over only when its last day is: at 2024-06-05 23:00
	// in Shanghai the one-day event is still on.
	s = sitetest.New(t, eventsSite).Build(build.Options{Now: time.Date(2024, 6, 5, 15, 0, 0, 0, time.UTC)}).OK()
	upcoming, _, _ = strings.Cut(s.File("zh/events/index.html"), `<h2 id="past">`)
	inOrder(t, upcoming, "/zh/news/day/")
}

func TestEventBlock(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	// Multi-day, all day: dates in the page's language, no times.
	s.Assert("ru/news/expo/index.html",
		`<dd><time datetime="2024-05-17">17 мая 2024`+"\u202f"+`г.</time> – <time datetime="2024-05-21">21 мая 2024`+"\u202f"+`г.</time></dd>`,
		`<dd>Конгресс-центр, Харбин</dd>`)
	s.Assert("zh/news/expo/index.html", `<dd>哈尔滨国际会展中心（哈尔滨）</dd>`)
	// One day, all day: a single date.
	s.Assert("zh/news/day/index.html", `<dd><time datetime="2024-06-05">2024年6月5日</time></dd>`)
	// Timed on one day: the end shows only its time; the zone is named.
	s.Assert("ru/news/forum/index.html",
		`<time datetime="2024-06-20T10:00:00&#43;08:00">20 июня 2024`+"\u202f"+`г., 10:00</time> – <time datetime="2024-06-20T12:30:00&#43;08:00">12:30</time> (UTC&#43;8)`)
	// Written in Moscow time, shown in Moscow time, not the site's zone
	// (Asia/Shanghai): the event's own offset is named, with Chinese
	// brackets on a Chinese page.
	s.Assert("zh/news/moscow/index.html",
		`<time datetime="2024-06-10T10:00:00&#43;03:00">2024年6月10日 10:00</time> – <time datetime="2024-06-11T18:00:00&#43;03:00">2024年6月11日 18:00</time>（UTC&#43;3）`)
}

func TestMetadataForSharersAndSearchEngines(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html",
		`<meta name="description" content="В Харбине открылось ЭКСПО.">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:title" content="ЭКСПО открылось">`,
		`<meta property="og:description" content="В Харбине открылось ЭКСПО.">`,
		`<meta property="og:url" content="https://news.example.org/ru/news/expo/">`,
		`<meta property="og:site_name" content="Новости событий">`,
		`<meta property="og:locale" content="ru_RU">`,
		`<meta property="og:locale:alternate" content="zh_CN">`,
		`<meta property="og:locale:alternate" content="en_US">`,
		// The lead image is an SVG, which sharers do not show: the
		// release's card instead, described by its title.
		`<meta property="og:image" content="https://news.example.org/images/share/ru/news/expo.png">`,
		`<meta property="og:image:width" content="1200">`,
		`<meta property="og:image:height" content="630">`,
		`<meta property="og:image:alt" content="ЭКСПО открылось">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta name="twitter:image" content="https://news.example.org/images/share/ru/news/expo.png">`,
	)
	// forum exists in zh and ru only: one alternate locale; without a
	// picture it is shared as its card.
	s.Assert("ru/news/forum/index.html", `<meta property="og:locale:alternate" content="zh_CN">`,
		`! content="en_US"`, `<meta property="og:image" content="https://news.example.org/images/share/ru/news/forum.png">`,
		`<meta name="twitter:card" content="summary_large_image">`)
	// Lists are not shared as cards.
	s.Assert("ru/news/index.html", `! og:image`, `<meta name="twitter:card" content="summary">`)
	// Lists are websites; the description is the intro, else the site title.
	s.Assert("ru/index.html", `<meta property="og:type" content="website">`,
		`<meta name="description" content="Новости российско-китайских выставок и форумов.">`)
	s.Assert("en/news/index.html", `<meta name="description" content="Releases about China–Russia expos.">`)
	s.Assert("zh/tags/index.html", `<meta name="description" content="中俄活动新闻">`, `<meta property="og:title" content="标签">`)
	// About-like pages outside a section are not articles.
	s.Assert("en/events/index.html", `<meta property="og:type" content="website">`, `! application/ld+json`)

	article := jsonLD(t, s.File("ru/news/expo/index.html"))
	if len(article) != 2 {
		t.Fatalf("want NewsArticle and Event, got %d objects", len(article))
	}
	want := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle", "headline": "ЭКСПО открылось",
		"datePublished": "2024-05-17T00:00:00+08:00", "inLanguage": "ru",
		"url": "https://news.example.org/ru/news/expo/", "image": "https://news.example.org/images/share/ru/news/expo.png",
		"description": "В Харбине открылось ЭКСПО.",
		"publisher":   map[string]any{"@type": "Organization", "name": "Новости событий", "url": "https://news.example.org/ru/"},
	}
	for k, v := range want {
		if !jsonEqual(article[0][k], v) {
			t.Errorf("NewsArticle %s = %v, want %v", k, article[0][k], v)
		}
	}
	wantEvent := map[string]any{
		"@type": "Event", "name": "VIII ЭКСПО", "startDate": "2024-05-17", "endDate": "2024-05-21",
		"eventStatus": "https://schema.org/EventScheduled", "url": "https://news.example.org/ru/news/expo/",
		"location": map[string]any{"@type": "Place", "name": "Конгресс-центр",
			"address": map[string]any{"@type": "PostalAddress", "addressLocality": "Харбин"}},
	}
	for k, v := range wantEvent {
		if !jsonEqual(article[1][k], v) {
			t.Errorf("Event %s = %v, want %v", k, article[1][k], v)
		}
	}
	timed := jsonLD(t, s.File("zh/news/moscow/index.html"))
	if got := timed[1]["startDate"]; got != "2024-06-10T10:00:00+03:00" {
		t.Errorf("timed startDate = %v", got)
	}
}

func TestHostileTitleStaysInItsScript(t *testing.T) {
	s := sitetest.New(t, eventsSite).Build(build.Options{}).OK()
	page := s.File("en/news/evil/index.html")
	if n := strings.Count(page, "<script"); n != 3 { // two JSON-LD blocks and the switcher memory
		t.Errorf("want 3 script elements, got %d:\n%s", n, page)
	}
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>x</b>") {
		t.Errorf("markup from front matter reached the page:\n%s", page)
	}
	objs := jsonLD(t, page)
	if got := objs[0]["headline"]; got != "Evil </script><script>alert(1)</script> & co" {
		t.Errorf("headline = %q", got)
	}
	if got := objs[1]["name"]; got != "</script><b>x</b>" {
		t.Errorf("event name = %q", got)
	}
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD decodes every JSON-LD block of a page.
func jsonLD(t *testing.T, page string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range ldScript.FindAllStringSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("JSON-LD does not decode: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// inOrder checks that the strings appear in body in this order.
func inOrder(t *testing.T, body string, parts ...string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(body[at:], p)
		if i < 0 {
			t.Errorf("%q missing or out of order in:\n%s", p, body)
			return
		}
		at += i + len(p)
	}
}

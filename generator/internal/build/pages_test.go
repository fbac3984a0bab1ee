package build_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

const newsSite = sitetest.Config + `-- content/news/_index.zh.md --
---
title: 新闻
---
新闻发布。
-- content/news/_index.ru.md --
---
title: Новости
---
-- content/news/_index.en.md --
---
title: News
---
-- content/news/expo/index.zh.md --
---
title: 第八届中俄博览会开幕
date: 2024-05-17
tags: [expo, trade]
event:
  name: 第八届中俄博览会
  start: 2024-05-17
  end: 2024-05-21
  city: 哈尔滨
image: {src: hall.svg, alt: 展馆}
---
哈尔滨5月17日电 第八届中俄博览会
今天开幕。

## 数据一览

展会面积38.8万平方米。
-- content/news/expo/index.ru.md --
---
title: В Харбине открылось ЭКСПО
tags: [expo]
event:
  name: VIII Российско-Китайское ЭКСПО
  city: Харбин
image: {alt: Павильон}
---
Харбин, 17 мая. "Сделано в России" -- главная тема.

## Программа выставки
-- content/news/expo/index.en.md --
---
title: China-Russia Expo opens in Harbin
---
HARBIN, May 17 — The eighth China-Russia Expo opened today.
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>hall</title></svg>
-- content/news/roundtable/index.zh.md --
---
title: 青年企业家圆桌会
date: 2024-05-18
tags: [youth, trade]
---
青年企业家圆桌会在哈尔滨举行。
-- content/news/roundtable/index.en.md --
---
title: Youth roundtable
---
Young entrepreneurs met in Harbin.
-- content/news/jinhua/index.zh.md --
---
title: 第十届中俄中小企业圆桌会
date: 2023-07-19
---
金华。
-- content/news/draft/index.zh.md --
---
title: 草稿
date: 2024-05-01
draft: true
---
草稿。
-- content/news/future/index.zh.md --
---
title: 未来
date: 2024-07-01
---
未来。
-- content/news/expired/index.zh.md --
---
title: 过期
date: 2024-01-01
expiryDate: 2024-05-01
---
过期。
-- content/about.zh.md --
---
title: 关于我们
date: 2024-05-01
---
新闻办公室。
-- content/about.ru.md --
---
title: О нас
---
Пресс-служба.
-- content/about.en.md --
---
title: About us
---
The press office.
`

func TestReleasePages(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html",
		`<html lang="ru">`,
		`<link rel="canonical" href="https://news.example.org/ru/news/expo/">`,
		`<link rel="alternate" hreflang="zh-Hans" href="https://news.example.org/zh/news/expo/">`,
		`<link rel="alternate" hreflang="ru" href="https://news.example.org/ru/news/expo/">`,
		`<link rel="alternate" hreflang="en" href="https://news.example.org/en/news/expo/">`,
		`<link rel="alternate" hreflang="x-default" href="https://news.example.org/zh/news/expo/">`,
		`«Сделано в России» – главная тема`,
		`<h2 id="программа-выставки">Программа выставки</h2>`,
		// date inherited from the zh file, shown in Russian.
		"17 мая 2024\u202fг.",
		// event times inherited, text in Russian.
		`VIII Российско-Китайское ЭКСПО`, `Харбин`, "21 мая 2024\u202fг.",
		// image src inherited, alt in Russian.
		`<img src="/images/news/expo/hall.svg" alt="Павильон" fetchpriority="high">`,
		`href="/ru/tags/expo/"`,
		`! href="/ru/tags/trade/"`,
	)
	s.Assert("zh/news/expo/index.html",
		`<html lang="zh-Hans">`,
		// soft line break between Chinese characters is no space.
		`第八届中俄博览会今天开幕`,
		`<h2 id="数据一览">数据一览</h2>`,
		`2024年5月17日`,
	)
	s.Assert("en/news/expo/index.html", `<html lang="en">`, `May 17, 2024`,
		// tags inherited from zh.
		`href="/en/tags/expo/"`, `href="/en/tags/trade/"`)
	// A picture is published once, for every language.
	if got, want := s.File("images/news/expo/hall.svg"), "<title>hall</title>"; !strings.Contains(got, want) {
		t.Errorf("bundle picture not published: %q", got)
	}
	s.Missing("zh/news/expo/hall.svg", "ru/news/expo/hall.svg")
}

func TestMissingTranslationFallsBack(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	// roundtable has no Russian version: hreflang lists only zh and en;
	// the switcher leads to the Russian news list, marked.
	s.Assert("en/news/roundtable/index.html",
		`hreflang="zh-Hans" href="https://news.example.org/zh/news/roundtable/"`,
		`! hreflang="ru" href="https://news.example.org/ru/news/roundtable/"`,
		`<a class="fallback" href="/ru/news/" hreflang="ru"`,
	)
	s.Missing("ru/news/roundtable/index.html")
	// jinhua exists only in Chinese: x-default is the Chinese page.
	s.Assert("zh/news/jinhua/index.html", `<link rel="alternate" hreflang="x-default" href="https://news.example.org/zh/news/jinhua/">`,
		`<a class="fallback" href="/en/news/"`)
	// the about page has no section: its fallback would be the home; it exists in all three.
	s.Assert("ru/about/index.html", `<title>О нас · Новости событий</title>`, `href="/en/about/"`)
}

func TestPublishingRules(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	s.Missing("zh/news/draft/index.html", "zh/news/future/index.html", "zh/news/expired/index.html")
	s.Assert("zh/news/index.html", `! 草稿`, `! 未来`, `! 过期`)

	s = sitetest.New(t, newsSite).Build(build.Options{Drafts: true, Future: true}).OK()
	s.File("zh/news/draft/index.html")
	s.File("zh/news/future/index.html")
	s.Missing("zh/news/expired/index.html")
}

func TestHomeAndPagination(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	// pageSize 2: zh has about + roundtable + expo + jinhua in news = 3 news → 2 pages.
	s.Assert("zh/news/index.html", `<h1>新闻</h1>`, `新闻发布。`, `/zh/news/roundtable/`, `/zh/news/expo/`,
		`! /zh/news/jinhua/`, `rel="next" href="/zh/news/page/2/"`, `第 1 页，共 2 页`)
	s.Assert("zh/news/page/2/index.html", `/zh/news/jinhua/`, `rel="prev" href="/zh/news/"`,
		`<link rel="canonical" href="https://news.example.org/zh/news/page/2/">`)
	s.Missing("zh/news/page/3/index.html", "ru/news/page/2/index.html")
	s.Assert("ru/news/index.html", `<h1>Новости</h1>`, `/ru/news/expo/`, `! page/2`)
	s.Assert("en/index.html", `<html lang="en">`, `<title>Event News</title>`, `/en/news/roundtable/`)
	// events against the clock (2024-06-01): the expo is past.
	s.Assert("en/events/index.html", `/en/news/expo/`)
	s.Assert("index.html", `href="/zh/"`, `href="/ru/"`, `href="/en/"`)
}

func TestTemplateStringsAndPlurals(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html", `1 минута чтения`)
	s.Assert("ru/tags/index.html", `1 новость`)
	s.Assert("zh/tags/index.html", `2 篇`)
}

func TestHomeListsReleasesOnly(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/about.en.md --
---
title: About us
date: 2024-05-30
---
-- content/news/a/index.en.md --
---
title: A release
date: 2024-05-01
---
`).Build(build.Options{}).OK()
	s.Assert("en/index.html", `<h2><a href="/en/news/a/">A release</a></h2>`, `! <h2><a href="/en/about/">`)
}

func TestTagFallbackLeadsToTagsIndex(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	// youth is used in zh and en but not in ru: the Russian switcher entry
	// leads to the Russian tags index, marked as a fallback.
	s.Missing("ru/tags/youth/index.html")
	s.Assert("zh/tags/youth/index.html", `<a class="fallback" href="/ru/tags/" hreflang="ru"`, `href="/en/tags/youth/"`)
}

func TestContentLinksResolveInTheSameLanguage(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/news/a/index.ru.md --
---
title: A
date: 2024-05-01
---
[файл](../b/index.md), [с языком](../b/index.zh.md#итоги), [путь](/news/b/), [о нас](/about.md),
[нет перевода](../c/index.md), [как есть](../b/), [внешняя](https://example.com/x.md), [пусто](../nothing/index.md)
-- content/news/b/index.ru.md --
---
title: B
date: 2024-05-01
---
-- content/news/b/index.zh.md --
---
title: B
date: 2024-05-01
---
-- content/news/c/index.zh.md --
---
title: C
date: 2024-05-01
---
-- content/about.ru.md --
---
title: О нас
date: 2024-05-01
---
`).Build(build.Options{})
	// Three of the links lead nowhere, which fails the build (package
	// rules); its result still shows how every link is written.
	want := `content/news/a/index.ru.md:5:24: link to ../b/index.zh.md#итоги: content/news/b/index.ru.md has no heading with the id "итоги"
content/news/a/index.ru.md:6:1: link to ../c/index.md: news/c has no ru version, so readers would land on /ru/news/: write the ru version, or link the page that exists, /zh/news/c/
content/news/a/index.ru.md:6:88: link to ../nothing/index.md: there is no content/news/nothing/index.md`
	if s.Err == nil || s.Err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", s.Err, want)
	}
	s.Assert("ru/news/a/index.html",
		`<a href="/ru/news/b/">файл</a>`,
		`<a href="/ru/news/b/#итоги">с языком</a>`,
		`<a href="/ru/news/b/">путь</a>`,
		`<a href="/ru/about/">о нас</a>`,
		// c has no Russian version: the link leads where the switcher would.
		`<a href="/ru/news/">нет перевода</a>`,
		`<a href="../b/">как есть</a>`,
		`<a href="https://example.com/x.md">внешняя</a>`,
		`<a href="../nothing/index.md">пусто</a>`,
	)
}

// The menu and footer are rendered once per language and place
// (partialCached on .Frame), so each page must still show its own.
func TestMenuMarksWhereTheReaderIs(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	current := func(href string) string { return `<a href="` + href + `" aria-current="page">` }
	s.Assert("en/news/expo/index.html", current("/en/news/"), `! `+current("/en/events/"), `! `+current("/en/tags/"))
	s.Assert("en/news/index.html", current("/en/news/"))
	s.Assert("en/events/index.html", current("/en/events/"), `! `+current("/en/news/"))
	s.Assert("en/tags/index.html", current("/en/tags/"), `! `+current("/en/events/"))
	s.Assert("en/tags/expo/index.html", current("/en/tags/"))
	s.Assert("en/index.html", `! aria-current="page"`, `<a class="brand" href="/en/">Event News</a>`)
	s.Assert("en/about/index.html", `! aria-current="page"`)
	s.Assert("ru/news/expo/index.html", current("/ru/news/"), `<a class="brand" href="/ru/">`,
		`<span aria-current="true" lang="ru">Русский</span>`)
	for _, page := range []string{"zh/news/expo/index.html", "zh/events/index.html"} {
		s.Assert(page, `<p>© 2024 `, `<a href="/zh/about/">关于我们</a>`, `! /en/about/`, `! /ru/about/`)
	}
	s.Assert("ru/events/index.html", `<a href="/ru/about/">О нас</a>`, `! /zh/about/"`)
}

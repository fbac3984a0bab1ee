package aliases_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/aliases"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
	"golang.org/x/net/html"
)

// run builds the archive under sitetest.Config and returns the redirect
// pages it wrote (the HTML files that are no page: not in the graph, nor
// the root's not-found page, which render adds) and the build's error.
func run(t *testing.T, archive string) (map[string]string, error) {
	t.Helper()
	s := sitetest.New(t, sitetest.Config+archive).Build(build.Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	if s.Err != nil {
		return nil, s.Err
	}
	pages := map[string]bool{s.Result.Site.Root.Path: true, "404.html": true}
	for _, p := range s.Result.Site.Pages {
		pages[p.Path] = true
	}
	m := map[string]string{}
	for name, b := range s.Files {
		if strings.HasSuffix(name, ".html") && !pages[name] {
			m[name] = string(b)
		}
	}
	return m, nil
}

// redirect is what a browser and a crawler read from a redirect page.
type redirect struct {
	lang, refresh, canonical, robots, linkHref, linkText, title string
}

func readRedirect(t *testing.T, body string) redirect {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var r redirect
	var walk func(n *html.Node)
	attr := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	text := func(n *html.Node) string {
		if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			return n.FirstChild.Data
		}
		return ""
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				r.lang = attr(n, "lang")
			case "meta":
				if attr(n, "http-equiv") == "refresh" {
					r.refresh = attr(n, "content")
				}
				if attr(n, "name") == "robots" {
					r.robots = attr(n, "content")
				}
			case "link":
				if attr(n, "rel") == "canonical" {
					r.canonical = attr(n, "href")
				}
			case "a":
				r.linkHref, r.linkText = attr(n, "href"), text(n)
			case "title":
				r.title = text(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return r
}

func TestRedirectPages(t *testing.T) {
	out, err := run(t, `-- content/news/expo/index.zh.md --
---
title: 博览会 & 论坛
date: 2024-05-17
aliases: [/old/expo/, /2024/05/expo.html, /zh/old-expo, "/%E6%97%A7/"]
---
-- content/news/expo/index.ru.md --
---
title: ЭКСПО <открылось>
slug: экспо
aliases: [/ru/old/expo.html]
---
-- content/news/expo/index.en.md --
---
title: Expo
---
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]redirect{
		"old/expo/index.html":    {"zh-Hans", "0; url=https://news.example.org/zh/news/expo/", "https://news.example.org/zh/news/expo/", "noindex", "https://news.example.org/zh/news/expo/", "博览会 & 论坛", "博览会 & 论坛"},
		"2024/05/expo.html":      {"zh-Hans", "0; url=https://news.example.org/zh/news/expo/", "https://news.example.org/zh/news/expo/", "noindex", "https://news.example.org/zh/news/expo/", "博览会 & 论坛", "博览会 & 论坛"},
		"zh/old-expo/index.html": {"zh-Hans", "0; url=https://news.example.org/zh/news/expo/", "https://news.example.org/zh/news/expo/", "noindex", "https://news.example.org/zh/news/expo/", "博览会 & 论坛", "博览会 & 论坛"},
		"旧/index.html":           {"zh-Hans", "0; url=https://news.example.org/zh/news/expo/", "https://news.example.org/zh/news/expo/", "noindex", "https://news.example.org/zh/news/expo/", "博览会 & 论坛", "博览会 & 论坛"},
		"ru/old/expo.html": {"ru", "0; url=https://news.example.org/ru/news/%D1%8D%D0%BA%D1%81%D0%BF%D0%BE/", "https://news.example.org/ru/news/%D1%8D%D0%BA%D1%81%D0%BF%D0%BE/", "noindex",
			"https://news.example.org/ru/news/%D1%8D%D0%BA%D1%81%D0%BF%D0%BE/", "ЭКСПО <открылось>", "ЭКСПО <открылось>"},
	}
	if len(out) != len(want) {
		var names []string
		for n := range out {
			names = append(names, n)
		}
		t.Errorf("files %q, want %d", names, len(want))
	}
	for path, w := range want {
		body, ok := out[path]
		if !ok {
			t.Errorf("no redirect at %s", path)
			continue
		}
		if got := readRedirect(t, body); got != w {
			t.Errorf("%s:\n got %+v\nwant %+v\n%s", path, got, w, body)
		}
	}
}

// The en file inherits the zh aliases; the old URL leads to the zh page,
// which wrote it, and is no conflict.
func TestInheritedAliasesRedirectOnce(t *testing.T) {
	out, err := run(t, `-- content/news/expo/index.zh.md --
---
title: 博览会
date: 2024-05-17
aliases: [/old/expo/]
---
-- content/news/expo/index.en.md --
---
title: Expo
---
-- content/news/forum/index.en.md --
---
title: Forum
date: 2024-05-17
aliases: [/old/forum/]
---
-- content/news/forum/index.ru.md --
---
title: Форум
date: 2024-05-17
aliases: [/old/forum/]
---
`)
	if err != nil {
		t.Fatal(err)
	}
	if r := readRedirect(t, out["old/expo/index.html"]); r.lang != "zh-Hans" || r.linkText != "博览会" {
		t.Errorf("inherited alias: %+v", r)
	}
	// Both write it, neither is the default language: site order, ru first.
	if r := readRedirect(t, out["old/forum/index.html"]); r.lang != "ru" {
		t.Errorf("alias written by ru and en: %+v", r)
	}
}

func TestConflicts(t *testing.T) {
	for _, tc := range []struct {
		name, archive string
		want          string
		lang, said    string // the first error in another language
	}{{
		name: "a page",
		archive: `-- content/news/a/index.md --
---
title: A
date: 2024-05-17
aliases:
  - /zh/news/b/
---
-- content/news/b/index.md --
---
title: B
date: 2024-05-17
---
`,
		want: `content/news/a/index.md:5:3: alias "/zh/news/b/" is the URL of the page content/news/b/index.md`,
		lang: "ru", said: `content/news/a/index.md:5:3: адрес "/zh/news/b/" из aliases совпадает с адресом страницы content/news/b/index.md`,
	}, {
		name: "a section and the root",
		archive: `-- content/news/a/index.ru.md --
---
title: A
date: 2024-05-17
aliases: [/ru/news, /]
---
`,
		want: `content/news/a/index.ru.md:4:10: alias "/" is the URL of the root page` + "\n" +
			`content/news/a/index.ru.md:4:10: alias "/ru/news" is the URL of the section page /ru/news/`,
		lang: "zh", said: `content/news/a/index.ru.md:4:10: 别名 "/" 是根页面的网址` + "\n" +
			`content/news/a/index.ru.md:4:10: 别名 "/ru/news" 是栏目页 /ru/news/的网址`,
	}, {
		name: "another output", // the feed and the calendar the build writes
		archive: `-- content/a.md --
---
title: A
date: 2024-05-17
aliases: [/ru/index.xml, /ru/events.ics/]
---
`,
		want: `content/a.md:4:10: alias "/ru/events.ics/" lies under the generated file ru/events.ics, which is a file` + "\n" +
			`content/a.md:4:10: alias "/ru/index.xml" is the URL of the generated file ru/index.xml`,
		lang: "ru", said: `content/a.md:4:10: адрес "/ru/events.ics/" из aliases лежит внутри созданного gen файла ru/events.ics, а это файл` + "\n" +
			`content/a.md:4:10: адрес "/ru/index.xml" из aliases совпадает с адресом созданного gen файла ru/index.xml`,
	}, {
		name: "two pages",
		archive: `-- content/news/a/index.md --
---
title: A
date: 2024-05-17
aliases: [/old/]
---
-- content/news/a/index.ru.md --
---
title: А
---
-- content/news/b/index.en.md --
---
title: B
date: 2024-05-17
tags: [x]
aliases: [/old/]
---
`,
		want: `content/news/a/index.md:4:10: alias "/old/" is claimed by more than one page: content/news/a/index.md, content/news/b/index.en.md` + "\n" +
			`content/news/b/index.en.md:5:10: alias "/old/" is claimed by more than one page: content/news/a/index.md, content/news/b/index.en.md`,
		lang: "zh", said: `content/news/a/index.md:4:10: 别名 "/old/" 被多个页面同时使用：content/news/a/index.md, content/news/b/index.en.md` + "\n" +
			`content/news/b/index.en.md:5:10: 别名 "/old/" 被多个页面同时使用：content/news/a/index.md, content/news/b/index.en.md`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := run(t, tc.archive)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got:\n%v\nwant:\n%s", err, tc.want)
			}
			if got := speak.New(tc.lang).Error(err); got != tc.said {
				t.Errorf("in %s:\n%s\nwant:\n%s", tc.lang, got, tc.said)
			}
		})
	}
}

func TestPath(t *testing.T) {
	for in, want := range map[string]string{
		"/old/":               "old/index.html",
		"/old":                "old/index.html",
		"/ru/old.html":        "ru/old.html",
		"/news.php":           "news.php",
		"/":                   "index.html",
		"/a//b/":              "a/b/index.html",
		"/%E6%97%A7/":         "旧/index.html",
		"/bad%zzescape/":      "bad%zzescape/index.html",
		"/v1.2/release-notes": "v1.2/release-notes/index.html",
	} {
		if got := aliases.Path(in); got != want {
			t.Errorf("Path(%q) = %q, want %q", in, got, want)
		}
	}
}

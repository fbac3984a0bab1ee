package build_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// namesSite has folders and files whose names a URL gives a meaning:
// "?", "#", "%", "+", spaces and "&".
const namesSite = sitetest.Config + `-- content/news/q?x#y/index.zh.md --
---
title: 问号
date: 2024-05-17
tags: [trade]
event:
  name: 博览会
  start: 2024-06-10
  city: 哈尔滨
image:
  src: 100%.svg
  alt: 图
aliases: [/old/q%3Fx/]
---
见[点点](../%252e%252e/index.md)和![图](p%3F1.svg)。
-- content/news/q?x#y/index.ru.md --
---
title: Вопрос
---
Текст.
-- content/news/q?x#y/100%.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/q?x#y/p?1.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/%2e%2e/index.zh.md --
---
title: 点点
date: 2024-05-16
---
回到[问号](../q%3Fx%23y/index.md#top)。
-- content/q&a 2/c++/index.zh.md --
---
title: 加加
date: 2024-05-15
---
文。
-- content/news/arch ?/_index.zh.md --
---
title: 档案
---
-- content/news/arch ?/r1/index.zh.md --
---
title: 旧闻
date: 2024-01-01
---
文。
-- content/what?.zh.md --
---
title: 什么
date: 2024-05-01
---
文。
`

// Names that a URL gives a meaning are percent-encoded in every link, and
// the output files are where a host that decodes the URL looks.
func TestNamesThatAreURLsAreEscaped(t *testing.T) {
	s := sitetest.New(t, namesSite).Build(build.Options{}).OK()
	const q = "/zh/news/q%3Fx%23y/"
	const abs = "https://news.example.org" + q
	s.Assert("zh/news/index.html",
		`<a href="`+q+`">问号</a>`,
		`<a href="/zh/news/%252e%252e/">点点</a>`,
	)
	s.Assert("zh/news/q?x#y/index.html",
		`<link rel="canonical" href="`+abs+`">`,
		`<link rel="alternate" hreflang="zh-Hans" href="`+abs+`">`,
		`<link rel="alternate" hreflang="ru" href="https://news.example.org/ru/news/q%3Fx%23y/">`,
		`<link rel="alternate" hreflang="x-default" href="`+abs+`">`,
		`<meta property="og:url" content="`+abs+`">`,
		`<meta property="og:image" content="https://news.example.org/images/share/zh/news/q%3Fx%23y.png">`,
		`<img src="/images/news/q%3Fx%23y/100%25.svg" alt="图" fetchpriority="high">`,
		`<a href="/ru/news/q%3Fx%23y/" hreflang="ru" lang="ru" data-lang="ru">`,
		`<a href="/zh/news/%252e%252e/">点点</a>`,
		`<img src="/images/news/q%3Fx%23y/p%3F1.svg" alt="图" loading="lazy" decoding="async">`,
		`<a href="/zh/news/q%3Fx%23y/event.ics" type="text/calendar" download>`,
		`"mainEntityOfPage":"`+abs+`"`,
	)
	s.Assert("zh/news/%2e%2e/index.html", `<a href="`+q+`#top">问号</a>`)
	s.Assert("zh/q&a 2/index.html", `<a href="/zh/q&amp;a%202/c%2B%2B/">加加</a>`)
	s.Assert("zh/q&a 2/c++/index.html", `<link rel="canonical" href="https://news.example.org/zh/q&amp;a%202/c%2B%2B/">`)
	s.Assert("zh/news/arch ?/index.html",
		`<link rel="canonical" href="https://news.example.org/zh/news/arch%20%3F/">`,
		`<a href="/zh/news/r1/">旧闻</a>`,
	)
	s.Assert("zh/what?/index.html", `<link rel="canonical" href="https://news.example.org/zh/what%3F/">`)
	s.Assert("sitemap.xml",
		"<loc>"+abs+"</loc>",
		`<xhtml:link rel="alternate" hreflang="ru" href="https://news.example.org/ru/news/q%3Fx%23y/"/>`,
		"<loc>https://news.example.org/zh/news/%252e%252e/</loc>",
		"<loc>https://news.example.org/zh/q&amp;a%202/c%2B%2B/</loc>",
		"<loc>https://news.example.org/zh/what%3F/</loc>",
	)
	s.Assert("zh/index.xml", "<link>"+abs+"</link>", `<guid isPermaLink="true">`+abs+`</guid>`)
	s.Assert("zh/atom.xml", `<link rel="alternate" type="text/html" href="`+abs+`"/>`)
	s.Assert("zh/events.ics", "URL:"+abs)
	s.Assert("zh/news/q?x#y/event.ics", "URL:"+abs)
	s.Assert("old/q?x/index.html", `<meta http-equiv="refresh" content="0; url=`+abs+`">`)
	s.File("images/news/q?x#y/100%.svg")
	s.File("images/news/q?x#y/p?1.svg")

	for _, p := range linkcheck.Check(s.Files, linkcheck.Options{BaseURL: s.Result.Config.BaseURL}) {
		t.Error(p)
	}

	// A host decodes the request's path and serves the file there.
	m := fstest.MapFS{}
	for name, data := range s.Files {
		m[name] = &fstest.MapFile{Data: data}
	}
	srv := httptest.NewServer(http.FileServerFS(m))
	defer srv.Close()
	for _, p := range s.Result.Site.Pages {
		resp, err := http.Get(srv.URL + p.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(body) != string(s.Files[p.Path]) {
			t.Errorf("GET %s: %s, or not the page %s", p.URL, resp.Status, p.Path)
		}
	}
}

// Names that no URL or host can carry are errors naming the folder or
// file, with the fix.
func TestNamesThatCannotBeURLsAreRefused(t *testing.T) {
	page := "---\ntitle: x\ndate: 2024-05-17\n---\n"
	s := sitetest.New(t, sitetest.Config+`-- content/news/ok/index.zh.md --
---
title: ok
date: 2024-05-17
slug: v1.
aliases: [/a%2Fb/, /x/%2e%2E/y/, /100%/, /c%5Cd/, /e%07/]
---
`)
	for _, name := range []string{
		"content/news/dot./index.zh.md",
		"content/news/space /index.zh.md",
		`content/news/back\slash/index.zh.md`,
		"content/news/bell\a/index.zh.md",
		"content/news/bad\xff/index.zh.md",
		"content/about..zh.md",
		"content/news/ok/photo.png ",
		`content/news/ok/a\b.png`,
	} {
		s.FS[name] = &fstest.MapFile{Data: []byte(page)}
	}
	s.Build(build.Options{})
	if s.Err == nil {
		t.Fatal("build succeeded, want errors")
	}
	var got []string
	for _, d := range diag.Flatten(s.Err) {
		got = append(got, d.Error())
	}
	want := []string{
		`content/about..zh.md: the page name "about." ends in ".", which Windows and some hosts drop: rename the file without it`,
		`content/news/back\slash: the folder name holds "\", which browsers read as "/" in a URL: rename the folder without it`,
		`content/news/bad\xff: the folder name is not valid UTF-8: rename the folder in UTF-8`,
		`content/news/bell\a: the folder name holds a control character (U+0007), which no URL may carry: rename the folder without it`,
		`content/news/dot.: the folder name ends in ".", which Windows and some hosts drop: rename the folder without it`,
		`content/news/ok/a\b.png: the file name holds "\", which browsers read as "/" in a URL: rename the file without it`,
		`content/news/ok/index.zh.md:4:7: slug: "v1." must be one URL segment, without spaces or "/", "\", "?", "#", "%", not ending in "."`,
		`content/news/ok/index.zh.md:5:11: aliases: "/a%2Fb/" must not escape "/" as "%2F": hosts disagree on what it means`,
		`content/news/ok/index.zh.md:5:20: aliases: "/x/%2e%2E/y/" must not contain "." or ".." segments, escaped or not`,
		`content/news/ok/index.zh.md:5:34: aliases: "/100%/" has a "%" that starts no escape: write "%25" for "%"`,
		`content/news/ok/index.zh.md:5:42: aliases: "/c%5Cd/" decodes to "/c\\d/", which holds a control character, "\" or a name ending in a dot or space: write the alias without it`,
		`content/news/ok/index.zh.md:5:51: aliases: "/e%07/" decodes to "/e\a/", which holds a control character, "\" or a name ending in a dot or space: write the alias without it`,
		`content/news/ok/photo.png : the file name ends in a space, which Windows and some hosts drop: rename the file without it`,
		`content/news/space : the folder name ends in a space, which Windows and some hosts drop: rename the folder without it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	said := map[string]bool{}
	for _, d := range diag.Flatten(s.Err) {
		said[speak.New("ru").Line(d)] = true
		said[speak.New("zh").Line(d)] = true
	}
	for _, want := range []string{
		`content/about..zh.md: имя страницы "about." оканчивается точкой, которую Windows и некоторые хостинги отбрасывают: переименуйте файл без неё`,
		`content/news/back\slash: имя папки содержит «\», который браузеры читают в URL как «/»: переименуйте папку без него`,
		`content/news/bad\xff: имя папки не в кодировке UTF-8: переименуйте папку, записав имя в UTF-8`,
		`content/news/bell\a: имя папки содержит управляющий символ (U+0007), которого не может быть в URL: переименуйте папку без него`,
		`content/news/ok/photo.png : 文件名以空格结尾，Windows 和某些托管服务会丢掉它：请重命名文件，去掉它`,
		`content/news/space : 文件夹名以空格结尾，Windows 和某些托管服务会丢掉它：请重命名文件夹，去掉它`,
	} {
		if !said[want] {
			t.Errorf("not said: %s", want)
		}
	}
}

package build_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// nestedSite has a nested section, content/news/archive/, with an _index
// file in every language, a release right in it, one in a deeper folder
// without an _index and a single-file page. pageSize is 2.
const nestedSite = sitetest.Config + `-- content/news/_index.zh.md --
---
title: 新闻
---
新闻简介。
-- content/news/_index.ru.md --
---
title: Новости
---
Все новости.
-- content/news/_index.en.md --
---
title: News
---
All the news.
-- content/news/archive/_index.zh.md --
---
title: 旧闻
---
旧闻简介。
-- content/news/archive/_index.ru.md --
---
title: Архив
---
Старые новости.
-- content/news/archive/_index.en.md --
---
title: Archive
aliases: [/en/archive/]
---
Older news.
-- content/news/new/index.zh.md --
---
title: 新的
date: 2024-05-17
---
-- content/news/new/index.en.md --
---
title: Fresh
---
-- content/news/archive/old/index.zh.md --
---
title: 旧的
date: 2023-05-17
---
见[旧闻](../_index.md)、[新闻](../../_index.zh.md)和[列表](/news/archive/)。
-- content/news/archive/old/index.ru.md --
---
title: Старая
---
-- content/news/archive/old/index.en.md --
---
title: Old
---
-- content/news/archive/2022/older/index.zh.md --
---
title: 更旧的
date: 2022-05-17
---
-- content/news/archive/oldest.zh.md --
---
title: 最旧的
date: 2021-05-17
---
`

func TestNestedSectionHasItsOwnList(t *testing.T) {
	s := sitetest.New(t, nestedSite).Build(build.Options{}).OK()
	for _, tc := range []struct{ lang, locale, title, intro, parentTitle, parentIntro string }{
		{"zh", "zh-Hans", "旧闻", "旧闻简介。", "新闻", "新闻简介。"},
		{"ru", "ru", "Архив", "Старые новости.", "Новости", "Все новости."},
		{"en", "en", "Archive", "Older news.", "News", "All the news."},
	} {
		archive := tc.lang + "/news/archive/index.html"
		s.Assert(archive,
			`<html lang="`+tc.locale+`">`,
			"<h1>"+tc.title+"</h1>",
			`<div class="intro"><p>`+tc.intro+`</p>`,
			`<link rel="canonical" href="https://news.example.org/`+tc.lang+`/news/archive/">`,
			`<link rel="alternate" hreflang="zh-Hans" href="https://news.example.org/zh/news/archive/">`,
			`<link rel="alternate" hreflang="ru" href="https://news.example.org/ru/news/archive/">`,
			`<link rel="alternate" hreflang="en" href="https://news.example.org/en/news/archive/">`,
			`<link rel="alternate" hreflang="x-default" href="https://news.example.org/zh/news/archive/">`,
			"! "+tc.parentIntro,
			"! /"+tc.lang+"/news/new/",
		)
		// The switcher links the other languages' lists.
		for _, o := range []struct{ lang, locale string }{{"zh", "zh-Hans"}, {"ru", "ru"}, {"en", "en"}} {
			if o.lang != tc.lang {
				s.Assert(archive, `<li><a href="/`+o.lang+`/news/archive/" hreflang="`+o.locale+`" lang="`+o.locale+`" data-lang="`+o.lang+`">`)
			}
		}
		// The parent keeps its own title and intro.
		s.Assert(tc.lang+"/news/index.html", "<h1>"+tc.parentTitle+"</h1>", tc.parentIntro, "! "+tc.intro)
	}

	// The nested list shows the pages under its folder, at any depth,
	// newest first, paginated; release URLs do not change.
	inOrder(t, s.File("zh/news/archive/index.html"), `href="/zh/news/old/"`, `href="/zh/news/older/"`)
	s.Assert("zh/news/archive/index.html", "! /zh/news/oldest/", `href="/zh/news/archive/page/2/"`)
	s.Assert("zh/news/archive/page/2/index.html", `href="/zh/news/oldest/"`, `! <div class="intro">`)
	s.File("zh/news/old/index.html")
	s.File("zh/news/older/index.html")
	s.File("zh/news/oldest/index.html")
	s.Missing("zh/news/archive/old/index.html", "zh/news/archive/2022/index.html", "zh/news/2022/index.html")

	// Nothing disappears from the top-level list.
	inOrder(t, s.File("zh/news/index.html"), `href="/zh/news/new/"`, `href="/zh/news/old/"`)
	inOrder(t, s.File("zh/news/page/2/index.html"), `href="/zh/news/older/"`, `href="/zh/news/oldest/"`)
	s.Assert("en/news/archive/index.html", `href="/en/news/old/"`, "! /en/news/new/")

	// Links to the sections' _index files, or to a nested section's path,
	// lead to the lists in the page's language.
	s.Assert("zh/news/old/index.html", `<a href="/zh/news/archive/">旧闻</a>`, `<a href="/zh/news/">新闻</a>`, `<a href="/zh/news/archive/">列表</a>`)

	// A release in the nested section falls back to its top-level section.
	s.Assert("zh/news/older/index.html", `<a class="fallback" href="/ru/news/" hreflang="ru"`)

	s.Assert("sitemap.xml",
		"<loc>https://news.example.org/zh/news/archive/</loc>",
		"<loc>https://news.example.org/ru/news/archive/</loc>",
		`<xhtml:link rel="alternate" hreflang="en" href="https://news.example.org/en/news/archive/"/>`,
		"<loc>https://news.example.org/zh/news/older/</loc>",
		"! /zh/news/archive/page/2/",
	)
	s.Assert("zh/index.xml", "<title>更旧的</title>")
	s.Missing("zh/news/archive/index.xml", "zh/news/archive/atom.xml")
	s.Assert("en/archive/index.html", `content="0; url=https://news.example.org/en/news/archive/"`)
}

// A nested section with an _index file in one language only still has a
// list in every language, titled by its folder where it has no file.
func TestNestedSectionInOneLanguage(t *testing.T) {
	archive := `-- content/news/archive/_index.en.md --
---
title: Archive
---
Older news.
-- content/news/archive/old/index.zh.md --
---
title: 旧的
date: 2023-05-17
---
见[旧闻](../_index.md)、[新闻](/news/)和[列表](/news/archive/)。
`
	s := sitetest.New(t, sitetest.Config+archive).Build(build.Options{}).OK()
	s.Assert("en/news/archive/index.html", "<h1>Archive</h1>", "Older news.", "! /en/news/old/")
	s.Assert("zh/news/archive/index.html", "<h1>archive</h1>", `href="/zh/news/old/"`, "! Older news.",
		`<link rel="alternate" hreflang="en" href="https://news.example.org/en/news/archive/">`)
	s.Assert("zh/news/index.html", "<h1>news</h1>", `href="/zh/news/old/"`)

	// A release whose URL is that of the list is an error, even in a
	// language where the section has no file.
	s = sitetest.New(t, sitetest.Config+archive+`-- content/news/x/index.zh.md --
---
title: 叉
date: 2024-05-01
slug: archive
---
`).Build(build.Options{})
	want := "content/news/archive: URL /zh/news/archive/ is produced by more than one file: content/news/x/index.zh.md, the section folder content/news/archive\n" +
		"content/news/x/index.zh.md:1:1: URL /zh/news/archive/ is produced by more than one file: content/news/x/index.zh.md, the section folder content/news/archive"
	if s.Err == nil || s.Err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", s.Err, want)
	}
}

func TestSectionAndBundleInOneFolder(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/news/x/index.en.md --
---
title: X
date: 2024-05-01
---
-- content/news/x/_index.en.md --
---
title: Xs
---
-- content/news/y/index.md --
---
title: Y
date: 2024-05-01
---
-- content/news/y/photos/_index.zh.md --
---
title: 照片
---
`).Build(build.Options{})
	want := []string{
		"content/news/x/_index.en.md: content/news/x is a page bundle (it has index.en.md), so it cannot also be a section: remove this file, or move the page into a folder of its own",
		"content/news/y/photos/_index.zh.md: a section cannot lie inside the page bundle content/news/y: move the folder out of the bundle, or remove this file",
	}
	if s.Err == nil || s.Err.Error() != strings.Join(want, "\n") {
		t.Errorf("got\n%v\nwant\n%s", s.Err, strings.Join(want, "\n"))
	}
}

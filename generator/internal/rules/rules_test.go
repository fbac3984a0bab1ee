package rules_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// diagnostics builds a site and returns its errors and warnings with
// their message IDs, in file order.
func diagnostics(t *testing.T, archive string) []string {
	t.Helper()
	s := sitetest.New(t, sitetest.Config+archive).Build(build.Options{})
	var out []string
	for _, d := range s.Diagnostics() {
		out = append(out, d.Error()+" ["+d.ID+"]")
	}
	return out
}

// The links and pictures the table of mistakes does not show.
func TestLinksAndImages(t *testing.T) {
	got := diagnostics(t, `
-- content/about.zh.md --
---
title: 关于
date: 2024-05-01
image: {src: logo.svg, alt: 标志}
---
[空]() ![](<>) [脚本](javascript:alert(1)) [外面](../site.yaml.md) [新闻](news/_index.md) [首页](_index.md)
-- content/about.ru.md --
---
title: О нас
image: {src: "https://example.org/logo.svg", alt: Логотип}
---
[Новости](news/_index.en.md) [черновик](news/draft/index.md)
-- content/about.en.md --
---
title: About
---
-- content/news/_index.en.md --
---
title: News
---
-- content/news/draft/index.zh.md --
---
title: 草稿
date: 2024-05-01
draft: true
---
[关于](../../about.md) [也是草稿](index.md)
`)
	// A section's list exists in every language, with an _index file
	// there or not; the home's list too, but a link to an _index file
	// that no language has is left as it is written, and leads nowhere.
	want := []string{
		"content/about.ru.md:5:30: link to news/draft/index.md: content/news/draft/index.zh.md is a draft, so the link leads nowhere [link.draft]",
		"content/about.zh.md:4:14: image.src: logo.svg must be a picture in the page's folder, but content/about.zh.md is a page without a folder: move it to content/about/index.zh.md and put the picture beside it [image.src-single]",
		"content/about.zh.md:6:1: a link without an address: write it between the parentheses, [text](address) [link.empty]",
		"content/about.zh.md:6:7: an image without an address: write the picture's file name between the parentheses, ![description](photo.jpg) [image.empty]",
		"content/about.zh.md:6:15: link to javascript:alert(1): such links are removed from the page; link to an http or https address [link.unsafe]",
		"content/about.zh.md:6:41: link to ../site.yaml.md: site.yaml.md is outside content/ [link.outside]",
		"content/about.zh.md:6:84: link to _index.md: there is no content/_index.md [link.missing]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

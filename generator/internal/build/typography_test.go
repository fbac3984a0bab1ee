package build_test

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// Labels take their language's punctuation, and the switcher says
// "not translated" in the language each link leads to.
func TestLanguagesOwnPunctuationAndHints(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17
tags: [expo, trade]
source:
  name: 塔斯社
---
正文。
-- content/news/expo/index.ru.md --
---
title: Открылось ЭКСПО
---
Текст.
`).Build(build.Options{}).OK()
	s.Assert("zh/news/expo/index.html",
		`<p class="tags">标签：<a href="/zh/tags/expo/">`, `</a>、<a href="/zh/tags/trade/">`,
		`<p class="source">来源：塔斯社</p>`,
		`lang="en" data-lang="en" title="not translated yet; this link leads to the nearest page in that language">`,
	)
	s.Assert("ru/news/expo/index.html",
		`<p class="tags">Теги: <a href="/ru/tags/expo/">`, `</a>, <a href="/ru/tags/trade/">`,
		`lang="en" data-lang="en" title="not translated yet; this link leads to the nearest page in that language">`,
	)
}

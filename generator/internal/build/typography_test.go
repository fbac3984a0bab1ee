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

// The events page offers a webcal: subscription, which calendar apps keep
// up to date, beside the download, under the base path too.
func TestEventsPageOffersASubscription(t *testing.T) {
	for base, want := range map[string]string{
		"":                           `<a href="webcal://news.example.org/ru/events.ics">Подписаться в приложении-календаре</a> · <a href="/ru/events.ics" type="text/calendar" download>Скачать все события (.ics)</a>`,
		"https://example.org/press/": `<a href="webcal://example.org/press/ru/events.ics">`,
	} {
		s := sitetest.New(t, sitetest.Config+`-- content/news/expo/index.ru.md --
---
title: ЭКСПО
date: 2024-05-17
event:
  name: ЭКСПО
  start: 2024-06-17
---
`).Build(build.Options{BaseURL: base}).OK()
		s.Assert("ru/events/index.html", want)
	}
}

package build_test

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/status"
)

// staleSite has a zh source, a ru translation marked with rev, an en
// translation marked with the right revision and a draft source with a
// stale ru translation.
func staleSite(t *testing.T, rev, extraConfig string) *sitetest.Site {
	const zh = "---\ntitle: 博览会开幕\ndate: 2024-05-17\n---\n\n第八届博览会今天开幕。\n"
	f, err := content.Parse("content/news/expo/index.zh.md", []byte(zh), content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	current := status.Revision(f)
	if rev == "" {
		rev = current
	}
	return sitetest.New(t, sitetest.Config+extraConfig+`
-- content/news/expo/index.zh.md --
`+zh+`
-- content/news/expo/index.ru.md --
---
title: Открылось ЭКСПО
translatedFrom: "zh@`+rev+`"
---
Текст.
-- content/news/expo/index.en.md --
---
title: Expo opens
translatedFrom: "zh@`+current+`"
---
Text.
-- content/news/draft/index.zh.md --
---
title: 草稿
date: 2024-05-18
draft: true
---
草稿。
-- content/news/draft/index.ru.md --
---
title: Черновик
translatedFrom: "zh@000000000000"
draft: false
---
Черновик.
`)
}

func TestStaleNoticeOnTranslationWhoseSourceChanged(t *testing.T) {
	s := staleSite(t, "0123456789ab", "").Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html",
		`<p class="stale-notice" role="note">Оригинал этой страницы изменился после перевода, поэтому перевод может быть устаревшим. <a href="/zh/news/expo/" hreflang="zh-Hans">Читать оригинал (中文)</a></p>`)
	s.Assert("css/main.css", ".stale-notice {") // the notice is styled
	s.Assert("en/news/expo/index.html", "! stale-notice")
	s.Assert("zh/news/expo/index.html", "! stale-notice")
	// The source is a draft, so the notice has nothing to link.
	s.Assert("ru/news/draft/index.html",
		`<p class="stale-notice" role="note">Оригинал этой страницы изменился после перевода, поэтому перевод может быть устаревшим.</p>`)
}

func TestStaleNoticeGoneWhenUpToDate(t *testing.T) {
	s := staleSite(t, "", "").Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html", "! stale-notice")
}

func TestStaleNoticeSwitchedOff(t *testing.T) {
	s := staleSite(t, "0123456789ab", "staleNotice: false\n").Build(build.Options{}).OK()
	s.Assert("ru/news/expo/index.html", "! stale-notice")
	s.Assert("ru/news/draft/index.html", "! stale-notice")
}

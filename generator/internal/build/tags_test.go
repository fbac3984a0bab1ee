package build_test

import (
	"context"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// termsSite has tags of both kinds: the key trade with labels, and terms
// written in the page's language: 旅游 in Chinese (and twice), Туризм and
// туризм in Russian (one tag), Harbin Expo in English, and Trade on one
// English page, the key trade on another.
const termsSite = sitetest.Config + `-- i18n/zh.yaml --
tag.trade: 经贸
-- i18n/ru.yaml --
tag.trade: Торговля
-- i18n/en.yaml --
tag.trade: Trade
-- content/news/tour/index.zh.md --
---
title: 哈尔滨旅游季
date: 2024-05-17
tags: [trade, 旅游, 旅游]
---
旅游季开幕。
-- content/news/tour/index.ru.md --
---
title: Туристический сезон в Харбине
---
Сезон открылся.
-- content/news/tour/index.en.md --
---
title: Harbin tourist season
tags: [Harbin Expo, Trade]
---
The season opened.
-- content/news/fair/index.en.md --
---
title: Trade fair
date: 2024-05-16
tags: [trade]
---
A fair.
-- content/news/volga/index.ru.md --
---
title: Туризм на Волге
date: 2024-05-18
tags: [Туризм]
---
Волга.
-- content/news/baikal/index.ru.md --
---
title: Туризм на Байкале
date: 2024-05-19
tags: [туризм]
---
Байкал.
`

func TestTagTermsInTheirLanguage(t *testing.T) {
	s := sitetest.New(t, termsSite).Build(build.Options{}).OK()
	// The Chinese term has its page, which keeps its characters, and the
	// release links it once, beside the key's label.
	s.Assert("zh/news/tour/index.html", `<a href="/zh/tags/trade/">经贸</a>、<a href="/zh/tags/%e6%97%85%e6%b8%b8/">旅游</a></p>`)
	s.Assert("zh/tags/旅游/index.html", `<h1>标签：“旅游”</h1>`, `/zh/news/tour/`,
		// Only itself in hreflang; the switcher leads to the other
		// languages' tags indexes.
		`<link rel="alternate" hreflang="zh-Hans" href="https://news.example.org/zh/tags/%E6%97%85%E6%B8%B8/">`,
		`! <link rel="alternate" hreflang="ru"`, `! <link rel="alternate" hreflang="en"`,
		`<a class="fallback" href="/ru/tags/"`, `<a class="fallback" href="/en/tags/"`)
	if n := strings.Count(s.File("zh/news/tour/index.html"), `href="/zh/tags/%e6%97%85%e6%b8%b8/"`); n != 1 {
		t.Errorf("the release links 旅游 %d times, want once", n)
	}
	s.Assert("zh/tags/index.html", `<a href="/zh/tags/%e6%97%85%e6%b8%b8/">旅游</a>`, `<a href="/zh/tags/trade/">经贸</a>`)
	s.Assert("zh/tags/旅游/index.xml", `<title>中俄活动新闻: 旅游</title>`)
	s.Assert("sitemap.xml", `<loc>https://news.example.org/zh/tags/%E6%97%85%E6%B8%B8/</loc>`)
	s.Assert("zh/search/index.json", `"旅游"`)
	// A translation inherits the key, not the Chinese word.
	s.Missing("ru/tags/旅游/index.html", "en/tags/旅游/index.html")
	s.Assert("ru/news/tour/index.html", `<a href="/ru/tags/trade/">Торговля</a>`, "! 旅游")
	// The key's pages are linked across languages as before.
	s.Assert("zh/tags/trade/index.html", `hreflang="ru" href="https://news.example.org/ru/tags/trade/"`)
	// Russian: two spellings, one tag, shown as the first in sort order.
	s.Assert("ru/tags/туризм/index.html", `/ru/news/volga/`, `/ru/news/baikal/`)
	s.Assert("ru/news/baikal/index.html", `<a href="/ru/tags/%d1%82%d1%83%d1%80%d0%b8%d0%b7%d0%bc/">Туризм</a>`)
	// English: a term with a space; Trade beside the key trade is the key.
	s.Assert("en/news/tour/index.html", `<a href="/en/tags/harbin-expo/">Harbin Expo</a>`, `<a href="/en/tags/trade/">Trade</a>`)
	s.Assert("en/tags/harbin-expo/index.html", `<h1>Releases tagged “Harbin Expo”</h1>`)
	s.Assert("en/tags/trade/index.html", `/en/news/tour/`, `/en/news/fair/`, `hreflang="zh-Hans" href="https://news.example.org/zh/tags/trade/"`)

	// The tag written twice is a warning, once.
	var warns []string
	for _, w := range s.Result.Warnings {
		if strings.Contains(w.Msg, "tags:") {
			warns = append(warns, w.Error())
		}
		// A term is shown as written: it needs no label (gen check notes it).
		if strings.Contains(w.Msg, "no label") && !strings.Contains(w.Msg, `"trade"`) {
			t.Errorf("a term is warned about as a key: %v", w)
		}
	}
	if want := `content/news/tour/index.zh.md:4:19: warning: tags: "旅游" is listed twice: it is shown once; delete one`; strings.Join(warns, "\n") != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), want)
	}
}

// gen check notes each term: not linked, and how to link it; --strict
// does not fail on it.
func TestCheckNotesTagTerms(t *testing.T) {
	s := sitetest.New(t, termsSite)
	r, err := check.Run(context.Background(), check.Options{FS: s.FS, Now: sitetest.Now})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range r.Diagnostics {
		if d.Code == check.CodeTagTerm || strings.Contains(d.Msg, "listed twice") {
			got[d.Error()] = d.Code
		}
	}
	for _, want := range []string{
		`content/news/tour/index.zh.md:4:7: warning: tag "旅游" is a term of zh only: its page, /zh/tags/旅游/, is linked to no other language; to link it, write a key instead (lower-case Latin letters, digits and hyphens) and give it a label in each language: tag.<key>: 旅游 in i18n/zh.yaml, and in i18n/ru.yaml and i18n/en.yaml`,
		`content/news/tour/index.en.md:3:7: warning: tag "Harbin Expo" is a term of en only: its page, /en/tags/harbin-expo/, is linked to no other language; to link it, write the key harbin-expo instead and give it a label in each language: tag.harbin-expo: Harbin Expo in i18n/en.yaml, and in i18n/zh.yaml and i18n/ru.yaml`,
		`content/news/volga/index.ru.md:4:7: warning: tag "Туризм" is a term of ru only: its page, /ru/tags/туризм/, is linked to no other language; to link it, write a key instead (lower-case Latin letters, digits and hyphens) and give it a label in each language: tag.<key>: Туризм in i18n/ru.yaml, and in i18n/zh.yaml and i18n/en.yaml`,
		`content/news/tour/index.zh.md:4:19: warning: tags: "旅游" is listed twice: it is shown once; delete one`,
		`content/news/tour/index.en.md:3:7: warning: tag "Trade" is the key trade written otherwise: write trade, so that the page shows its label in each language and links to its pages in the others`,
	} {
		if _, ok := got[want]; !ok {
			t.Errorf("check does not say\n%s\nit says:\n%s", want, strings.Join(keys(got), "\n"))
		}
	}
	terms := &check.Report{}
	for _, d := range r.Diagnostics {
		if d.Code == check.CodeTagTerm {
			terms.Diagnostics = append(terms.Diagnostics, d)
		}
	}
	if len(terms.Diagnostics) == 0 || terms.Failed(true) {
		t.Errorf("--strict fails on tag terms, or there are none: %v", terms.Diagnostics)
	}
}

// tags: {strict: true} takes only keys, as before terms.
func TestStrictTagsRefuseTerms(t *testing.T) {
	site := strings.Replace(termsSite, "pageSize: 2\n", "pageSize: 2\ntags: {strict: true}\n", 1)
	s := sitetest.New(t, site).Build(build.Options{})
	if s.Err == nil || !strings.Contains(s.Err.Error(), `content/news/tour/index.zh.md:4:15: tags: "旅游" is not a tag key: use lower-case letters, digits and hyphens; this site takes only keys (tags: {strict: true} in site.yaml)`) {
		t.Errorf("strict build: %v", s.Err)
	}
	r, err := check.Run(context.Background(), check.Options{FS: s.FS, Now: sitetest.Now})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Failed(false) {
		t.Error("gen check passes a term on a strict site")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

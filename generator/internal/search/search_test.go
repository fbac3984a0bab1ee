package search_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/search"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
)

// index is a language's index.json.
type index struct {
	Version     int        `json:"version"`
	Docs        int        `json:"docs"`
	DocsPerFile int        `json:"docsPerFile"`
	DocFiles    []string   `json:"docFiles"`
	Chunks      [][]string `json:"chunks"`
	Years       [][]int    `json:"years"`
	Tags        [][]any    `json:"tags"`
	Filters     string     `json:"filters"`
}

type chunk struct {
	T map[string][]int  `json:"t"`
	F map[string]string `json:"f"`
}

type fragment struct {
	URL, Title, Date, ISO string
	Tags                  []string
}

func decode[T any](t *testing.T, s *sitetest.Site, name string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s.File(name)), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// docs returns the documents of a language's index, in id order.
func docs(t *testing.T, s *sitetest.Site, lang string) []fragment {
	t.Helper()
	ix := decode[index](t, s, lang+"/search/index.json")
	var out []fragment
	for _, h := range ix.DocFiles {
		out = append(out, decode[[]fragment](t, s, lang+"/search/d."+h+".json")...)
	}
	if len(out) != ix.Docs || ix.DocsPerFile != search.DocsPerFile {
		t.Errorf("%s: %d documents described, %d in index.json", lang, len(out), ix.Docs)
	}
	return out
}

// lookup returns the postings of key in a language's index, decoded:
// document id → flags.
func lookup(t *testing.T, s *sitetest.Site, lang, key string) map[int]int {
	t.Helper()
	ix := decode[index](t, s, lang+"/search/index.json")
	i := 0
	for i+1 < len(ix.Chunks) && ix.Chunks[i+1][0] <= key {
		i++
	}
	c := decode[chunk](t, s, lang+"/search/t."+ix.Chunks[i][1]+".json")
	out := map[int]int{}
	doc := -1
	for _, v := range c.T[key] {
		doc += v/8 + 1
		out[doc] = v % 8
	}
	return out
}

func urls(fs []fragment) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.URL)
	}
	return out
}

const published = sitetest.Config + `-- content/news/a/index.zh.md --
---
title: 哈尔滨博览会开幕
date: 2024-05-17
tags: [expo]
event: {name: 第八届中俄博览会, city: 哈尔滨, start: 2024-05-17}
---
展会期间举行经贸洽谈。
-- content/news/a/index.en.md --
---
title: Expo opens
---
Trade talks during the expo in Harbin.
-- content/news/b/index.zh.md --
---
title: 草稿
date: 2024-05-10
draft: true
---
秘密
-- content/news/c/index.zh.md --
---
title: 未来
date: 2024-07-01
---
秘密
-- content/news/d/index.zh.md --
---
title: 不进搜索
date: 2024-05-01
search: false
---
秘密
-- content/news/e/index.zh.md --
---
title: 过期
date: 2024-01-01
expiryDate: 2024-02-01
---
秘密
-- content/news/f/index.zh.md --
---
title: 去年的新闻
date: 2023-03-01
summary: 旧闻摘要
---
正文里有<b>粗体</b>吗？有。
-- content/about.zh.md --
---
title: 关于
date: 2020-01-01
---
新闻办公室
-- i18n/zh.yaml --
tag.expo: 博览会
`

func TestOnlyPublishedPagesAreIndexed(t *testing.T) {
	for _, opts := range []build.Options{{}, {Drafts: true, Future: true}} {
		s := sitetest.New(t, published).Build(opts).OK()
		got := urls(docs(t, s, "zh"))
		want := []string{"/zh/news/a/", "/zh/news/f/", "/zh/about/"} // newest first
		if !slices.Equal(got, want) {
			t.Errorf("with %+v the zh index holds %q, want %q: no draft, future, expired, search: false or list page", opts, got, want)
		}
		if p := lookup(t, s, "zh", "秘"); len(p) != 0 {
			t.Errorf("秘 is indexed in %v: only the excluded pages say it", p)
		}
		if got := urls(docs(t, s, "en")); !slices.Equal(got, []string{"/en/news/a/"}) {
			t.Errorf("the en index holds %q", got)
		}
	}
}

func TestFieldsAndText(t *testing.T) {
	s := sitetest.New(t, published).Build(build.Options{}).OK()
	for _, tc := range []struct {
		lang, key string
		flags     int
	}{
		{"zh", "哈尔", 4 | 2}, // the title and the event's city
		{"zh", "开幕", 4},
		{"zh", "洽谈", 2},           // the text
		{"zh", "第八", 2},           // the event's name
		{"zh", "博览", 4 | 2 | 1},   // and the tag's label
		{"en", "expo", 4 | 2 | 1}, // the tag "expo" has the label Expo
		{"en", "harbin", 2},
		{"en", "trade", 2},
	} {
		if got := lookup(t, s, tc.lang, tc.key); got[0] != tc.flags {
			t.Errorf("%s %q: flags %v in document 0, want %d", tc.lang, tc.key, got, tc.flags)
		}
	}
	if got := lookup(t, s, "zh", "摘要"); len(got) != 1 || got[1] != 2 {
		t.Errorf("the summary: %v", got)
	}
	if got := lookup(t, s, "zh", "粗体"); len(got) != 1 || got[1] != 2 {
		t.Errorf("text in <b> across the tags: %v", got)
	}
	if got := lookup(t, s, "zh", "有粗"); len(got) != 1 {
		t.Errorf("the pair across <b>: %v", got)
	}
	for _, key := range []string{"b", "title", "date", "tags", "expo"} {
		if got := lookup(t, s, "zh", key); len(got) != 0 {
			t.Errorf("%q, markup or a front matter key, is indexed: %v", key, got)
		}
	}
	f := docs(t, s, "zh")[1]
	want := fragment{URL: "/zh/news/f/", Title: "去年的新闻", Date: "2023年3月1日", ISO: "2023-03-01"}
	if f.URL != want.URL || f.Title != want.Title || f.Date != want.Date || f.ISO != want.ISO || len(f.Tags) != 0 {
		t.Errorf("fragment %+v, want %+v", f, want)
	}
	ix := decode[index](t, s, "zh/search/index.json")
	if want := [][]int{{2024, 0, 1}, {2023, 1, 2}, {2020, 2, 3}}; !slices.EqualFunc(ix.Years, want, slices.Equal) {
		t.Errorf("years %v, want %v", ix.Years, want)
	}
	if len(ix.Tags) != 1 || ix.Tags[0][0] != "expo" || ix.Tags[0][1] != "博览会" || ix.Tags[0][2] != 1.0 {
		t.Errorf("tags %v", ix.Tags)
	}
	s.Assert(ix.Filters[:0]+"zh/search/"+ix.Filters, `{"expo":[0]}`)
}

// The word forms of the site lead to their stems, for prefixes.
func TestFormsLeadToStems(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/x.ru.md --
---
title: Выставки в Харбине
date: 2024-05-01
---
Сотрудничество и выставка.
`).Build(build.Options{}).OK()
	ix := decode[index](t, s, "ru/search/index.json")
	c := decode[chunk](t, s, "ru/search/t."+ix.Chunks[0][1]+".json")
	for form, stem := range map[string]string{"выставки": "выставк", "харбине": "харбин", "сотрудничество": "сотрудничеств"} {
		if c.F[form] != stem {
			t.Errorf("form %q leads to %q, want %q", form, c.F[form], stem)
		}
		if _, ok := c.T[stem]; !ok {
			t.Errorf("no term %q", stem)
		}
	}
	if _, ok := c.F["и"]; ok {
		t.Error("a word that is its own stem is listed as a form")
	}
}

// The sample site's index, as golden files: its entry point and chunks.
func TestGoldenIndex(t *testing.T) {
	s := sitetest.Sample(t).Build(build.Options{}).OK()
	for _, lang := range []string{"zh", "ru", "en"} {
		golden.Check(t, lang+"/search/index.json", []byte(s.File(lang+"/search/index.json")))
	}
	s.Assert("ru/search/index.html",
		`data-index="/ru/search/index.json"`, `<noscript><p class="search-nojs">`,
		`<a href="/ru/news/">Все новости</a>`, `<a href="/ru/tags/">Все теги</a>`,
		`aria-live="polite"`, `<script src="/js/search-terms.js" defer></script>`)
	s.Assert("zh/index.html", `<form class="site-search" role="search" aria-label="搜索" action="/zh/search/" method="get">`)
	s.Missing("zh/search/index.xml")
	s.Assert("sitemap.xml", "! /search/")
}

func TestUnderABasePath(t *testing.T) {
	s := sitetest.Sample(t).Build(build.Options{BaseURL: "https://example.org/press/"}).OK()
	s.Assert("en/search/index.html", `data-index="/press/en/search/index.json"`, `data-tags-url="/press/en/tags/"`,
		`src="/press/js/search.js"`, `action="/press/en/search/"`)
	s.Assert("en/index.html", `action="/press/en/search/"`)
	for _, f := range docs(t, s, "en") {
		if !strings.HasPrefix(f.URL, "/press/en/") {
			t.Errorf("fragment URL %s is not under the base path", f.URL)
		}
	}
}

// benchSite is a generated site of n releases.
func benchSite(t testing.TB, n int) *sitetest.Site {
	s := sitetest.New(t, "")
	for name, data := range benchsite.Files(n, 3) {
		s.FS[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return s
}

// searchFiles are the index files of a build of s.
func searchFiles(s *sitetest.Site) map[string][]byte {
	s.Build(build.Options{}).OK()
	out := map[string][]byte{}
	for name, data := range s.Files {
		if strings.Contains(name, "/search/") && !strings.HasSuffix(name, ".html") {
			out[name] = data
		}
	}
	return out
}

// The index is the same bytes on any number of cores.
func TestIndexIsDeterministic(t *testing.T) {
	s := benchSite(t, 60)
	old := runtime.GOMAXPROCS(1)
	a := searchFiles(s)
	runtime.GOMAXPROCS(4)
	b := searchFiles(s)
	runtime.GOMAXPROCS(old)
	if len(a) < 10 || !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("the index differs between 1 and 4 cores (%d and %d files)", len(a), len(b))
	}
}

// Chunks hold the keys in order and stay near search.ChunkSize, so a
// query reads a few small files however big the site.
func TestChunksAreBounded(t *testing.T) {
	s := benchSite(t, 300)
	s.Build(build.Options{}).OK()
	for _, lang := range []string{"zh", "ru", "en"} {
		ix := decode[index](t, s, lang+"/search/index.json")
		if len(ix.Chunks) < 5 {
			t.Errorf("%s: %d chunks for 300 releases", lang, len(ix.Chunks))
		}
		prev := ""
		for i, c := range ix.Chunks {
			name := lang + "/search/t." + c[1] + ".json"
			data := s.File(name)
			ch := decode[chunk](t, s, name)
			keys := slices.Sorted(maps.Keys(ch.T))
			keys = append(keys, slices.Collect(maps.Keys(ch.F))...)
			slices.Sort(keys)
			if i > 0 && (c[0] <= prev || keys[0] != c[0]) {
				t.Errorf("%s: chunk %d starts at %q, after %q; its first key is %q", lang, i, c[0], prev, keys[0])
			}
			largest := 0
			for _, p := range ch.T {
				largest = max(largest, 8*len(p))
			}
			if len(data) > search.ChunkSize+largest+200 {
				t.Errorf("%s: %s has %d bytes", lang, name, len(data))
			}
			prev = keys[len(keys)-1]
		}
	}
}

// The body is read from its HTML: text joined across inline elements,
// character references decoded, scripts, styles and comments left out.
func TestTextOfHTML(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`unsafeHTML: true
-- content/x.en.md --
---
title: X
date: 2024-05-01
---
Fish &amp; chips, <em>table</em>spoon.

<script>var hidden = "scriptword";</script>
<style>.stylename { color: red }</style>
<!-- commentword -->

| cell one | cell two |
| --- | --- |
| tablecell | x |

Footnote[^1].

[^1]: notetext
`).Build(build.Options{}).OK()
	for key, want := range map[string]bool{
		"fish": true, "chip": true, "tabl": false, "tablespoon": true, "tablecel": true, "notetext": true,
		"amp": false, "scriptword": false, "hidden": false, "stylenam": false, "color": false, "commentword": false, "em": false,
	} {
		if got := len(lookup(t, s, "en", key)) == 1; got != want {
			t.Errorf("%q indexed: %v, want %v", key, got, want)
		}
	}
}

package check_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/status"
)

var now = time.Date(2024, 6, 1, 4, 0, 0, 0, time.UTC)

// rev is the revision of a file of the archive, for translatedFrom.
func rev(t *testing.T, m fstest.MapFS, p string) string {
	t.Helper()
	f, err := content.Parse(p, m[p].Data, content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	return status.Revision(f)
}

// catalogue has one mistake per file (the files that are only there to be
// linked to, or to complete a release, have none). Releases with a mistake
// that does not need publishing are drafts in one language, so that no
// translation is missing.
const catalogue = sitetest.Config + `
-- i18n/zh.yaml --
tag.expo: 博览会
onlyTwo: 只有两种语言
things: "{{.Count}} 件"
-- i18n/ru.yaml --
tag.expo: Выставки
things:
  one: "{{.Count}} вещь"
  few: "{{.Count}} вещи"
  other: "{{.Count}} вещи"
-- i18n/en.yaml --
tag.expo: Expo
onlyTwo: Only two languages
things:
  one: "{{.Count}} thing"
  other: "{{.Count}} things"
-- layouts/partials/extra.html --
<p>{{ T "things" 2 }} {{ T "noSuchMessage" }}</p>
-- content/news/good/index.zh.md --
---
title: 好的
date: 2024-05-01
tags: [expo]
---
正文。

## 议程 {#programme}

议程。
-- content/news/good/index.ru.md --
---
title: Хорошая
translatedFrom: "zh@GOODREV"
---
Текст.
-- content/news/good/index.en.md --
---
title: Good
translatedFrom: "zh@000000000000"
---
Text.
-- content/news/front/index.zh.md --
---
title: 前言
date: 2024-05-01
summery: 摘要
draft: true
---
-- content/news/date/index.zh.md --
---
title: 日期
date: 17.05.2024
draft: true
---
-- content/news/image/index.zh.md --
---
title: 图片
date: 2024-05-01
draft: true
image:
  src: hall.jpg
---
-- content/news/image/hall.jpg --
jpeg
-- content/news/event/index.zh.md --
---
title: 活动
date: 2024-05-01
draft: true
event:
  name: 论坛
  start: 2024-05-17
  end: 2024-05-16
---
-- content/news/noname/index.zh.md --
---
title: 无名
date: 2024-05-01
draft: true
event:
  name: ""
  start: 2024-05-17
---
-- content/news/summary/index.zh.md --
---
title: 摘要
date: 2024-05-01
draft: true
summary: 第八届中国—俄罗斯博览会今天在黑龙江省哈尔滨市开幕，会期至五月二十一日。来自四十四个国家和地区的一千四百多家企业在三十八点八万平方米的展区内展出五千多种商品。本届博览会以合作、互信、机遇为主题，是庆祝中俄建交七十五周年的重要活动之一，预计将吸引五千多名专业采购商。
---
-- content/news/tagless/index.zh.md --
---
title: 标签
date: 2024-05-01
draft: true
tags: [expo, nolabel]
---
-- content/news/mark/index.zh.md --
---
title: 标记
date: 2024-05-01
draft: true
translatedFrom: ru@123
---
-- content/news/link-missing/index.zh.md --
---
title: 链接
date: 2024-05-01
draft: true
---
见[另一篇](../nope/index.md)。
-- content/news/link-fragment/index.zh.md --
---
title: 链接
date: 2024-05-01
draft: true
---
## 背景

见[议程](#programme)。
-- content/news/link-site/index.zh.md --
---
title: 链接
date: 2024-05-01
draft: true
---
第一段。

见 [新闻](/news/nope/)。
-- content/news/link-image/index.zh.md --
---
title: 链接
date: 2024-05-01
draft: true
---
![展馆](hall.jpg)
-- content/news/no-alt/index.zh.md --
---
title: 无描述
date: 2024-05-01
draft: true
---
![](hall.svg)
-- content/news/no-alt/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>
-- content/news/link-other-fragment/index.zh.md --
---
title: 链接
date: 2024-05-01
draft: true
---
见[议程](../good/index.md#agenda)，[好](/news/good/#programme)。
-- content/news/secret/index.zh.md --
---
title: 秘密
date: 2024-05-01
draft: true
---
-- content/news/link-draft/index.zh.md --
---
title: 链接草稿
date: 2024-05-02
---
见[秘密](../secret/index.md)。
-- content/news/link-draft/index.ru.md --
---
title: Ссылка
---
Текст.
-- content/news/link-draft/index.en.md --
---
title: Link
---
Text.
-- content/news/fallback/index.zh.md --
---
title: 回退
date: 2024-05-03
---
正文。
-- content/news/fallback/index.ru.md --
---
title: Запасной
---
См. [новость](../lonely/index.zh.md).
-- content/news/fallback/index.en.md --
---
title: Fallback
---
Text.
-- content/news/lonely/index.zh.md --
---
title: 孤单
date: 2024-05-04
---
-- content/news/lonely/index.en.md --
---
title: Lonely
---
-- content/news/dup-a/index.zh.md --
---
title: 甲
date: 2024-05-05
---
-- content/news/dup-a/index.ru.md --
---
title: А
slug: same
---
-- content/news/dup-a/index.en.md --
---
title: A
---
-- content/news/dup-b/index.zh.md --
---
title: 乙
date: 2024-05-06
---
-- content/news/dup-b/index.ru.md --
---
title: Б
slug: same
---
-- content/news/dup-b/index.en.md --
---
title: B
---
-- content/news/alias/index.zh.md --
---
title: 别名
date: 2024-05-07
aliases:
  - /old/alias/
  - /zh/news/good/
---
-- content/news/alias/index.ru.md --
---
title: Псевдоним
---
-- content/news/alias/index.en.md --
---
title: Alias
---
`

// TestCatalogue reports every mistake of the catalogue site in one run,
// word for word with its line and column.
func TestCatalogue(t *testing.T) {
	m := sitetest.FS(t, catalogue)
	good := m["content/news/good/index.ru.md"]
	good.Data = []byte(strings.Replace(string(good.Data), "GOODREV", rev(t, m, "content/news/good/index.zh.md"), 1))

	r, err := check.Run(context.Background(), check.Options{FS: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/news/alias/index.zh.md:5:3: error: alias "/zh/news/good/" is the URL of the page content/news/good/index.zh.md
content/news/date/index.zh.md:3:7: error: date: "17.05.2024" is not a valid date (write it as 2024-05-17)
content/news/dup-a/index.ru.md:1:1: error: URL /ru/news/same/ is produced by more than one file: content/news/dup-a/index.ru.md, content/news/dup-b/index.ru.md
content/news/dup-b/index.ru.md:1:1: error: URL /ru/news/same/ is produced by more than one file: content/news/dup-a/index.ru.md, content/news/dup-b/index.ru.md
content/news/event/index.zh.md:8:8: error: event.end 2024-05-16 is before event.start 2024-05-17: correct one of them
content/news/fallback/index.ru.md:4:5: error: link to ../lonely/index.zh.md: news/lonely has no ru version, so readers would land on /ru/news/: write the ru version, or link the page that exists, /zh/news/lonely/
content/news/front/index.zh.md:4:1: error: unknown front matter key "summery" (did you mean "summary"?)
content/news/good/index.en.md:3:17: warning: out of date: content/news/good/index.zh.md changed since this was translated; update the translation, then run gen status --mark en news/good
content/news/image/index.zh.md:6:8: error: image.alt is required with image.src: describe the image for readers who cannot see it
content/news/link-draft/index.zh.md:5:2: error: link to ../secret/index.md: content/news/secret/index.zh.md is a draft, so the link leads nowhere
content/news/link-fragment/index.zh.md:8:2: error: link to #programme: this page has no heading with the id "programme" (headings: 背景)
content/news/link-image/index.zh.md:6:1: error: image hall.jpg: there is no content/news/link-image/hall.jpg
content/news/link-missing/index.zh.md:6:2: error: link to ../nope/index.md: there is no content/news/nope/index.md
content/news/link-other-fragment/index.zh.md:6:2: error: link to ../good/index.md#agenda: content/news/good/index.zh.md has no heading with the id "agenda" (headings: programme)
content/news/link-site/index.zh.md:8:3: error: link to /news/nope/: nothing is published at /zh/news/nope/
content/news/lonely/index.zh.md:1:1: warning: no ru translation yet (gen new news/lonely --lang ru starts one)
content/news/mark/index.zh.md:5:17: error: translatedFrom: "ru@123" must be a language and a revision, like "zh@1a2b3c4d5e6f" (gen status --mark writes it)
content/news/no-alt/index.zh.md:6:1: error: image hall.svg has no description: write what it shows between the brackets, ![description](hall.svg), for readers who cannot see it
content/news/noname/index.zh.md:6:9: warning: event.name is empty: name the event, or delete the event block if there is none
content/news/summary/index.zh.md:5:10: warning: summary has 123 characters; feed readers show about 120, so the end is cut off
content/news/tagless/index.zh.md:5:7: warning: tag "nolabel" has no label in any language, so pages show "nolabel": add tag.nolabel to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml
i18n/ru.yaml:2:1: error: message "things" counts things but has no "many" form: ru needs one, few, many, other
i18n/zh.yaml:2:1: error: message "onlyTwo" is missing in ru: add it to i18n/ru.yaml
layouts/partials/extra.html:1:28: error: the layout asks for message "noSuchMessage", which no language defines: add it to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml
`
	var got strings.Builder
	for _, d := range r.Diagnostics {
		got.WriteString(check.Text(d) + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(want, "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("first difference, line %d:\n got %s\nwant %s", i+1, g, w)
				break
			}
		}
	}
	if !r.Failed(false) {
		t.Error("the catalogue did not fail")
	}
}

// linked builds without errors, so links are checked against everything the
// build wrote.
const linked = sitetest.Config + `
-- static/files/programme.pdf --
pdf
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-01
---
## 议程 {#programme}

[乙](../b/index.md#figures) [乙英文](../b/index.en.md) [标签](/zh/tags/) [文件](/files/programme.pdf)
[顶部](#main) [顶](#top) [外部](https://example.org/x#y) [邮件](mailto:a@example.org)
[无](/zh/news/none/) [无文件](/files/none.pdf) [乙节](/news/b/#nope)
-- content/news/a/index.ru.md --
---
title: А
---
[Б](/news/b/#figures) [Б по-китайски](/zh/news/b/) [только zh](/news/c/) [раздел](../)
-- content/news/a/index.en.md --
---
title: A
---
[B](../b/) [C](../c/index.md)
-- content/news/b/index.zh.md --
---
title: 乙
date: 2024-05-02
---
## 数字 {#figures}
-- content/news/b/index.ru.md --
---
title: Б
---
## Цифры {#figures}
-- content/news/b/index.en.md --
---
title: B
---
## Figures
-- content/news/c/index.zh.md --
---
title: 丙
date: 2024-05-03
draft: true
---
`

func TestLinksAgainstTheBuiltSite(t *testing.T) {
	r, err := check.Run(context.Background(), check.Options{FS: sitetest.FS(t, linked), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/news/a/index.en.md:4:12: error: link to ../c/index.md: content/news/c/index.zh.md is a draft, so the link leads nowhere
content/news/a/index.ru.md:4:52: error: link to /news/c/: content/news/c/index.zh.md is a draft, so the link leads nowhere
content/news/a/index.zh.md:9:1: error: link to /zh/news/none/: nothing is published at /zh/news/none/
content/news/a/index.zh.md:9:21: error: link to /files/none.pdf: nothing is published at /files/none.pdf
content/news/a/index.zh.md:9:44: error: link to /news/b/#nope: content/news/b/index.zh.md has no heading with the id "nope" (headings: figures)
`
	var got strings.Builder
	for _, d := range r.Diagnostics {
		got.WriteString(check.Text(d) + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
}

// builtLinks has links that lead nowhere outside any Markdown body: in a
// layout on every page, and from front matter (a lead image that is not
// in the bundle, which the rules report where image.src is written, and
// the built site's links then do not repeat). Its release lives in a
// folder named "q?x".
const builtLinks = sitetest.Config + `
-- layouts/partials/footer.html --
<footer><a href="/zh/nowhere/">x</a> <a href="/zh/news/q%3Fz/">y</a> <a href="/zh/news/q%3Fx/">ok</a> <a href="/zh/news/q?x/">query</a></footer>
-- content/news/q?x/index.zh.md --
---
title: 甲
date: 2024-05-01
image: {src: missing.svg, alt: 图}
---
[自己](/zh/news/q%3Fx/) [坏](/zh/news/q?x/)
`

// gen check reports every link of the built site that leads nowhere, a
// percent-encoded one decoded first, once however many files have it.
func TestBuiltSiteLinksAreChecked(t *testing.T) {
	r, err := check.Run(context.Background(), check.Options{FS: sitetest.FS(t, builtLinks), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := `error: link /zh/news/q%3Fz/ leads nowhere: the build wrote no zh/news/q?z/index.html (in 19 built files, the first en/404.html, line 51)
error: link /zh/news/q?x/ leads nowhere: the build wrote no zh/news/q ("?" starts a query: a name with "?" is written "%3F" in a link) (in 19 built files, the first en/404.html, line 51)
error: link /zh/nowhere/ leads nowhere: the build wrote no zh/nowhere/index.html (in 19 built files, the first en/404.html, line 51)
content/news/q?x/index.zh.md:1:1: warning: no en translation yet (write content/news/q?x/index.en.md)
content/news/q?x/index.zh.md:1:1: warning: no ru translation yet (write content/news/q?x/index.ru.md)
content/news/q?x/index.zh.md:4:14: error: image.src: there is no content/news/q?x/missing.svg: put the picture in the page's folder, or correct its name
content/news/q?x/index.zh.md:6:23: error: link to /zh/news/q?x/: nothing is published at /zh/news/q ("?" starts a query: a name with "?" is written "%3F" in a link)
`
	var got strings.Builder
	for _, d := range r.Diagnostics {
		got.WriteString(check.Text(d) + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
	ru := `ошибка: ссылка /zh/news/q%3Fz/ никуда не ведёт: при сборке не записан файл zh/news/q?z/index.html (в 19 собранных файлах, первый — en/404.html, строка 51)`
	if got := speak.New("ru").Text(r.Diagnostics[0]); got != ru {
		t.Errorf("in Russian:\n%s\nwant:\n%s", got, ru)
	}
}

// gaps has a stale translation, a missing one and a plain warning.
const gaps = sitetest.Config + `
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-01
event: {name: "", start: 2024-05-17}
---
-- content/news/a/index.ru.md --
---
title: А
translatedFrom: "zh@000000000000"
---
`

func TestFailOnAndStrict(t *testing.T) {
	run := func(failOn ...string) *check.Report {
		r, err := check.Run(context.Background(), check.Options{FS: sitetest.FS(t, gaps), Now: now, FailOn: failOn})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := run()
	var got []string
	for _, d := range r.Diagnostics {
		got = append(got, check.Text(d)+" ["+d.Code+"]")
	}
	want := []string{
		`content/news/a/index.ru.md:3:17: warning: out of date: content/news/a/index.zh.md changed since this was translated; update the translation, then run gen status --mark ru news/a [translation.stale]`,
		`content/news/a/index.zh.md:1:1: warning: no en translation yet (gen new news/a --lang en starts one) [translation.missing]`,
		`content/news/a/index.zh.md:4:15: warning: event.name is empty: name the event, or delete the event block if there is none [content]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Failed(false) {
		t.Error("warnings failed the check without --strict")
	}
	if !r.Failed(true) {
		t.Error("--strict: a content warning did not fail the check")
	}
	if e, w := r.Counts(); e != 0 || w != 3 {
		t.Errorf("counts %d errors, %d warnings", e, w)
	}

	// Translation gaps fail only when named, never through --strict alone.
	r = run(check.FailStale)
	if e, _ := r.Counts(); e != 1 || !r.Failed(false) || r.Diagnostics[0].Code != check.CodeTranslationStale {
		t.Errorf("--fail-on stale: %d errors, first %s", e, check.Text(r.Diagnostics[0]))
	}
	r = run(check.FailStale, check.FailMissing)
	if e, _ := r.Counts(); e != 2 {
		t.Errorf("--fail-on stale,missing: %d errors", e)
	}
	m := sitetest.FS(t, gaps)
	m["content/news/a/index.zh.md"].Data = []byte("---\ntitle: 甲\ndate: 2024-05-01\n---\n")
	m["content/news/a/index.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n")}
	r, _ = check.Run(context.Background(), check.Options{FS: m, Now: now})
	if r.Failed(true) || len(r.Diagnostics) != 1 {
		t.Errorf("--strict failed on a stale translation alone: %v", r.Diagnostics)
	}
}

func TestFormats(t *testing.T) {
	ds := []*diag.Diagnostic{
		{Path: "content/news/a, b/index.ru.md", Line: 3, Col: 17, Severity: diag.Warning, Code: "translation.stale", ID: "translation.stale", Msg: "out of date: 100% sure\nsecond line"},
		{Path: "content/x.md", Line: 2, Severity: diag.Error, Code: "link", Msg: `link to "<x>"`},
		{Severity: diag.Error, Msg: "locale: no data"},
	}
	cases := map[string]string{
		"text": `content/news/a, b/index.ru.md:3:17: warning: out of date: 100% sure
second line
content/x.md:2: error: link to "<x>"
error: locale: no data
`,
		"github": `::warning file=site/content/news/a%2C b/index.ru.md,line=3,col=17::out of date: 100%25 sure%0Asecond line
::error file=site/content/x.md,line=2::link to "<x>"
::error::locale: no data
`,
		"json": `[
  {
    "path": "content/news/a, b/index.ru.md",
    "line": 3,
    "col": 17,
    "severity": "warning",
    "code": "translation.stale",
    "id": "translation.stale",
    "message": "out of date: 100% sure\nsecond line"
  },
  {
    "path": "content/x.md",
    "line": 2,
    "col": 0,
    "severity": "error",
    "code": "link",
    "id": "",
    "message": "link to \"<x>\""
  },
  {
    "path": "",
    "line": 0,
    "col": 0,
    "severity": "error",
    "code": "",
    "id": "",
    "message": "locale: no data"
  }
]
`,
	}
	for format, want := range cases {
		var b strings.Builder
		if err := check.Write(&b, ds, format, "site"); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s:\n%s\nwant:\n%s", format, b.String(), want)
		}
	}
	var b strings.Builder
	if err := check.Write(&b, nil, "json", ""); err != nil || b.String() != "[]\n" {
		t.Errorf("json without findings: %q %v", b.String(), err)
	}
	if err := check.Write(&b, nil, "xml", ""); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestTemplatesReadOnlyTheWinningLayout(t *testing.T) {
	m := sitetest.FS(t, sitetest.Config+`
-- themes/default/layouts/partials/ghost.html --
{{T "ghostInTheme"}}
-- layouts/partials/ghost.html --
<p>the site's own version asks for nothing</p>
-- themes/default/layouts/partials/other.html --
{{- with .Title }}
  {{- T `+"`rawID`"+` | print }}{{ $x := (T "inParens") }}{{ .T "notAFunction" }}
{{ end -}}
`)
	r, err := check.Run(context.Background(), check.Options{FS: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range r.Diagnostics {
		got = append(got, check.Text(d))
	}
	want := []string{
		`themes/default/layouts/partials/other.html:2:9: error: the layout asks for message "rawID", which no language defines: add it to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml`,
		`themes/default/layouts/partials/other.html:2:39: error: the layout asks for message "inParens", which no language defines: add it to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A built link that leads nowhere in one built file names it, said in the
// reader's language.
func TestBuiltLinkInOneFileSaid(t *testing.T) {
	archive := sitetest.Config + `
-- layouts/_default/special.html --
<!DOCTYPE html><html lang="zh"><head><title>x</title></head><body><a href="/zh/nowhere/">x</a></body></html>
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-01
layout: special
---
`
	r, err := check.Run(context.Background(), check.Options{FS: sitetest.FS(t, archive), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range r.Diagnostics {
		if d.Code == check.CodeLink {
			got = append(got, check.Text(d), speak.New("zh").Text(d))
		}
	}
	want := []string{
		`content/news/a/index.zh.md: error: link /zh/nowhere/ leads nowhere: the build wrote no zh/nowhere/index.html (in the built file zh/news/a/index.html, line 1)`,
		`content/news/a/index.zh.md: 错误：链接 /zh/nowhere/ 打不开：生成时没有写出 zh/nowhere/index.html（在生成的文件 zh/news/a/index.html 第 1 行）`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

package serve_test

import (
	"context"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// mistakesSite is a site without a mistake: a release in three languages
// with a lead image, an inline image and a tag labelled everywhere.
const mistakesSite = sitetest.Config + `
-- i18n/zh.yaml --
tag.regions: 地区
tag.expo: 博览会
contact: 联系
-- i18n/ru.yaml --
tag.regions: Регионы
tag.expo: Выставки
contact: Контакты
-- i18n/en.yaml --
tag.regions: Regions
tag.expo: Expos
contact: Contact
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17
tags: [regions]
image: {src: hall.svg, alt: 展馆}
event: {name: 博览会, start: 2024-05-17, end: 2024-05-21}
---
博览会开幕。![展馆](hall.svg)

## 议程

见[论坛](../forum/index.md)。
-- content/news/expo/index.ru.md --
---
title: Выставка открылась
---
Выставка открылась.
-- content/news/expo/index.en.md --
---
title: Expo opens
---
The expo opened.
-- content/news/forum/index.zh.md --
---
title: 论坛
date: 2024-05-10
---
论坛。
-- content/news/forum/index.ru.md --
---
title: Форум
---
Форум.
-- content/news/forum/index.en.md --
---
title: Forum
---
Forum.
`

// expoZh is the Chinese release with its lines changed by edit.
func expoZh(edit func(string) string) map[string]string {
	const text = "---\ntitle: 博览会开幕\ndate: 2024-05-17\ntags: [regions]\nimage: {src: hall.svg, alt: 展馆}\nevent: {name: 博览会, start: 2024-05-17, end: 2024-05-21}\n---\n博览会开幕。![展馆](hall.svg)\n\n## 议程\n\n见[论坛](../forum/index.md)。\n"
	return map[string]string{"content/news/expo/index.zh.md": edit(text)}
}

// oversized is the warning about hall.svg under a limit of 10 bytes.
const oversized = "picture content/news/expo/hall.svg is 42 bytes, more than images.maxBytes (10 bytes): export it smaller (a photo for the web needs a few MB at most), or raise images.maxBytes in site.yaml"

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("no " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// mistake is one mistake of the table: files written over
// mistakesSite, the page that shows it, and the diagnostics every command
// must give, as diag.Diagnostic.Error writes them.
type mistake struct {
	name  string
	files map[string]string
	page  string
	want  []string
}

var mistakes = []mistake{
	{"link to a release that does not exist", expoZh(replace("../forum/index.md", "../nope/index.md")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:12:2: link to ../nope/index.md: there is no content/news/nope/index.md"}},
	{"link to a missing translation", map[string]string{
		"content/news/forum/index.ru.md": "",
		"content/news/expo/index.ru.md":  "---\ntitle: Выставка открылась\n---\nСм. [форум](../forum/index.ru.md).\n",
	}, "/ru/news/expo/",
		[]string{"content/news/expo/index.ru.md:4:5: link to ../forum/index.ru.md: news/forum has no ru version, so readers would land on /ru/news/: write the ru version, or link the page that exists, /zh/news/forum/",
			"content/news/forum/index.zh.md:1:1: warning: no ru translation yet (gen new news/forum --lang ru starts one)"}},
	{"link to a heading that does not exist", expoZh(replace("../forum/index.md", "#程序")), "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:12:2: link to #程序: this page has no heading with the id "程序" (headings: 议程)`}},
	{"misspelled tag", expoZh(replace("tags: [regions]", "tags: [regoins]")), "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:4:7: warning: tag "regoins" has no label in any language: did you mean "regions"? If not, add tag.regoins to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml`}},
	{"a tag label missing in one language", map[string]string{
		"content/news/expo/index.zh.md": expoZh(replace("tags: [regions]", "tags: [expo]"))["content/news/expo/index.zh.md"],
		"i18n/ru.yaml":                  "tag.regions: Регионы\ncontact: Контакты\n",
	}, "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:4:7: warning: tag "expo" has no label in ru, so those pages show "expo": add tag.expo to i18n/ru.yaml`}},
	{"event ending before it starts", expoZh(replace("end: 2024-05-21", "end: 2024-05-16")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:6:44: event.end 2024-05-16 is before event.start 2024-05-17: correct one of them"}},
	{"lead image that does not exist", expoZh(replace("src: hall.svg", "src: hal.svg")), "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:5:14: image.src: there is no content/news/expo/hal.svg: did you mean "hall.svg"?`}},
	{"inline image that does not exist", expoZh(replace("![展馆](hall.svg)", "![展馆](stand.svg)")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:8:7: image stand.svg: there is no content/news/expo/stand.svg"}},
	{"inline image without alt text", expoZh(replace("![展馆](hall.svg)", "![](hall.svg)")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:8:7: image hall.svg has no description: write what it shows between the brackets, ![description](hall.svg), for readers who cannot see it"}},
	{"a picture file over the size limit", map[string]string{"site.yaml": strings.TrimPrefix(sitetest.Config, "-- site.yaml --\n") + "images: {maxBytes: 10}\n"}, "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:5:14: warning: " + oversized, "content/news/expo/index.zh.md:8:7: warning: " + oversized}},
	{"a string missing in one language", map[string]string{"i18n/ru.yaml": "tag.regions: Регионы\ntag.expo: Выставки\n"}, "/zh/news/expo/",
		[]string{`i18n/zh.yaml:3:1: message "contact" is missing in ru: add it to i18n/ru.yaml`}},
	{"a layout asks for a string no language has", map[string]string{"layouts/partials/extra.html": `<p>{{ T "contacts" }}</p>`}, "/zh/news/expo/",
		[]string{`layouts/partials/extra.html:1:9: the layout asks for message "contacts", which no language defines: add it to i18n/zh.yaml, i18n/ru.yaml and i18n/en.yaml`}},
	{"a tab in front matter", expoZh(replace("tags: [regions]", "\ttags: [regions]")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:4:1: line 4 is indented with a tab; YAML needs spaces"}},
	{"a line indented too far", expoZh(replace("date: 2024-05-17\n", "date: 2024-05-17\n tags: [regions]\n")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:4:2: line 4 starts at column 2, but the lines of its block start at column 1, like line 3: move it to column 1"}},
	{"a colon in a title", expoZh(replace("title: 博览会开幕", "title: 博览会: 开幕")), "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:2:11: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "博览会: 开幕"`}},
	{"a list written as text", expoZh(replace("tags: [regions]", "tags: regions, expo")), "/zh/news/expo/",
		[]string{"content/news/expo/index.zh.md:4:7: tags must be a list: write [regions, expo]"}},
	{"a date written another way", expoZh(replace("date: 2024-05-17", "date: 17.05.2024")), "/zh/news/expo/",
		[]string{`content/news/expo/index.zh.md:3:7: date: "17.05.2024" is not a valid date (write it as 2024-05-17)`}},
	{"a title the share card cannot draw whole", map[string]string{"content/news/forum/index.ru.md": "---\ntitle: Форум \U00020000\n---\nФорум.\n"}, "/ru/news/forum/",
		[]string{"content/news/forum/index.ru.md:2:8: warning: the share card of this release leaves out \U00020000, which gen's font does not have: it shows the rest of the title (give the release a lead image to share that instead)"}},
	{"missing translation", map[string]string{"content/news/forum/index.en.md": ""}, "/zh/news/forum/",
		[]string{"content/news/forum/index.zh.md:1:1: warning: no en translation yet (gen new news/forum --lang en starts one)"}},
	{"stale translation", map[string]string{"content/news/forum/index.ru.md": "---\ntitle: Форум\ntranslatedFrom: zh@000000000000\n---\nФорум.\n"}, "/ru/news/forum/",
		[]string{"content/news/forum/index.ru.md:3:17: warning: out of date: content/news/forum/index.zh.md changed since this was translated; update the translation, then run gen status --mark ru news/forum"}},
}

// Each mistake of the table gives the same message, severity and
// file:line:col in gen build, gen check and gen serve: an error fails the
// build and shows in the serve overlay, a warning is printed by the build
// and shows in the page's panel.
func TestEveryMistakeIsTheSameEverywhere(t *testing.T) {
	t.Parallel()
	for _, m := range mistakes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			s := sitetest.New(t, mistakesSite)
			for p, text := range m.files {
				if text == "" {
					delete(s.FS, p)
				} else {
					s.FS[p] = &fstest.MapFile{Data: []byte(text)}
				}
			}
			want := m.want
			if got := fromBuild(t, s); !slices.Equal(got, want) {
				t.Errorf("gen build:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if got := fromCheck(t, s.FS); !slices.Equal(got, want) {
				t.Errorf("gen check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// gen serve says them in the page's language.
			lang := strings.Split(m.page, "/")[1]
			want = said(s, lang)
			if got := fromServe(t, s.OnDisk(), m.page, lang); !slices.Equal(got, want) {
				t.Errorf("gen serve:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// The site without a mistake gives nothing anywhere.
func TestMistakesSiteIsClean(t *testing.T) {
	t.Parallel()
	s := sitetest.New(t, mistakesSite)
	if got := fromBuild(t, s); len(got) > 0 {
		t.Errorf("gen build: %q", got)
	}
	if got := fromCheck(t, s.FS); len(got) > 0 {
		t.Errorf("gen check: %q", got)
	}
	if got := fromServe(t, s.OnDisk(), "/zh/news/expo/", "zh"); len(got) > 0 {
		t.Errorf("gen serve: %q", got)
	}
}

// fromBuild returns the errors and the warnings of a build, in file order.
func fromBuild(t *testing.T, s *sitetest.Site) []string {
	t.Helper()
	s.Build(build.Options{})
	if s.Err != nil && s.Result != nil && s.Result.Published != nil {
		t.Error("a build with errors published")
	}
	var out []string
	for _, d := range s.Diagnostics() {
		out = append(out, d.Error())
	}
	return out
}

// said returns the errors and warnings of the site's last build as gen
// says them in lang.
func said(s *sitetest.Site, lang string) []string {
	var out []string
	for _, d := range s.Diagnostics() {
		out = append(out, speak.New(lang).Line(d))
	}
	return out
}

func fromCheck(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	r, err := check.Run(context.Background(), check.Options{FS: fsys, Now: sitetest.Now, Images: sitetest.Pictures()})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range r.Diagnostics {
		out = append(out, d.Error())
	}
	return out
}

var (
	overlayProblem = regexp.MustCompile(`<section class="gen-problem">(?:<p class="gen-where">([^<]*)</p>)?<p class="gen-msg">([^<]*)</p>`)
	panelWarning   = regexp.MustCompile(`<li class="gen-warning">(?:<span class="gen-where">([^<]*)</span> )?<span class="gen-msg">([^<]*)</span></li>`)
)

// warningPrefix marks a warning (package speak's word).
var warningPrefix = diag.Message{ID: "diag.warning", Text: "warning: "}

// fromServe returns what gen serve shows on a page: the problems of the
// overlay and the warnings of the panel, as the terminal writes them in
// the page's language, lang.
func fromServe(t *testing.T, dir, page, lang string) []string {
	t.Helper()
	ts := start(t, dir, serve.Options{})
	_, _, body := ts.get(page)
	var out []string
	for _, m := range overlayProblem.FindAllStringSubmatch(body, -1) {
		out = append(out, shown(m[1], m[2], ""))
	}
	for _, m := range panelWarning.FindAllStringSubmatch(body, -1) {
		out = append(out, shown(m[1], m[2], speak.New(lang).Say(warningPrefix)))
	}
	if strings.Contains(body, `id="gen-warnings"`) != (len(panelWarning.FindAllString(body, -1)) > 0) {
		t.Errorf("a panel without warnings, or warnings without a panel:\n%s", body)
	}
	return out
}

func shown(where, msg, prefix string) string {
	s := html.UnescapeString(msg)
	if where != "" {
		return html.UnescapeString(where) + ": " + prefix + s
	}
	return prefix + s
}

// A warning shows in a panel on its page, which counts the page's and the
// site's warnings; a change of the warnings alone reaches open tabs, and
// the panel goes when the warnings do.
func TestWarningPanelFollowsChanges(t *testing.T) {
	t.Parallel()
	s := sitetest.New(t, mistakesSite)
	s.FS["content/news/forum/index.en.md"].Data = []byte("---\ntitle: Forum\nsummary: " + strings.Repeat("word ", 60) + "\n---\n")
	ts := start(t, s.OnDisk(), serve.Options{})
	_, _, body := ts.get("/en/news/forum/")
	if !strings.Contains(body, `<summary>1 warning on this page</summary>`) {
		t.Fatalf("no panel with one warning:\n%s", body)
	}
	if _, _, body := ts.get("/zh/news/expo/"); strings.Contains(body, "gen-warnings") {
		t.Errorf("a page without warnings has a panel")
	}

	st := ts.stream()
	st.next("hello", func(map[string]any) bool { return true })
	ts.write("content/news/expo/index.zh.md", expoZh(replace("tags: [regions]", "tags: [regoins]"))["content/news/expo/index.zh.md"])
	st.next("the expo page", func(m map[string]any) bool { return hasPath(m, "/zh/news/expo/") })
	_, _, body = ts.get("/zh/news/expo/")
	if !strings.Contains(body, `<summary>本页有 1 个警告，全站 2 个</summary>`) || !strings.Contains(body, `是不是“regions”？`) {
		t.Fatalf("no panel for the new warning:\n%s", body)
	}
	// The forum's own warning did not change; its panel counts the site's.
	if _, _, body := ts.get("/en/news/forum/"); !strings.Contains(body, `<summary>1 warning on this page, 2 on the site</summary>`) {
		t.Errorf("the forum's panel does not count the new warning:\n%s", body)
	}
	ts.write("content/news/expo/index.zh.md", expoZh(func(s string) string { return s })["content/news/expo/index.zh.md"])
	st.next("the expo page again", func(m map[string]any) bool { return hasPath(m, "/zh/news/expo/") })
	if _, _, body := ts.get("/zh/news/expo/"); strings.Contains(body, "gen-warnings") {
		t.Errorf("the panel stays after the warning is fixed")
	}
}

// The overlay shows a tab that YAML refuses as an arrow, with the caret
// under it, in the page's language (Chinese on a /zh/ page).
func TestOverlayShowsTheTab(t *testing.T) {
	t.Parallel()
	s := sitetest.New(t, mistakesSite)
	s.FS["content/news/expo/index.zh.md"].Data = []byte(expoZh(replace("tags: [regions]", "\ttags: [regions]"))["content/news/expo/index.zh.md"])
	ts := start(t, s.OnDisk(), serve.Options{})
	_, _, body := ts.get("/zh/news/expo/")
	for _, want := range []string{
		`<p class="gen-msg">第 4 行用制表符缩进；YAML 需要空格</p>`,
		`<p class="gen-head">网站无法生成：1 个错误。</p>`,
		"<span class=\"gen-hit\">4 | →   tags: [regions]</span>\n<span class=\"gen-caret\">  | ^</span>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the overlay lacks %q:\n%s", want, body)
		}
	}
	if !strings.Contains(ts.log.String(), "  > 4 | →   tags: [regions]\n      | ^\n") {
		t.Errorf("the terminal does not show the tab:\n%s", ts.log.String())
	}
}

// The overlay speaks the language of the page it is on, in the page and
// in the event stream; the terminal speaks Options.Lang.
func TestOverlaySpeaksThePagesLanguage(t *testing.T) {
	t.Parallel()
	s := sitetest.New(t, mistakesSite)
	s.FS["content/news/expo/index.zh.md"].Data = []byte(expoZh(replace("tags: [regions]", "\ttags: [regions]"))["content/news/expo/index.zh.md"])
	ts := start(t, s.OnDisk(), serve.Options{Lang: "ru"})
	for page, want := range map[string]string{
		"/zh/news/expo/": `<p class="gen-head">网站无法生成：1 个错误。</p>`,
		"/ru/news/expo/": `<p class="gen-head">Сайт не собирается: 1 ошибка.</p>`,
		"/en/news/expo/": `<p class="gen-head">The site does not build: 1 error.</p>`,
	} {
		if _, _, body := ts.get(page); !strings.Contains(body, want) {
			t.Errorf("GET %s lacks %q:\n%s", page, want, body)
		}
	}
	hello := ts.stream().next("the greeting", func(m map[string]any) bool { return m["instance"] != nil })
	if o, _ := overlayIn(hello, "zh"); !strings.Contains(o, "第 4 行用制表符缩进；YAML 需要空格") {
		t.Errorf("the event stream's Chinese overlay:\n%s", o)
	}
	if o, _ := overlayIn(hello, "ru"); !strings.Contains(o, "строка 4 начинается с табуляции; YAML нужны пробелы") {
		t.Errorf("the event stream's Russian overlay:\n%s", o)
	}
	if log := ts.log.String(); !strings.Contains(log, "ошибка: сайт не собирается; браузер показывает 1 проблему, пока её не исправят:\ncontent/news/expo/index.zh.md:4:1: строка 4 начинается с табуляции") {
		t.Errorf("the terminal does not speak Russian:\n%s", log)
	}
}

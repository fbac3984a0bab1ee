package content_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

var (
	beijing = time.FixedZone("CST", 8*3600)
	opts    = content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: beijing}
)

func load(t *testing.T, archive string) []*content.File {
	t.Helper()
	files, err := content.Load(sitetest.FS(t, archive), opts)
	if err != nil {
		t.Fatalf("Load: unexpected error:\n%v", err)
	}
	return files
}

func byPath(files []*content.File) map[string]*content.File {
	m := map[string]*content.File{}
	for _, f := range files {
		m[f.Path] = f
	}
	return m
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, archive, want string
	}{{
		name: "missing title",
		archive: `
-- content/news/a/index.md --
---
date: 2024-05-17
---
Body
`,
		want: `content/news/a/index.md:1:1: title is required`,
	}, {
		name: "empty title",
		archive: `
-- content/news/a/index.md --
---
title: ""
date: 2024-05-17
---
`,
		want: `content/news/a/index.md:2:8: title must not be empty`,
	}, {
		name: "no front matter",
		archive: `
-- content/news/a/index.md --
# Just Markdown
`,
		want: "content/news/a/index.md:1:1: date is required\n" +
			"content/news/a/index.md:1:1: title is required",
	}, {
		name: "missing date",
		archive: `
-- content/about.ru.md --
---
title: О нас
---
`,
		want: `content/about.ru.md:1:1: date is required`,
	}, {
		name: "bad date 2024-02-30",
		archive: `
-- content/news/x/index.ru.md --
---
title: Выставка
summary: Кратко
date: 2024-02-30
---
`,
		want: `content/news/x/index.ru.md:4:7: date: "2024-02-30" is not a valid date`,
	}, {
		name: "bad date 17.05.2024",
		archive: `
-- content/news/x/index.ru.md --
---
title: Выставка
date: 17.05.2024
---
`,
		want: `content/news/x/index.ru.md:3:7: date: "17.05.2024" is not a valid date (write it as 2024-05-17)`,
	}, {
		name: "bad date in Chinese with time",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024年5月17日 9:30
---
`,
		want: `content/news/x/index.md:3:7: date: "2024年5月17日 9:30" is not a valid date (write it as 2024-05-17 09:30)`,
	}, {
		name: "bad date without a recognisable shape",
		archive: `
-- content/news/x/index.md --
---
title: x
date: tomorrow
---
`,
		want: `content/news/x/index.md:3:7: date: "tomorrow" is not a valid date (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)`,
	}, {
		name: "unknown front matter key",
		archive: `
-- content/x/index.ru.md --
---
date: 2024-05-17
summary: Кратко
titel: Выставка
---
`,
		want: "content/x/index.ru.md:1:1: title is required\n" +
			`content/x/index.ru.md:4:1: unknown front matter key "titel" (did you mean "title"?)`,
	}, {
		name: "unknown front matter key far from all",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
colour: red
---
`,
		want: `content/x.md:4:1: unknown front matter key "colour" (known keys: aliases, date, draft, event, expiryDate, image, layout, params, publishDate, search, sitemap, slug, source, summary, tags, title, translatedFrom, translationKey, weight)`,
	}, {
		name: "unknown event key",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
event:
  stat: 2024-05-17
  start: 2024-05-17
---
`,
		want: `content/x.md:5:3: unknown event key "stat" (did you mean "start"?)`,
	}, {
		name: "duplicate key",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
title: y
---
`,
		want: `content/x.md:4:1: duplicate front matter key "title" (first set on line 2)`,
	}, {
		name: "unknown language suffix",
		archive: `
-- content/news/x/index.fr.md --
---
title: Salon
date: 2024-05-17
---
`,
		want: `content/news/x/index.fr.md: unknown language "fr" in the file name (configured: zh, ru, en)`,
	}, {
		name: "upper-case language suffix",
		archive: `
-- content/about.RU.md --
---
title: О нас
---
`,
		want: `content/about.RU.md: language "RU" in the file name must be lower case: ru`,
	}, {
		name: "bundle at the top of content",
		archive: `
-- content/index.md --
---
title: Home
---
`,
		want: `content/index.md: a page bundle needs a directory of its own; the home page is content/_index.md`,
	}, {
		name: "two files claim one translation",
		archive: `
-- content/news/a/index.ru.md --
---
title: А
date: 2024-05-17
---
-- content/news/b/index.ru.md --
---
title: Б
date: 2024-05-17
translationKey: news/a
---
`,
		want: `content/news/b/index.ru.md:4:17: translation key "news/a" in "ru" is also used by content/news/a/index.ru.md`,
	}, {
		name: "default language with and without suffix",
		archive: `
-- content/news/a/index.md --
---
title: 甲
date: 2024-05-17
---
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-17
---
`,
		want: `content/news/a/index.zh.md: translation key "news/a" in "zh" is also used by content/news/a/index.md`,
	}, {
		name: "single page and bundle with one name",
		archive: `
-- content/about.md --
---
title: 关于
---
-- content/about/index.md --
---
title: 关于
---
`,
		want: "content/about.md:1:1: date is required\n" +
			"content/about/index.md: translation key \"about\" in \"zh\" is also used by content/about.md\n" +
			"content/about/index.md:1:1: date is required",
	}, {
		name: "unclosed front matter",
		archive: `
-- content/x/index.ru.md --
---
title: Выставка
date: 2024-05-17

Текст
`,
		want: `content/x/index.ru.md:1:1: front matter is not closed: add a line with --- after it`,
	}, {
		name:    "invalid UTF-8",
		archive: "-- content/x.ru.md --\n---\ntitle: Пр\xffивет\ndate: 2024-05-17\n---\n",
		want:    `content/x.ru.md:2:10: invalid UTF-8 (save the file as UTF-8)`,
	}, {
		name:    "invalid UTF-8 in the body",
		archive: "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\n---\n\nok\n\xc3(\n",
		want:    `content/x.md:7:1: invalid UTF-8 (save the file as UTF-8)`,
	}, {
		name: "image without alt",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
image:
  src: photo.jpg
---
-- content/news/x/photo.jpg --
`,
		want: `content/news/x/index.md:5:8: image.alt is required with image.src: describe the image for readers who cannot see it`,
	}, {
		name: "image outside the bundle",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
image: {src: ../y/photo.jpg, alt: 照片}
---
`,
		want: `content/news/x/index.md:4:14: image.src: "../y/photo.jpg" must be a file in the page bundle, like "photo.jpg", or an http or https URL`,
	}, {
		// Terms are accepted (TestTagTerms); a tag without a letter or
		// digit has no web address.
		name: "bad tag",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
tags: [trade, Trade Fair, 贸易, "***", " - "]
---
`,
		want: `content/news/x/index.md:4:31: tags: "***" has no letter or digit to make its web address of: write a word, or a tag key like "trade"` + "\n" +
			`content/news/x/index.md:4:38: tags: " - " has no letter or digit to make its web address of: write a word, or a tag key like "trade"`,
	}, {
		name: "tags not a list",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
tags: trade
---
`,
		want: `content/x.md:4:7: tags must be a list: write [trade]`,
	}, {
		name: "bad URLs and aliases",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
event:
  start: 2024-05-17
  url: javascript:alert(1)
source: {name: Xinhua, url: "//evil.example/"}
aliases: [old/x, "//evil.example/", /a/../b/, /ok/]
---
`,
		want: `content/x.md:6:8: event.url: "javascript:alert(1)" must be an http or https URL or a site path starting with "/"` + "\n" +
			`content/x.md:7:29: source.url: "//evil.example/" must be an http or https URL or a site path starting with "/"` + "\n" +
			`content/x.md:8:11: aliases: "old/x" must be a site path starting with one "/", like "/news/old-name/"` + "\n" +
			`content/x.md:8:18: aliases: "//evil.example/" must be a site path starting with one "/", like "/news/old-name/"` + "\n" +
			`content/x.md:8:37: aliases: "/a/../b/" must not contain "." or ".." segments`,
	}, {
		name: "event start and end of different precision",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
event:
  start: 2024-05-17
  end: 2024-05-18 18:00
---
`,
		want: `content/x.md:6:8: event.end: "2024-05-18 18:00" and event.start "2024-05-17" must both be dates, or both have a time of day`,
	}, {
		name: "event without start",
		archive: `
-- content/x.md --
---
title: x
date: 2024-05-17
event:
  name: Expo
---
`,
		want: `content/x.md:5:3: event.start is required`,
	}, {
		name: "wrong value types",
		archive: `
-- content/x.md --
---
title: [a, b]
date: 2024-05-17
draft: yes
weight: first
sitemap: 1
slug: a/b
layout: ../x
params: 3
event: 2024-05-17
---
`,
		want: `content/x.md:2:8: title must be text, not a list` + "\n" +
			`content/x.md:4:8: draft must be true or false, not "yes"` + "\n" +
			`content/x.md:5:9: weight must be a whole number, not "first"` + "\n" +
			`content/x.md:6:10: sitemap must be true or false, not "1"` + "\n" +
			`content/x.md:7:7: slug: "a/b" must be one URL segment, without spaces or "/", "\", "?", "#", "%", not ending in "."` + "\n" +
			`content/x.md:8:9: layout: "../x" must be a layout name: letters, digits, "-" and "_"` + "\n" +
			`content/x.md:9:9: params must be a mapping of names to values, not "3"` + "\n" +
			`content/x.md:10:8: event must be a mapping with the keys city, end, name, start, timeZone, url, venue`,
	}, {
		name:    "YAML syntax error with a tab",
		archive: "-- content/x.md --\n---\ntitle: x\n\tdate: 2024-05-17\n---\n",
		want:    `content/x.md:3:1: line 3 is indented with a tab; YAML needs spaces`,
	}, {
		name: "YAML colon in a title",
		archive: `
-- content/x.md --
---
title: Harbin: the expo
date: 2024-05-17
---
`,
		want: `content/x.md:2:14: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "Harbin: the expo"`,
	}, {
		name:    "YAML line indented too far",
		archive: "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\nevent:\n  name: Expo\n   start: 2024-05-17\n---\n",
		want:    `content/x.md:6:4: line 6 starts at column 4, but the lines of its block start at column 3, like line 5: move it to column 3`,
	}, {
		name:    "YAML line between two blocks",
		archive: "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\nevent:\n  name: Expo\n start: 2024-05-17\n---\n",
		want:    `content/x.md:6:2: line 6 starts at column 2, between two blocks: move it to column 3, like line 5, or to column 1, like line 4`,
	}, {
		name:    "a list written as text",
		archive: "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\ntags: trade, expo\n---\n",
		want:    `content/x.md:4:7: tags must be a list: write [trade, expo]`,
	}, {
		name:    "a list of one written as text",
		archive: "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\naliases: /old/x/\n---\n",
		want:    `content/x.md:4:10: aliases must be a list: write [/old/x/]`,
	}, {
		name: "front matter not a mapping",
		archive: `
-- content/x.md --
---
- title
---
`,
		want: `content/x.md:2:1: the front matter must be keys with values, like "title: Expo"`,
	}, {
		name: "TOML front matter",
		archive: `
-- content/x.md --
+++
title = "x"
+++
`,
		want: "content/x.md:1:1: TOML front matter is not supported: write YAML between lines ---",
	}, {
		name:    "CRLF and BOM keep positions",
		archive: "-- content/x.md --\n\xEF\xBB\xBF---\r\ntitle: x\r\ndate: 2024-13-01\r\n---\r\n",
		want:    `content/x.md:3:7: date: "2024-13-01" is not a valid date`,
	}, {
		name: "translation without date and without default",
		archive: `
-- content/news/x/index.en.md --
---
title: Expo
---
`,
		want: `content/news/x/index.en.md:1:1: date is required`,
	}, {
		name: "translation without alt for the inherited image",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
image: {src: photo.jpg, alt: 展台}
---
-- content/news/x/index.ru.md --
---
title: Выставка
image:
  caption: Стенд
---
`,
		want: `content/news/x/index.ru.md:4:3: image.alt is required: describe the image from content/news/x/index.md in this language`,
	}, {
		name: "an error in the default language is not repeated in translations",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-02-30
event: {name: 博览会}
---
-- content/news/x/index.ru.md --
---
title: Выставка
---
-- content/news/x/index.en.md --
---
title: Expo
event: {name: Expo, start: 2024-05-17}
---
`,
		want: "content/news/x/index.md:3:7: date: \"2024-02-30\" is not a valid date\n" +
			"content/news/x/index.md:4:8: event.start is required",
	}, {
		name: "an unreadable default language file is not blamed on translations",
		archive: `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
-- content/news/x/index.ru.md --
---
title: Выставка
---
`,
		want: "content/news/x/index.md:1:1: front matter is not closed: add a line with --- after it",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := content.Load(sitetest.FS(t, tc.archive), opts)
			if err == nil {
				t.Fatalf("Load: no error, want\n%s", tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Load error:\n%s\nwant:\n%s", got, tc.want)
			}
			for _, d := range diag.Flatten(err) {
				if d.Path == "" {
					t.Errorf("diagnostic without path: %v", d)
				}
			}
		})
	}
}

// Parse alone reports what needs only the one file.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ path, data, want string }{
		{"content/news/x/index.ru.md", "---\ntitle: x\nsummary: y\ndate: 2024-02-30\n---\n", `content/news/x/index.ru.md:4:7: date: "2024-02-30" is not a valid date`},
		{"content/news/x/index.fr.md", "---\ntitle: x\n---\n", `content/news/x/index.fr.md: unknown language "fr" in the file name (configured: zh, ru, en)`},
		{"content/x.md", "---\n", "content/x.md:1:1: front matter is not closed: add a line with --- after it"},
		{"content/x.md", "---\ntitle: x\n---", ""},
		{"notcontent/x.md", "---\ntitle: x\n---", "notcontent/x.md: not a Markdown file under content/"},
		{"content/.ru.md", "---\ntitle: x\n---", `content/.ru.md: the file name needs a name before "ru.md"`},
	} {
		f, err := content.Parse(tc.path, []byte(tc.data), opts)
		if tc.want == "" {
			if err != nil || f == nil {
				t.Errorf("Parse(%q): %v", tc.data, err)
			}
			continue
		}
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q, %q):\n%v\nwant:\n%s", tc.path, tc.data, err, tc.want)
		}
		if f != nil {
			t.Errorf("Parse(%q): file returned with an error", tc.data)
		}
	}
}

func TestLoadCollectsAllErrors(t *testing.T) {
	files, err := content.Load(sitetest.FS(t, `
-- content/news/b/index.md --
---
title: 乙
date: 2024-05-17
tags: ["#"]
---
-- content/news/a/index.ru.md --
---
titel: А
date: 2024-05-17
---
-- content/news/good/index.md --
---
title: 好
date: 2024-05-17
---
-- content/news/good/index.de.md --
---
title: Gut
---
-- content/about.md --
---
title: 关于
date: 17.05.2024
---
`), opts)
	want := `content/about.md:3:7: date: "17.05.2024" is not a valid date (write it as 2024-05-17)` + "\n" +
		`content/news/a/index.ru.md:1:1: title is required` + "\n" +
		`content/news/a/index.ru.md:2:1: unknown front matter key "titel" (did you mean "title"?)` + "\n" +
		`content/news/b/index.md:4:8: tags: "#" has no letter or digit to make its web address of: write a word, or a tag key like "trade"` + "\n" +
		`content/news/good/index.de.md: unknown language "de" in the file name (configured: zh, ru, en)`
	if err == nil || err.Error() != want {
		t.Errorf("Load error:\n%v\nwant:\n%s", err, want)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	if want := []string{"content/news/good/index.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("good files = %q, want %q", got, want)
	}
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		t.Errorf("error does not unwrap to a diagnostic")
	}
}

func TestLoadLayout(t *testing.T) {
	files := load(t, `
-- content/_index.md --
---
title: 首页
---
-- content/_index.ru.md --
---
title: Главная
---
-- content/news/_index.en.md --
---
title: News
---
-- content/news/harbin-expo/index.md --
---
title: 哈尔滨博览会
date: 2024-05-17
---
-- content/news/harbin-expo/index.ru.md --
---
title: Харбинская выставка
date: 2024-05-17
---
-- content/news/harbin-expo/photo.jpg --
-- content/news/harbin-expo/docs/programme.pdf --
-- content/news/harbin-expo/a-b/x.txt --
-- content/news/harbin-expo/.DS_Store --
-- content/news/harbin-expo/photo.jpg~ --
-- content/news/harbin-expo/4913 --
-- content/news/harbin-expo/.index.ru.md.swp --
-- content/news/harbin-expo/gallery/index.en.md --
---
title: Gallery
date: 2024-05-17
---
-- content/news/harbin-expo/gallery/a.jpg --
-- content/news/banner.jpg --
-- content/news/2024/plain.en.md --
---
title: Plain
date: 2024-05-17
---
-- content/about.ru.md --
---
title: О нас
date: 2024-01-01
---
-- content/contact/index.en.md --
---
title: Contact
date: 2024-01-01
---
-- content/contact/map.png --
-- content/.drafts/x.md --
not front matter at all
-- content/#notes.md# --
-- content/v1.2.md --
---
title: Version
date: 2024-01-01
---
`)
	type row struct {
		Path, Lang, Key, Section string
		Kind                     content.Kind
		Bundle, Name             string
		Resources                []string
	}
	var got []row
	for _, f := range files {
		got = append(got, row{f.Path, f.Lang, f.Key, f.Section, f.Kind, f.Bundle, f.Name, f.Resources})
	}
	res := []string{"a-b/x.txt", "docs/programme.pdf", "photo.jpg"}
	want := []row{
		{"content/_index.md", "zh", "", "", content.KindSection, "", "", nil},
		{"content/_index.ru.md", "ru", "", "", content.KindSection, "", "", nil},
		{"content/about.ru.md", "ru", "about", "", content.KindPage, "", "about", nil},
		{"content/contact/index.en.md", "en", "contact", "", content.KindPage, "content/contact", "contact", []string{"map.png"}},
		{"content/news/2024/plain.en.md", "en", "news/2024/plain", "news", content.KindPage, "", "plain", nil},
		{"content/news/_index.en.md", "en", "news", "news", content.KindSection, "", "news", nil},
		{"content/news/harbin-expo/gallery/index.en.md", "en", "news/harbin-expo/gallery", "news", content.KindPage, "content/news/harbin-expo/gallery", "gallery", []string{"a.jpg"}},
		{"content/news/harbin-expo/index.md", "zh", "news/harbin-expo", "news", content.KindPage, "content/news/harbin-expo", "harbin-expo", res},
		{"content/news/harbin-expo/index.ru.md", "ru", "news/harbin-expo", "news", content.KindPage, "content/news/harbin-expo", "harbin-expo", res},
		{"content/v1.2.md", "zh", "v1.2", "", content.KindPage, "", "v1.2", nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files:\n%s\nwant:\n%s", rows(got), rows(want))
	}
}

func rows[T any](s []T) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%+v\n", r)
	}
	return b.String()
}

func TestLoadNoContent(t *testing.T) {
	files, err := content.Load(fstest.MapFS{"site.yaml": {}}, opts)
	if err != nil || len(files) != 0 {
		t.Errorf("Load without content/ = %v, %v; want nothing", files, err)
	}
}

func TestBodyAndLines(t *testing.T) {
	for _, tc := range []struct {
		name, data, body string
		line             int
	}{
		{"plain", "---\ntitle: x\n---\n\nHello\n", "\nHello\n", 4},
		{"CRLF", "---\r\ntitle: x\r\n---\r\nHello\r\nworld\r\n", "Hello\nworld\n", 4},
		{"BOM", "\xEF\xBB\xBF---\ntitle: x\n---\nHello", "Hello", 4},
		{"closing at the end", "---\ntitle: x\n---", "", 4},
		{"trailing spaces on the lines", "--- \ntitle: x\n---  \nHello", "Hello", 4},
		{"longer front matter", "---\ntitle: x\n# a comment\nsummary: |\n  a\n  b\n---\nHello", "Hello", 8},
	} {
		f, err := content.Parse("content/x.md", []byte(tc.data), opts)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(f.Body) != tc.body || f.BodyLine != tc.line || f.Front.Title != "x" {
			t.Errorf("%s: body %q line %d title %q; want %q line %d", tc.name, f.Body, f.BodyLine, f.Front.Title, tc.body, tc.line)
		}
	}
}

func TestDates(t *testing.T) {
	plus3 := time.FixedZone("", 3*3600)
	minus5 := time.FixedZone("", -5*3600)
	for _, tc := range []struct {
		in       string
		want     time.Time
		dateOnly bool
	}{
		{"2024-05-17", time.Date(2024, 5, 17, 0, 0, 0, 0, beijing), true},
		{`"2024-05-17"`, time.Date(2024, 5, 17, 0, 0, 0, 0, beijing), true},
		{"2024-05-17 10:00", time.Date(2024, 5, 17, 10, 0, 0, 0, beijing), false},
		{"2024-05-17T10:00", time.Date(2024, 5, 17, 10, 0, 0, 0, beijing), false},
		{"2024-05-17T10:00:00", time.Date(2024, 5, 17, 10, 0, 0, 0, beijing), false},
		{"2024-05-17T10:00:30.25", time.Date(2024, 5, 17, 10, 0, 30, 250_000_000, beijing), false},
		{"2024-05-17T10:00:00+03:00", time.Date(2024, 5, 17, 10, 0, 0, 0, plus3), false},
		{"2024-05-17 10:00 -05:00", time.Date(2024, 5, 17, 10, 0, 0, 0, minus5), false},
		{"2024-05-17T10:00:00-0500", time.Date(2024, 5, 17, 10, 0, 0, 0, minus5), false},
		{"2024-05-17T02:00:00Z", time.Date(2024, 5, 17, 2, 0, 0, 0, time.UTC), false},
		{"2024-05-17T02:00:00+00:00", time.Date(2024, 5, 17, 2, 0, 0, 0, time.UTC), false},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, beijing), true},
	} {
		data := "---\ntitle: x\ndate: " + tc.in + "\nevent:\n  start: " + tc.in + "\n---\n"
		f, err := content.Parse("content/x.md", []byte(data), opts)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		d := f.Front.Date
		_, gotOff := d.Zone()
		_, wantOff := tc.want.Zone()
		if !d.Equal(tc.want) || gotOff != wantOff {
			t.Errorf("%s: date %v, want %v", tc.in, d, tc.want)
		}
		if e := f.Front.Event; !e.Start.Equal(tc.want) || e.AllDay != tc.dateOnly {
			t.Errorf("%s: event start %v all day %v, want %v %v", tc.in, e.Start, e.AllDay, tc.want, tc.dateOnly)
		}
	}
}

func TestFrontMatterFields(t *testing.T) {
	f, err := content.Parse("content/news/x/index.ru.md", []byte(`---
title: Выставка
date: 2024-05-17
summary: Кратко
slug: vystavka
draft: true
publishDate: 2024-05-10
expiryDate: 2025-01-01T00:00:00Z
tags: [trade, expo-2024]
event:
  name: Харбинская ярмарка
  start: 2024-05-17 09:00
  end: 2024-05-21 18:00
  city: Харбин
  venue: Выставочный центр
  url: https://expo.example/ru/
image:
  src: photo.jpg
  alt: Павильон
  caption: Фото
source: {name: Синьхуа, url: /ru/about/}
aliases: [/ru/old/]
translationKey: expo
weight: -3
layout: wide_page
sitemap: false
translatedFrom: zh@abc123
params:
  featured: true
  when: 2024-05-17
  list: [1, 2.5, x, null]
  nested: {a: {b: c}}
---
Текст
`), opts)
	if err != nil {
		t.Fatal(err)
	}
	no := false
	want := content.FrontMatter{
		Title:       "Выставка",
		Date:        time.Date(2024, 5, 17, 0, 0, 0, 0, beijing),
		Summary:     "Кратко",
		Slug:        "vystavka",
		Draft:       true,
		PublishDate: time.Date(2024, 5, 10, 0, 0, 0, 0, beijing),
		ExpiryDate:  time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Tags:        []string{"trade", "expo-2024"},
		Event: &content.Event{
			Name:  "Харбинская ярмарка",
			Start: time.Date(2024, 5, 17, 9, 0, 0, 0, beijing),
			End:   time.Date(2024, 5, 21, 18, 0, 0, 0, beijing),
			City:  "Харбин", Venue: "Выставочный центр", URL: "https://expo.example/ru/",
		},
		Image:          &content.Image{Src: "photo.jpg", Alt: "Павильон", Caption: "Фото"},
		Source:         &content.Source{Name: "Синьхуа", URL: "/ru/about/"},
		Aliases:        []string{"/ru/old/"},
		TranslationKey: "expo",
		Weight:         -3,
		Layout:         "wide_page",
		Sitemap:        &no,
		TranslatedFrom: "zh@abc123",
		Params: map[string]any{
			"featured": true,
			"when":     "2024-05-17",
			"list":     []any{1, 2.5, "x", nil},
			"nested":   map[string]any{"a": map[string]any{"b": "c"}},
		},
	}
	got := f.Front
	got.Pos = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("front matter:\n%#v\nwant:\n%#v", got, want)
	}
	if f.Key != "expo" || f.Name != "x" {
		t.Errorf("key %q name %q; translationKey must override the key, not the name", f.Key, f.Name)
	}
	for key, pos := range map[string]content.Pos{"title": {2, 8}, "event": {11, 3}, "event.start": {12, 10}, "image.alt": {19, 8}, "source.url": {21, 30}, "params": {29, 3}} {
		if f.Front.Pos[key] != pos {
			t.Errorf("Pos[%q] = %v, want %v", key, f.Front.Pos[key], pos)
		}
	}
	if f.Front.Has("summary") != true || f.Front.Has("layoutx") {
		t.Errorf("Has is wrong")
	}
	if string(f.Body) != "Текст\n" || f.BodyLine != 34 {
		t.Errorf("body %q at %d", f.Body, f.BodyLine)
	}
}

func TestNullIsAbsent(t *testing.T) {
	f, err := content.Parse("content/x.ru.md", []byte("---\ntitle: x\ndate:\ntags: ~\nevent:\n---\n"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if f.Front.Has("date") || f.Front.Has("tags") || f.Front.Has("event") || f.Front.Event != nil {
		t.Errorf("null values count as written: %+v", f.Front)
	}
}

// YAML writes NUL as an escape in double quotes; every value gets U+FFFD
// instead, as the Markdown body does.
func TestNULBecomesReplacementCharacter(t *testing.T) {
	src := "---\ntitle: \"T\\0T\"\nsummary: \"S\\x00S\"\nevent: {name: \"E\\u0000E\"}\nparams: {\"k\\0\": [\"v\\0\"]}\n---\n"
	f, err := content.Parse("content/x.md", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	fm := f.Front
	got := []any{fm.Title, fm.Summary, fm.Event.Name, fm.Params}
	want := []any{"T\uFFFDT", "S\uFFFDS", "E\uFFFDE", map[string]any{"k\uFFFD": []any{"v\uFFFD"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTranslationKeyOverride(t *testing.T) {
	files := load(t, `
-- content/news/harbin-expo/index.md --
---
title: 哈尔滨博览会
date: 2024-05-17
translationKey: expo-2024
tags: [trade]
---
-- content/news/harbinskaya-vystavka/index.ru.md --
---
title: Харбинская выставка
translationKey: expo-2024
---
`)
	m := byPath(files)
	zh, ru := m["content/news/harbin-expo/index.md"], m["content/news/harbinskaya-vystavka/index.ru.md"]
	if zh.Key != "expo-2024" || ru.Key != "expo-2024" {
		t.Fatalf("keys %q %q", zh.Key, ru.Key)
	}
	if !ru.Front.Date.Equal(zh.Front.Date) || !reflect.DeepEqual(ru.Front.Tags, []string{"trade"}) || ru.Name != "harbinskaya-vystavka" {
		t.Errorf("ru did not inherit through the translation key: %+v", ru.Front)
	}
}

func TestInheritance(t *testing.T) {
	files := load(t, `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17 10:00
tags: [trade, expo]
aliases: [/old/x/]
draft: true
summary: 摘要
event:
  name: 博览会
  start: 2024-05-17
  end: 2024-05-21
  city: 哈尔滨
  venue: 会展中心
  url: https://expo.example/
image:
  src: photo.jpg
  alt: 展台
  caption: 照片
---
-- content/news/x/photo.jpg --
-- content/news/x/index.ru.md --
---
title: Выставка
event:
  name: Ярмарка
  city: Харбин
image:
  alt: Стенд
---
-- content/news/x/index.en.md --
---
title: Expo
---
-- content/news/y/index.md --
---
title: 乙
date: 2024-05-17
tags: [trade]
event: {start: 2024-05-17 09:00, end: 2024-05-17 18:00, url: https://a.example/}
image: {src: a.jpg, alt: 甲}
---
-- content/news/y/index.ru.md --
---
title: Б
date: 2024-06-01
tags: []
aliases: [/ru/old-b/]
event: {start: 2024-06-01, url: /ru/events/}
image: {src: b.jpg, alt: Б}
---
`)
	m := byPath(files)
	zh := m["content/news/x/index.md"].Front
	ru := m["content/news/x/index.ru.md"].Front
	en := m["content/news/x/index.en.md"].Front

	if !ru.Date.Equal(zh.Date) || !reflect.DeepEqual(ru.Tags, zh.Tags) || !reflect.DeepEqual(ru.Aliases, zh.Aliases) {
		t.Errorf("ru did not inherit date, tags and aliases: %v %v %v", ru.Date, ru.Tags, ru.Aliases)
	}
	if ru.Draft || ru.Summary != "" {
		t.Errorf("ru inherited draft or summary")
	}
	wantRuEvent := content.Event{Name: "Ярмарка", Start: zh.Event.Start, End: zh.Event.End, AllDay: true, City: "Харбин", URL: "https://expo.example/"}
	if *ru.Event != wantRuEvent {
		t.Errorf("ru event %+v, want %+v", *ru.Event, wantRuEvent)
	}
	if *ru.Image != (content.Image{Src: "photo.jpg", Alt: "Стенд"}) {
		t.Errorf("ru image %+v", *ru.Image)
	}
	if *en.Event != *zh.Event || *en.Image != *zh.Image || en.Event == zh.Event || en.Image == zh.Image {
		t.Errorf("en must get its own copy of event and image: %+v %+v", en.Event, en.Image)
	}
	if ru.Has("date") || ru.Has("event.start") {
		t.Errorf("Pos must only record written keys")
	}
	// Copies, not shared slices.
	ru.Tags[0] = "changed"
	if zh.Tags[0] != "trade" {
		t.Errorf("tags share memory")
	}

	yzh := m["content/news/y/index.md"].Front
	yru := m["content/news/y/index.ru.md"].Front
	if !yru.Date.Equal(time.Date(2024, 6, 1, 0, 0, 0, 0, beijing)) || len(yru.Tags) != 0 || yru.Aliases[0] != "/ru/old-b/" {
		t.Errorf("ru overrides were replaced: %+v", yru)
	}
	if !yru.Event.Start.Equal(time.Date(2024, 6, 1, 0, 0, 0, 0, beijing)) || !yru.Event.End.IsZero() || !yru.Event.AllDay || yru.Event.URL != "/ru/events/" {
		t.Errorf("an event that writes start owns its times: %+v", yru.Event)
	}
	if yru.Image.Src != "b.jpg" || yzh.Image.Src != "a.jpg" {
		t.Errorf("image src overridden: %+v", yru.Image)
	}
}

func TestInheritDirect(t *testing.T) {
	fsys := fstest.MapFS{
		"content/news/x/index.md":    {Data: []byte("---\ntitle: 甲\ndate: 2024-05-17\ntags: [a]\n---\n")},
		"content/news/x/index.ru.md": {Data: []byte("---\ntitle: А\n---\n")},
		"content/news/z/index.en.md": {Data: []byte("---\ntitle: A\n---\n")},
	}
	files, err := content.Load(fsys, opts)
	if err == nil || err.Error() != "content/news/z/index.en.md:1:1: date is required" {
		t.Errorf("Load error: %v", err)
	}
	var zh, ru *content.File
	for _, f := range files {
		switch f.Path {
		case "content/news/x/index.md":
			zh = f
		case "content/news/x/index.ru.md":
			ru = f
		}
	}
	if zh == nil || ru == nil {
		t.Fatalf("files %v", files)
	}
	if !ru.Front.Date.Equal(zh.Front.Date) || ru.Front.Tags[0] != "a" {
		t.Errorf("ru did not inherit: %+v", ru.Front)
	}
}

func TestParamsAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: x\nparams:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("  a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	_, err := content.Parse("content/x.md", []byte(b.String()), opts)
	if err == nil || !strings.Contains(err.Error(), "content/x.md:4:3: params: too many values") {
		t.Errorf("alias bomb: %v", err)
	}
}

// checkDiagnostics fails unless err is a diagnostic for path or a join of them.
func checkDiagnostics(t *testing.T, path string, err error) {
	switch e := err.(type) {
	case *diag.Diagnostic:
		if e.Path != path || e.Line < 0 || e.Col < 0 || e.Msg == "" || strings.HasSuffix(e.Msg, ".") {
			t.Fatalf("bad diagnostic %#v", e)
		}
	case interface{ Unwrap() []error }:
		errs := e.Unwrap()
		if len(errs) == 0 {
			t.Fatalf("empty join")
		}
		for _, e := range errs {
			checkDiagnostics(t, path, e)
		}
	default:
		t.Fatalf("error %T is not a diagnostic: %v", err, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\ndate: 2024-05-17\n---\nbody",
		"---\ntitle: Выставка\ndate: 2024-05-17 10:00\ntags: [a, b]\nevent: {start: 2024-05-17, end: 2024-05-18, url: /x/}\nimage: {src: a.jpg, alt: b}\nparams: {a: [1, {b: c}]}\n---\n",
		"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n",
		"---\ntitel: x\ndate: 17.05.2024\n---\n",
		"---\na: &a [*a]\nparams: {x: *a}\n---\n",
		"---\ntitle: x\nparams: {b: &b {x: 1}, c: {<<: [*b, {y: 2}], y: 3}, d: {<<: *b}}\n---\n",
		"---\n- a\n---\n",
		"---\ntitle: a\n--- x\n",
		"---\ntitle: \xff\n---\n",
		"+++\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		const path = "content/news/x/index.ru.md"
		file, err := content.Parse(path, []byte(data), opts)
		if err != nil {
			if file != nil {
				t.Fatalf("file and error")
			}
			checkDiagnostics(t, path, err)
			return
		}
		if file.Front.Title == "" || file.BodyLine < 1 || file.Key != "news/x" && file.Key != file.Front.TranslationKey {
			t.Fatalf("bad file %+v", file)
		}
		if _, err := content.Load(fstest.MapFS{path: {Data: []byte(data)}}, opts); err != nil {
			checkDiagnostics(t, path, err)
		}
	})
}

// Parsed sees every file that parsed cleanly, once, as the File Load
// returns, and never a file with a problem.
func TestParsedSeesEachGoodFileOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[*content.File]int{}
	o := opts
	o.Parsed = func(f *content.File) {
		if len(f.Body) == 0 {
			t.Errorf("%s: Parsed before the body was read", f.Path)
		}
		mu.Lock()
		seen[f]++
		mu.Unlock()
	}
	files, err := content.Load(sitetest.FS(t, `
-- content/news/a/index.md --
---
title: 甲
date: 2024-05-17
---
正文
-- content/news/a/index.ru.md --
---
title: А
---
Текст
-- content/news/b/index.md --
---
title: 乙
date: 2024-02-30
---
正文
`), o)
	if err == nil || !strings.Contains(err.Error(), "content/news/b/index.md") {
		t.Fatalf("want the bad date of b reported, got %v", err)
	}
	if len(files) != 2 || len(seen) != 2 {
		t.Fatalf("%d files returned, %d seen by Parsed, want 2 and 2", len(files), len(seen))
	}
	for _, f := range files {
		if seen[f] != 1 {
			t.Errorf("%s seen %d times, want once", f.Path, seen[f])
		}
	}
}

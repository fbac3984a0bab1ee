package build_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// One run reports every content error, sorted by path, each with its place.
func TestContentErrorsAllReportedSorted(t *testing.T) {
	archive := sitetest.Config + `-- content/news/a/index.zh.md --
---
date: 2024-05-17
---
no title
-- content/news/b/index.zh.md --
---
title: b
date: 2024-02-30
---
-- content/news/c/index.zh.md --
---
title: c
date: 17.05.2024
---
-- content/news/d/index.zh.md --
---
title: d
date: 2024-05-17
titel: d
---
-- content/news/e/index.fr.md --
---
title: e
date: 2024-05-17
---
-- content/news/f/index.ru.md --
---
title: f
translationKey: news/g
---
-- content/news/g/index.ru.md --
---
title: g
---
-- content/news/g/index.zh.md --
---
title: g
date: 2024-05-17
---
-- content/news/h/index.zh.md --
---
title: h
date: 2024-05-17
-- content/news/i/index.zh.md --
---
title: "i` + "\xff" + `"
date: 2024-05-17
---
`
	s := sitetest.New(t, archive).Build(build.Options{})
	if s.Err == nil {
		t.Fatal("build succeeded, want errors")
	}
	var got []string
	for _, d := range diag.Flatten(s.Err) {
		got = append(got, d.Error())
	}
	want := []string{
		`content/news/a/index.zh.md:1:1: title is required`,
		`content/news/b/index.zh.md:3:7: date: "2024-02-30" is not a valid date`,
		`content/news/c/index.zh.md:3:7: date: "17.05.2024" is not a valid date (write it as 2024-05-17)`,
		`content/news/d/index.zh.md:4:1: unknown front matter key "titel" (did you mean "title"?)`,
		`content/news/e/index.fr.md: unknown language "fr" in the file name (configured: zh, ru, en)`,
		`content/news/g/index.ru.md: translation key "news/g" in "ru" is also used by content/news/f/index.ru.md`,
		`content/news/h/index.zh.md:1:1: front matter is not closed: add a line with --- after it`,
		`content/news/i/index.zh.md:2:10: invalid UTF-8 (save the file as UTF-8)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMissingLayoutListsWhatWasTried(t *testing.T) {
	// A theme of the site's own that lacks the page layouts (the default
	// theme, in the binary, has them all).
	archive := strings.Replace(sitetest.Config, "pageSize: 2\n", "pageSize: 2\ntheme: plain\n", 1) + `-- content/about.zh.md --
---
title: 关于
date: 2024-05-01
layout: special
---
-- themes/plain/layouts/_default/list.html --
list
`
	s := sitetest.New(t, archive)
	s.Build(build.Options{})
	if s.Err == nil {
		t.Fatal("build succeeded without a single layout")
	}
	msg := s.Err.Error()
	for _, w := range []string{"content/about.zh.md", "no layout for this page: write one of ", "layouts/_default/special.html", "themes/plain/layouts/_default/special.html", "themes/plain/layouts/_default/single.html"} {
		if !strings.Contains(msg, w) {
			t.Errorf("error lacks %q:\n%s", w, msg)
		}
	}
	if ru := speak.New("ru").Error(s.Err); !strings.Contains(ru, "content/about.zh.md: не удаётся сделать zh/about/index.html по шаблонам темы: для этой страницы нет шаблона оформления: напишите один из этих: ") {
		t.Errorf("in Russian:\n%s", ru)
	}
}

func TestTemplateErrorNamesLayoutLine(t *testing.T) {
	archive := sitetest.Config + `-- content/about.zh.md --
---
title: 关于
date: 2024-05-01
---
-- layouts/_default/single.html --
<p>
{{ .Title | nosuchfunc }}
`
	s := sitetest.New(t, archive).Build(build.Options{})
	if s.Err == nil || !strings.Contains(s.Err.Error(), "layouts/_default/single.html:2:") {
		t.Fatalf("want a parse error at layouts/_default/single.html:2, got %v", s.Err)
	}
}

package content_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

func TestTagNames(t *testing.T) {
	for tag, want := range map[string]string{
		"trade":          "trade",
		"expo-2024":      "expo-2024",
		"旅游":             "旅游",
		"Туризм":         "туризм",
		"Harbin Expo":    "harbin-expo",
		"Harbin  - Expo": "harbin-expo",
		" 中俄 博览会 ":       "中俄-博览会",
		"Trade":          "trade",
		"C++ & Go":       "c++-go",
		"a/b?c#d%e":      "abcde",
		"第八届中俄博览会（哈尔滨）": "第八届中俄博览会哈尔滨",
		"Éxpo":       "éxpo",
		"E\u0301xpo": "éxpo", // é as e and a combining accent: NFC
		"...":        "",
		"***":        "",
		"v1.0.":      "v1.0",
	} {
		if got := content.TagName(tag); got != want {
			t.Errorf("TagName(%q) = %q, want %q", tag, got, want)
		}
	}
	for tag, want := range map[string]bool{
		"trade": true, "expo-2024": true, "a": true, "2024": true,
		"Trade": false, "trade fair": false, "-trade": false, "trade-": false, "a--b": false, "旅游": false, "": false, "trade_fair": false,
	} {
		if got := content.IsTagKey(tag); got != want {
			t.Errorf("IsTagKey(%q) = %v", tag, got)
		}
	}
}

const termsSite = `
-- content/news/x/index.md --
---
title: 哈尔滨旅游
date: 2024-05-17
tags: [trade, 旅游, 旅游, trade]
---
-- content/news/x/index.ru.md --
---
title: Туризм в Харбине
---
-- content/news/x/index.en.md --
---
title: Harbin tourism
tags: [Harbin Expo, harbin expo, tourism]
---
-- content/news/y/index.ru.md --
---
title: Туризм
date: 2024-05-17
tags: [туризм, Туризм, "Туризм"]
---
`

// A tag written in the page's language is a term of that language: it is
// accepted, the Chinese file's terms are not inherited, and a tag written
// twice is a warning and listed once.
func TestTagTerms(t *testing.T) {
	m := byPath(load(t, termsSite))
	zh, ru, en := m["content/news/x/index.md"], m["content/news/x/index.ru.md"], m["content/news/x/index.en.md"]
	for _, tc := range []struct {
		f    *content.File
		want []string
	}{
		{zh, []string{"trade", "旅游"}},
		{ru, []string{"trade"}}, // the key, not the Chinese term
		{en, []string{"Harbin Expo", "tourism"}},
		{m["content/news/y/index.ru.md"], []string{"туризм"}},
	} {
		if !reflect.DeepEqual(tc.f.Front.Tags, tc.want) {
			t.Errorf("%s: tags %q, want %q", tc.f.Path, tc.f.Front.Tags, tc.want)
		}
	}
	var warns []string
	for _, f := range m {
		for _, w := range f.Warnings {
			if w.Severity != diag.Warning {
				t.Errorf("%v is not a warning", w)
			}
			warns = append(warns, w.Error())
		}
	}
	want := []string{
		`content/news/x/index.en.md:3:21: warning: tags: "harbin expo" is the tag "Harbin Expo" again (one address, tags/harbin-expo/): it is shown once; delete one`,
		`content/news/x/index.md:4:19: warning: tags: "旅游" is listed twice: it is shown once; delete one`,
		`content/news/x/index.md:4:23: warning: tags: "trade" is listed twice: it is shown once; delete one`,
		`content/news/y/index.ru.md:4:16: warning: tags: "Туризм" is the tag "туризм" again (one address, tags/туризм/): it is shown once; delete one`,
		`content/news/y/index.ru.md:4:24: warning: tags: "Туризм" is the tag "туризм" again (one address, tags/туризм/): it is shown once; delete one`,
	}
	slices.Sort(warns)
	if !reflect.DeepEqual(warns, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
}

// With tags: {strict: true} every tag must be a key, as before terms.
func TestStrictTags(t *testing.T) {
	strict := opts
	strict.StrictTags = true
	_, err := content.Load(sitetest.FS(t, `
-- content/news/x/index.md --
---
title: 博览会
date: 2024-05-17
tags: [trade, Trade Fair, 贸易]
---
`), strict)
	want := `content/news/x/index.md:4:15: tags: "Trade Fair" is not a tag key: use lower-case letters, digits and hyphens, like "trade-fair"; this site takes only keys (tags: {strict: true} in site.yaml), each with a label in i18n/<lang>.yaml` + "\n" +
		`content/news/x/index.md:4:27: tags: "贸易" is not a tag key: use lower-case letters, digits and hyphens; this site takes only keys (tags: {strict: true} in site.yaml), each with a label in i18n/<lang>.yaml`
	if err == nil || err.Error() != want {
		t.Errorf("strict:\n%v\nwant:\n%s", err, want)
	}
	// A cache keeps what it parsed per options: strict parses again.
	c := content.NewCache()
	fsys := sitetest.FS(t, "-- content/x.md --\n---\ntitle: x\ndate: 2024-05-17\ntags: [旅游]\n---\n")
	lax := opts
	lax.Cache, strict.Cache = c, c
	if _, err := content.Load(fsys, lax); err != nil {
		t.Fatal(err)
	}
	if _, err := content.Load(fsys, strict); err == nil {
		t.Error("a cache gave the file read without strict to a strict Load")
	}
}

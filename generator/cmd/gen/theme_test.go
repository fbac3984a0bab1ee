package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/sitetest"
)

// bare is a site with site.yaml and content/ only: no theme, no i18n.
const bare = sitetest.Config + `-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17
tags: [trade]
---
正文。
-- content/news/expo/index.en.md --
---
title: The expo opens
---
Text.
`

// The theme is in the binary: a site of site.yaml and content/ alone
// builds, from any folder, with the theme's layouts, stylesheet and
// strings; and gen new takes the theme's archetype.
func TestASiteNeedsNoThemeOfItsOwn(t *testing.T) {
	dir := sitetest.New(t, bare).OnDisk()
	r := gen(t, nil, "build", "--source", dir, "--now", "2024-06-01")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "public")
	page, _ := os.ReadFile(filepath.Join(out, "en", "news", "expo", "index.html"))
	for _, want := range []string{`<link rel="stylesheet" href="/css/main.css`, "The expo opens", `lang="en"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
	if css, err := os.ReadFile(filepath.Join(out, "css", "main.css")); err != nil || len(css) == 0 {
		t.Errorf("no stylesheet: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "themes")); !os.IsNotExist(err) {
		t.Error("the build wrote a theme into the site")
	}
	r = gen(t, nil, "new", "--source", dir, "news/second", "--title", "Second", "--now", "2024-06-02")
	if r.code != 0 {
		t.Fatalf("gen new: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "news", "second", "index.zh.md")); err != nil {
		t.Errorf("gen new wrote no release: %v", err)
	}
}

// A site overrides one file of the theme by writing it at the same path,
// under themes/default/ or layouts/, and keeps the rest of the theme.
func TestASiteOverridesOneFileOfTheTheme(t *testing.T) {
	site := sitetest.New(t, bare)
	for name, text := range map[string]string{
		"themes/default/layouts/partials/footer.html": `<footer>OUR-FOOTER</footer>`,
		"layouts/partials/header.html":                `<header>OUR-HEADER</header>`,
		"themes/default/static/css/main.css":          `body{color:OUR-CSS}`,
		"i18n/en.yaml":                                "tag.trade: OUR-TRADE-LABEL\n",
	} {
		site.FS[name] = &fstest.MapFile{Data: []byte(text)}
	}
	dir := site.OnDisk()
	if r := gen(t, nil, "build", "--source", dir, "--now", "2024-06-01"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "en", "news", "expo", "index.html"))
	for _, want := range []string{"OUR-FOOTER", "OUR-HEADER", "OUR-TRADE-LABEL", "The expo opens"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if css, _ := os.ReadFile(filepath.Join(dir, "public", "css", "main.css")); string(css) != "body{color:OUR-CSS}" {
		t.Errorf("the stylesheet is not the site's: %.40q", css)
	}
}

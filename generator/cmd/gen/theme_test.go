package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bareSite is a site with site.yaml and content/ only: no theme, no i18n.
func bareSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"site.yaml": "baseURL: https://news.example.org/\ndefaultLanguage: zh\ntimeZone: Asia/Shanghai\nlanguages:\n" +
			"  - {code: zh, name: 中文, locale: zh-Hans, title: 新闻, weight: 1}\n" +
			"  - {code: ru, name: Русский, locale: ru, title: Новости, weight: 2}\n" +
			"  - {code: en, name: English, locale: en, title: News, weight: 3}\n",
		"content/news/expo/index.zh.md": "---\ntitle: 博览会开幕\ndate: 2024-05-17\ntags: [trade]\n---\n正文。\n",
		"content/news/expo/index.en.md": "---\ntitle: The expo opens\n---\nText.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The theme is in the binary: a site of site.yaml and content/ alone
// builds, from any folder, with the theme's layouts, stylesheet and
// strings; and gen new takes the theme's archetype.
func TestASiteNeedsNoThemeOfItsOwn(t *testing.T) {
	dir := bareSite(t)
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
	dir := bareSite(t)
	for name, text := range map[string]string{
		"themes/default/layouts/partials/footer.html": `<footer>OUR-FOOTER</footer>`,
		"layouts/partials/header.html":                `<header>OUR-HEADER</header>`,
		"themes/default/static/css/main.css":          `body{color:OUR-CSS}`,
		"i18n/en.yaml":                                "tag.trade: OUR-TRADE-LABEL\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
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

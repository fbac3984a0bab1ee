package sitemap_test

import (
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitemap"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const testSite = `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
pageSize: 1
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17 10:00
tags: [expo]
---
-- content/news/expo/index.ru.md --
---
title: ЭКСПО открылось
---
-- content/news/expo/index.en.md --
---
title: Expo opens
sitemap: false
---
-- content/news/forum/index.ru.md --
---
title: Форум
date: 2024-05-18
slug: форум
tags: [expo]
---
-- content/news/forum/index.en.md --
---
title: Forum
date: 2024-05-18
translationKey: news/forum
---
-- content/news/draft/index.zh.md --
---
title: 草稿
date: 2024-05-19
draft: true
---
-- content/about.zh.md --
---
title: 关于
date: 2024-05-01
---
-- content/about.ru.md --
---
title: О нас
---
`

var now = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func graph(t *testing.T, archive string, drafts bool) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return graphFS(t, fsys, drafts)
}

func graphFS(t *testing.T, fsys fstest.MapFS, drafts bool) *site.Site {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files, err := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Build(files, site.Options{
		Config: cfg, Now: now, Drafts: drafts,
		Rendered: func(f *content.File) *markdown.Result {
			r, _ := markdown.New(markdown.Options{Lang: f.Lang}).Convert(f.Body)
			return r
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func files(t *testing.T, s *site.Site) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range sitemap.Files(s) {
		out[f.Path] = string(f.Bytes)
	}
	return out
}

// urlset is sitemap.xml as a search engine reads it.
type urlset struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

func read(t *testing.T, body string) urlset {
	t.Helper()
	var u urlset
	if err := xml.Unmarshal([]byte(body), &u); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v", err)
	}
	return u
}

func TestListedPages(t *testing.T) {
	u := read(t, files(t, graph(t, testSite, true))["sitemap.xml"])
	var locs []string
	lastmod := map[string]string{}
	for _, e := range u.URLs {
		locs = append(locs, strings.TrimPrefix(e.Loc, "https://news.example.org"))
		lastmod[e.Loc] = e.Lastmod
	}
	for _, want := range []string{"/", "/zh/", "/ru/", "/en/", "/zh/news/expo/", "/ru/news/expo/",
		"/ru/news/%D1%84%D0%BE%D1%80%D1%83%D0%BC/", "/en/news/forum/", "/zh/about/", "/ru/about/",
		"/ru/news/", "/ru/tags/", "/ru/tags/expo/", "/ru/events/"} {
		if !slices.Contains(locs, want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	for _, not := range []string{"/en/news/expo/", "/zh/news/draft/", "/ru/news/page/2/", "/ru/404.html"} {
		if slices.Contains(locs, not) {
			t.Errorf("sitemap lists %s", not)
		}
	}
	if !slices.IsSorted(locs) {
		t.Errorf("entries are not sorted: %q", locs)
	}
	for loc, want := range map[string]string{
		"https://news.example.org/zh/news/expo/": "2024-05-17T10:00:00+08:00",
		"https://news.example.org/ru/news/expo/": "2024-05-17T10:00:00+08:00",
		"https://news.example.org/ru/news/":      "2024-05-18T00:00:00+08:00", // newest release listed
		"https://news.example.org/ru/tags/":      "2024-05-18T00:00:00+08:00",
		"https://news.example.org/zh/tags/":      "2024-05-17T10:00:00+08:00",
		"https://news.example.org/":              "2024-05-18T00:00:00+08:00",
		"https://news.example.org/en/events/":    "", // nothing listed
	} {
		if got, ok := lastmod[loc]; !ok || got != want {
			t.Errorf("lastmod of %s = %q, want %q", loc, got, want)
		}
	}
}

// Every alternate of a page lists the page back, with the same hreflang
// for the same URL, and x-default is the default-language version when it
// is listed.
func TestAlternatesAreReciprocal(t *testing.T) {
	for _, name := range []string{"test site", "sample site"} {
		t.Run(name, func(t *testing.T) {
			var s *site.Site
			if name == "test site" {
				s = graph(t, testSite, false)
			} else {
				s = sampleSite(t)
			}
			u := read(t, files(t, s)["sitemap.xml"])
			alts := map[string]map[string]string{} // loc → href → hreflang
			for _, e := range u.URLs {
				alts[e.Loc] = map[string]string{}
				for _, l := range e.Links {
					if l.Rel != "alternate" {
						t.Errorf("%s: rel %q", e.Loc, l.Rel)
					}
					if l.Hreflang != "x-default" {
						alts[e.Loc][l.Href] = l.Hreflang
					}
				}
			}
			checked := 0
			for loc, m := range alts {
				if len(m) > 0 {
					if _, self := m[loc]; !self {
						t.Errorf("%s does not list itself among its alternates", loc)
					}
				}
				for href, lang := range m {
					back, listed := alts[href]
					switch {
					case !listed:
						t.Errorf("%s lists %s, which the sitemap does not", loc, href)
					case back[loc] != alts[loc][loc]:
						t.Errorf("%s lists %s (%s) but not the other way round", loc, href, lang)
					case back[href] != lang:
						t.Errorf("%s calls %s %q, which calls itself %q", loc, href, lang, back[href])
					}
					checked++
				}
			}
			if checked < 10 {
				t.Errorf("only %d alternates checked", checked)
			}
		})
	}
}

func TestAlternatesOfAPage(t *testing.T) {
	u := read(t, files(t, graph(t, testSite, false))["sitemap.xml"])
	got := map[string][]string{}
	for _, e := range u.URLs {
		for _, l := range e.Links {
			got[e.Loc] = append(got[e.Loc], l.Hreflang+" "+l.Href)
		}
	}
	const base = "https://news.example.org"
	for loc, want := range map[string][]string{
		// en is kept out with sitemap: false, so it is no alternate.
		base + "/zh/news/expo/": {"zh-Hans " + base + "/zh/news/expo/", "ru " + base + "/ru/news/expo/", "x-default " + base + "/zh/news/expo/"},
		// Without a default-language version, x-default is the root chooser.
		base + "/en/news/forum/": {"ru " + base + "/ru/news/%D1%84%D0%BE%D1%80%D1%83%D0%BC/", "en " + base + "/en/news/forum/", "x-default " + base + "/"},
		base + "/":               nil,
	} {
		if !slices.Equal(got[loc], want) {
			t.Errorf("alternates of %s:\n got %q\nwant %q", loc, got[loc], want)
		}
	}
}

func TestRobots(t *testing.T) {
	got := files(t, graph(t, testSite, false))["robots.txt"]
	want := "User-agent: *\nAllow: /\nSitemap: https://news.example.org/sitemap.xml\n"
	if got != want {
		t.Errorf("robots.txt:\n%s\nwant:\n%s", got, want)
	}
}

// TestSchema validates sitemaps against the sitemaps.org 0.9 schema with
// xmllint. The schema processes elements of other namespaces strictly, so
// testdata/sitemap-alternates.xsd imports it beside a schema for xhtml:link.
func TestSchema(t *testing.T) {
	xmllint := tool(t, "xmllint")
	dir := t.TempDir()
	for name, s := range map[string]*site.Site{"test.xml": graph(t, testSite, true), "sample.xml": sampleSite(t)} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files(t, s)["sitemap.xml"]), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "sitemap-alternates.xsd"), p).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate: %v\n%s", name, err, out)
		}
	}
	// The schema is strict enough to catch a broken sitemap.
	bad := filepath.Join(dir, "bad.xml")
	body := strings.Replace(files(t, graph(t, testSite, false))["sitemap.xml"], "<lastmod>2024-05-17T10:00:00+08:00", "<lastmod>17 May 2024", 1)
	body = strings.Replace(body, `hreflang="ru"`, `lang="ru"`, 1)
	if err := os.WriteFile(bad, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "sitemap-alternates.xsd"), bad).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "lastmod") || !strings.Contains(string(out), "hreflang") {
		t.Errorf("a bad sitemap validates: %v\n%s", err, out)
	}
}

// tool finds a command; without it the test is skipped, except in CI
// (CI=true), where it must be installed.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI (apt-get install -y libxml2-utils): %v", name, err)
		}
		t.Skipf("%s not installed (apt-get install -y libxml2-utils)", name)
	}
	return p
}

// sampleSite is the repository's own site.
func sampleSite(t *testing.T) *site.Site {
	t.Helper()
	root := filepath.Join("..", "..", "..")
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: data}
	return graphFS(t, fsys, false)
}

func TestGolden(t *testing.T) {
	got := files(t, graph(t, testSite, false))["sitemap.xml"]
	p := filepath.Join("testdata", "sitemap.xml")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("sitemap.xml differs from %s (if intended, rerun with -update):\n%s", p, got)
	}
}

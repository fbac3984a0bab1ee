package sitemap_test

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
)

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

// built builds a txtar site, drafts and all when drafts is set, and
// returns its output files.
func built(t *testing.T, archive string, drafts bool) map[string]string {
	t.Helper()
	return outputs(sitetest.New(t, archive).Build(build.Options{Now: now, Drafts: drafts}).OK())
}

// sample builds the repository's own site and returns its output files.
func sample(t *testing.T) map[string]string {
	t.Helper()
	return outputs(sitetest.Sample(t).Build(build.Options{Now: now}).OK())
}

func outputs(s *sitetest.Site) map[string]string {
	out := map[string]string{}
	for name, b := range s.Files {
		out[name] = string(b)
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
	u := read(t, built(t, testSite, true)["sitemap.xml"])
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
			var files map[string]string
			if name == "test site" {
				files = built(t, testSite, false)
			} else {
				files = sample(t)
			}
			u := read(t, files["sitemap.xml"])
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
	u := read(t, built(t, testSite, false)["sitemap.xml"])
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
	got := built(t, testSite, false)["robots.txt"]
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
	for name, files := range map[string]map[string]string{"test.xml": built(t, testSite, true), "sample.xml": sample(t)} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files["sitemap.xml"]), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "sitemap-alternates.xsd"), p).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate: %v\n%s", name, err, out)
		}
	}
	// The schema is strict enough to catch a broken sitemap.
	bad := filepath.Join(dir, "bad.xml")
	body := strings.Replace(built(t, testSite, false)["sitemap.xml"], "<lastmod>2024-05-17T10:00:00+08:00", "<lastmod>17 May 2024", 1)
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

func TestGolden(t *testing.T) {
	golden.Check(t, "sitemap.xml", []byte(built(t, testSite, false)["sitemap.xml"]))
}

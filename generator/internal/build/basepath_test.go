package build_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/eventnews/gen/generator/internal/browsertest"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// pressConfig publishes the site under a path of its host, as a GitHub
// Pages project site or a ministry's press office is.
const pressConfig = `-- site.yaml --
baseURL: https://example.org/press/
defaultLanguage: zh
timeZone: Asia/Shanghai
pageSize: 2
feeds: {fullContent: true}
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
`

// pressSite links in every way a site does: content files, site paths with
// and without a language, bundle files and a static image, from bodies and
// front matter; it has pagination, tags (keys, and terms of one language,
// whose pages keep their characters), events, aliases and a release with
// no translation (the switcher falls back).
const pressSite = `-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/_index.zh.md --
---
title: 首页
---
见[新闻](/news/)和![标志](/img/logo.svg)。
-- content/news/_index.zh.md --
---
title: 新闻
---
-- content/news/_index.ru.md --
---
title: Новости
---
-- content/news/_index.en.md --
---
title: News
---
-- content/about.zh.md --
---
title: 关于
date: 2024-01-01
---
[博览会](news/expo/index.md)
-- content/about.ru.md --
---
title: О нас
---
-- content/about.en.md --
---
title: About
---
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/expo/plan.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/news/expo/program.txt --
program
-- content/news/expo/index.zh.md --
---
title: 博览会开幕
date: 2024-05-17
tags: [expo, trade]
aliases: [/old/expo/, /zh/news/expo-2024/]
image: {src: hall.svg, alt: 展馆}
event:
  name: 中俄博览会
  start: 2024-07-10
  end: 2024-07-14
  city: 哈尔滨
  url: /zh/events/
source: {name: 新闻社, url: /zh/news/forum/}
---
第八届中俄博览会开幕。[论坛](../forum/index.md)、[关于](/about.md)、[论坛的路径](/news/forum/)、
[标签](/zh/tags/)、[已有前缀](/press/zh/news/talks/)、[日程](program.txt)、[外部](https://other.example.com/x)。

![平面图](plan.svg) ![标志](/img/logo.svg)

## 要点
-- content/news/expo/index.ru.md --
---
title: Выставка открылась
---
Открылась. [Форум](/zh/news/forum/), [план](plan.svg), [разделы](/news/#top).
-- content/news/expo/index.en.md --
---
title: Expo opens
---
Opened. See [the talks](../talks/index.en.md#points).
-- content/news/forum/index.zh.md --
---
title: 论坛
date: 2024-05-10
tags: [trade, 旅游]
---
只有中文。[返回](../expo/index.md#要点) ![标志](/press/img/logo.svg)
-- content/news/talks/index.zh.md --
---
title: 会谈
date: 2024-05-01
tags: [trade]
---
## 要点
-- content/news/talks/index.ru.md --
---
title: Переговоры
tags: [trade, Деловой туризм]
---
## Итоги {#points}
-- content/news/talks/index.en.md --
---
title: Talks
---
## Points {#points}
`

// A site under a base path: every URL it writes starts with the path,
// output files stay where they are, and a static host serving the output
// at the path answers every link, asset, feed, sitemap entry and alias.
func TestEveryURLUnderTheBasePath(t *testing.T) {
	s := sitetest.New(t, pressConfig+pressSite).Build(build.Options{}).OK()
	if base := s.Result.Config.BasePath(); base != "/press/" {
		t.Fatalf("BasePath() = %q", base)
	}
	s.Missing("press/index.html", "press/zh/index.html")
	s.Assert("zh/news/expo/index.html",
		`<link rel="stylesheet" href="/press/css/main.css">`,
		`<link rel="icon" href="/press/favicon.ico" sizes="32x32">`,
		`<link rel="icon" href="/press/favicon.svg" type="image/svg+xml">`,
		`<link rel="canonical" href="https://example.org/press/zh/news/expo/">`,
		`<link rel="alternate" hreflang="ru" href="https://example.org/press/ru/news/expo/">`,
		// An SVG lead image is not shared: the release's card is, under
		// the base path too.
		`<meta property="og:image" content="https://example.org/press/images/share/zh/news/expo.png">`,
		`<meta name="twitter:image" content="https://example.org/press/images/share/zh/news/expo.png">`,
		`<img src="/press/images/news/expo/hall.svg" alt="展馆" fetchpriority="high">`,
		`<a href="/press/zh/news/forum/">论坛</a>`,
		`<a href="/press/zh/about/">关于</a>`,
		`<a href="/press/zh/news/forum/">论坛的路径</a>`,
		`<a href="/press/zh/tags/">标签</a>`,
		`<a href="/press/zh/news/talks/">已有前缀</a>`,
		`<a href="program.txt">日程</a>`,
		`<img src="/press/images/news/expo/plan.svg" alt="平面图" loading="lazy" decoding="async">`,
		`<img src="/press/img/logo.svg" alt="标志">`,
		`<a href="/press/zh/events/">/zh/events/</a>`,
		`<a href="/press/zh/news/forum/">新闻社</a>`,
		`<a href="/press/zh/news/expo/event.ics"`,
		`<a href="/press/zh/tags/trade/">`,
		`"sameAs":"/press/zh/events/"`,
		`"url":"https://example.org/press/zh/"`,
	)
	// The forum has no Russian version: the page links the Chinese one.
	s.Assert("ru/news/expo/index.html", `href="/press/ru/news/#top"`, `<a href="/press/zh/news/forum/">Форум</a>`)
	// A link to a picture leads to its one copy, as its image does.
	s.Assert("ru/news/expo/index.html", `href="/press/ru/news/#top"`, `<a href="/press/images/news/expo/plan.svg">план</a>`)
	// A release only in zh: the switcher leads to the other languages' lists.
	s.Assert("zh/news/forum/index.html", `<img src="/press/img/logo.svg" alt="标志">`, `href="/press/ru/news/"`,
		`<a href="/press/zh/tags/%e6%97%85%e6%b8%b8/">旅游</a>`)
	// A term's page: its switcher leads to the other languages' tags.
	s.Assert("zh/tags/旅游/index.html", `href="/press/ru/tags/"`, `<link rel="canonical" href="https://example.org/press/zh/tags/%e6%97%85%e6%b8%b8/">`)
	s.Assert("ru/news/talks/index.html", `<a href="/press/ru/tags/%d0%b4%d0%b5%d0%bb%d0%be%d0%b2%d0%be%d0%b9-%d1%82%d1%83%d1%80%d0%b8%d0%b7%d0%bc/">Деловой туризм</a>`)
	s.Assert("zh/news/index.html", `<a rel="next" href="/press/zh/news/page/2/">`)
	s.Assert("index.html",
		`"url":"/press/zh/"`,
		`<a href="/press/ru/" hreflang="ru"`,
		`<link rel="canonical" href="https://example.org/press/">`,
	)
	s.Assert("404.html", `.slice("/press/".split("/").length - 1)`, `<a href="/press/en/">`)
	s.Assert("robots.txt", "Sitemap: https://example.org/press/sitemap.xml\n")
	s.Assert("sitemap.xml", "<loc>https://example.org/press/</loc>", "<loc>https://example.org/press/zh/news/expo/</loc>")
	s.Assert("zh/atom.xml", `<link rel="self" type="application/atom+xml" href="https://example.org/press/zh/atom.xml"/>`,
		`src="https://example.org/press/images/news/expo/plan.svg"`, `src="https://example.org/press/img/logo.svg"`)
	s.Assert("zh/events.ics", "URL:https://example.org/press/zh/news/expo/")
	s.Assert("old/expo/index.html", `url=https://example.org/press/zh/news/expo/`)

	noURLOutsideTheBase(t, s.Files, "https://example.org", "/press/")
	followEveryLink(t, s)

	// --baseURL on the command line gives the same site.
	root := strings.Replace(pressConfig, "https://example.org/press/", "https://example.org/", 1)
	o := sitetest.New(t, root+pressSite).Build(build.Options{BaseURL: "https://example.org/press"}).OK()
	for name, data := range s.Files {
		if !bytes.Equal(o.Files[name], data) {
			t.Errorf("with --baseURL, %s differs from the build with baseURL in site.yaml", name)
		}
	}
	if len(o.Files) != len(s.Files) {
		t.Errorf("with --baseURL, %d files; with site.yaml, %d", len(o.Files), len(s.Files))
	}
}

// quotedPath finds a URL path at the start of a quoted value (="/…" in an
// attribute, :"/…" in JSON, =&#34;/… in a feed's escaped HTML, ("/…" in
// script), and what follows its "/"; a lone "/" or "//host" is not one.
var quotedPath = regexp.MustCompile(`[=:,(\[]\s*(?:"|'|&#34;|&quot;)/([^/"'&][^"'&]*)`)

// noURLOutsideTheBase checks that no output file names a URL of the site
// that leaves the base path: every absolute URL on origin lies under base,
// and every quoted path starts with it.
func noURLOutsideTheBase(t *testing.T, files map[string][]byte, origin, base string) {
	t.Helper()
	for name, data := range files {
		switch path.Ext(name) {
		case ".html", ".xml", ".ics", ".txt":
		default:
			continue
		}
		text := string(data)
		for i := strings.Index(text, origin); i >= 0; i = strings.Index(text, origin) {
			text = text[i+len(origin):]
			if !strings.HasPrefix(text, base) {
				t.Errorf("%s: %s%.30s is not under %s", name, origin, text, base)
			}
		}
		for _, m := range quotedPath.FindAllStringSubmatch(string(data), -1) {
			if !strings.HasPrefix("/"+m[1], base) {
				t.Errorf("%s: %q is not under %s", name, m[0], base)
			}
		}
	}
}

// followEveryLink serves the output at /press/ on loopback, as a host
// does (it decodes the path and looks for the file), and follows every
// link, src, srcset, icon, stylesheet, feed link, sitemap entry and alias
// from the root, every page and the robots.txt sitemap: none may fail.
func followEveryLink(t *testing.T, s *sitetest.Site) {
	t.Helper()
	m := fstest.MapFS{}
	for name, data := range s.Files {
		m[name] = &fstest.MapFile{Data: data}
	}
	srv := httptest.NewServer(http.StripPrefix("/press/", http.FileServerFS(m)))
	defer srv.Close()
	public, _ := url.Parse("https://example.org/")
	local, _ := url.Parse(srv.URL + "/")

	from := map[string]string{} // URL to visit → the page that links it
	var queue []string
	add := func(u *url.URL, by string) {
		if u.Host == public.Host && u.Scheme == public.Scheme {
			u.Scheme, u.Host = local.Scheme, local.Host
		}
		if u.Host != local.Host || u.Scheme != local.Scheme {
			return // another site
		}
		u.Fragment, u.RawFragment = "", ""
		if _, seen := from[u.String()]; !seen {
			from[u.String()] = by
			queue = append(queue, u.String())
		}
	}
	start := []string{"/press/", "/press/robots.txt", "/press/sitemap.xml", "/press/404.html", "/press/old/expo/", "/press/zh/news/expo-2024/"}
	for _, p := range s.Result.Site.Pages {
		start = append(start, p.URL)
	}
	for _, p := range start {
		add(local.ResolveReference(&url.URL{Path: p}), "the start")
	}
	fetched := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fetched++
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s (linked from %s): %s", u, from[u], resp.Status)
			continue
		}
		at, _ := url.Parse(u)
		name := path.Base(at.Path)
		if strings.HasSuffix(at.Path, "/") {
			name = "index.html"
		}
		links := linkcheck.Links(name, body)
		if name == "robots.txt" {
			for _, line := range strings.Split(string(body), "\n") {
				if v, ok := strings.CutPrefix(line, "Sitemap: "); ok {
					links = append(links, v)
				}
			}
		}
		for _, l := range links {
			ref, err := url.Parse(strings.TrimSpace(l))
			if err != nil {
				t.Errorf("%s links %q: %v", u, l, err)
				continue
			}
			add(at.ResolveReference(ref), u)
		}
	}
	if want := len(s.Result.Site.Pages); fetched < want {
		t.Errorf("fetched %d URLs, fewer than the %d pages", fetched, want)
	}
	for _, asset := range []string{"/press/css/main.css", "/press/favicon.ico", "/press/img/logo.svg", "/press/zh/news/expo/program.txt", "/press/images/news/expo/plan.svg", "/press/zh/events.ics", "/press/zh/news/page/2/"} {
		if _, ok := from[local.ResolveReference(&url.URL{Path: asset}).String()]; !ok {
			t.Errorf("no page links %s", asset)
		}
	}
	var seen []string
	for u := range from {
		seen = append(seen, u)
	}
	slices.Sort(seen)
	t.Logf("followed %d URLs", len(seen))
}

// underPath serves h at prefix (which ends in "/") and answers 404 to
// anything outside it, as a host serving a project site does.
func underPath(prefix string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			http.NotFound(w, r)
			return
		}
		http.StripPrefix(strings.TrimSuffix(prefix, "/"), h).ServeHTTP(w, r)
	})
}

// In a browser, the root of a site under /press/ leads to a language home
// that has its stylesheet, and the root 404 page reads the language from
// the path after /press/.
func TestBasePathInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	s := sitetest.New(t, pressConfig+pressSite).Build(build.Options{}).OK()
	srv := httptest.NewServer(underPath("/press/", staticHost(s.Files)))
	defer srv.Close()
	bctx := browsertest.Start(t)

	ctx := reader(t, bctx, "ru-RU")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/press/")); err != nil {
		t.Fatal(err)
	}
	if got := waitFor(t, ctx, `location.pathname !== "/press/"`); got != "/press/ru/" {
		t.Fatalf("/press/ led a Russian reader to %s, want /press/ru/", got)
	}
	styled := `[getComputedStyle(document.body).marginTop, getComputedStyle(document.querySelector(".site-header")).borderBottomStyle, document.styleSheets.length && document.styleSheets[0].cssRules.length > 0 ? "rules" : "no rules"]`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](styled))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"0px", "solid", "rules"}; !slices.Equal(got, want) {
		t.Errorf("the home at /press/ru/ is not styled by main.css: body margin, header border, rules = %q, want %q", got, want)
	}

	if got := landsOn(t, ctx, srv.URL+"/press/en/news/no-such-release/"); got != "/press/en/news/no-such-release/" {
		t.Fatalf("the 404 page moved to %s", got)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[document.documentElement.lang, getComputedStyle(document.body).marginTop].concat(Array.from(document.querySelectorAll("[data-not-found]:not([hidden]) h1"), h => h.textContent))`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"en", "0px", "Page not found"}; !slices.Equal(shown, want) {
		t.Errorf("at /press/en/news/no-such-release/ the 404 page shows %q, want %q", shown, want)
	}
}

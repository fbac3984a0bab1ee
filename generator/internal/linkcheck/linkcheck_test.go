package linkcheck

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/speak"
)

// tiny is a small output tree with one good and one bad link of each kind.
var tiny = map[string][]byte{
	"index.html": []byte(`<!doctype html>
<a href="/ru/">ru</a>
<a href="/ru/news/x/#facts">good fragment</a>
<a href="/ru/news/x/#nowhere">bad fragment</a>
<a href="/ru/news/gone/">bad page</a>
<a href="https://other.example.com/missing/">external</a>
<a href="mailto:press@example.org">mail</a>
<link rel="canonical" href="https://news.example.org/">
<link rel="alternate" hreflang="en" href="https://news.example.org/en/">
`),
	"ru/index.html": []byte(`<h1 id="top">x</h1><a href="news/x/">relative</a><a href="#main">self fragment</a>
<main id="main"><img src="/img/logo.svg" alt=""><img srcset="/img/logo.svg 1x, /img/logo2x.svg 2x" alt=""></main>`),
	"ru/news/x/index.html": []byte(`<h2 id="facts">Facts</h2>
<h2 id="программа">Программа</h2>
<a href="../y/">sibling</a><a href="../y">sibling without slash</a>
<a href="#%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0">encoded</a>
<a href="#программа">raw</a>
<a href="../../../css/main.css?v=1">style</a>
<a href="#">top</a> <a href="#top">top</a> <a href="">self</a>
<meta property="og:image" content="https://news.example.org/ru/news/x/photo.jpg">`),
	"ru/news/y/index.html": []byte(`<a name="anchor"></a><a href="/ru/news/y/#anchor">named anchor</a>`),
	"css/main.css":         nil,
	"img/logo.svg":         nil,
}

func TestCheckFindsBrokenLinksAndFragments(t *testing.T) {
	got := Check(tiny, Options{BaseURL: "https://news.example.org/"})
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		`index.html:4:1: link /ru/news/x/#nowhere leads nowhere: ru/news/x/index.html has no element with id "nowhere"`,
		`index.html:5:1: link /ru/news/gone/ leads nowhere: the build wrote no ru/news/gone/index.html`,
		`index.html:9:1: link https://news.example.org/en/ leads nowhere: the build wrote no en/index.html`,
		`ru/index.html:2:49: link /img/logo2x.svg leads nowhere: the build wrote no img/logo2x.svg`,
		`ru/news/x/index.html:8:1: link https://news.example.org/ru/news/x/photo.jpg leads nowhere: the build wrote no ru/news/x/photo.jpg`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestWithoutBaseURLAbsoluteLinksAreExternal(t *testing.T) {
	for _, p := range Check(tiny, Options{}) {
		if strings.Contains(p.URL, "news.example.org") {
			t.Errorf("absolute URL checked without a base URL: %s", p)
		}
	}
}

func TestBaseURLWithPath(t *testing.T) {
	files := map[string][]byte{
		"ru/index.html": []byte(`<link rel="canonical" href="https://example.org/events/ru/"><a href="https://example.org/elsewhere/">out of the site</a>`),
	}
	if got := Check(files, Options{BaseURL: "https://example.org/events/"}); len(got) != 0 {
		t.Errorf("unexpected problems: %v", got)
	}
	files["ru/index.html"] = []byte(`<link rel="canonical" href="https://example.org/events/en/">`)
	if got := Check(files, Options{BaseURL: "https://example.org/events/"}); len(got) != 1 {
		t.Errorf("want one problem for the missing en page, got %v", got)
	}
}

// Under a base path the output root is served at it: root-relative links
// need the base path, and one without it leads outside the site.
func TestRootRelativeLinksUnderABasePath(t *testing.T) {
	files := map[string][]byte{
		"index.html": []byte(`<a href="/press/ru/">ru</a>
<a href="/press">the base without its slash</a>
<link rel="stylesheet" href="/press/css/main.css">
<a href="/ru/">without the base path</a>
<link rel="stylesheet" href="/css/main.css">
<a href="ru/news/x/#facts">relative</a>
<a href="https://example.org/press/ru/news/x/">absolute</a>
<a href="https://example.org/ministry/">another part of the host</a>`),
		"ru/index.html":        []byte(`<a href="../">up</a><a href="../../">above the base</a><a href="/press/ru/news/gone/">gone</a>`),
		"ru/news/x/index.html": []byte(`<h2 id="facts">Facts</h2><a href="../../../css/main.css">style</a>`),
		"css/main.css":         nil,
	}
	var got []string
	for _, p := range Check(files, Options{BaseURL: "https://example.org/press/"}) {
		got = append(got, p.String())
	}
	want := []string{
		`index.html:4:1: link /ru/ leads outside the site, which baseURL puts under /press/`,
		`index.html:5:1: link /css/main.css leads outside the site, which baseURL puts under /press/`,
		`ru/index.html:1:21: link ../../ leads outside the site, which baseURL puts under /press/`,
		`ru/index.html:1:56: link /press/ru/news/gone/ leads nowhere: the build wrote no ru/news/gone/index.html`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLinks(t *testing.T) {
	got := Links("ru/index.html", tiny["ru/index.html"])
	want := []string{"news/x/", "#main", "/img/logo.svg", "/img/logo.svg", "/img/logo2x.svg"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Links = %q, want %q", got, want)
	}
	if got := Links("ru/x.ics", []byte("BEGIN:VEVENT\r\nURL:https://a.example/x\r\nEND:VEVENT\r\n")); len(got) != 1 || got[0] != "https://a.example/x" {
		t.Errorf("Links of a calendar = %q", got)
	}
	if got := Links("css/main.css", []byte("a{background:url(/x.png)}")); len(got) != 0 {
		t.Errorf("Links of a stylesheet = %q, want none", got)
	}
}

func TestCheckFS(t *testing.T) {
	m := fstest.MapFS{}
	for name, data := range tiny {
		m[name] = &fstest.MapFile{Data: data}
	}
	got, err := CheckFS(m, Options{BaseURL: "https://news.example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	if want := Check(tiny, Options{BaseURL: "https://news.example.org/"}); len(got) != len(want) {
		t.Errorf("CheckFS found %d problems, Check %d", len(got), len(want))
	}
}

// Feeds, sitemaps and calendars are checked too, and every path is
// decoded before it is looked up, as a host decodes it.
func TestFeedsSitemapsCalendarsAndEscapes(t *testing.T) {
	files := map[string][]byte{
		"zh/news/q?x/index.html": []byte(`<a href="/zh/news/q%3Fx/">escaped</a>
<a href="/zh/news/q?x/">a query</a>`),
		"sitemap.xml": []byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://news.example.org/zh/news/q%3Fx/</loc>
    <xhtml:link rel="alternate" hreflang="ru" href="https://news.example.org/ru/news/q%3Fx/"/>
  </url>
</urlset>
`),
		"zh/index.xml": []byte(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <link>https://news.example.org/zh/</link>
  <atom:link href="https://news.example.org/zh/index.xml" rel="self" type="application/rss+xml"/>
  <item>
    <link>https://news.example.org/zh/news/q?x/</link>
    <guid isPermaLink="true">https://news.example.org/zh/news/q%3Fx/</guid>
    <guid isPermaLink="false">not-a-url</guid>
  </item>
</channel>
</rss>
`),
		"zh/events.ics": []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nURL:https://news.example.org/zh/news/q%3F\r\n x/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nURL:https://news.example.org/zh/news/gone/\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
	}
	var got []string
	for _, p := range Check(files, Options{BaseURL: "https://news.example.org/"}) {
		got = append(got, p.String())
	}
	want := []string{
		`sitemap.xml:5:5: link https://news.example.org/ru/news/q%3Fx/ leads nowhere: the build wrote no ru/news/q?x/index.html`,
		`zh/events.ics:7:1: link https://news.example.org/zh/news/gone/ leads nowhere: the build wrote no zh/news/gone/index.html`,
		`zh/index.xml:4:3: link https://news.example.org/zh/ leads nowhere: the build wrote no zh/index.html`,
		`zh/index.xml:7:5: link https://news.example.org/zh/news/q?x/ leads nowhere: the build wrote no zh/news/q ("?" starts a query: a name with "?" is written "%3F" in a link)`,
		`zh/news/q?x/index.html:2:1: link /zh/news/q?x/ leads nowhere: the build wrote no zh/news/q ("?" starts a query: a name with "?" is written "%3F" in a link)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every problem is said in the reader's language too.
func TestProblemsSaidInRussianAndChinese(t *testing.T) {
	files := map[string][]byte{
		"index.html": []byte(`<a href="/press/x/#nowhere">a</a>
<a href="/press/gone/">b</a>
<a href="/press/q?x/">c</a>
<a href="/elsewhere/">d</a>
<a href="/press/%zz/">e</a>`),
		"x/index.html": nil,
	}
	want := map[string][]string{
		"ru": {
			`index.html:1:1: ссылка /press/x/#nowhere никуда не ведёт: в x/index.html нет элемента с id "nowhere"`,
			`index.html:2:1: ссылка /press/gone/ никуда не ведёт: при сборке не записан файл gone/index.html`,
			`index.html:3:1: ссылка /press/q?x/ никуда не ведёт: при сборке не записан файл q («?» начинает запрос: в ссылке имя с «?» пишется «%3F»)`,
			`index.html:4:1: ссылка /elsewhere/ ведёт за пределы сайта, который baseURL помещает в /press/`,
			`index.html:5:1: ссылку "/press/%zz/" не удаётся прочитать: invalid URL escape "%zz"`,
		},
		"zh": {
			`index.html:1:1: 链接 /press/x/#nowhere 打不开：x/index.html 中没有 id 为 "nowhere" 的元素`,
			`index.html:2:1: 链接 /press/gone/ 打不开：生成时没有写出 gone/index.html`,
			`index.html:3:1: 链接 /press/q?x/ 打不开：生成时没有写出 q（“?”表示查询的开始：链接中名称里的“?”要写成“%3F”）`,
			`index.html:4:1: 链接 /elsewhere/ 指向网站之外，baseURL 把网站放在 /press/ 下`,
			`index.html:5:1: 无法读取链接 "/press/%zz/"：invalid URL escape "%zz"`,
		},
	}
	problems := Check(files, Options{BaseURL: "https://example.org/press/"})
	for lang, lines := range want {
		var got []string
		for _, p := range problems {
			got = append(got, speak.New(lang).Line(p.Diagnostic()))
		}
		if strings.Join(got, "\n") != strings.Join(lines, "\n") {
			t.Errorf("in %s:\n%s\nwant:\n%s", lang, strings.Join(got, "\n"), strings.Join(lines, "\n"))
		}
	}
}

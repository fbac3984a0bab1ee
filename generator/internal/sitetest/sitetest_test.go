package sitetest_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
	"github.com/eventnews/gen/themes"
)

// recorder is a testing.TB that keeps the failures it is told.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

// failures runs f with a recorder and returns what it failed with.
func failures(t *testing.T, f func(tb testing.TB)) []string {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.failures
}

const bundle = sitetest.Config + `-- content/news/expo/index.zh.md --
---
title: 博览会
date: 2024-05-17
---
![展馆](hall.svg)
-- content/news/expo/hall.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
`

func TestBuildGivesEveryOutputFile(t *testing.T) {
	s := sitetest.New(t, bundle).Build(build.Options{}).OK()
	if got := s.File("images/news/expo/hall.svg"); got != "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n" {
		t.Errorf("a bundle file reads %q", got)
	}
	css, err := fs.ReadFile(themes.Default(), "static/css/main.css")
	if err != nil {
		t.Fatal(err)
	}
	if s.File("css/main.css") != string(css) {
		t.Error("the default theme's stylesheet is not the binary's")
	}
	if _, ok := s.FS["themes/default/static/css/main.css"]; ok {
		t.Error("the kit copied the default theme into the site")
	}
	s.Assert("zh/news/expo/index.html", "<h1>博览会</h1>", `src="/images/news/expo/hall.svg"`, "! 草稿")
	s.Missing("ru/news/expo/index.html")
	if s.Result.Site == nil || s.Result.Config.DefaultLanguage != "zh" || !sitetest.Now.Equal(s.Result.Site.Now) {
		t.Errorf("the result lacks the graph, the configuration or the clock")
	}
}

func TestAssertionsFail(t *testing.T) {
	built := func(tb testing.TB) *sitetest.Site { return sitetest.New(tb, bundle).Build(build.Options{}).OK() }
	for _, tc := range []struct {
		name string
		f    func(tb testing.TB)
		want string
	}{
		{"a want that is not there", func(tb testing.TB) { built(tb).Assert("zh/index.html", "no such text") }, `zh/index.html lacks "no such text"`},
		{"a want that must not be there", func(tb testing.TB) { built(tb).Assert("zh/index.html", "! 博览会") }, `zh/index.html contains "博览会" but must not`},
		{"a file that is not there", func(tb testing.TB) { built(tb).File("zh/none.html") }, "no output file zh/none.html; have 404.html "},
		{"a file that must not be there", func(tb testing.TB) { built(tb).Missing("zh/index.html") }, "output has zh/index.html but must not"},
		{"a failed build", func(tb testing.TB) {
			sitetest.New(tb, sitetest.Config+"-- content/a.md --\n---\ndate: 2024-05-01\n---\n").Build(build.Options{}).OK()
		}, "build failed:\ncontent/a.md:1:1: title is required"},
		{"a name written twice", func(tb testing.TB) { sitetest.FS(tb, "-- a --\n-- a --\n") }, "the archive has a twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if f := failures(t, tc.f); len(f) != 1 || !strings.HasPrefix(f[0], tc.want) {
				t.Errorf("failures %q, want one starting %q", f, tc.want)
			}
		})
	}
}

func TestOnDiskWritesTheSite(t *testing.T) {
	s := sitetest.New(t, bundle)
	for _, dir := range []string{s.OnDisk(), s.OnDiskReversed()} {
		for name, f := range s.FS {
			if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || string(b) != string(f.Data) {
				t.Errorf("%s in %s: %q, %v", name, dir, b, err)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "themes")); !os.IsNotExist(err) {
			t.Errorf("%s has a themes folder: %v", dir, err)
		}
	}
}

func TestSampleIsTheRepositorysSite(t *testing.T) {
	s := sitetest.Sample(t)
	for _, name := range []string{"site.yaml", "content/_index.zh.md", "i18n/ru.yaml", "themes/default/layouts/_default/baseof.html"} {
		if _, ok := s.FS[name]; !ok {
			t.Errorf("the sample lacks %s", name)
		}
	}
	if _, ok := s.FS["themes/embed.go"]; ok {
		t.Error("the sample holds the theme package's Go file")
	}
	s.Build(build.Options{}).OK().Assert("zh/index.html", "中俄活动新闻")
}

// Check compares, fails with the lines that differ, and with -update
// writes the file.
func TestGoldenCheck(t *testing.T) {
	t.Chdir(t.TempDir())
	was := flag.Lookup("update").Value.String()
	t.Cleanup(func() { setUpdate(t, was) })
	setUpdate(t, "false")
	check := func(got string) []string {
		return failures(t, func(tb testing.TB) { golden.Check(tb, "ru/index.xml", []byte(got)) })
	}
	if f := check("<rss/>\n"); len(f) != 1 || !strings.Contains(f[0], "go test -update writes it") {
		t.Fatalf("a missing golden file: %q", f)
	}
	setUpdate(t, "true")
	f := check("<rss/>\n")
	setUpdate(t, "false")
	if len(f) != 0 {
		t.Fatalf("-update failed: %q", f)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "golden", "ru", "index.xml")); err != nil || string(b) != "<rss/>\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	if f := check("<rss/>\n"); len(f) != 0 {
		t.Errorf("the same output fails: %q", f)
	}
	f = check("<rss></rss>\n")
	if len(f) != 1 || !strings.Contains(f[0], "ru/index.xml differs from testdata/golden/ru/index.xml") ||
		!strings.Contains(f[0], "-    1  <rss/>\n+    1  <rss></rss>\n") {
		t.Errorf("a changed output: %q", f)
	}
}

func setUpdate(t *testing.T, v string) {
	t.Helper()
	if err := flag.Set("update", v); err != nil {
		t.Fatal(err)
	}
}

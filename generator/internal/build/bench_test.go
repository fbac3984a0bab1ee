package build_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/images"
)

// benchNow publishes every release benchsite writes.
var benchNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

// writeBenchSite writes a benchsite of n releases with this repository's
// theme and i18n.
func writeBenchSite(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if err := benchsite.Write(dir, n, 1); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchmarkBuild measures a full build of n releases × 3 languages from disk
// to disk, as gen build runs it with a warm picture cache: the share cards
// are drawn by a first build before the clock starts, as gen build finds
// them in its cache folder (drawing them again would be most of each
// run).
func benchmarkBuild(b *testing.B, n int, toDisk bool) {
	dir := writeBenchSite(b, n)
	opts := build.Options{Source: dir, Now: benchNow, Images: images.NewCache(filepath.Join(b.TempDir(), "images"))}
	if toDisk {
		opts.Destination = filepath.Join(b.TempDir(), "public")
	}
	if _, err := build.Run(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		res, err := build.Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		pages = 0
		for _, f := range res.Files {
			if strings.HasSuffix(f.Path, ".html") {
				pages++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
}

func BenchmarkBuild100(b *testing.B)   { benchmarkBuild(b, 100, true) }
func BenchmarkBuild1000(b *testing.B)  { benchmarkBuild(b, 1000, true) }
func BenchmarkBuild10000(b *testing.B) { benchmarkBuild(b, 10000, true) }

// BenchmarkRender1000 leaves out publishing: the pipeline up to files in
// memory.
func BenchmarkRender1000(b *testing.B) { benchmarkBuild(b, 1000, false) }

// TestBenchmarkSiteBuilds builds a small benchsite so that the benchmarks
// cannot rot: the generated content must build without errors and produce
// the page set that Hugo's peer configuration produces for it.
func TestBenchmarkSiteBuilds(t *testing.T) {
	const n = 25
	dir := writeBenchSite(t, n)
	res, err := build.Run(context.Background(), build.Options{Source: dir, Now: benchNow})
	if err != nil {
		t.Fatalf("the generated site does not build:\n%v", err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Bytes)
	}

	perLang := map[string]int{}
	var want []string
	releases := benchsite.Releases(n, 1)
	missing := 0
	for slug, langs := range releases {
		if len(langs) < 3 {
			missing++
		}
		for _, l := range langs {
			perLang[l]++
			want = append(want, l+"/news/"+slug+"/index.html")
		}
		for _, l := range []string{"zh", "ru", "en"} {
			p := l + "/news/" + slug + "/index.html"
			_, ok := files[p]
			if ok != slices.Contains(langs, l) {
				t.Errorf("%s: built %v, but the release is written in %v", p, ok, langs)
			}
		}
	}
	if missing == 0 {
		t.Errorf("no release of %d lacks a translation; want about one in ten", n)
	}
	for _, l := range []string{"zh", "ru", "en"} {
		want = append(want, l+"/index.html", l+"/news/index.html", l+"/tags/index.html")
		for p := 2; p <= (perLang[l]+9)/10; p++ {
			want = append(want, fmt.Sprintf("%s/news/page/%d/index.html", l, p))
		}
	}
	for _, p := range want {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}

	// A release page shows its Markdown: headings, lists, and tag links.
	for slug, langs := range releases {
		page := files[langs[0]+"/news/"+slug+"/index.html"]
		for _, s := range []string{"<h2 id=", "<li>", "/tags/"} {
			if !strings.Contains(page, s) {
				t.Errorf("%s/news/%s: no %q in\n%s", langs[0], slug, s, page)
			}
		}
		break
	}
	// Every tag page links back to releases, every tag used has a page.
	for p, body := range files {
		if strings.Contains(p, "/tags/") && strings.Count(p, "/") == 3 && p != "zh/tags/index.html" && p != "ru/tags/index.html" && p != "en/tags/index.html" {
			if !strings.Contains(body, "/news/") {
				t.Errorf("%s lists no release", p)
			}
		}
	}
}

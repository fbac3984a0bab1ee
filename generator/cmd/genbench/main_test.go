package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/cli"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// The test binary doubles as gen: with GENBENCH_TEST_GEN=1 it runs gen's
// command line, so the serve measurement can start "gen serve" without a
// separate build.
func TestMain(m *testing.M) {
	if os.Getenv("GENBENCH_TEST_GEN") == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	if os.Getenv("GENBENCH_TEST_SELF") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestServeMeasurementSeesEachEdit runs the gen serve measurement on a
// small site: every edit is answered by a reload event naming the page, and
// the edited release is restored afterwards.
func TestServeMeasurementSeesEachEdit(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := benchsite.Write(site, 15, 1); err != nil {
		t.Fatal(err)
	}
	file, page, err := pickRelease(site)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(file)
	t.Setenv("GENBENCH_TEST_GEN", "1")
	var log bytes.Buffer
	lat, note := measureServe(os.Args[0], site, 3, 100*time.Millisecond, &log)
	os.Unsetenv("GENBENCH_TEST_GEN")
	if len(lat) != 3 {
		t.Fatalf("%d latencies for 3 edits of %s: %s\n%s", len(lat), page, note, log.String())
	}
	for _, d := range lat {
		if d <= 0 {
			t.Errorf("latency %v", d)
		}
	}
	if !strings.Contains(note, "median") {
		t.Errorf("note: %q", note)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Errorf("%s was not restored", file)
	}
}

func TestComparePagesReportsEveryDifference(t *testing.T) {
	gen := []string{
		"index.html", "zh/index.html", "zh/news/index.html", "zh/news/page/2/index.html",
		"zh/news/a/index.html", "zh/news/b/index.html", "zh/tags/index.html", "zh/tags/trade/index.html",
		"zh/events/index.html", "zh/404.html",
	}
	hugo := []string{
		"index.html", "zh/index.html", "zh/news/index.html", "zh/news/page/1/index.html", "zh/news/page/2/index.html",
		"zh/news/a/index.html", "zh/news/c/index.html", "zh/tags/index.html", "zh/tags/trade/index.html",
		"zh/tags/trade/page/1/index.html", "zh/page/2/index.html",
	}
	d := comparePages(gen, hugo)
	if d.same() || strings.Join(d.OnlyA, " ") != "zh/news/b/index.html" || strings.Join(d.OnlyB, " ") != "zh/news/c/index.html" {
		t.Errorf("only gen %v, only hugo %v", d.OnlyA, d.OnlyB)
	}
	if d.Both != 6 {
		t.Errorf("%d in both, want 6", d.Both)
	}
	var b bytes.Buffer
	d.print(&b, "gen", "hugo")
	for _, want := range []string{
		"DIFFER", "only in gen: 1", "zh/news/b/index.html", "only in hugo: 1", "zh/news/c/index.html",
		"hugo makes: redirects from page/1/ to the first list page (Hugo aliases): 2",
		"hugo makes: home pagination", "gen makes: events pages: 1", "gen makes: not-found pages: 1",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	if !comparePages(gen[:3], gen[:3]).same() {
		t.Error("equal sets reported as different")
	}
}

func TestFloorWritesOnePagePerRelease(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	if err := benchsite.Write(site, 20, 1); err != nil {
		t.Fatal(err)
	}
	n, err := floor(site, out)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for slug, langs := range benchsite.Releases(20, 1) {
		for _, l := range langs {
			want++
			data, err := os.ReadFile(filepath.Join(out, l, "news", slug, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte("<h2>")) || bytes.Contains(data, []byte("title:")) {
				t.Errorf("%s/%s: front matter left in or no Markdown converted:\n%s", l, slug, data)
			}
		}
	}
	if n != want {
		t.Errorf("floor converted %d files, want %d", n, want)
	}
}

// TestSamePagesAsHugo builds one small generated site with gen and with
// Hugo's peer configuration and compares the page paths. It needs hugo
// (apt-get install -y hugo) and ../shared/bench/hugo-peer; without them it
// is skipped: the comparison at 10,000 releases runs on demand with
// genbench compare.
func TestSamePagesAsHugo(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	peer := filepath.Join(sitetest.Root(t), "..", "shared", "bench", "hugo-peer")
	if _, serr := os.Stat(filepath.Join(peer, "hugo.yaml")); err != nil || serr != nil {
		t.Skip("needs hugo and ../shared/bench/hugo-peer")
	}
	dir := t.TempDir()
	site, hugoSite := filepath.Join(dir, "site"), filepath.Join(dir, "hugo-site")
	if err := benchsite.Write(site, 45, 1); err != nil {
		t.Fatal(err)
	}
	if err := hugoTree(site, peer, hugoSite); err != nil {
		t.Fatal(err)
	}
	genOut, hugoOut := filepath.Join(dir, "out-gen"), filepath.Join(dir, "out-hugo")
	now, _ := time.Parse(time.DateOnly, benchsite.Now)
	if _, err := build.Run(context.Background(), build.Options{Source: site, Destination: genOut, Now: now}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hugo, "--quiet", "--source", hugoSite, "--destination", hugoOut, "--cacheDir", filepath.Join(dir, "cache"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	a, err := htmlPaths(genOut)
	if err != nil {
		t.Fatal(err)
	}
	b, err := htmlPaths(hugoOut)
	if err != nil {
		t.Fatal(err)
	}
	d := comparePages(a, b)
	var report bytes.Buffer
	d.print(&report, "gen", "hugo")
	if !d.same() || d.Both < 3*45 {
		t.Errorf("page sets differ:\n%s", report.String())
	}
	t.Log(report.String())
}

// TestMeasureCountsTheChildOnly: the peak RSS reported for a small command
// stays small even when the process that runs compare holds a lot of memory
// (Linux starts a child's peak from its parent's when the parent starts it
// directly).
func TestMeasureCountsTheChildOnly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is measured on Linux")
	}
	big := make([]byte, 300<<20)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	t.Setenv("GENBENCH_TEST_SELF", "1")
	tiny, err := exec.LookPath("true")
	if err != nil {
		t.Skip("needs true(1)")
	}
	small := &contender{name: "true", base: filepath.Join(t.TempDir(), "out"), command: func() *exec.Cmd {
		return exec.Command(tiny)
	}}
	s, err := measure(os.Args[0], small)
	if err != nil {
		t.Fatal(err)
	}
	if s.rss <= 0 || s.rss > 150<<20 || s.wall <= 0 {
		t.Errorf("measured %v and %d MiB for true(1) (this process holds %d MiB)", s.wall, s.rss>>20, len(big)>>20)
	}
	runtime.KeepAlive(big)
}

// genbench photos builds its photos with gen cold, then warm, and with
// Hugo when it is there; both sites show every photo at the same widths.
func TestPhotosBenchmarkOnTwoSmallPhotos(t *testing.T) {
	work := t.TempDir()
	t.Setenv("GENBENCH_TEST_GEN", "1")
	args := []string{"-n", "2", "-width", "900", "-height", "600", "-work", work, "-gen", os.Args[0]}
	hugo, err := exec.LookPath("hugo")
	if err == nil {
		args = append(args, "-hugo", hugo)
	}
	var out, errs bytes.Buffer
	if code := runPhotos(args, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, want := range []string{"| gen | cold |", "| gen | warm |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no row %q:\n%s", want, out.String())
		}
	}
	for _, f := range []string{"photo-01-480.webp", "photo-01-800.jpg", "photo-02-800.webp"} {
		if _, err := os.Stat(filepath.Join(work, "gen-out", "images", "news", "photos", f)); err != nil {
			t.Error(err)
		}
	}
	if hugo != "" {
		made, _ := filepath.Glob(filepath.Join(work, "hugo-out", "news", "photos", "*_480x0_*.webp"))
		if len(made) != 2 {
			t.Errorf("Hugo made %d 480-wide WebP files, want 2", len(made))
		}
	}
}

package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"errors"
	"github.com/eventnews/gen/generator/internal/publish"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

func sum(s string) []byte {
	h := md5.Sum([]byte(s))
	return h[:]
}

func file(p, body string) File { return File{Path: p, Size: int64(len(body)), MD5: sum(body)} }

func TestCompare(t *testing.T) {
	files := []File{
		file("a.css", "a"),
		file("b.html", "b"),      // changed bytes, same size
		file("c.html", "cc"),     // changed size
		file("d.html", "d"),      // the target cannot tell its MD5
		file("e.html", "e"),      // unchanged
		file("zh/new.html", "n"), // new
	}
	objs := []Object{
		{Key: "a.css", Size: 1, MD5: sum("a")},
		{Key: "b.html", Size: 1, MD5: sum("x")},
		{Key: "c.html", Size: 1, MD5: sum("c")},
		{Key: "d.html", Size: 1},
		{Key: "e.html", Size: 1, MD5: sum("e")},
		{Key: "old/index.html", Size: 3, MD5: sum("old")},
		{Key: "zz.txt", Size: 1, MD5: sum("z")},
	}
	p := Compare(files, objs, false, false)
	var list bytes.Buffer
	p.WriteList(&list)
	wantList := "upload changed b.html\n" +
		"upload changed c.html\n" +
		"upload changed d.html\n" +
		"upload new     zh/new.html\n" +
		"delete         old/index.html\n" +
		"delete         zz.txt\n"
	if list.String() != wantList {
		t.Errorf("list:\n%s\nwant:\n%s", list.String(), wantList)
	}
	if got, want := p.Summary(), "4 to upload (1 new, 3 changed), 2 to delete, 2 unchanged"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}

	p = Compare(files, objs, true, true)
	list.Reset()
	p.WriteList(&list)
	wantList = "upload forced  a.css\n" +
		"upload changed b.html\n" +
		"upload changed c.html\n" +
		"upload changed d.html\n" +
		"upload forced  e.html\n" +
		"upload new     zh/new.html\n" +
		"keep           old/index.html\n" +
		"keep           zz.txt\n"
	if list.String() != wantList {
		t.Errorf("--force --no-delete list:\n%s\nwant:\n%s", list.String(), wantList)
	}
	if got, want := p.Summary(), "6 to upload (1 new, 3 changed, 2 forced), 0 to delete, 0 unchanged, 2 kept that the site no longer has (--no-delete)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}

	// An empty target: everything is new; an empty site: everything goes.
	if p := Compare(files, nil, false, false); len(p.Uploads) != len(files) || p.count(New) != len(files) {
		t.Errorf("to an empty target: %s", p.Summary())
	}
	if p := Compare(nil, objs, false, false); len(p.Deletes) != len(objs) || len(p.Uploads) != 0 {
		t.Errorf("from an empty site: %s", p.Summary())
	}
}

func TestContentType(t *testing.T) {
	for p, want := range map[string]string{
		"zh/index.html":      "text/html; charset=utf-8",
		"css/main.css":       "text/css; charset=utf-8",
		"js/app.js":          "text/javascript; charset=utf-8",
		"search/index.json":  "application/json; charset=utf-8",
		"zh/index.xml":       "application/xml; charset=utf-8",
		"sitemap.xml":        "application/xml; charset=utf-8",
		"robots.txt":         "text/plain; charset=utf-8",
		"zh/events.ics":      "text/calendar; charset=utf-8",
		"x/chart.svg":        "image/svg+xml; charset=utf-8",
		"x/PHOTO.JPG":        "image/jpeg",
		"x/a.png":            "image/png",
		"fonts/a.woff2":      "font/woff2",
		"x/report.pdf":       "application/pdf",
		"favicon.ico":        "image/x-icon",
		"CNAME":              "text/plain; charset=utf-8", // sniffed
		"x/blob.unknownkind": "application/octet-stream",  // sniffed
	} {
		head := []byte("events.example.org\n")
		if strings.HasSuffix(p, ".unknownkind") {
			head = []byte{0, 1, 2, 3}
		}
		if got := contentType(p, head); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}

func TestCacheControl(t *testing.T) {
	rules := []config.CacheRule{
		{Pattern: "*.ics", Value: "public, max-age=600"},
		{Pattern: "zh/news/*/index.html", Value: ""},
		{Pattern: "*.html", Value: "public, max-age=60"},
	}
	for p, want := range map[string]string{
		"zh/index.html":              "no-cache",
		"zh/index.xml":               "no-cache",
		"sitemap.xml":                "no-cache",
		"zh/events.ics":              "no-cache",
		"robots.txt":                 "no-cache",
		"css/main.css":               "public, max-age=86400",
		"x/photo.jpg":                "public, max-age=86400",
		"fonts/a.woff2":              "public, max-age=86400",
		"css/main.1a2b3c4d.css":      "public, max-age=31536000, immutable",
		"js/app-0f3c9a7be1.js":       "public, max-age=31536000, immutable",
		"search/index.9f8e7d6c.json": "public, max-age=31536000, immutable",
		"x/expo-20240517.jpg":        "public, max-age=86400", // a date, not a hash
		"x/photo.abc.jpg":            "public, max-age=86400", // too short for a hash
	} {
		if got := cacheControl(p, nil); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
	// The site's rules come first, the first that matches wins; "" sends none.
	for p, want := range map[string]string{
		"zh/events.ics":         "public, max-age=600",
		"zh/news/x/index.html":  "",
		"ru/news/x/index.html":  "public, max-age=60",
		"css/main.css":          "public, max-age=86400",
		"css/main.1a2b3c4d.css": "public, max-age=31536000, immutable",
	} {
		if got := cacheControl(p, rules); got != want {
			t.Errorf("with the site's rules, %s: %q, want %q", p, got, want)
		}
	}
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func scan(t *testing.T, dir string, r Rules) []File {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	files, err := Scan(root, "public", r)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// .gen/ at the top and anything named .git are never deployed.
func TestScanLeavesOutGenAndGit(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"index.html":         "<p>home</p>",
		".gen/manifest":      "gen manifest 1\n",
		".git/HEAD":          "ref: refs/heads/gh-pages\n",
		"zh/.git":            "gitdir: ../.git/worktrees/zh\n",
		"zh/index.html":      "<p>首页</p>",
		"zh/.gen/kept":       "only the top .gen is gen's",
		"vendor/x/.git/HEAD": "x",
	})
	var got []string
	for _, f := range scan(t, dir, Rules{}) {
		got = append(got, f.Path)
	}
	if want := []string{"index.html", "zh/.gen/kept", "zh/index.html"}; !slices.Equal(got, want) {
		t.Errorf("scanned %q, want %q", got, want)
	}
}

func TestScanLinkOutOfTheFolder(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x"})
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "leak.txt")); err != nil {
		t.Skip(err)
	}
	root, _ := os.OpenRoot(dir)
	defer root.Close()
	_, err := Scan(root, "public", Rules{})
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join("public", "leak.txt")+": ") {
		t.Errorf("error %v, want one naming public/leak.txt", err)
	}
}

// With gzip, text files are compressed, the same bytes every time, and
// the size and MD5 are those of the compressed bytes; other files are not.
func TestScanGzip(t *testing.T) {
	page := strings.Repeat("<p>第八届中俄博览会</p>\n", 50)
	dir := writeTree(t, map[string]string{"index.html": page, "a.png": "\x89PNG"})
	a, b := scan(t, dir, Rules{Gzip: true}), scan(t, dir, Rules{Gzip: true})
	if !slices.EqualFunc(a, b, func(x, y File) bool { return bytes.Equal(x.MD5, y.MD5) && x.Size == y.Size }) {
		t.Error("two scans gzip differently")
	}
	png, html := a[0], a[1]
	if png.ContentEncoding != "" || png.Size != 4 {
		t.Errorf("png: %+v, want it as it is", png)
	}
	if html.ContentEncoding != "gzip" || html.Size >= int64(len(page)) {
		t.Errorf("html: %+v, want it gzipped", html)
	}
	var z bytes.Buffer
	f, _ := os.Open(filepath.Join(dir, "index.html"))
	defer f.Close()
	encode(&z, f, "gzip")
	if m := md5.Sum(z.Bytes()); !bytes.Equal(m[:], html.MD5) || int64(z.Len()) != html.Size {
		t.Error("size and MD5 are not those of the gzipped bytes")
	}
	r, err := gzip.NewReader(&z)
	if err != nil {
		t.Fatal(err)
	}
	if back, _ := io.ReadAll(r); string(back) != page {
		t.Error("the gzipped bytes do not give the page back")
	}
	if plain := scan(t, dir, Rules{}); plain[1].ContentEncoding != "" || plain[1].Size != int64(len(page)) {
		t.Errorf("without gzip: %+v", plain[1])
	}
}

func TestRetry(t *testing.T) {
	ctx := context.Background()
	waits := []time.Duration{0, 0}
	tries := 0
	err := retry(ctx, waits, func() error {
		tries++
		if tries < 3 {
			return errors.New("connection reset")
		}
		return nil
	})
	if err != nil || tries != 3 {
		t.Errorf("passing on the third try: %v after %d tries", err, tries)
	}
	tries = 0
	err = retry(ctx, waits, func() error { tries++; return errors.New("connection reset") })
	if err == nil || tries != 3 {
		t.Errorf("always failing: %v after %d tries, want an error after 3", err, tries)
	}
	b, err := blob.OpenBucket(ctx, "file://"+filepath.ToSlash(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, notFound := b.Attributes(ctx, "no-such-file")
	if gcerrors.Code(notFound) != gcerrors.NotFound {
		t.Fatalf("not a NotFound error: %v", notFound)
	}
	for _, e := range []error{permanent{errors.New("gone")}, context.Canceled, notFound} {
		tries = 0
		retry(ctx, waits, func() error { tries++; return e })
		if tries != 1 {
			t.Errorf("%v: %d tries, want 1", e, tries)
		}
	}
}

// After too many failures no further call starts; the rest are not tried.
func TestEachStops(t *testing.T) {
	var failed atomic.Int64
	errs := each(context.Background(), 1, 20, func(i int) error {
		failed.Add(1)
		return errors.New("down")
	}, func() bool { return failed.Load() >= 3 })
	n := 0
	for _, err := range errs {
		if errors.Is(err, errNotTried) {
			n++
		}
	}
	if n != 17 {
		t.Errorf("%d not tried, want 17", n)
	}
}

// Progress: nothing in the first second, then a line at most a second.
func TestProgress(t *testing.T) {
	start := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	now := start
	clock := func() time.Time { return now }
	var out bytes.Buffer
	p := newProgress(&out, clock, nil, msgUploading, 6, 6e6)
	for _, at := range []time.Duration{100, 900, 1100, 1500, 2200, 2300} {
		now = start.Add(at * time.Millisecond)
		p.done(1e6)
	}
	want := "uploading: 3 of 6 files done (3.0 MB of 6.0 MB)\nuploading: 5 of 6 files done (5.0 MB of 6.0 MB)\n"
	if out.String() != want {
		t.Errorf("progress:\n%s\nwant:\n%s", out.String(), want)
	}
}

// A build caught between its commit point and its end (publish's
// .gen/journal) is half old, half new: nothing is deployed from it.
func TestPrepareRefusesAnUnfinishedBuild(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x", ".gen/journal": "gen manifest 1\n"})
	target := "file://" + filepath.ToSlash(t.TempDir())
	_, err := Prepare(context.Background(), Options{Dir: dir, Target: target})
	if err == nil || !strings.Contains(err.Error(), "holds a build that has not finished putting its files in place: run gen build, then gen deploy") {
		t.Errorf("error %v", err)
	}
	os.Remove(filepath.Join(dir, ".gen", "journal"))
	d, err := Prepare(context.Background(), Options{Dir: dir, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := d.Plan.Summary(); got != "1 to upload (1 new, 0 changed), 0 to delete, 0 unchanged" {
		t.Errorf("plan %q", got)
	}
}

// While a build is publishing into the folder, deploy waits for nothing
// and sends nothing: it says so; once the build is done, it deploys, and a
// build started during a deploy is told to wait.
func TestPrepareWaitsForNoBuild(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x", ".gen/manifest": "gen manifest 1\n"})
	target := "file://" + filepath.ToSlash(t.TempDir())
	s, err := publish.Begin(dir, nil, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Prepare(context.Background(), Options{Dir: dir, Target: target})
	if err == nil || !strings.Contains(err.Error(), "another gen build or deploy is using this folder right now; wait for it to finish: nothing was deployed; then run gen deploy again") {
		t.Errorf("during a build: %v", err)
	}
	s.Abort()
	d, err := Prepare(context.Background(), Options{Dir: dir, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := publish.Begin(dir, nil, publish.Options{}); err == nil || !strings.Contains(err.Error(), "another gen build or deploy is using this folder") {
		t.Errorf("a build during a deploy: %v", err)
	}
	d.Close()
}

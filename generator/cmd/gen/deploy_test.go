package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// builtSite copies the sample site, adds files, builds it and returns the
// site folder.
func builtSite(t *testing.T, files map[string]string) string {
	t.Helper()
	site := sitetest.Sample(t)
	for p, text := range files {
		site.FS[p] = &fstest.MapFile{Data: []byte(text)}
	}
	src := site.OnDisk()
	rebuild(t, src)
	return src
}

func rebuild(t *testing.T, src string) {
	t.Helper()
	if r := gen(t, nil, "build", "--source", src, "--now", "2024-06-01", "--quiet"); r.code != 0 {
		t.Fatalf("gen build: exit %d\n%s", r.code, r.stderr)
	}
}

// published is what a deploy of src should leave in the target: every
// file of public/ but gen's own .gen/.
func published(t *testing.T, src string) map[string]string {
	t.Helper()
	m := tree(t, filepath.Join(src, "public"))
	maps.DeleteFunc(m, func(k, _ string) bool { return strings.HasPrefix(k, ".gen/") })
	return m
}

// deployed runs gen deploy and fails the test unless it exits with code.
func deployed(t *testing.T, s *s3Server, code int, args ...string) run {
	t.Helper()
	var env []string
	if s != nil {
		env = s.env()
	}
	r := gen(t, env, append([]string{"deploy"}, args...)...)
	if r.code != code {
		t.Fatalf("gen deploy %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, code, r.stdout, r.stderr)
	}
	return r
}

func wantLine(t *testing.T, out, line string) {
	t.Helper()
	if !slices.Contains(strings.Split(out, "\n"), line) {
		t.Errorf("no line %q in:\n%s", line, out)
	}
}

func sameObjects(t *testing.T, got, want map[string]string) {
	t.Helper()
	if d := diffTrees(got, want); len(d) > 0 {
		t.Errorf("the target differs from public/ in %d files: %v", len(d), d[:min(10, len(d))])
	}
}

// planned returns the paths the dry-run output lists for verb (upload,
// delete, keep).
func planned(out, verb string) []string {
	var ps []string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == verb {
			ps = append(ps, f[len(f)-1])
		}
	}
	return ps
}

// The first deploy uploads everything, the second nothing, and after one
// release is edited only the files whose bytes changed go up.
func TestDeployS3UploadsOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, nil)
	want := published(t, src)
	n := len(want)

	r := deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deploying %s to %s: %d to upload (%d new, 0 changed), 0 to delete, 0 unchanged", filepath.Join(src, "public"), target, n, n))
	wantLine(t, r.stdout, fmt.Sprintf("deployed: %d uploaded, 0 deleted", n))
	sameObjects(t, s.objects(t, "press"), want)

	r = deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deploying %s to %s: 0 to upload (0 new, 0 changed), 0 to delete, %d unchanged", filepath.Join(src, "public"), target, n))
	wantLine(t, r.stdout, "deployed: 0 uploaded, 0 deleted")

	// Edit one release.
	md := filepath.Join(src, "content", "news", "harbin-expo-opens", "index.en.md")
	data, _ := os.ReadFile(md)
	os.WriteFile(md, append(data, "\nOne more paragraph: the fair closed with 2,000 signed contracts.\n"...), 0o644)
	rebuild(t, src)
	now := published(t, src)
	changed := diffTrees(want, now)
	if len(changed) == 0 || len(changed) > n/3 || !slices.Contains(changed, "en/news/harbin-expo-opens/index.html") {
		t.Fatalf("the edit changed %d of %d files: %v", len(changed), n, changed)
	}
	// Files named by a hash of their bytes (the search index's) are
	// replaced by files of new names: the old ones go.
	gone := slices.DeleteFunc(slices.Clone(changed), func(p string) bool { _, ok := now[p]; return ok })
	changed = slices.DeleteFunc(changed, func(p string) bool { return slices.Contains(gone, p) })
	r = deployed(t, s, 0, "--source", src, "--target", target, "--dry-run")
	if got := planned(r.stdout, "upload"); !slices.Equal(got, changed) {
		t.Errorf("the plan uploads %v\nthe changed files are %v", got, changed)
	}
	r = deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deployed: %d uploaded, %d deleted", len(changed), len(gone)))
	sameObjects(t, s.objects(t, "press"), published(t, src))
}

// A release taken off the site is deleted from the target; --no-delete
// keeps it, and --max-deletes refuses a deploy that deletes more.
func TestDeployS3DeletesWhatTheSiteNoLongerHas(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, nil)
	deployed(t, s, 0, "--source", src, "--target", target)
	before := s.objects(t, "press")

	os.RemoveAll(filepath.Join(src, "content", "news", "localities-cooperation"))
	rebuild(t, src)
	now := published(t, src)
	var gone []string
	for k := range before {
		if _, ok := now[k]; !ok {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	if len(gone) < 3 || !slices.Contains(gone, "zh/news/localities-cooperation/index.html") {
		t.Fatalf("removing the release removed %v", gone)
	}

	r := deployed(t, s, 1, "--source", src, "--target", target, "--max-deletes", "1")
	if !strings.Contains(r.stderr, fmt.Sprintf("gen deploy: refused: %d files would be deleted, more than --max-deletes 1; nothing was changed", len(gone))) {
		t.Errorf("refusal not explained:\n%s", r.stderr)
	}
	if got := s.objects(t, "press"); !maps.Equal(got, before) {
		t.Errorf("the refused deploy changed the target: %v", diffTrees(got, before))
	}

	r = deployed(t, s, 0, "--source", src, "--target", target, "--no-delete")
	if !strings.Contains(r.stdout, fmt.Sprintf(", 0 to delete, ")) || !strings.Contains(r.stdout, fmt.Sprintf(", %d kept that the site no longer has (--no-delete)", len(gone))) {
		t.Errorf("--no-delete plan:\n%s", r.stdout)
	}
	got := s.objects(t, "press")
	for _, k := range gone {
		if _, ok := got[k]; !ok {
			t.Errorf("--no-delete deleted %s", k)
		}
	}

	r = deployed(t, s, 0, "--source", src, "--target", target, "--dry-run")
	if got := planned(r.stdout, "delete"); !slices.Equal(got, gone) {
		t.Errorf("the plan deletes %v, want %v", got, gone)
	}
	r = deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deployed: 0 uploaded, %d deleted", len(gone)))
	sameObjects(t, s.objects(t, "press"), now)
	// -1 lifts the limit.
	os.RemoveAll(filepath.Join(src, "content", "news", "sme-roundtable-jinhua"))
	rebuild(t, src)
	deployed(t, s, 0, "--source", src, "--target", target, "--maxDeletes", "-1")
	sameObjects(t, s.objects(t, "press"), published(t, src))
}

// --dry-run prints the whole plan, in path order, and changes nothing.
func TestDeployS3DryRunChangesNothing(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, nil)
	r := deployed(t, s, 0, "--source", src, "--target", target, "--dry-run")
	want := slices.Sorted(maps.Keys(published(t, src)))
	if got := planned(r.stdout, "upload"); !slices.Equal(got, want) {
		t.Errorf("the plan lists %d files, want every one of %d in order:\n%s", len(got), len(want), r.stdout)
	}
	wantLine(t, r.stdout, "upload new     zh/index.html")
	wantLine(t, r.stdout, "dry run: nothing was changed")
	if got := s.objects(t, "press"); len(got) != 0 {
		t.Errorf("the dry run uploaded %d files", len(got))
	}
}

// Content-Type and Cache-Control, read back through the S3 API.
func TestDeployS3Headers(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, map[string]string{
		"static/js/app.1a2b3c4d.js": "console.log(1)\n",
		"static/fonts/body.woff2":   "wOF2",
		"static/img/logo.png":       "\x89PNG\r\n\x1a\n",
	})
	site := filepath.Join(src, "site.yaml")
	data, _ := os.ReadFile(site)
	os.WriteFile(site, append(data, fmt.Sprintf("deploy:\n  targets:\n    - {name: production, url: %q}\n  cacheControl:\n    - {pattern: \"*.ics\", value: \"public, max-age=600\"}\n", target)...), 0o644)
	deployed(t, s, 0, "--source", src) // the first target of site.yaml
	const (
		html   = "text/html; charset=utf-8"
		none   = "no-cache"
		day    = "public, max-age=86400"
		year   = "public, max-age=31536000, immutable"
		xml    = "application/xml; charset=utf-8"
		svg    = "image/svg+xml; charset=utf-8"
		custom = "public, max-age=600"
	)
	for key, want := range map[string][2]string{
		"index.html":                           {html, none},
		"zh/news/harbin-expo-opens/index.html": {html, none},
		"css/main.css":                         {"text/css; charset=utf-8", day},
		"js/app.1a2b3c4d.js":                   {"text/javascript; charset=utf-8", year},
		"fonts/body.woff2":                     {"font/woff2", day},
		"img/logo.png":                         {"image/png", day},
		"images/news/trade-figures-2023/trade-figures.svg": {svg, day},
		"images/news/harbin-expo-opens/expo-hall-800.webp": {"image/webp", day},
		"zh/index.xml":  {xml, none},
		"zh/atom.xml":   {xml, none},
		"sitemap.xml":   {xml, none},
		"robots.txt":    {"text/plain; charset=utf-8", none},
		"zh/events.ics": {"text/calendar; charset=utf-8", custom},
	} {
		h := s.head(t, "press", key)
		if got := [2]string{aws.ToString(h.ContentType), aws.ToString(h.CacheControl)}; got != want {
			t.Errorf("%s: Content-Type %q, Cache-Control %q; want %q, %q", key, got[0], got[1], want[0], want[1])
		}
		if h.ContentEncoding != nil && *h.ContentEncoding != "" {
			t.Errorf("%s: Content-Encoding %q without gzip in site.yaml", key, *h.ContentEncoding)
		}
	}

	// A new rule changes no file's bytes: --force sends every file again.
	data, _ = os.ReadFile(site)
	os.WriteFile(site, bytes.Replace(data, []byte("max-age=600"), []byte("max-age=60"), 1), 0o644)
	r := deployed(t, s, 0, "--source", src)
	wantLine(t, r.stdout, "deployed: 0 uploaded, 0 deleted")
	n := len(published(t, src))
	r = deployed(t, s, 0, "--source", src, "--force")
	wantLine(t, r.stdout, fmt.Sprintf("deploying %s to %s: %d to upload (0 new, 0 changed, %d forced), 0 to delete, 0 unchanged", filepath.Join(src, "public"), target, n, n))
	if got := aws.ToString(s.head(t, "press", "zh/events.ics").CacheControl); got != "public, max-age=60" {
		t.Errorf("after --force, zh/events.ics has Cache-Control %q", got)
	}
}

// With deploy.gzip, text is stored gzipped and unpacks to the file; other
// files are stored as they are; and the next deploy uploads nothing.
func TestDeployS3Gzip(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, map[string]string{"static/img/logo.png": "\x89PNG\r\n\x1a\n"})
	site := filepath.Join(src, "site.yaml")
	data, _ := os.ReadFile(site)
	os.WriteFile(site, append(data, "deploy:\n  gzip: true\n"...), 0o644)
	deployed(t, s, 0, "--source", src, "--target", target)
	public := filepath.Join(src, "public")
	for _, key := range []string{"zh/index.html", "css/main.css", "sitemap.xml", "zh/events.ics", "images/news/trade-figures-2023/trade-figures.svg"} {
		h := s.head(t, "press", key)
		if aws.ToString(h.ContentEncoding) != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", key, aws.ToString(h.ContentEncoding))
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(s.get(t, "press", key)))
		if err != nil {
			t.Errorf("%s: not gzip: %v", key, err)
			continue
		}
		body, err := io.ReadAll(zr)
		local, _ := os.ReadFile(filepath.Join(public, filepath.FromSlash(key)))
		if err != nil || !bytes.Equal(body, local) {
			t.Errorf("%s: the stored object does not unpack to the file (%v)", key, err)
		}
	}
	h := s.head(t, "press", "img/logo.png")
	if aws.ToString(h.ContentEncoding) != "" || !bytes.Equal(s.get(t, "press", "img/logo.png"), []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the picture was changed: Content-Encoding %q", aws.ToString(h.ContentEncoding))
	}
	r := deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, "deployed: 0 uploaded, 0 deleted")
}

// gen's own .gen/ and anything named .git (a gh-pages checkout) are never
// uploaded.
func TestDeployNeverUploadsGenOrGit(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	src := builtSite(t, nil)
	public := filepath.Join(src, "public")
	for p, body := range map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/config": "[core]\n", "zh/.git": "gitdir: ../.git/worktrees/zh\n"} {
		os.MkdirAll(filepath.Dir(filepath.Join(public, p)), 0o755)
		os.WriteFile(filepath.Join(public, p), []byte(body), 0o644)
	}
	if _, err := os.Stat(filepath.Join(public, ".gen", "manifest")); err != nil {
		t.Fatal("the build kept no .gen/manifest:", err)
	}
	deployed(t, s, 0, "--source", src, "--target", target)
	for k := range s.objects(t, "press") {
		if strings.HasPrefix(k, ".gen/") || k == ".git" || strings.HasPrefix(k, ".git/") || strings.Contains(k, "/.git") {
			t.Errorf("uploaded %s", k)
		}
	}
}

// A target that is not there, uploads the server refuses, a server that
// has stopped: each is reported, with exit status 1, and what did not
// pass goes up on the next run.
func TestDeployS3Failures(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	src := builtSite(t, nil)
	want := published(t, src)

	r := deployed(t, s, 1, "--source", src, "--target", s.url("no-such-bucket"))
	if !strings.Contains(r.stderr, "the bucket does not exist") || !strings.Contains(r.stderr, "gen deploy: nothing was changed") {
		t.Errorf("a missing bucket:\n%s", r.stderr)
	}

	// An object where a folder is needed: the server refuses the two
	// files of that release; the rest goes up; deletions wait.
	target := s.bucket(t, "press")
	blocker := "en/news/harbin-expo-opens"
	ctx := context.Background()
	if _, err := s.client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("press"), Key: aws.String(blocker), Body: strings.NewReader("x")}); err != nil {
		t.Fatal(err)
	}
	r = deployed(t, s, 1, "--source", src, "--target", target)
	for _, p := range []string{blocker + "/event.ics", blocker + "/index.html"} {
		if !strings.Contains(r.stderr, "gen deploy: upload "+p+": ") {
			t.Errorf("the failed upload of %s is not reported:\n%s", p, r.stderr)
		}
	}
	summary := fmt.Sprintf("gen deploy: not all deployed: %d of %d files uploaded, 2 failed, 0 not tried; 0 of 1 deletions done (deletions wait until every upload passes). The target holds part of the new site: run gen deploy again", len(want)-2, len(want))
	wantLine(t, r.stderr, summary)
	if got := s.objects(t, "press"); len(got) != len(want)-2+1 {
		t.Errorf("the target holds %d objects, want %d", len(got), len(want)-1)
	}
	// Once the way is clear, the next run uploads only what is missing.
	if _, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("press"), Key: aws.String(blocker)}); err != nil {
		t.Fatal(err)
	}
	r = deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deploying %s to %s: 2 to upload (2 new, 0 changed), 0 to delete, %d unchanged", filepath.Join(src, "public"), target, len(want)-2))
	sameObjects(t, s.objects(t, "press"), want)

	// Many files refused: after 10 failures gen stops starting uploads.
	t2 := s.bucket(t, "press2")
	if _, err := s.client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("press2"), Key: aws.String("zh"), Body: strings.NewReader("x")}); err != nil {
		t.Fatal(err)
	}
	r = deployed(t, s, 1, "--source", src, "--target", t2)
	var failed, notTried int
	for _, line := range strings.Split(r.stderr, "\n") {
		if rest, ok := strings.CutPrefix(line, "gen deploy: not all deployed: "); ok {
			var up, total int
			fmt.Sscanf(rest, "%d of %d files uploaded, %d failed, %d not tried", &up, &total, &failed, &notTried)
		}
	}
	if failed < 10 || notTried == 0 {
		t.Errorf("%d failed and %d not tried; want 10 or more failed and the rest not tried:\n%s", failed, notTried, r.stderr)
	}

	// The server is gone.
	s.stop()
	r = deployed(t, s, 1, "--source", src, "--target", target)
	if !strings.Contains(r.stderr, "cannot reach "+s.addr) || !strings.Contains(r.stderr, "gen deploy: nothing was changed") {
		t.Errorf("a stopped server:\n%s", r.stderr)
	}
}

// A folder target: the basics, with no server.
func TestDeployToFolder(t *testing.T) {
	t.Parallel()
	src := builtSite(t, nil)
	out := filepath.Join(t.TempDir(), "www")
	target := "file://" + filepath.ToSlash(out)
	want := published(t, src)
	r := deployed(t, nil, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, fmt.Sprintf("deployed: %d uploaded, 0 deleted", len(want)))
	if d := diffTrees(tree(t, out), want); len(d) > 0 {
		t.Errorf("the folder differs from public/ (no .attrs, no .gen) in %v", d[:min(10, len(d))])
	}
	r = deployed(t, nil, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, "deployed: 0 uploaded, 0 deleted")

	os.RemoveAll(filepath.Join(src, "content", "news", "localities-cooperation"))
	rebuild(t, src)
	deployed(t, nil, 0, "--source", src, "--target", target)
	if d := diffTrees(tree(t, out), published(t, src)); len(d) > 0 {
		t.Errorf("after a release was removed, the folder differs in %v", d)
	}

	// Never into the site itself, nor into what it publishes.
	before := tree(t, src)
	for bad, why := range map[string]string{
		src:                                  "is the site itself",
		filepath.Join(src, "content", "www"): "is inside the site's content/",
		filepath.Join(src, "public"):         "is " + filepath.Join(src, "public") + ", the folder it would publish",
		filepath.Join(src, "public", "zh"):   "lies inside " + filepath.Join(src, "public") + ", the folder it would publish",
		filepath.Dir(src):                    "holds the site",
	} {
		target := "file://" + filepath.ToSlash(bad)
		r = deployed(t, nil, 2, "--source", src, "--target", target)
		if want := "gen deploy: --target " + target + " " + why; !strings.HasPrefix(r.stderr, want) || !strings.HasSuffix(r.stderr, "; nothing was changed\n") {
			t.Errorf("target %s:\n%s\nwant it to start with\n%s", bad, r.stderr, want)
		}
	}
	if d := diffTrees(before, tree(t, src)); len(d) > 0 {
		t.Errorf("a refused deploy changed %v", d)
	}
}

// A file large enough for S3 to take in parts has an ETag that is no MD5;
// gen finds the MD5 it stored with the file and sends it only once.
func TestDeployS3LargeFile(t *testing.T) {
	t.Parallel()
	s := startS3(t)
	target := s.bucket(t, "press")
	big := strings.Repeat("gen deploy sends large files in parts.\n", 17<<20/39+1) // over 16 MiB
	src := builtSite(t, map[string]string{"static/media/briefing.pdf": big})
	deployed(t, s, 0, "--source", src, "--target", target)
	h := s.head(t, "press", "media/briefing.pdf")
	if etag := aws.ToString(h.ETag); !strings.Contains(etag, "-") {
		t.Fatalf("ETag %s: the file was not uploaded in parts, so this test proves nothing", etag)
	}
	if aws.ToInt64(h.ContentLength) != int64(len(big)) {
		t.Errorf("stored %d bytes, want %d", aws.ToInt64(h.ContentLength), len(big))
	}
	sum := fmt.Sprintf("%x", md5.Sum([]byte(big)))
	if got := h.Metadata["gen-md5"]; got != sum {
		t.Errorf("gen-md5 metadata %q, want %s", got, sum)
	}
	seen := len(s.requests(0))
	r := deployed(t, s, 0, "--source", src, "--target", target)
	wantLine(t, r.stdout, "deployed: 0 uploaded, 0 deleted")
	// It asked for the file's metadata and did not read it back.
	var asked bool
	for deadline := time.Now().Add(10 * time.Second); !asked && time.Now().Before(deadline); {
		for _, line := range s.requests(seen) {
			if strings.Contains(line, " s3_HeadObject ") && strings.Contains(line, "/media/briefing.pdf") {
				asked = true
			}
			if strings.Contains(line, " s3_GetObject ") {
				t.Errorf("gen read an object back: %s", line)
			}
		}
		time.Sleep(20 * time.Millisecond) // polling the access log for the request
	}
	if !asked {
		t.Errorf("no HeadObject for media/briefing.pdf in the access log:\n%s", strings.Join(s.requests(seen), "\n"))
	}
}

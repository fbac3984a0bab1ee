package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/cli"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// The test binary doubles as gen: with GEN_TEST_MAIN=1 it runs the command
// line in its arguments, so tests can start gen with other environments.
func TestMain(m *testing.M) {
	if os.Getenv("GEN_TEST_MAIN") == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	os.Exit(m.Run())
}

type run struct {
	code           int
	stdout, stderr string
}

func gen(t *testing.T, env []string, args ...string) run {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	// The picture cache (keyed by the pictures' bytes and settings) is
	// shared by every run, so the sample's photos are made once.
	cmd.Env = append(os.Environ(), "GEN_TEST_MAIN=1", "XDG_CACHE_HOME="+filepath.Join(os.TempDir(), "gen-test-cache"))
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return run{code, out.String(), errb.String()}
}

// tree returns path → sha256 of every file under dir but .gen/stamps.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); rel == ".gen/stamps" {
			// The stamps of the copied files are this computer's (inodes,
			// times); the manifest, like the site, is the same bytes anywhere.
			return nil
		}
		m[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func diffTrees(a, b map[string]string) []string {
	var d []string
	for k, v := range a {
		if b[k] != v {
			d = append(d, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, k)
		}
	}
	slices.Sort(d)
	return d
}

func TestSampleSiteBuildsClean(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	r := gen(t, nil, "build", "--source", src, "--now", "2024-06-01")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, want 0 with no warnings; stderr:\n%s", r.code, r.stderr)
	}
	out := filepath.Join(src, "public")
	// every release in all three languages with reciprocal hreflang links.
	releases, _ := filepath.Glob(filepath.Join(src, "content", "news", "*", "index.zh.md"))
	if len(releases) < 5 {
		t.Fatalf("sample site has %d releases, want at least 5", len(releases))
	}
	langs := map[string]string{"zh": "zh-Hans", "ru": "ru", "en": "en"}
	for _, r := range releases {
		slug := filepath.Base(filepath.Dir(r))
		for lang := range langs {
			page, err := os.ReadFile(filepath.Join(out, lang, "news", slug, "index.html"))
			if err != nil {
				t.Errorf("release %s has no %s page: %v", slug, lang, err)
				continue
			}
			for other, locale := range langs {
				want := fmt.Sprintf(`<link rel="alternate" hreflang="%s" href="https://`, locale)
				link := fmt.Sprintf(`/%s/news/%s/">`, other, slug)
				if !strings.Contains(string(page), want) || !strings.Contains(string(page), link) {
					t.Errorf("%s/news/%s lacks hreflang %s link", lang, slug, other)
				}
			}
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a := sitetest.Sample(t).OnDisk()
	b := sitetest.Sample(t).OnDiskReversed()
	// SOURCE_DATE_EPOCH pins the clock; time zone and core count differ.
	env := "SOURCE_DATE_EPOCH=1717243200"
	r1 := gen(t, []string{env, "TZ=Asia/Shanghai", "GOMAXPROCS=1"}, "build", "--source", a, "--quiet")
	r2 := gen(t, []string{env, "TZ=America/New_York", "GOMAXPROCS=8"}, "build", "--source", b, "--quiet")
	if r1.code != 0 || r2.code != 0 {
		t.Fatalf("builds failed: %s %s", r1.stderr, r2.stderr)
	}
	ta, tb := tree(t, filepath.Join(a, "public")), tree(t, filepath.Join(b, "public"))
	if len(ta) < 50 {
		t.Fatalf("only %d files built", len(ta))
	}
	if d := diffTrees(ta, tb); len(d) > 0 {
		t.Errorf("outputs differ in %d files: %v", len(d), d[:min(10, len(d))])
	}
}

func TestFailedBuildLeavesPublicUntouched(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	if r := gen(t, nil, "build", "--source", src, "--now", "2024-06-01", "--quiet"); r.code != 0 {
		t.Fatalf("first build: %s", r.stderr)
	}
	out := filepath.Join(src, "public")
	before := tree(t, out)
	// A template that fails halfway: fine for most pages, broken for one.
	layout := filepath.Join(src, "themes", "default", "layouts", "_default", "single.html")
	data, _ := os.ReadFile(layout)
	broken := strings.Replace(string(data), "<div class=\"body\">",
		"{{ if eq .Slug \"sme-roundtable-jinhua\" }}{{ template \"no-such-partial\" . }}{{ end }}<div class=\"body\">", 1)
	if broken == string(data) {
		t.Fatal("could not break the layout")
	}
	os.WriteFile(layout, []byte(broken), 0o644)
	// Also remove a release, so a successful build would delete files.
	os.RemoveAll(filepath.Join(src, "content", "news", "localities-cooperation"))
	r := gen(t, nil, "build", "--source", src, "--now", "2024-06-01")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "themes/default/layouts/_default/single.html:") || !strings.Contains(r.stderr, "no-such-partial") {
		t.Errorf("error does not name the layout and line:\n%s", r.stderr)
	}
	if d := diffTrees(before, tree(t, out)); len(d) > 0 {
		t.Errorf("public/ changed in %v", d)
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") {
			t.Errorf("staging directory left behind: %s", e.Name())
		}
	}
	// Fixed: the build succeeds and the removed release disappears.
	os.WriteFile(layout, data, 0o644)
	if r := gen(t, nil, "build", "--source", src, "--now", "2024-06-01", "--quiet"); r.code != 0 {
		t.Fatalf("rebuild: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "en", "news", "localities-cooperation")); !os.IsNotExist(err) {
		t.Errorf("a removed release stays in public/: %v", err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"build", "--nope"}, {"build", "extra"}, {}} {
		if r := gen(t, nil, args...); r.code != 2 {
			t.Errorf("gen %v: exit %d, want 2", args, r.code)
		}
	}
	r := gen(t, nil, "build", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "--destination") {
		t.Errorf("gen build -h: %d %q", r.code, r.stderr)
	}
	if r := gen(t, nil, "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "gen ") {
		t.Errorf("gen version: %+v", r)
	}
	if r := gen(t, nil, "build", "--now", "17.05.2024"); r.code != 2 {
		t.Errorf("bad --now: exit %d", r.code)
	}
}

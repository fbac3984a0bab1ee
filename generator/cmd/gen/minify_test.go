package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// --minify makes pages, feeds and the stylesheet smaller, the same bytes
// on every run, with every link still leading somewhere.
func TestMinify(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	plain, small, again := t.TempDir(), t.TempDir(), t.TempDir()
	for dest, extra := range map[string][]string{plain: nil, small: {"--minify"}, again: {"--minify"}} {
		args := append([]string{"build", "--source", src, "--destination", dest, "--now", "2024-06-01", "--quiet"}, extra...)
		if r := gen(t, nil, args...); r.code != 0 {
			t.Fatalf("gen %v: %s", args, r.stderr)
		}
	}
	if d := diffTrees(tree(t, small), tree(t, again)); len(d) > 0 {
		t.Errorf("two minified builds differ in %v", d)
	}
	for _, name := range []string{"en/index.html", "en/news/harbin-expo-opens/index.html", "css/main.css", "en/index.xml", "sitemap.xml"} {
		a, _ := os.ReadFile(filepath.Join(plain, filepath.FromSlash(name)))
		b, _ := os.ReadFile(filepath.Join(small, filepath.FromSlash(name)))
		if len(b) == 0 || len(b) >= len(a) {
			t.Errorf("%s: %d bytes minified, %d plain", name, len(b), len(a))
		}
	}
	page, _ := os.ReadFile(filepath.Join(small, "en", "news", "harbin-expo-opens", "index.html"))
	for _, want := range []string{"<html lang=en>", "</body>", "</html>", "Harbin"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the minified release lacks %q", want)
		}
	}
	files := map[string][]byte{}
	for name := range tree(t, small) {
		files[name], _ = os.ReadFile(filepath.Join(small, filepath.FromSlash(name)))
	}
	for _, p := range linkcheck.Check(files, linkcheck.Options{BaseURL: "https://events.example.org/"}) {
		t.Errorf("after --minify: %v", p)
	}
}

// A file that cannot be minified stops the build, named, and nothing is
// published.
func TestMinifyRefusesWhatItCannotRead(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	os.MkdirAll(filepath.Join(src, "static", "js"), 0o755)
	os.WriteFile(filepath.Join(src, "static", "js", "broken.js"), []byte("function ( {"), 0o644)
	dest := filepath.Join(t.TempDir(), "out")
	r := gen(t, nil, "build", "--source", src, "--destination", dest, "--now", "2024-06-01", "--minify")
	if r.code != 1 || !strings.Contains(r.stderr, "static/js/broken.js: cannot minify it") || !strings.Contains(r.stderr, "nothing was published") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
}

package main

import (
	"github.com/eventnews/gen/generator/internal/sitetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every destination that is not the site's to fill is refused with exit
// status 2 and a message, and nothing anywhere changes: not the site, not
// the folder named. A relative destination lies in the site's folder.
func TestRefusedDestinationsTouchNothing(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644)
	outsideFile := filepath.Join(t.TempDir(), "file.txt")
	os.WriteFile(outsideFile, []byte("a file"), 0o644)
	before, homeBefore := tree(t, src), tree(t, home)
	for _, dest := range []string{".", src, "..", "content", "content/news/harbin-expo-opens/out", "themes/default", "i18n", "site.yaml", outsideFile, home, "/"} {
		shown := dest
		if !filepath.IsAbs(dest) {
			shown = filepath.Join(src, dest)
		}
		r := gen(t, []string{"HOME=" + home}, "build", "--source", src, "--destination", dest, "--now", "2024-06-01")
		if r.code != 2 || !strings.HasPrefix(r.stderr, "gen build: --destination "+shown+" ") || !strings.HasSuffix(r.stderr, "; nothing was changed\n") {
			t.Errorf("--destination %s: exit %d, stderr %q", dest, r.code, r.stderr)
		}
	}
	if d := diffTrees(before, tree(t, src)); len(d) > 0 {
		t.Errorf("the site changed: %v", d)
	}
	if d := diffTrees(homeBefore, tree(t, home)); len(d) > 0 {
		t.Errorf("the home folder changed: %v", d)
	}
}

// A destination that already holds other files keeps them; with
// --clean-destination gen removes them, but only once the folder is known
// to be gen's, and never .git.
func TestForeignFilesInTheDestination(t *testing.T) {
	src := sitetest.Sample(t).OnDisk()
	dest := filepath.Join(t.TempDir(), "site")
	for name, text := range map[string]string{".git/HEAD": "ref: refs/heads/gh-pages", "CNAME": "news.example.org", "notes/todo.txt": "todo"} {
		os.MkdirAll(filepath.Join(dest, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dest, name), []byte(text), 0o644)
	}
	foreign := tree(t, dest)
	r := gen(t, nil, "build", "--source", src, "--destination", dest, "--now", "2024-06-01", "--clean-destination")
	if r.code != 2 || !strings.Contains(r.stderr, "was not made by gen") {
		t.Errorf("--clean-destination on a folder gen never wrote: exit %d, %s", r.code, r.stderr)
	}
	if d := diffTrees(foreign, tree(t, dest)); len(d) > 0 {
		t.Errorf("the refused folder changed: %v", d)
	}
	r = gen(t, nil, "build", "--source", src, "--destination", dest, "--now", "2024-06-01")
	if r.code != 0 {
		t.Fatalf("build: %s", r.stderr)
	}
	after := tree(t, dest)
	for name, sum := range foreign {
		if after[name] != sum {
			t.Errorf("%s was changed or removed", name)
		}
	}
	if _, ok := after["en/index.html"]; !ok {
		t.Error("the site was not written")
	}
	r = gen(t, nil, "build", "--source", src, "--destination", dest, "--now", "2024-06-01", "--clean-destination")
	if r.code != 0 || !strings.Contains(r.stdout, "removed 2 entries gen did not write (--clean-destination)") {
		t.Errorf("--clean-destination: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after = tree(t, dest)
	if _, ok := after[".git/HEAD"]; !ok {
		t.Error(".git was removed")
	}
	for _, name := range []string{"CNAME", "notes/todo.txt"} {
		if _, ok := after[name]; ok {
			t.Errorf("%s survived --clean-destination", name)
		}
	}
}

package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

const linkSite = sitetest.Config + `-- content/news/x/index.zh.md --
---
title: 新闻
date: 2024-05-17
---
正文
-- static/ok.txt --
fine
`

// link makes a symbolic link at name (slash-separated, under dir) to target.
func link(t *testing.T, dir, name, target string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.Remove(p)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// No file outside the site is read, wherever a link to it lies: one run
// names every such link with its target, and nothing is published.
func TestLinksOutOfTheSiteAreErrors(t *testing.T) {
	dir := sitetest.New(t, linkSite).OnDisk()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	os.WriteFile(secret, []byte("TOP-SECRET"), 0o644)
	os.MkdirAll(filepath.Join(outside, "release"), 0o755)
	os.WriteFile(filepath.Join(outside, "release", "index.zh.md"), []byte("---\ntitle: TOP-SECRET\ndate: 2024-05-17\n---\n"), 0o644)
	link(t, dir, "content/news/x/notes.txt", secret)
	link(t, dir, "content/news/y", filepath.Join(outside, "release"))
	link(t, dir, "content/news/x/back", "..")
	link(t, dir, "static/leak.txt", secret)
	link(t, dir, "themes/default/layouts/partials/footer.html", secret)
	link(t, dir, "i18n/en.yaml", "../../"+filepath.Base(outside)+"/secret.txt")
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "old.html"), []byte("old"), 0o644)

	res, err := build.Run(context.Background(), build.Options{Source: dir, Destination: dest, Now: sitetest.Now})
	if err == nil {
		t.Fatalf("built %d files through links out of the site", len(res.Files))
	}
	var got []string
	for _, d := range diag.Flatten(err) {
		got = append(got, d.Error())
	}
	up := "../../" + filepath.Base(outside) + "/secret.txt"
	want := []string{
		"content/news/x/back: is a symbolic link to .., which leads back to a folder it is in (a loop)",
		"content/news/x/notes.txt: is a symbolic link to " + secret + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead",
		"content/news/y: is a symbolic link to " + filepath.Join(outside, "release") + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead",
		"i18n/en.yaml: is a symbolic link to " + up + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead",
		"static/leak.txt: is a symbolic link to " + secret + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead",
		"themes/default/layouts/partials/footer.html: is a symbolic link to " + secret + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if b, err := os.ReadFile(filepath.Join(dest, "old.html")); err != nil || string(b) != "old" {
		t.Errorf("the destination changed: old.html %q, %v", b, err)
	}
}

// A link that stays inside the site is followed: a release folder may hold
// a link to a picture kept elsewhere in the site, or be a link itself.
func TestLinksInsideTheSiteAreFollowed(t *testing.T) {
	dir := sitetest.New(t, linkSite+`-- shared/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- shared/release/index.zh.md --
---
title: 共享
date: 2024-05-18
---
-- content/news/y/index.zh.md --
---
title: 标志
date: 2024-05-18
---
![标志](logo.svg)
`).OnDisk()
	link(t, dir, "content/news/y/logo.svg", "../../../shared/logo.svg")
	link(t, dir, "content/news/z", "../../shared/release")
	res, err := build.Run(context.Background(), build.Options{Source: dir, Now: sitetest.Now})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range res.Files {
		have[f.Path] = true
	}
	for _, p := range []string{"images/news/y/logo.svg", "zh/news/z/index.html"} {
		if !have[p] {
			t.Errorf("no %s", p)
		}
	}
}

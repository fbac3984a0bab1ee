package sitefs

import (
	"errors"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// The site wins file by file; the base fills in under the folder only; a
// folder lists both; and what is above the folder exists for the walk.
func TestOverlay(t *testing.T) {
	site := fstest.MapFS{
		"content/a.md": {Data: []byte("a")},
		"themes/default/layouts/partials/footer.html": {Data: []byte("the site's footer")},
	}
	base := fstest.MapFS{
		"layouts/partials/footer.html": {Data: []byte("the theme's footer")},
		"layouts/partials/header.html": {Data: []byte("the theme's header")},
		"static/css/main.css":          {Data: []byte("body{}")},
	}
	o := Overlay(site, "themes/default", base)
	for name, want := range map[string]string{
		"themes/default/layouts/partials/footer.html": "the site's footer",
		"themes/default/layouts/partials/header.html": "the theme's header",
		"themes/default/static/css/main.css":          "body{}",
		"content/a.md":                                "a",
	} {
		if b, err := fs.ReadFile(o, name); err != nil || string(b) != want {
			t.Errorf("%s: %q, %v; want %q", name, b, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "static/css/main.css"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the theme shows outside its folder: %v", err)
	}
	var walked []string
	err := fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	})
	want := []string{"content/a.md", "themes/default/layouts/partials/footer.html", "themes/default/layouts/partials/header.html", "themes/default/static/css/main.css"}
	if err != nil || !slices.Equal(walked, want) {
		t.Errorf("walk: %v %v, want %v", walked, err, want)
	}
	if err := fstest.TestFS(o, want...); err != nil {
		t.Error(err)
	}
	if Overlay(o, "themes/default", base) != o {
		t.Error("laid twice")
	}
}

// A link out of the site where the theme would fill in is the link's
// error, not the theme's file.
func TestOverlayKeepsTheSitesErrors(t *testing.T) {
	f, _ := site(t, map[string]string{"themes/default/layouts": "-> /etc"})
	base := fstest.MapFS{"layouts/x.html": {Data: []byte("x")}}
	o := Overlay(f, "themes/default", base)
	if _, err := fs.ReadFile(o, "themes/default/layouts/x.html"); LinkOf(err) == nil {
		t.Errorf("through a link out of the site: %v, want the link's error", err)
	}
	if _, err := fs.ReadDir(o, "themes/default/layouts"); LinkOf(err) == nil {
		t.Errorf("listing a link out of the site: %v, want the link's error", err)
	}
}

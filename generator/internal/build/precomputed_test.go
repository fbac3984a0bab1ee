package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// The default theme prints strings that render.Data and the theme's
// functions make in Go (the page title, dates, reading time, page number,
// event place, tag links, eventWhen kept per event) where its layouts used
// to make them with template actions, and lists entries with
// partialCachedEach instead of a range over partialCached.
// testdata/replaced-layouts holds those layouts as they were; a site that
// carries them as its own layouts must build to the same bytes as the
// default theme, on the sample site (with and without drafts and future
// releases) and on a benchmark site.
func TestDefaultThemeMatchesTheLayoutsItReplaced(t *testing.T) {
	replaced := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/replaced-layouts"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join("testdata/replaced-layouts", p))
		replaced[path.Join("layouts", p)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil || len(replaced) == 0 {
		t.Fatalf("reading testdata/replaced-layouts: %v (%d files)", err, len(replaced))
	}
	bench := writeBenchSite(t, 60)
	sites := []struct {
		name, dir string
		opts      build.Options
	}{
		{"sample", sitetest.Root(t), build.Options{Now: sampleNow, Images: sitetest.Pictures()}},
		{"sample with drafts and future releases", sitetest.Root(t), build.Options{Now: sampleNow, Images: sitetest.Pictures(), Drafts: true, Future: true}},
		{"benchmark site", bench, build.Options{Now: benchNow}},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			if _, err := os.Stat(path.Join(site.dir, "layouts")); err == nil {
				t.Fatalf("%s has layouts of its own; the test adds its own there", site.dir)
			}
			opts := site.opts
			opts.FS = os.DirFS(site.dir)
			now, err := build.Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			opts.FS = withLayouts{opts.FS, replaced}
			before, err := build.Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(now.Files) != len(before.Files) {
				t.Fatalf("%d files with the default theme, %d with the replaced layouts", len(now.Files), len(before.Files))
			}
			for i, f := range now.Files {
				g := before.Files[i]
				if f.Path != g.Path {
					t.Fatalf("file %d: %s with the default theme, %s with the replaced layouts", i, f.Path, g.Path)
				}
				if !bytes.Equal(f.Bytes, g.Bytes) {
					t.Errorf("%s differs:\n%s", f.Path, firstDifference(f.Bytes, g.Bytes))
				}
			}
		})
	}
}

// withLayouts is a site with the files of layouts (paths under
// "layouts/") as its own layouts.
type withLayouts struct {
	fs.FS
	layouts fstest.MapFS
}

func (w withLayouts) Open(name string) (fs.File, error) {
	if name == "layouts" || strings.HasPrefix(name, "layouts/") {
		return w.layouts.Open(name)
	}
	return w.FS.Open(name)
}

func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "default theme:    …" + string(a[from:min(len(a), i+80)]) + "…\nreplaced layouts: …" + string(b[from:min(len(b), i+80)]) + "…"
}

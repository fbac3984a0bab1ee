package render_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/theme"
)

// TestSinkGetsWhatRenderWouldReturn renders the sample site twice: the
// files handed to Sink are exactly the files Render returns without one,
// and with a Sink the returned files keep their paths but drop their bytes.
func TestSinkGetsWhatRenderWouldReturn(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", "..", ".."))
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files, err := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	locales, err := locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(fsys, theme.Dirs(cfg), cfg, locales)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[*content.File]*markdown.Result{}
	for _, f := range files {
		docs[f], _ = markdown.New(markdown.Options{Lang: f.Lang}).Convert(f.Body)
	}
	s, err := site.Build(files, site.Options{Config: cfg, Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		Rendered: func(f *content.File) *markdown.Result { return docs[f] }})
	if err != nil {
		t.Fatal(err)
	}
	want, err := render.Render(context.Background(), s, th, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	sunk := map[string]render.File{}
	got, err := render.Render(context.Background(), s, th, render.Options{Sink: func(f render.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := sunk[f.Path]; dup {
			t.Errorf("%s sunk twice", f.Path)
		}
		f.Bytes = bytes.Clone(f.Bytes) // the worker reuses them once Sink returns
		sunk[f.Path] = f
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(sunk) != len(want) {
		t.Fatalf("%d files returned, %d sunk, want %d", len(got), len(sunk), len(want))
	}
	for i, w := range want {
		if got[i].Path != w.Path || got[i].Bytes != nil || got[i].Src != w.Src {
			t.Errorf("returned %s (%d bytes, src %q), want %s without bytes", got[i].Path, len(got[i].Bytes), got[i].Src, w.Path)
		}
		if f := sunk[w.Path]; !bytes.Equal(f.Bytes, w.Bytes) || f.Src != w.Src {
			t.Errorf("%s: sink got %d bytes (src %q), want %d (src %q)", w.Path, len(f.Bytes), f.Src, len(w.Bytes), w.Src)
		}
	}
}

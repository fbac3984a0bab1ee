package render_test

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/theme"
)

// TestSinkGetsWhatRenderWouldReturn renders the graph of the sample site
// twice with its theme: the files handed to Sink are exactly the files
// Render returns without one, and with a Sink the returned files keep
// their paths but drop their bytes.
func TestSinkGetsWhatRenderWouldReturn(t *testing.T) {
	built := sitetest.Sample(t).Build(build.Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}).OK()
	s, cfg := built.Result.Site, built.Result.Config
	fsys := build.WithDefaultTheme(built.FS)
	locales, err := locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(fsys, theme.Dirs(cfg), cfg, locales)
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

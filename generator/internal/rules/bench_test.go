package rules_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/rules"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/status"
)

// BenchmarkContent1000 measures the rules every build runs, over the page
// graph and outputs of a benchsite of 1,000 releases × 3 languages (about
// 8 ms of one core, against about a second for the whole build).
func BenchmarkContent1000(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := benchsite.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	res, err := build.Run(context.Background(), build.Options{Source: dir, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	root, err := sitefs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	fsys := build.WithDefaultTheme(root)
	cfg := res.Config
	files, _ := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	docs := map[string]*markdown.Result{}
	for _, p := range res.Site.Pages {
		if p.File != nil {
			docs[p.File.Path] = p.Doc
		}
	}
	locales, _ := locale.Load(fsys, []string{"themes/default/i18n", "i18n"}, cfg.Languages)
	in := rules.Input{
		Config: cfg, Files: files, Site: res.Site, Locales: locales, Now: now, Complete: true,
		Doc: func(f *content.File) *markdown.Result { return docs[f.Path] },
		Outputs: func(p string) bool {
			_, ok := slices.BinarySearchFunc(res.Files, p, func(f render.File, p string) int { return strings.Compare(f.Path, p) })
			return ok
		},
		Outdated: status.Outdated(files),
	}
	b.ReportAllocs()
	for b.Loop() {
		rules.Content(in)
	}
}

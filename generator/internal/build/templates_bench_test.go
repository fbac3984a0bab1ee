package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/render"
)

// BenchmarkTemplates1000 measures the layouts alone: every page of a
// 1,000-release site rendered in memory, the graph built once beforehand.
// Run it with -cpu 1 for figures that do not depend on the machine's load.
func BenchmarkTemplates1000(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := benchsite.WriteFrom(os.DirFS("../../.."), dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	now, err := time.Parse(time.DateOnly, benchsite.Now)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Run(context.Background(), Options{Source: dir, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := render.Render(context.Background(), res.Site, res.theme, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	pages := float64(b.N * len(res.Site.Pages))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/pages, "ns/page")
	// CPU time counts what the machine's other jobs do not: a steadier
	// figure than wall time on a shared machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/pages, "cpu-ns/page")
}

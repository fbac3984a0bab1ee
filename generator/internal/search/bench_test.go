package search_test

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/search"
)

// BenchmarkFiles1000 makes the index of a generated site of 1,000
// releases × 3 languages, its page graph built once: the work the index
// adds to a build (which runs it beside rendering).
//
//	go test -run '^$' -bench Files1000 -benchmem ./generator/internal/search/
func BenchmarkFiles1000(b *testing.B) {
	s := benchSite(b, 1000)
	s.Build(build.Options{}).OK()
	cfg := s.Result.Config
	locales, err := locale.Load(build.WithDefaultTheme(s.FS), []string{"themes/default/i18n", "i18n"}, cfg.Languages)
	if err != nil {
		b.Fatal(err)
	}
	var size, files int
	for _, f := range search.Files(s.Result.Site, locales) {
		size += len(f.Bytes)
		files++
	}
	b.ResetTimer()
	for b.Loop() {
		search.Files(s.Result.Site, locales)
	}
	b.ReportMetric(float64(size), "index-bytes")
	b.ReportMetric(float64(files), "index-files")
}

package serve_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/watch"
)

// BenchmarkEditToReload measures, on a generated site of 1,000 releases in
// three languages, the time from writing one release's Markdown to the
// live-reload message that names its page: watcher debounce, reading and
// parsing content, the page graph, rendering what the edit touches, and the
// event. Each iteration waits (untimed) for the rest of the site to be
// rendered before the next edit, as between an editor's saves; that time is
// reported as complete-ms.
func BenchmarkEditToReload(b *testing.B) {
	dir := b.TempDir()
	if err := benchsite.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	var slug string
	for s, langs := range benchsite.Releases(1000, 1) {
		if len(langs) == 3 && (slug == "" || s < slug) {
			slug = s
		}
	}
	now, _ := time.Parse("2006-01-02", benchsite.Now)
	ts := start(b, dir, serve.Options{Build: build.Options{Now: now}, Quiet: watch.DefaultQuiet})
	es := ts.stream()
	es.next("the greeting", func(m map[string]any) bool { return m["instance"] != nil })
	file := filepath.Join("content", "news", slug, "index.en.md")
	text := ts.read(file)
	drain := func() {
		for {
			select {
			case <-ts.events:
			default:
				return
			}
		}
	}
	var completeTotal time.Duration
	var pages int
	for i := 0; b.Loop(); i++ {
		drain()
		edited := strings.Replace(text, "\n\n", fmt.Sprintf("\n\nEdit number %d. ", i), 1)
		begin := time.Now()
		ts.write(file, edited)
		m := es.next("a reload", func(m map[string]any) bool { ps, _ := m["paths"].([]any); return len(ps) > 0 })
		b.StopTimer()
		if !slices.ContainsFunc(m["paths"].([]any), func(p any) bool { return strings.Contains(p.(string), "/en/news/") }) {
			b.Fatalf("the reload does not name the release: %v", m["paths"])
		}
		pages += len(m["paths"].([]any))
		// Wait for the rest of the site to be rendered.
		for done := false; !done; {
			select {
			case e := <-ts.events:
				done = !e.Partial && e.Err == nil
			case <-time.After(time.Minute):
				b.Fatal("the site was not completed within a minute")
			}
		}
		completeTotal += time.Since(begin)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/reload")
	b.ReportMetric(float64(completeTotal.Microseconds())/1000/float64(b.N), "complete-ms")
	b.ReportMetric(float64(pages)/float64(b.N), "urls/reload")
}

package content_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/markdown"
)

// BenchmarkLoad1000 reads and decodes the content of a 1,000-release
// benchsite (about 2,900 files).
func BenchmarkLoad1000(b *testing.B) {
	fsys := writeSite(b, 1000)
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: time.FixedZone("CST", 8*3600)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.Load(fsys, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadConvert1000 is the content stage of a build: Load converts
// each body as soon as the file is parsed, as build.Run does.
func BenchmarkLoadConvert1000(b *testing.B) {
	fsys := writeSite(b, 1000)
	langs := []string{"zh", "ru", "en"}
	convs := map[string]*markdown.Converter{}
	for _, l := range langs {
		convs[l] = markdown.New(markdown.Options{Lang: l})
	}
	var mu sync.Mutex
	docs := map[*content.File]*markdown.Result{}
	opts := content.Options{Languages: langs, Default: "zh", Location: time.FixedZone("CST", 8*3600),
		Parsed: func(f *content.File) {
			doc, _ := convs[f.Lang].Convert(f.Body)
			mu.Lock()
			docs[f] = doc
			mu.Unlock()
		}}
	b.ReportAllocs()
	for b.Loop() {
		clear(docs)
		if _, err := content.Load(fsys, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// writeSite writes a benchsite of n releases and returns it as a file
// system.
func writeSite(b *testing.B, n int) fs.FS {
	dir := b.TempDir()
	for p, data := range benchsite.Files(n, 1) {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

package content_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/content"
)

// BenchmarkLoad1000 reads and decodes the content of a 1,000-release
// benchsite (about 2,900 files).
func BenchmarkLoad1000(b *testing.B) {
	dir := b.TempDir()
	for p, data := range benchsite.Files(1000, 1) {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: time.FixedZone("CST", 8*3600)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.Load(fsys, opts); err != nil {
			b.Fatal(err)
		}
	}
}

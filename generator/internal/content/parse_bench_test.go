package content

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// BenchmarkParseFiles splits and decodes the files of a 1,000-release
// benchsite held in memory: Load without the reading.
func BenchmarkParseFiles(b *testing.B) {
	files := benchsite.Files(1000, 1)
	var paths []string
	for p := range files {
		if strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	loc := time.FixedZone("CST", 8*3600)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			if _, _, _, _, ds, _ := parseFile(p, files[p], Options{Location: loc}); len(ds) > 0 {
				b.Fatal(ds[0])
			}
		}
	}
}

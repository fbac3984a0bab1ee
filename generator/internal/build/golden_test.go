package build_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
)

// update rewrites golden files: go test ./generator/internal/build -update
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/golden/<name>, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/internal/build -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from %s (if the change is intended, rerun with -update)\n--- got ---\n%s", name, p, got)
	}
}

func TestGoldenReleasePages(t *testing.T) {
	s := newSite(t, newsSite).build(build.Options{}).ok()
	for _, name := range []string{"zh/news/expo/index.html", "ru/news/expo/index.html", "en/news/expo/index.html"} {
		golden(t, name, []byte(s.file(name)))
	}
}

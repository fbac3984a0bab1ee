package publish

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/render"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteReplacesOutputAndDropsStaleFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	os.WriteFile(filepath.Join(dest, "old", "gone.html"), []byte("stale"), 0o644)
	src := fstest.MapFS{"content/news/x/photo.jpg": {Data: []byte("JPEG")}}
	files := []render.File{
		{Path: "index.html", Bytes: []byte("root")},
		{Path: "ru/news/x/index.html", Bytes: []byte("новость")},
		{Path: "ru/news/x/photo.jpg", Src: "content/news/x/photo.jpg"},
	}
	if err := Write(dest, files, src); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dest, "ru", "news", "x", "index.html")); got != "новость" {
		t.Errorf("page = %q", got)
	}
	if got := read(t, filepath.Join(dest, "ru", "news", "x", "photo.jpg")); got != "JPEG" {
		t.Errorf("copied resource = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "old", "gone.html")); !os.IsNotExist(err) {
		t.Errorf("stale file survived: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestFailedWriteLeavesOutputUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("previous"), 0o644)
	files := []render.File{
		{Path: "index.html", Bytes: []byte("new")},
		{Path: "missing.jpg", Src: "content/nope.jpg"},
	}
	if err := Write(dest, files, fstest.MapFS{}); err == nil {
		t.Fatal("Write succeeded with a missing source file")
	}
	if got := read(t, filepath.Join(dest, "index.html")); got != "previous" {
		t.Errorf("output changed to %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("staging left behind: %v", entries)
	}
}

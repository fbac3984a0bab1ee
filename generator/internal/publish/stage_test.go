package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/render"
)

func TestStageWritesEverythingAtCommitOnly(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	os.WriteFile(filepath.Join(dest, "old", "gone.html"), []byte("stale"), 0o644)
	src := fstest.MapFS{"content/news/x/photo.jpg": {Data: []byte("JPEG")}}
	s, err := Begin(dest, src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				p := fmt.Sprintf("ru/tags/t%d/page/%d/index.html", g, i)
				if err := s.Add(render.File{Path: p, Bytes: []byte(p)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	s.Add(render.File{Path: "ru/news/x/photo.jpg", Src: "content/news/x/photo.jpg"})
	s.Add(render.File{Path: "index.html", Bytes: []byte("root")})
	wg.Wait()
	if got := read(t, filepath.Join(dest, "old", "gone.html")); got != "stale" {
		t.Fatalf("the destination changed before Commit: %q", got)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for g := range 4 {
		for i := range 50 {
			p := fmt.Sprintf("ru/tags/t%d/page/%d/index.html", g, i)
			if got := read(t, filepath.Join(dest, filepath.FromSlash(p))); got != p {
				t.Fatalf("%s = %q", p, got)
			}
		}
	}
	if got := read(t, filepath.Join(dest, "ru", "news", "x", "photo.jpg")); got != "JPEG" {
		t.Errorf("copied resource = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "old")); !os.IsNotExist(err) {
		t.Errorf("stale output survived: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
	if err := s.Add(render.File{Path: "late.html"}); err == nil {
		t.Error("Add after Commit succeeded")
	}
}

func TestStageFailureLeavesOutputUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("previous"), 0o644)
	s, err := Begin(dest, fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	s.Add(render.File{Path: "index.html", Bytes: []byte("new")})
	s.Add(render.File{Path: "missing.jpg", Src: "content/nope.jpg"})
	// The failure is reported to later Adds, so a producer can stop early.
	deadline := time.Now().Add(10 * time.Second)
	for s.Add(render.File{Path: "more.html", Bytes: []byte("x")}) == nil {
		if time.Now().After(deadline) {
			t.Fatal("Add never reported the failed write")
		}
		runtime.Gosched()
	}
	if err := s.Commit(); err == nil {
		t.Fatal("Commit succeeded with a missing source file")
	}
	if got := read(t, filepath.Join(dest, "index.html")); got != "previous" {
		t.Errorf("output changed to %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("staging left behind: %v", entries)
	}
}

func TestStageAbortLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	s, err := Begin(filepath.Join(parent, "public"), fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	s.Add(render.File{Path: "a/b/index.html", Bytes: []byte("x")})
	s.Abort()
	s.Abort()
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("Abort left %v", entries)
	}
}

// Put has written the file when it returns: the caller reuses its buffer
// at once, and what is on disk is what was passed, not what the buffer
// holds later.
func TestStagePutWritesBeforeReturning(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 0, 64)
			for i := range 50 {
				p := fmt.Sprintf("en/news/n%d-%d/index.html", g, i)
				buf = append(buf[:0], p...)
				if err := s.Put(render.File{Path: p, Bytes: buf}); err != nil {
					t.Error(err)
				}
				staged := filepath.Join(s.dir, filepath.FromSlash(p))
				if got := read(t, staged); got != p {
					t.Errorf("%s holds %q right after Put", p, got)
				}
				copy(buf, "overwritten")
			}
		}()
	}
	wg.Wait()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dest, "en", "news", "n3-49", "index.html")); got != "en/news/n3-49/index.html" {
		t.Errorf("after Commit: %q", got)
	}
	if err := s.Put(render.File{Path: "late.html"}); err == nil {
		t.Error("Put after Commit succeeded")
	}
}

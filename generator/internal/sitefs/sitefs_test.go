package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// ReadFile gives what os.DirFS's gives: the same bytes, or an error with the
// same operation, path and cause.
func TestReadFileIsDirFS(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"a.md":           "---\ntitle: x\n---\nbody\n",
		"empty.md":       "",
		"big/index.md":   strings.Repeat("абв 中文 text\n", 50000),
		"one/two/3.yaml": "k: v",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(root, "link.md")); err != nil {
		t.Fatal(err)
	}
	fast, slow := Dir(root), os.DirFS(root)
	names := []string{"a.md", "empty.md", "big/index.md", "one/two/3.yaml", "link.md",
		"missing.md", "one", ".", "../x", "/etc/passwd", "one/../a.md", "a.md/x", ""}
	for _, name := range names {
		got, gerr := fs.ReadFile(fast, name)
		want, werr := fs.ReadFile(slow, name)
		if !bytes.Equal(got, want) {
			t.Errorf("%q: %d bytes, os.DirFS reads %d", name, len(got), len(want))
		}
		if (gerr == nil) != (werr == nil) {
			t.Errorf("%q: error %v, os.DirFS %v", name, gerr, werr)
			continue
		}
		if gerr == nil {
			continue
		}
		var gp, wp *fs.PathError
		if !errors.As(gerr, &gp) || !errors.As(werr, &wp) || gp.Op != wp.Op || gp.Path != wp.Path || !errors.Is(gerr, wp.Err) {
			t.Errorf("%q: error %#v, os.DirFS %#v", name, gerr, werr)
		}
	}
	// The rest of fs.FS is os.DirFS's.
	if err := fstest.TestFS(fast, "a.md", "big/index.md", "one/two/3.yaml"); err != nil {
		t.Error(err)
	}
}

package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// Root returns the root of the repository that holds the working
// directory (the test's package), as benchsite.FindRepo finds it. It is
// the sample site too: site.yaml, content/, i18n/ and the default theme's
// files in themes/default/.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := benchsite.FindRepo()
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// sampleParts are the files and folders of the sample site under Root.
var sampleParts = []string{"site.yaml", "content", "i18n", "layouts", "static", "themes/default"}

// Sample returns the repository's sample site, read into memory: its
// site.yaml, content, strings, layouts, static files and the theme's files
// as they lie in themes/default/ (the default theme of the binary is built
// from them).
func Sample(tb testing.TB) *Site {
	tb.Helper()
	root := Root(tb)
	m := fstest.MapFS{}
	for _, part := range sampleParts {
		err := filepath.WalkDir(filepath.Join(root, filepath.FromSlash(part)), func(p string, d fs.DirEntry, err error) error {
			if os.IsNotExist(err) && p == filepath.Join(root, filepath.FromSlash(part)) {
				return nil // the sample has no such folder
			}
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return &Site{tb: tb, FS: m}
}

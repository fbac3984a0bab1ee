package serve_test

import (
	"os"
	"path/filepath"
	"testing"
)

func copyTree(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(to, rel), data)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func mustWrite(tb testing.TB, p, s string) {
	tb.Helper()
	if err := writeFile(p, []byte(s)); err != nil {
		tb.Fatal(err)
	}
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

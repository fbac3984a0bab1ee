package serve_test

import (
	"os"
	"path/filepath"
	"testing"
)

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

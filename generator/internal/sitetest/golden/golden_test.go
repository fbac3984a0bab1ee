package golden

import (
	"strings"
	"testing"
)

// Check itself is tested in package sitetest, beside a testing.TB that
// records failures.

func TestDiffShowsTheLinesThatDiffer(t *testing.T) {
	want := "a\nb\nc\nd\ne\nf\ng\nh\n"
	got := "a\nb\nc\nd\nE\nE2\nf\ng\nh\n"
	if d, w := diff(want, got), "     2  b\n     3  c\n     4  d\n-    5  e\n+    5  E\n+    6  E2\n     7  f\n     8  g\n     9  h\n"; d != w {
		t.Errorf("diff:\n%s\nwant:\n%s", d, w)
	}
	if d := diff("x\n", "x"); d != "-    1  x\n+    1  x\n\\ no newline at the end\n" {
		t.Errorf("a missing final newline:\n%s", d)
	}
	if d := diff("same\n", "same\n"); d != "" {
		t.Errorf("equal texts: %q", d)
	}
	long := strings.Repeat("x\n", 100)
	if d := diff("", long); !strings.Contains(d, "+   40  x\n+       … 60 more lines\n") || strings.Contains(d, "+   41") {
		t.Errorf("a long difference is not cut:\n%s", d)
	}
}

package diag

import (
	"errors"
	"testing"
)

func TestFormatAndOrder(t *testing.T) {
	var l List
	l.Add(
		At("content/b.md", 2, 1, "second"),
		errors.Join(At("content/a.md", 10, 3, "later line"), At("content/a.md", 2, 7, "earlier line")),
		Warn("content/a.md", 5, 0, "a warning"),
		At("site.yaml", 0, 0, "no position"),
		errors.New("plain"),
		At("content/b.md", 2, 1, "second"), // duplicate
	)
	want := []string{
		"plain",
		"content/a.md:2:7: earlier line",
		"content/a.md:5: warning: a warning",
		"content/a.md:10:3: later line",
		"content/b.md:2:1: second",
		"site.yaml: no position",
	}
	got := l.Sorted()
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(got), len(want), got)
	}
	for i, d := range got {
		if d.Error() != want[i] {
			t.Errorf("%d: %q, want %q", i, d.Error(), want[i])
		}
	}
	if n := len(l.Errors()); n != 5 {
		t.Errorf("Errors() = %d, want 5", n)
	}
	if len(Flatten(l.Err())) != 5 {
		t.Errorf("Flatten(Err()) lost diagnostics")
	}
}

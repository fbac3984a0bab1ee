package diag

import (
	"errors"
	"testing"
)

func TestFormatAndOrder(t *testing.T) {
	var l List
	l.Add(
		at("content/b.md", 2, 1, "second"),
		errors.Join(at("content/a.md", 10, 3, "later line"), at("content/a.md", 2, 7, "earlier line")),
		warn("content/a.md", 5, 0, "a warning"),
		at("site.yaml", 0, 0, "no position"),
		errors.New("plain"),
		at("content/b.md", 2, 1, "second"), // duplicate
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

func TestMessage(t *testing.T) {
	m := Message{ID: "link.missing", Text: "link to {{.Dest}}: there is no {{.File}} ({{.Other}})"}
	d := m.Warn("content/a.md", 3, 2, "Dest", "../x/index.md", "File", "content/x/index.md")
	if d.Error() != "content/a.md:3:2: warning: link to ../x/index.md: there is no content/x/index.md ({{.Other}})" {
		t.Errorf("Error() = %q", d.Error())
	}
	if d.ID != "link.missing" || len(d.Args) != 2 || d.Data()["File"] != "content/x/index.md" {
		t.Errorf("ID %q, Args %v", d.ID, d.Args)
	}
	ru := map[string]string{"link.missing": "ссылка {{.Dest}}: нет файла {{.File}}"}
	lookup := func(id string) (string, bool) { s, ok := ru[id]; return s, ok }
	if got := d.Localize(lookup); got != "ссылка ../x/index.md: нет файла content/x/index.md" {
		t.Errorf("Localize = %q", got)
	}
	if got := at("a.md", 1, 1, "plain").Localize(lookup); got != "plain" {
		t.Errorf("Localize without an ID = %q", got)
	}
}

func TestNearest(t *testing.T) {
	known := []string{"expo", "regions", "trade"}
	for word, want := range map[string]string{"regoins": "regions", "Trade": "trade", "exop": "expo", "weather": "", "regions": ""} {
		got, ok := Nearest(word, known)
		if got != want || ok != (want != "") {
			t.Errorf("Nearest(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
}

func TestFillList(t *testing.T) {
	m := Message{ID: "x", Text: "add it to {{.Files}}"}
	for n, want := range []string{"add it to ", "add it to a", "add it to a and b", "add it to a, b and c"} {
		if got := m.Format("Files", []string{"a", "b", "c"}[:n]); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// at and warn make diagnostics with a text of their own, as no code
// outside tests may: every message gen prints is a declared Message.
func at(path string, line, col int, msg string) *Diagnostic {
	return &Diagnostic{Path: path, Line: line, Col: col, Msg: msg}
}

func warn(path string, line, col int, msg string) *Diagnostic {
	d := at(path, line, col, msg)
	d.Severity = Warning
	return d
}

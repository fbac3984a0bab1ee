package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// site writes files (name → text; a text starting with "-> " makes a
// symbolic link to the rest) under a new directory and opens it.
func site(t *testing.T, files map[string]string) (*FS, string) {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(text, "-> "); ok {
			err = os.Symlink(strings.ReplaceAll(target, "$ROOT", root), p)
		} else if strings.HasSuffix(name, "/") {
			err = os.MkdirAll(p, 0o755)
		} else {
			err = os.WriteFile(p, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, root
}

// Plain files read as os.DirFS reads them, and the FS passes fstest.
func TestReadsLikeDirFS(t *testing.T) {
	f, root := site(t, map[string]string{
		"a.md":           "---\ntitle: x\n---\nbody\n",
		"empty.md":       "",
		"big/index.md":   strings.Repeat("абв 中文 text\n", 50000),
		"one/two/3.yaml": "k: v",
		"link.md":        "-> a.md",
	})
	slow := os.DirFS(root)
	for _, name := range []string{"a.md", "empty.md", "big/index.md", "one/two/3.yaml", "link.md", "missing.md", "one", "../x", "/etc/passwd", "one/../a.md", ""} {
		got, gerr := fs.ReadFile(f, name)
		want, werr := fs.ReadFile(slow, name)
		if !bytes.Equal(got, want) || (gerr == nil) != (werr == nil) {
			t.Errorf("%q: %d bytes, error %v; os.DirFS: %d bytes, error %v", name, len(got), gerr, len(want), werr)
		}
		if gerr != nil && errors.Is(werr, fs.ErrNotExist) != errors.Is(gerr, fs.ErrNotExist) {
			t.Errorf("%q: error %v is not like os.DirFS's %v", name, gerr, werr)
		}
	}
	if err := fstest.TestFS(f, "a.md", "big/index.md", "one/two/3.yaml", "link.md"); err != nil {
		t.Error(err)
	}
}

// Every way a link can fail is a *LinkError naming the link and its
// target, from ReadFile, Stat, Open and the entry ReadDir lists.
func TestLinksThatAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _ := site(t, map[string]string{
		"content/x/index.md": "ok",
		"content/x/passwd":   "-> /etc/passwd",
		"content/x/up":       "-> ../../../" + filepath.Base(outside) + "/secret",
		"content/x/abs":      "-> $ROOT/content/x/index.md",
		"content/x/gone":     "-> nothing-here",
		"content/x/self":     "-> self",
		"content/x/ping":     "-> pong",
		"content/x/pong":     "-> ping",
		"static/secrets":     "-> " + outside,
	})
	cases := []struct{ name, target, reason string }{
		{"content/x/passwd", "/etc/passwd", ReasonOutside},
		{"content/x/abs", "", ReasonAbsolute},
		{"content/x/gone", "nothing-here", ReasonMissing},
		{"content/x/self", "self", ReasonLoop},
		{"content/x/ping", "pong", ReasonLoop},
		{"static/secrets", outside, ReasonOutside},
	}
	for _, c := range cases {
		for op, call := range map[string]func() error{
			"ReadFile": func() error { _, err := f.ReadFile(c.name); return err },
			"Stat":     func() error { _, err := f.Stat(c.name); return err },
			"Open":     func() error { _, err := f.Open(c.name); return err },
		} {
			le := LinkOf(call())
			if le == nil || le.Path != c.name || le.Reason != c.reason || c.target != "" && le.Target != c.target {
				t.Errorf("%s(%s): %#v, want a link error %s -> %s (%s)", op, c.name, le, c.name, c.target, c.reason)
			}
		}
	}
	// A link in the middle of a path is named, not the file asked for.
	if le := LinkOf(func() error { _, err := f.ReadFile("static/secrets/secret"); return err }()); le == nil || le.Path != "static/secrets" {
		t.Errorf("static/secrets/secret: %v, want the link static/secrets named", le)
	}
	// ReadDir lists the links that cannot be followed as links, with why.
	list, err := f.ReadDir("content/x")
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, d := range list {
		if le := Unfollowed("content/x/"+d.Name(), d); le != nil {
			bad = append(bad, d.Name()+":"+le.Reason)
		}
	}
	want := []string{"abs:absolute", "gone:missing", "passwd:outside", "ping:loop", "pong:loop", "self:loop", "up:outside"}
	if !slices.Equal(bad, want) {
		t.Errorf("unfollowed entries %v, want %v", bad, want)
	}
	if msg := (&LinkError{Path: "content/x/passwd", Target: "/etc/passwd", Reason: ReasonOutside}).Error(); msg != "content/x/passwd is a symbolic link to /etc/passwd, outside the site: gen reads nothing outside the site folder; copy the file into the site instead" {
		t.Errorf("message: %s", msg)
	}
}

// Links inside the site are followed, folders too, and a walk through
// linked folders ends: a link back to a folder the walk came through is a
// loop, however many links lie between.
func TestLinksInsideAreFollowedAndLoopsEnd(t *testing.T) {
	f, _ := site(t, map[string]string{
		"content/a/index.md":   "A",
		"content/b/index.md":   "B",
		"content/a/to-b":       "-> ../b",
		"content/b/to-a":       "-> ../a",
		"content/a/back":       "-> ..",
		"content/a/same.md":    "-> index.md",
		"content/shared/x.txt": "X",
		"content/b/shared":     "-> ../shared",
	})
	var walked, loops []string
	err := fs.WalkDir(f, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if le := Unfollowed(p, d); le != nil {
			loops = append(loops, p+":"+le.Reason)
		} else if !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantWalked := []string{
		"content/a/index.md", "content/a/same.md",
		"content/a/to-b/index.md", "content/a/to-b/shared/x.txt",
		"content/b/index.md", "content/b/shared/x.txt",
		"content/b/to-a/index.md", "content/b/to-a/same.md",
		"content/shared/x.txt",
	}
	wantLoops := []string{"content/a/back:loop", "content/a/to-b/to-a:loop", "content/b/to-a/back:loop", "content/b/to-a/to-b:loop"}
	if !slices.Equal(walked, wantWalked) {
		t.Errorf("walked\n%v\nwant\n%v", walked, wantWalked)
	}
	if !slices.Equal(loops, wantLoops) {
		t.Errorf("loops %v, want %v", loops, wantLoops)
	}
	if b, err := f.ReadFile("content/a/to-b/index.md"); err != nil || string(b) != "B" {
		t.Errorf("through a link inside: %q, %v", b, err)
	}
}

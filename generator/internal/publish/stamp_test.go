//go:build linux || darwin

package publish

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/render"
)

// sources is a site folder with a static file and a picture cache folder
// with a processed picture, and the files of a build that copies them.
type sources struct {
	site, cache string
	files       []render.File
}

func newSources(t *testing.T) *sources {
	dir := t.TempDir()
	s := &sources{site: filepath.Join(dir, "site"), cache: filepath.Join(dir, "cache")}
	write(t, filepath.Join(s.site, "static", "logo.png"), "PNG logo")
	write(t, filepath.Join(s.cache, "ab", "abcd", "800.webp"), "WEBP 800")
	s.files = []render.File{
		{Path: "index.html", Bytes: []byte("page")},
		{Path: "logo.png", Src: "static/logo.png"},
		{Path: "ru/x/hall-800.webp", Disk: filepath.Join(s.cache, "ab", "abcd", "800.webp")},
	}
	return s
}

// build publishes s.files into dest, as a build that begins an hour after
// now (every source file has settled), and returns the report and the
// source files it read.
func (s *sources) build(t *testing.T, dest string) (*Report, []string) {
	t.Helper()
	return s.buildAt(t, dest, time.Now().Add(time.Hour))
}

func (s *sources) buildAt(t *testing.T, dest string, begun time.Time) (*Report, []string) {
	t.Helper()
	var mu sync.Mutex
	var read []string
	opts := Options{now: func() time.Time { return begun }, read: func(name string) {
		mu.Lock()
		defer mu.Unlock()
		read = append(read, name)
	}}
	st, err := Begin(dest, os.DirFS(s.site), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.files {
		st.Add(f)
	}
	rep, err := st.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return rep, read
}

// ticked waits until the file system's clock has moved on from the last
// change of p, so that a change made now gives p another change time.
func ticked(t *testing.T, p string) {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := statOf(info)
	probe := filepath.Join(t.TempDir(), "probe")
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		write(t, probe, "x")
		info, err := os.Stat(probe)
		if err != nil {
			t.Fatal(err)
		}
		if now, _ := statOf(info); now.ctime.After(before.ctime) {
			return
		}
	}
	t.Fatal("the file system's clock did not move in 10 s")
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A rebuild does not read a source file (a static file, a picture in the
// cache folder) that did not change since the last build read it.
func TestUnchangedSourcesAreNotRead(t *testing.T) {
	s := newSources(t)
	dest := filepath.Join(t.TempDir(), "public")
	s.build(t, dest)
	rep, read := s.build(t, dest)
	if len(read) != 0 {
		t.Errorf("an unchanged rebuild read %q", read)
	}
	if rep.Written != 0 || rep.Kept != 3 {
		t.Errorf("an unchanged rebuild: %+v, want all 3 kept", rep)
	}
}

// A source file changed since the last build is read and written again,
// even at the same size and with its modification time set back (cp -p,
// touch -d), and so is a picture the cache holds under another name.
func TestChangedSourcesAreWritten(t *testing.T) {
	s := newSources(t)
	dest := filepath.Join(t.TempDir(), "public")
	s.build(t, dest)
	logo := filepath.Join(s.site, "static", "logo.png")
	old, err := os.Stat(logo)
	if err != nil {
		t.Fatal(err)
	}
	ticked(t, logo)
	write(t, logo, "PNG LOGO")
	if err := os.Chtimes(logo, old.ModTime(), old.ModTime()); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(s.cache, "ef", "efgh", "800.webp")
	write(t, other, "WEBP 8OO")
	s.files[2].Disk = other
	rep, _ := s.build(t, dest)
	if rep.Written != 2 || rep.Kept != 1 {
		t.Errorf("after two sources changed: %+v, want them written", rep)
	}
	for p, want := range map[string]string{"logo.png": "PNG LOGO", "ru/x/hall-800.webp": "WEBP 8OO"} {
		if got := readFile(t, filepath.Join(dest, filepath.FromSlash(p))); got != want {
			t.Errorf("%s is %q, want %q", p, got, want)
		}
	}
}

// A copied file edited in the destination by someone else is written
// again, though its source did not change.
func TestCopyEditedInTheDestinationIsWrittenAgain(t *testing.T) {
	s := newSources(t)
	dest := filepath.Join(t.TempDir(), "public")
	s.build(t, dest)
	ticked(t, filepath.Join(dest, filepath.FromSlash(manifestName)))
	for _, p := range []string{"logo.png", "ru/x/hall-800.webp"} {
		write(t, filepath.Join(dest, filepath.FromSlash(p)), "edited!!")
	}
	rep, _ := s.build(t, dest)
	if rep.Written != 2 || rep.Kept != 1 {
		t.Errorf("after two copies were edited: %+v, want them written", rep)
	}
	for p, want := range map[string]string{"logo.png": "PNG logo", "ru/x/hall-800.webp": "WEBP 800"} {
		if got := readFile(t, filepath.Join(dest, filepath.FromSlash(p))); got != want {
			t.Errorf("%s is %q, want %q", p, got, want)
		}
	}
}

// A source file changed less than settled before a build began is read
// again by the next build: a second change within the file system's
// clock tick would leave its times as they were.
func TestRecentlyChangedSourcesAreReadAgain(t *testing.T) {
	s := newSources(t)
	dest := filepath.Join(t.TempDir(), "public")
	var first time.Time
	for _, p := range []string{filepath.Join(s.site, "static", "logo.png"), s.files[2].Disk} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := statOf(info)
		if first.IsZero() || st.ctime.Before(first) {
			first = st.ctime
		}
	}
	s.buildAt(t, dest, first.Add(settled-time.Millisecond))
	if _, read := s.build(t, dest); len(read) != 2 {
		t.Errorf("a rebuild after a build that began %v after the sources changed read %q, want both", settled-time.Millisecond, read)
	}
	if _, read := s.build(t, dest); len(read) != 0 {
		t.Errorf("the next rebuild read %q, want nothing", read)
	}
}

// A file system without change times (an fs.FS in memory) has every
// source read, as before stamps.
func TestSourcesWithoutStampsAreRead(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var n int
	var mu sync.Mutex
	opts := Options{now: func() time.Time { return time.Now().Add(time.Hour) }, read: func(string) { mu.Lock(); n++; mu.Unlock() }}
	for range 2 {
		if _, err := publish(t, dest, site{"CNAME": "src:static/CNAME"}, opts); err != nil {
			t.Fatal(err)
		}
	}
	if n != 3 { // hashed and copied, then hashed
		t.Errorf("%d reads, want 3", n)
	}
}

// The stamps file reads back what it wrote; one damaged is not trusted
// at all, and a build without stamps leaves none.
func TestStampsFile(t *testing.T) {
	entries := []entry{{path: "b c/ä.png", hash: "ab", size: 2, stamp: "s2"}, {path: "a", hash: "cd", size: 1}, {path: "0", hash: "ef", size: 3, stamp: "s0"}}
	text := formatStamps(entries)
	if want := "gen stamps 1\ns0 ef 3 \"0\"\ns2 ab 2 \"b c/ä.png\"\n"; string(text) != want {
		t.Errorf("stamps:\n%s", text)
	}
	back := parseStamps(text)
	if len(back) != 2 || back["b c/ä.png"] != (entry{path: "b c/ä.png", hash: "ab", size: 2, stamp: "s2", op: opKept}) {
		t.Errorf("parse: %v", back)
	}
	for _, bad := range []string{"s0 ef 3 \"0\"\ns2 ab", "s0 ef x \"0\"", "s0 ef 3 0", "s0 ef 3 \"../0\""} {
		if back := parseStamps([]byte(stampsHead + "\n" + bad + "\n")); back != nil {
			t.Errorf("%q: read as %v", bad, back)
		}
	}
	if formatStamps(entries[1:2]) != nil {
		t.Error("stamps without a stamp")
	}
}

// A damaged stamps file has every source read again, and is replaced.
func TestDamagedStampsAreNotTrusted(t *testing.T) {
	s := newSources(t)
	dest := filepath.Join(t.TempDir(), "public")
	s.build(t, dest)
	stamps := filepath.Join(dest, filepath.FromSlash(stampsName))
	write(t, stamps, readFile(t, stamps)+"damaged\n")
	if _, read := s.build(t, dest); len(read) != 2 {
		t.Errorf("with a damaged stamps file, a rebuild read %q, want both sources", read)
	}
	if _, read := s.build(t, dest); len(read) != 0 {
		t.Errorf("the next rebuild read %q, want nothing", read)
	}
}

package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/render"
)

// site is a build's files by path; a value starting with "src:" is copied
// from that file of srcFS.
type site map[string]string

var srcFS = fstest.MapFS{
	"content/news/x/photo.jpg": {Data: []byte("JPEG")},
	"static/CNAME":             {Data: []byte("news.example.org")},
}

// publish writes files into dest with opts and commits.
func publish(t *testing.T, dest string, files site, opts Options) (*Report, error) {
	t.Helper()
	s, err := Begin(dest, srcFS, opts)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	for _, p := range slices.Sorted(maps.Keys(files)) {
		f := render.File{Path: p, Bytes: []byte(files[p])}
		if src, ok := strings.CutPrefix(files[p], "src:"); ok {
			f = render.File{Path: p, Src: src}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Put(f) // Commit reports what failed
		}()
	}
	wg.Wait()
	return s.Commit()
}

func mustPublish(t *testing.T, dest string, files site, opts Options) *Report {
	t.Helper()
	rep, err := publish(t, dest, files, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// tree returns every file under dir but .gen, with its content; a folder
// is listed with a trailing slash, a link as "-> target".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case rel == stateDir:
			return fs.SkipDir
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			m[rel] = "-> " + target
		case d.IsDir():
			m[rel+"/"] = ""
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// want is what tree gives for files: their contents and their folders.
func want(files site, extra map[string]string) map[string]string {
	m := map[string]string{}
	for p, text := range files {
		if src, ok := strings.CutPrefix(text, "src:"); ok {
			text = string(srcFS[src].Data)
		}
		m[p] = text
		for d := range parents(p) {
			m[d+"/"] = ""
		}
	}
	maps.Copy(m, extra)
	return m
}

func equalTrees(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if maps.Equal(got, want) {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if w, ok := want[k]; !ok {
			t.Errorf("%s: %s is there but should not be", what, k)
		} else if w != got[k] {
			t.Errorf("%s: %s holds %q, want %q", what, k, got[k], w)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[k]; !ok {
			t.Errorf("%s: %s is missing", what, k)
		}
	}
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t).Ino
}

var (
	first = site{
		"index.html":           "root",
		"ru/news/x/index.html": "новость",
		"ru/news/x/photo.jpg":  "src:content/news/x/photo.jpg",
		"ru/news/y/index.html": "другая",
		"CNAME":                "src:static/CNAME",
	}
	second = site{
		"index.html":           "root, new",
		"ru/news/x/index.html": "новость",
		"ru/news/x/photo.jpg":  "src:content/news/x/photo.jpg",
		"en/news/x/index.html": "news",
		"CNAME":                "src:static/CNAME",
	}
)

// gen replaces and removes only what it wrote: the .git of a gh-pages
// worktree and a hand-placed file stay, a release the site no longer has
// goes with its folder, and the destination folder itself stays the same.
func TestOnlyWhatGenWroteIsReplacedOrRemoved(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(dest, ".git", "HEAD"), "ref: refs/heads/gh-pages")
	write(t, filepath.Join(dest, "google123.html"), "verification")
	write(t, filepath.Join(dest, "ru", "news", "hand.html"), "by hand")
	foreign := map[string]string{".git/": "", ".git/HEAD": "ref: refs/heads/gh-pages", "google123.html": "verification", "ru/news/hand.html": "by hand"}
	folder := inode(t, dest)

	rep := mustPublish(t, dest, first, Options{})
	if rep.Written != 5 || rep.Kept != 0 || rep.Removed != 0 {
		t.Errorf("first build: %+v", rep)
	}
	equalTrees(t, "first build", tree(t, dest), want(first, foreign))

	rep = mustPublish(t, dest, second, Options{})
	if rep.Written != 2 || rep.Kept != 3 || rep.Removed != 1 {
		t.Errorf("second build: %+v, want 2 written, 3 kept, 1 removed", rep)
	}
	equalTrees(t, "second build", tree(t, dest), want(second, foreign))
	if inode(t, dest) != folder {
		t.Error("the destination folder was replaced; a mount point or an open server would lose it")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("beside the destination: %v", entries)
	}
	state, _ := os.ReadDir(filepath.Join(dest, stateDir))
	if len(state) != 2 {
		t.Errorf("%s holds %v, want the lock and the manifest only", stateDir, state)
	}
}

// A rebuild writes only the files whose bytes changed, and a file edited
// in the destination by hand is written again.
func TestOnlyChangedFilesAreWritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustPublish(t, dest, first, Options{})
	before := map[string]uint64{}
	for p := range first {
		before[p] = inode(t, filepath.Join(dest, filepath.FromSlash(p)))
	}
	rep := mustPublish(t, dest, first, Options{})
	if rep.Written != 0 || rep.Kept != len(first) {
		t.Errorf("the same build again: %+v, want nothing written", rep)
	}
	for p, ino := range before {
		if inode(t, filepath.Join(dest, filepath.FromSlash(p))) != ino {
			t.Errorf("%s was written again though it did not change", p)
		}
	}
	write(t, filepath.Join(dest, "ru", "news", "y", "index.html"), "edited by hand, same size?")
	rep = mustPublish(t, dest, first, Options{})
	if rep.Written != 1 {
		t.Errorf("after a hand edit: %+v, want that one file written", rep)
	}
	equalTrees(t, "after a hand edit", tree(t, dest), want(first, nil))
}

// --clean-destination removes what gen did not write, but .git; a folder
// gen never wrote into is refused for it.
func TestCleanDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(dest, ".git", "HEAD"), "ref")
	write(t, filepath.Join(dest, "stray.html"), "stray")
	if err := Check(dest, "", true); err == nil || !strings.Contains(err.Error(), "was not made by gen (it has no .gen/manifest) and holds 2 entries gen did not write") {
		t.Errorf("clean of a foreign folder: %v", err)
	}
	mustPublish(t, dest, first, Options{})
	write(t, filepath.Join(dest, "ru", "news", "x", "stray.txt"), "stray")
	write(t, filepath.Join(dest, "old", "deep", "a.html"), "stray")
	if err := Check(dest, "", true); err != nil {
		t.Fatal(err)
	}
	rep := mustPublish(t, dest, first, Options{Clean: true})
	if rep.Cleaned != 3 {
		t.Errorf("cleaned %d entries, want 3 (stray.html, old/, ru/news/x/stray.txt)", rep.Cleaned)
	}
	equalTrees(t, "clean", tree(t, dest), want(first, map[string]string{".git/": "", ".git/HEAD": "ref"}))
}

// What is in the way of the new site is an error before anything changes,
// unless it is the last build's or --clean-destination says so; a link
// placed in the destination never leads a write outside.
func TestConflictsInTheDestination(t *testing.T) {
	outside := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(dest, "ru"), "a file where a folder goes")
	write(t, filepath.Join(dest, "index.html", "x"), "a folder where a file goes")
	if err := os.Symlink(outside, filepath.Join(dest, "en")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	_, err := publish(t, dest, second, Options{})
	wantMsg := dest + ": the new site cannot be put in place: en is a symbolic link, where the new site needs a folder: move it away, or build with --clean-destination; " +
		"index.html is a folder gen did not make, where the new site needs a file: move it away, or build with --clean-destination; " +
		"ru is a file gen did not write, where the new site needs a folder: move it away, or build with --clean-destination: nothing was published; the previous site is unchanged"
	if err == nil || err.Error() != wantMsg {
		t.Errorf("error:\n%v\nwant:\n%s", err, wantMsg)
	}
	equalTrees(t, "after the refusal", tree(t, dest), before)
	if list, _ := os.ReadDir(outside); len(list) != 0 {
		t.Errorf("written outside through a link: %v", list)
	}
	mustPublish(t, dest, second, Options{Clean: true})
	equalTrees(t, "with --clean-destination", tree(t, dest), want(second, nil))

	// The last build's file where a folder now goes is the build's to move.
	mustPublish(t, dest, site{"a/b": "file"}, Options{})
	mustPublish(t, dest, site{"a/b/index.html": "folder"}, Options{})
	mustPublish(t, dest, site{"a/b": "file again"}, Options{})
	equalTrees(t, "file, folder, file", tree(t, dest), want(site{"a/b": "file again"}, nil))
}

// Modes follow the umask, the destination's own included.
func TestModesFollowTheUmask(t *testing.T) {
	for _, mask := range []int{0o022, 0o027} {
		old := syscall.Umask(mask)
		dest := filepath.Join(t.TempDir(), "public")
		mustPublish(t, dest, first, Options{})
		syscall.Umask(old)
		for p, want := range map[string]fs.FileMode{".": 0o777, "ru/news": 0o777, "index.html": 0o666, "ru/news/x/photo.jpg": 0o666} {
			info, err := os.Stat(filepath.Join(dest, p))
			if err != nil {
				t.Fatal(err)
			}
			if got, w := info.Mode().Perm(), want&^fs.FileMode(mask); got != w {
				t.Errorf("umask %03o: %s has mode %03o, want %03o", mask, p, got, w)
			}
		}
	}
}

// fail gives err at the n-th call of step (0 for every call).
func fail(step string, n int, err error) func(string, string) error {
	var mu sync.Mutex
	calls := 0
	return func(s, _ string) error {
		if s != step {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		calls++
		if n == 0 || calls == n {
			return err
		}
		return nil
	}
}

// A write that fails (a full disk) before the commit point leaves the
// destination exactly as it was, gen's record included, and no stage.
func TestFailureBeforeTheCommitPointChangesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustPublish(t, dest, first, Options{})
	manifest, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(manifestName)))
	before := tree(t, dest)
	for _, c := range []struct {
		step string
		err  error
		msg  string
	}{
		{"write", syscall.ENOSPC, "the disk is full"},
		{"write", syscall.EROFS, "the folder is on a read-only disk"},
		{"journal", syscall.EDQUOT, "the disk quota is used up"},
	} {
		_, err := publish(t, dest, second, Options{fail: fail(c.step, 1, c.err)})
		if want := dest + ": " + c.msg + ": nothing was published; the previous site is unchanged"; err == nil || err.Error() != want {
			t.Errorf("%s fails: %v, want %s", c.step, err, want)
		}
		equalTrees(t, c.step+" fails", tree(t, dest), before)
		if got, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(manifestName))); string(got) != string(manifest) {
			t.Errorf("%s fails: the manifest changed", c.step)
		}
		for _, name := range []string{stageName, journalName} {
			if _, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name))); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s fails: %s is left behind", c.step, name)
			}
		}
	}
}

// A build stopped after its commit point, at any file, is finished by the
// next Begin: the destination then holds exactly the new site.
func TestInterruptedCommitIsFinishedByTheNextRun(t *testing.T) {
	for n := 1; n <= 2; n++ {
		dest := filepath.Join(t.TempDir(), "public")
		mustPublish(t, dest, first, Options{})
		_, err := publish(t, dest, second, Options{fail: fail("move", n, syscall.EIO)})
		var f *Failure
		if !errors.As(err, &f) || f.State != Partly || !strings.HasSuffix(err.Error(), ": the new site is only partly in place; run gen build again to finish it") {
			t.Fatalf("move %d fails: %v", n, err)
		}
		s, err := Begin(dest, srcFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !s.recovered {
			t.Error("Begin did not finish the interrupted build")
		}
		s.Abort()
		equalTrees(t, fmt.Sprintf("move %d failed, then recovered", n), tree(t, dest), want(second, nil))
	}
}

// Tidy, which a build calls before its long work, finishes a build
// stopped after its commit point and leaves neither journal nor stage; a
// folder gen never published into is left as it is.
func TestTidyFinishesAnInterruptedCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustPublish(t, dest, first, Options{})
	if _, err := publish(t, dest, second, Options{fail: fail("move", 1, syscall.EIO)}); err == nil {
		t.Fatal("the move did not fail")
	}
	if err := Tidy(dest); err != nil {
		t.Fatal(err)
	}
	equalTrees(t, "tidied", tree(t, dest), want(second, nil))
	for _, name := range []string{stageName, journalName} {
		if _, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name))); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is left behind", name)
		}
	}
	foreign := t.TempDir()
	if err := Tidy(foreign); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(foreign); len(entries) != 0 {
		t.Errorf("Tidy wrote into a folder gen never published into: %v", entries)
	}
}

// A file of the last build that cannot be removed does not make the build
// say nothing was published: it was, and the file is tried again.
func TestRemovalFailureSaysTheSiteIsPublished(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustPublish(t, dest, first, Options{})
	_, err := publish(t, dest, second, Options{fail: fail("remove", 0, syscall.EACCES)})
	want1 := dest + ": the new site is published, but 1 file of the last build, no longer part of the site, could not be removed (permission denied): ru/news/y/index.html; the next build tries again"
	if err == nil || err.Error() != want1 {
		t.Errorf("error:\n%v\nwant:\n%s", err, want1)
	}
	rep := mustPublish(t, dest, second, Options{})
	if rep.Removed != 1 {
		t.Errorf("the next build removed %d files, want the one left", rep.Removed)
	}
	equalTrees(t, "after the retry", tree(t, dest), want(second, nil))
}

// One build at a time: a second one into the same folder is told to wait.
func TestOneBuildAtATime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest, srcFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	_, err = Begin(dest, srcFS, Options{})
	if want := dest + ": another gen build or deploy is using this folder right now; wait for it to finish: nothing was published; the previous site is unchanged"; err == nil || err.Error() != want {
		t.Errorf("second build: %v", err)
	}
}

// What gen's earlier publisher left when killed is tidied: its staging
// folders go, and a destination it had moved aside comes back.
func TestLeftoversOfTheEarlierPublisherAreTidied(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	write(t, filepath.Join(dir, ".public.staging-1", "index.html"), "half")
	write(t, filepath.Join(dir, ".public.staging-2.old", "index.html"), "previous")
	write(t, filepath.Join(dir, ".other.staging-3", "keep"), "not ours")
	s, err := Begin(dest, srcFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
	got := tree(t, dir)
	wantTree := map[string]string{"public/": "", "public/index.html": "previous", ".other.staging-3/": "", ".other.staging-3/keep": "not ours"}
	for k := range got {
		if strings.HasPrefix(k, "public/.gen") {
			delete(got, k)
		}
	}
	equalTrees(t, "tidied", got, wantTree)
}

// A manifest is the same bytes for the same files, and one that names a
// path outside the destination is not trusted.
func TestManifest(t *testing.T) {
	entries := []entry{{path: "b c/ä.html", hash: "ab", size: 2, op: opKept}, {path: "a", hash: "cd", size: 1, op: opKept}}
	text := format(entries)
	if want := "gen manifest 1\n= cd 1 \"a\"\n= ab 2 \"b c/ä.html\"\n"; string(text) != want {
		t.Errorf("manifest:\n%s", text)
	}
	back, err := parse(text)
	if err != nil || len(back) != 2 || back[1].path != "b c/ä.html" {
		t.Errorf("parse: %v %v", back, err)
	}
	for _, bad := range []string{"= x 1 \"../etc/passwd\"", "= x 1 \"/etc/passwd\"", "= x 1 \".gen/manifest\"", "= x 1 \"a//b\"", "? x 1 \"a\""} {
		if _, err := parse([]byte(manifestHead + "\n" + bad + "\n")); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

package watch_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/watch"
	"github.com/fsnotify/fsnotify"
)

// quiet is the debounce window in these tests: long enough that a loaded
// machine does not split one editor save into two batches.
const quiet = 500 * time.Millisecond

// settle is the window for a lone save in these tests: long enough that a
// loaded machine delivers the events of one write together.
const settle = 50 * time.Millisecond

// forever is a window no test waits for: a batch delivered under it was
// delivered as a lone save.
const forever = time.Hour

func start(t *testing.T, dir string, opts watch.Options) *watch.Watcher {
	t.Helper()
	opts.Root = dir
	if opts.Quiet == 0 {
		opts.Quiet = quiet
	}
	if opts.Settle == 0 {
		opts.Settle = settle
	}
	w, err := watch.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next waits for the next batch.
func next(t *testing.T, w *watch.Watcher) watch.Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("watcher closed")
		}
		return b
	case <-time.After(10 * time.Second):
		t.Fatal("no batch within 10s")
	}
	panic("unreachable")
}

// none asserts that no further batch arrives for a few debounce windows.
func none(t *testing.T, w *watch.Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected second batch: %+v", b)
	case <-time.After(2 * quiet):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.yaml"), "baseURL: https://example.org/\n")
	write(t, filepath.Join(dir, "content", "news", "x", "index.md"), "---\ntitle: X\n---\nold\n")
	write(t, filepath.Join(dir, "public", "index.html"), "out")
	return dir
}

func wantPaths(t *testing.T, b watch.Batch, want ...string) {
	t.Helper()
	if !slices.Equal(b.Paths, want) || b.Rescan {
		t.Fatalf("batch %+v, want exactly the paths %q", b, want)
	}
}

// The saves of common editors, each of which must reach the watcher as
// one change of content/news/x/index.md.
var saves = []struct {
	name string
	save func(t *testing.T, dir string)
}{
	{"in place", func(t *testing.T, dir string) {
		write(t, filepath.Join(dir, "content/news/x/index.md"), "new")
	}},
	// vim with backupcopy=no and writebackup: probe file 4913, the
	// original renamed to a backup, a new file written, the backup
	// deleted; plus the swap file it keeps while editing.
	{"vim", func(t *testing.T, dir string) {
		d := filepath.Join(dir, "content/news/x")
		f := filepath.Join(d, "index.md")
		write(t, filepath.Join(d, ".index.md.swp"), "swap")
		write(t, filepath.Join(d, "4913"), "")
		do(t, os.Remove(filepath.Join(d, "4913")))
		do(t, os.Rename(f, f+"~"))
		write(t, f, "saved by vim")
		do(t, os.Remove(f+"~"))
		write(t, filepath.Join(d, ".index.md.swp"), "swap 2")
	}},
	// JetBrains "safe write": the new text goes to a temporary file, the
	// original is renamed aside, the temporary renamed into place, the old
	// one deleted.
	{"JetBrains", func(t *testing.T, dir string) {
		f := filepath.Join(dir, "content/news/x/index.md")
		write(t, f+"___jb_tmp___", "saved by GoLand")
		do(t, os.Rename(f, f+"___jb_old___"))
		do(t, os.Rename(f+"___jb_tmp___", f))
		do(t, os.Remove(f+"___jb_old___"))
	}},
	// Emacs: an autosave file #name#, a lock symlink .#name, a backup name~
	// made by renaming, then the new file.
	{"Emacs", func(t *testing.T, dir string) {
		d := filepath.Join(dir, "content/news/x")
		f := filepath.Join(d, "index.md")
		write(t, filepath.Join(d, "#index.md#"), "autosave")
		do(t, os.Symlink("user@host.1234:1", filepath.Join(d, ".#index.md")))
		do(t, os.Rename(f, f+"~"))
		write(t, f, "saved by emacs")
		do(t, os.Remove(filepath.Join(d, "#index.md#")))
		do(t, os.Remove(filepath.Join(d, ".#index.md")))
	}},
	// Atomic save through a temporary file whose name says nothing (VS
	// Code extensions, sed -i, many libraries): the temporary name must
	// not show.
	{"atomic rename", func(t *testing.T, dir string) {
		f := filepath.Join(dir, "content/news/x/index.md")
		write(t, f+".tmp-83712", "saved atomically")
		do(t, os.Rename(f+".tmp-83712", f))
	}},
}

// Each editor's save is one batch naming the file alone.
func TestEditorSaves(t *testing.T) {
	for _, tc := range saves {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := site(t)
			w := start(t, dir, watch.Options{})
			tc.save(t, dir)
			wantPaths(t, next(t, w), "content/news/x/index.md")
			none(t, w)
		})
	}
}

// A save is delivered once its events have settled, without waiting for
// the quiet window (an hour here), and its intermediate states (the file
// renamed aside, created empty, truncated) are not delivered on their own.
func TestEditorSavesAreNotHeldBack(t *testing.T) {
	for _, tc := range saves {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := site(t)
			w := start(t, dir, watch.Options{Quiet: forever, MaxDelay: forever})
			tc.save(t, dir)
			wantPaths(t, next(t, w), "content/news/x/index.md")
			none(t, w)
			// And again: the watcher is at rest after a lone save.
			write(t, filepath.Join(dir, "content/news/x/index.md"), "once more")
			wantPaths(t, next(t, w), "content/news/x/index.md")
		})
	}
}

// Only one Markdown file that is there and is not empty counts as a lone
// save; anything else waits for the quiet window.
func TestLone(t *testing.T) {
	dir := site(t)
	write(t, filepath.Join(dir, "content/news/x/empty.md"), "")
	write(t, filepath.Join(dir, "content/news/x/photo.jpg"), "jpg")
	do(t, os.Mkdir(filepath.Join(dir, "content/news/x/dir.md"), 0o755))
	const md = "content/news/x/index.md"
	for _, tc := range []struct {
		name string
		b    watch.Batch
		want bool
	}{
		{"a saved Markdown file", watch.Batch{Paths: []string{md}}, true},
		{"two files", watch.Batch{Paths: []string{md, "site.yaml"}}, false},
		{"a new directory and its file", watch.Batch{Paths: []string{"content/news/x", md}}, false},
		{"not Markdown", watch.Batch{Paths: []string{"content/news/x/photo.jpg"}}, false},
		{"an empty file (truncated, not yet written)", watch.Batch{Paths: []string{"content/news/x/empty.md"}}, false},
		{"a missing file (renamed aside, not yet back)", watch.Batch{Paths: []string{"content/news/x/gone.md"}}, false},
		{"a directory", watch.Batch{Paths: []string{"content/news/x/dir.md"}}, false},
		{"a rescan", watch.Batch{Paths: []string{md}, Rescan: true}, false},
		{"a note", watch.Batch{Paths: []string{md}, Notes: []*diag.Diagnostic{diag.Message{ID: "x", Text: "n"}.Warn("", 0, 0)}}, false},
	} {
		if got := watch.Lone(tc.b, dir); got != tc.want {
			t.Errorf("%s: lone = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNewDirectoryIsWalkedAndWatched(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{})
	// Created right after the directories, before any watch could be on them.
	write(t, filepath.Join(dir, "content/news/2025/new-release/index.en.md"), "new")
	write(t, filepath.Join(dir, "content/news/2025/new-release/photo.jpg"), "jpg")
	b := next(t, w)
	for _, p := range []string{"content/news/2025/new-release/index.en.md", "content/news/2025/new-release/photo.jpg"} {
		if !slices.Contains(b.Paths, p) {
			t.Errorf("batch %q lacks %s", b.Paths, p)
		}
	}
	// The new directory is watched from now on.
	write(t, filepath.Join(dir, "content/news/2025/new-release/index.ru.md"), "ru")
	wantPaths(t, next(t, w), "content/news/2025/new-release/index.ru.md")
}

func TestRenamedDirectory(t *testing.T) {
	t.Parallel()
	dir := site(t)
	write(t, filepath.Join(dir, "content/news/x/sub/a.md"), "a")
	w := start(t, dir, watch.Options{})
	do(t, os.Rename(filepath.Join(dir, "content/news/x"), filepath.Join(dir, "content/news/y")))
	b := next(t, w)
	for _, p := range []string{"content/news/x", "content/news/y", "content/news/y/index.md", "content/news/y/sub/a.md"} {
		if !slices.Contains(b.Paths, p) {
			t.Errorf("batch %q lacks %s", b.Paths, p)
		}
	}
	// Changes in the moved tree are reported under the new name.
	write(t, filepath.Join(dir, "content/news/y/sub/a.md"), "a2")
	wantPaths(t, next(t, w), "content/news/y/sub/a.md")
}

func TestRemovedDirectory(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{})
	do(t, os.RemoveAll(filepath.Join(dir, "content/news/x")))
	b := next(t, w)
	if !slices.Contains(b.Paths, "content/news/x") {
		t.Fatalf("batch %q lacks the removed directory", b.Paths)
	}
	// The directory can come back and is watched again.
	write(t, filepath.Join(dir, "content/news/x/index.md"), "back")
	b = next(t, w)
	if !slices.Contains(b.Paths, "content/news/x/index.md") {
		t.Fatalf("batch %q lacks the re-created file", b.Paths)
	}
}

// A git checkout: hundreds of files at once are one batch.
func TestBurstIsOneBatch(t *testing.T) {
	t.Parallel()
	dir := site(t)
	// A second of quiet: a loaded test machine may pause the writing
	// goroutine for longer than the default window, git does not.
	w := start(t, dir, watch.Options{Quiet: time.Second})
	for i := range 500 {
		write(t, filepath.Join(dir, "content/news", fmt.Sprintf("r%03d", i%50), fmt.Sprintf("index.%d.md", i)), "x")
	}
	b := next(t, w)
	files := 0
	for _, p := range b.Paths {
		if strings.HasSuffix(p, ".md") {
			files++
		}
	}
	if files != 500 {
		t.Fatalf("first batch has %d of the 500 files", files)
	}
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected second batch: %+v", b)
	case <-time.After(2 * time.Second):
	}
}

func TestIncludeAndHidden(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{Include: func(rel string, isDir bool) bool {
		return rel != "public" && !strings.HasPrefix(rel, "public/")
	}})
	write(t, filepath.Join(dir, "public/index.html"), "output")
	write(t, filepath.Join(dir, ".git/index"), "git")
	write(t, filepath.Join(dir, "public/new/index.html"), "output")
	write(t, filepath.Join(dir, "site.yaml"), "baseURL: https://example.org/x/\n")
	wantPaths(t, next(t, w), "site.yaml")
}

func TestOverflowMeansRescan(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{})
	w.Inject(fsnotify.ErrEventOverflow)
	b := next(t, w)
	if !b.Rescan || len(b.Notes) != 1 || !strings.Contains(b.Notes[0].Error(), "fs.inotify.max_queued_events") {
		t.Fatalf("batch %+v: want Rescan and a note naming fs.inotify.max_queued_events", b)
	}
	// The note is said in the reader's language.
	if got := speak.New("ru").Line(b.Notes[0]); !strings.Contains(got, "системная очередь событий переполнилась") {
		t.Errorf("the note in Russian: %q", got)
	}
	// Still watching afterwards.
	write(t, filepath.Join(dir, "content/news/x/index.md"), "after")
	wantPaths(t, next(t, w), "content/news/x/index.md")
}

// When the kernel refuses more watches, the watcher says which limit to
// raise and keeps seeing changes by polling.
func TestWatchLimitFallsBackToPolling(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w, err := watch.StartWithAdd(watch.Options{Root: dir, Quiet: quiet}, func(add func(string) error) func(string) error {
		return func(p string) error {
			if strings.Contains(p, "2025") {
				return syscall.ENOSPC
			}
			return add(p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	write(t, filepath.Join(dir, "content/news/2025/a/index.md"), "a")
	b := next(t, w)
	if !b.Rescan || len(b.Notes) == 0 || !strings.Contains(diag.Join(b.Notes).Error(), "sudo sysctl fs.inotify.max_user_watches=") {
		t.Fatalf("batch %+v: want Rescan and a note naming fs.inotify.max_user_watches", b)
	}
	write(t, filepath.Join(dir, "content/news/2025/a/index.md"), "changed while polling")
	b = next(t, w)
	if !slices.Contains(b.Paths, "content/news/2025/a/index.md") {
		t.Fatalf("polling missed a change: %+v", b)
	}
}

func TestPoll(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{Poll: 20 * time.Millisecond})
	write(t, filepath.Join(dir, "content/news/x/index.md"), "polled change")
	wantPaths(t, next(t, w), "content/news/x/index.md")
	write(t, filepath.Join(dir, "content/news/y/index.md"), "new")
	wantPaths(t, next(t, w), "content/news/y", "content/news/y/index.md")
	do(t, os.Remove(filepath.Join(dir, "content/news/y/index.md")))
	wantPaths(t, next(t, w), "content/news/y/index.md")
	write(t, filepath.Join(dir, "content/news/x/index.md~"), "backup")
	none(t, w)
}

func TestTemporary(t *testing.T) {
	for name, want := range map[string]bool{
		"index.md": false, "index.en.md": false, "photo.jpg": false, "2025": true,
		"4913": true, "5036": true, "index.md~": true, ".index.md.swp": true, "index.md.swp": true,
		"index.md___jb_tmp___": true, "index.md___jb_old___": true, "#index.md#": true,
		".#index.md": true, "~$report.docx": true, "index.md.crswap": true, "a#b": false,
	} {
		if got := watch.Temporary(name); got != want {
			t.Errorf("Temporary(%q) = %v, want %v", name, got, want)
		}
	}
}

// While the receiver is busy (a rebuild), changes collect into exactly one
// next batch, however they are spread out.
func TestChangesDuringABusyReceiverAreOneBatch(t *testing.T) {
	t.Parallel()
	dir := site(t)
	w := start(t, dir, watch.Options{})
	write(t, filepath.Join(dir, "content/news/x/index.md"), "first")
	wantPaths(t, next(t, w), "content/news/x/index.md")
	// Not receiving now: each write is followed by a pause longer than
	// the debounce window, which must not matter.
	for _, name := range []string{"a", "b", "c"} {
		write(t, filepath.Join(dir, "content/news/x", name+".md"), name)
		time.Sleep(quiet + quiet/4)
	}
	wantPaths(t, next(t, w), "content/news/x/a.md", "content/news/x/b.md", "content/news/x/c.md")
	none(t, w)
}

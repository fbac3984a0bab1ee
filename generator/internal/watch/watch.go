// Package watch reports which files under a directory tree changed, in
// batches, for gen serve.
//
// Rules:
//   - Directories are watched, never single files, so editors that save by
//     writing a new file and renaming it into place are seen like any other
//     save. A directory that appears (created, renamed or moved in) is walked
//     and watched at once, and every file in it is reported.
//   - Editor leftovers are not reported: hidden names (".x.swp", ".#x"),
//     names ending in "~", ".swp", ".swo", ".swx", ".crswap",
//     "___jb_tmp___" or "___jb_old___", "#x#", and files named only by digits
//     (vim's "4913" probe). A file that was created and is gone again when
//     the batch is delivered (any other temporary file) is dropped too.
//   - Events are coalesced: a batch is delivered once no event arrived for
//     Options.Quiet, or at the latest Options.MaxDelay after the first one,
//     so a git checkout of hundreds of files is one batch. While the
//     receiver is busy, events keep collecting into the next batch.
//   - A lone save is not held back: when no event arrived for
//     Options.Settle and the batch is one Markdown file that exists and is
//     not empty, it is delivered at once. An editor's save in between (the
//     file renamed aside, created empty, or truncated before the write)
//     fails those tests and waits for Quiet; so do several files, new
//     directories, and temporary files not yet gone.
//   - Nothing is lost silently. When the kernel queue overflows the batch
//     says Rescan and a note names fs.inotify.max_queued_events; when a
//     directory cannot be watched because of a system limit the watcher
//     switches to polling, says so and names the sysctl to raise
//     (fs.inotify.max_user_watches or max_user_instances).
//   - Options.Poll > 0 polls instead: the tree is walked every Poll and
//     sizes, modification times and modes are compared, for file systems
//     that send no events (network shares, some containers).
//   - Only permission changes (chmod, touch) are not changes.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/fsnotify/fsnotify"
)

// The watcher's notes and errors.
var (
	msgNotFolder      = diag.Message{ID: "watch.not-folder", Text: "gen serve watches a folder, and this is not one"}
	msgCannotRead     = diag.Message{ID: "watch.cannot-read", Text: "cannot read this folder ({{.Err}}); changes there are not seen until that is fixed"}
	msgCannotWatch    = diag.Message{ID: "watch.cannot-watch", Text: "cannot watch this folder for changes ({{.Err}}); changes there are not seen until that is fixed (or run gen serve --poll)"}
	msgOverflow       = diag.Message{ID: "watch.overflow", Text: "too many changes at once: the system's event queue overflowed, so everything is rebuilt; if this happens often, raise the queue with: sudo sysctl fs.inotify.max_queued_events=65536"}
	msgWatcherFailed  = diag.Message{ID: "watch.failed", Text: "the file watcher reported: {{.Err}}; everything is rebuilt"}
	msgLimitWatches   = diag.Message{ID: "watch.limit-watches", Text: "the system limit on watched folders is reached; now checking for changes every {{.Every}} instead, which is slower; to watch again, raise the limit with: sudo sysctl fs.inotify.max_user_watches=524288 (add fs.inotify.max_user_watches=524288 to /etc/sysctl.conf to keep it) and restart gen serve"}
	msgLimitInstances = diag.Message{ID: "watch.limit-instances", Text: "the system limit on file watchers is reached; now checking for changes every {{.Every}} instead, which is slower; to watch again, raise the limit with: sudo sysctl fs.inotify.max_user_instances=512 and restart gen serve"}
)

// Options configure a Watcher.
type Options struct {
	// Root is the directory to watch, recursively.
	Root string
	// Include reports whether a path (relative to Root, slash-separated)
	// matters; a directory that does not is neither watched nor walked.
	// Nil includes everything that is not an editor leftover.
	Include func(rel string, isDir bool) bool
	// Quiet is how long no event must arrive before a batch is delivered;
	// default DefaultQuiet.
	Quiet time.Duration
	// Settle is how long no event must arrive before a lone save (see the
	// package rules) is delivered; default DefaultSettle, at most Quiet.
	Settle time.Duration
	// MaxDelay caps how long a batch is held back by a steady stream of
	// events; default 2s, or 10 × Quiet when that is longer.
	MaxDelay time.Duration
	// Poll, when positive, walks the tree at this interval instead of
	// asking the kernel for events.
	Poll time.Duration
}

// DefaultQuiet is the default debounce window: long enough for an editor's
// save (temporary file, rename, backup removal) to be one batch.
const DefaultQuiet = 50 * time.Millisecond

// DefaultSettle is the default window for a lone save: long enough for
// the events of one write (truncation, then the data) to arrive together.
const DefaultSettle = 3 * time.Millisecond

// DefaultPoll is the polling interval used when the watcher has to fall back
// to polling.
const DefaultPoll = 500 * time.Millisecond

// Batch is a set of changes.
type Batch struct {
	// Paths are the changed, created or removed paths, relative to Root,
	// slash-separated, sorted. A directory in Paths was created, removed or
	// renamed: anything under it may have changed.
	Paths []string
	// Rescan is set when changes may have been missed: treat every file as
	// changed.
	Rescan bool
	// Notes tell the user what happened and what to do, one sentence each,
	// as warnings (package speak says them in the reader's language).
	Notes []*diag.Diagnostic
}

// Watcher delivers Batches until it is closed.
type Watcher struct {
	opts    Options
	root    string
	out     chan Batch
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once

	fw      *fsnotify.Watcher // nil while polling
	events  <-chan fsnotify.Event
	errs    <-chan error
	watched map[string]bool // watched directories, relative to root ("" is root)
	stamps  map[string]stamp
	poll    time.Duration

	add    func(string) error // fw.Add, or a test's stand-in
	inject chan error         // errors sent by tests as if from the kernel

	// the batch being collected
	paths  map[string]bool
	born   map[string]bool
	rescan bool
	notes  []*diag.Diagnostic
	first  time.Time // the first event of the batch
	last   time.Time // the last event of the batch
}

type stamp struct {
	size  int64
	mtime int64
	mode  fs.FileMode
}

// Start watches opts.Root. Every directory is watched (or, when polling,
// every file's state recorded) before Start returns, so a change made right
// after it is seen.
func Start(opts Options) (*Watcher, error) {
	return start(opts, nil)
}

// start is Start with a way for tests to stand between the watcher and the
// kernel when directories are added.
func start(opts Options, wrapAdd func(func(string) error) func(string) error) (*Watcher, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(root); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, msgNotFolder.At(opts.Root, 0, 0)
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = max(2*time.Second, 10*opts.Quiet)
	}
	if opts.Settle <= 0 {
		opts.Settle = DefaultSettle
	}
	opts.Settle = min(opts.Settle, opts.Quiet)
	w := &Watcher{
		opts:    opts,
		root:    root,
		out:     make(chan Batch),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
		inject:  make(chan error, 1),
		paths:   map[string]bool{},
		born:    map[string]bool{},
	}
	if err := w.begin(wrapAdd); err != nil {
		return nil, err
	}
	go w.loop()
	return w, nil
}

// begin sets up kernel watches or, when asked or forced, polling.
func (w *Watcher) begin(wrapAdd func(func(string) error) func(string) error) error {
	if w.opts.Poll > 0 {
		w.startPolling(w.opts.Poll)
		return nil
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		if note, ok := limitNote(err); ok {
			w.notes = append(w.notes, note.Warn("", 0, 0, "Every", DefaultPoll))
			w.startPolling(DefaultPoll)
			return nil
		}
		return err
	}
	w.fw, w.events, w.errs = fw, fw.Events, fw.Errors
	w.add = fw.Add
	if wrapAdd != nil {
		w.add = wrapAdd(fw.Add)
	}
	w.watched = map[string]bool{}
	w.walk("", false)
	return nil
}

// Batches delivers the batches; it is closed when the Watcher is.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching and waits for the watcher to finish.
func (w *Watcher) Close() error {
	w.once.Do(func() { close(w.done) })
	<-w.stopped
	return nil
}

func (w *Watcher) loop() {
	defer close(w.stopped)
	defer close(w.out)
	defer func() {
		if w.fw != nil {
			w.fw.Close()
		}
	}()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	var tick <-chan time.Time
	var ticker *time.Ticker
	setTicker := func() {
		if w.fw == nil && ticker == nil {
			ticker = time.NewTicker(w.poll)
			tick = ticker.C
		}
	}
	defer func() {
		if ticker != nil {
			ticker.Stop()
		}
	}()
	setTicker()
	var ready bool
	var batch Batch
	// Every change arms the timer for Settle; when it fires, a lone save
	// is delivered, anything else waits until Quiet after the last event.
	changed := func() {
		ready = false
		w.arm(quiet)
	}
	if w.rescan || len(w.notes) > 0 {
		changed()
	}
	for {
		var out chan Batch
		if ready {
			out = w.out
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.events:
			if !ok {
				w.events = nil
				continue
			}
			if w.handle(ev) {
				changed()
			}
			setTicker()
		case err, ok := <-w.errs:
			if !ok {
				w.errs = nil
				continue
			}
			w.fail(err)
			changed()
			setTicker()
		case err := <-w.inject:
			w.fail(err)
			changed()
			setTicker()
		case <-tick:
			if w.scan() {
				changed()
			}
		case <-quiet.C:
			if b, ok := w.settled(quiet); ok {
				batch, ready = b, true
			}
		case out <- batch:
			w.reset()
			ready, batch = false, Batch{}
		}
	}
}

// arm notes a change and arms quiet for Settle, or to fire at once when
// changes have gone on for MaxDelay.
func (w *Watcher) arm(quiet *time.Timer) {
	w.last = time.Now()
	if w.first.IsZero() {
		w.first = w.last
	}
	if w.last.Sub(w.first) >= w.opts.MaxDelay {
		quiet.Reset(0)
	} else {
		quiet.Reset(w.opts.Settle)
	}
}

// settled is called when quiet fires: it returns the batch to deliver, or
// false (re-arming quiet when the changes may not be over).
func (w *Watcher) settled(quiet *time.Timer) (Batch, bool) {
	wait := w.opts.Quiet - time.Since(w.last)
	if time.Since(w.first) >= w.opts.MaxDelay {
		wait = 0
	}
	if wait > 0 && !w.mayBeLone() {
		quiet.Reset(wait) // cheaply: no look at the files
		return Batch{}, false
	}
	b, ok := w.peek()
	if !ok {
		w.reset() // only temporary files that are gone again
		return Batch{}, false
	}
	if wait > 0 && !lone(b, w.abs) {
		quiet.Reset(wait)
		return Batch{}, false
	}
	return b, true
}

// peek makes a batch of what was collected so far, which stays collected
// until reset. It reports false when there is nothing to deliver.
func (w *Watcher) peek() (Batch, bool) {
	var b Batch
	for p := range w.paths {
		if w.born[p] {
			if _, err := os.Lstat(w.abs(p)); err != nil {
				continue
			}
		}
		b.Paths = append(b.Paths, p)
	}
	slices.Sort(b.Paths)
	b.Rescan, b.Notes = w.rescan, slices.Clone(w.notes)
	return b, len(b.Paths) > 0 || b.Rescan || len(b.Notes) > 0
}

// mayBeLone reports whether the batch being collected may turn out a lone
// save, without looking at the files: at most one path that was there
// before the batch, and few new ones (temporary files that may be gone).
func (w *Watcher) mayBeLone() bool {
	if w.rescan || len(w.notes) > 0 || len(w.paths) > 8 {
		return false
	}
	return len(w.paths)-len(w.born) <= 1
}

// lone reports whether b is a lone save: one Markdown file that exists and
// is not empty. abs maps a path of the batch to the file system.
func lone(b Batch, abs func(string) string) bool {
	if len(b.Paths) != 1 || b.Rescan || len(b.Notes) > 0 || !strings.HasSuffix(b.Paths[0], ".md") {
		return false
	}
	p := b.Paths[0]
	st, err := os.Lstat(abs(p))
	return err == nil && st.Mode().IsRegular() && st.Size() > 0
}

// reset forgets what was delivered.
func (w *Watcher) reset() {
	clear(w.paths)
	clear(w.born)
	w.rescan, w.notes, w.first, w.last = false, nil, time.Time{}, time.Time{}
}

func (w *Watcher) note(p string, born bool) {
	if _, seen := w.paths[p]; !seen && born {
		w.born[p] = true
	}
	w.paths[p] = true
}

func (w *Watcher) abs(rel string) string {
	if rel == "" {
		return w.root
	}
	return filepath.Join(w.root, filepath.FromSlash(rel))
}

func (w *Watcher) rel(abs string) (string, bool) {
	r, err := filepath.Rel(w.root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	if r == "." {
		return "", true
	}
	return filepath.ToSlash(r), true
}

// wanted reports whether a path takes part at all.
func (w *Watcher) wanted(rel string, isDir bool) bool {
	if rel == "" {
		return true
	}
	name := path.Base(rel)
	if strings.HasPrefix(name, ".") {
		return false
	}
	if !isDir && Temporary(name) {
		return false
	}
	return w.opts.Include == nil || w.opts.Include(rel, isDir)
}

// Temporary reports whether a file name is an editor's temporary or backup
// file rather than content.
func Temporary(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	for _, s := range []string{"~", ".swp", ".swo", ".swx", ".swpx", ".crswap", "___jb_tmp___", "___jb_old___", ".kate-swp"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	if len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' {
		return true
	}
	return strings.Trim(name, "0123456789") == ""
}

// handle records one kernel event; it reports whether the batch grew.
func (w *Watcher) handle(ev fsnotify.Event) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || rel == "" {
		return false
	}
	if ev.Op == fsnotify.Chmod {
		return false
	}
	wasDir := w.watched[rel]
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if wasDir {
			w.unwatch(rel)
			w.note(rel, false)
			return true
		}
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			if !w.wanted(rel, true) {
				return false
			}
			w.note(rel, true)
			w.walk(rel, true)
			return true
		}
	}
	if !w.wanted(rel, wasDir) {
		return false
	}
	w.note(rel, ev.Has(fsnotify.Create))
	return true
}

// walk watches dir and every directory under it; with report, every file
// found is added to the batch.
func (w *Watcher) walk(dir string, report bool) {
	filepath.WalkDir(w.abs(dir), func(p string, d fs.DirEntry, err error) error {
		rel, ok := w.rel(p)
		if !ok {
			return nil
		}
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) && rel != dir {
				w.notes = append(w.notes, msgCannotRead.Warn(rel, 0, 0, "Err", unwrap(err)))
			}
			return nil
		}
		if !w.wanted(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if report {
				w.note(rel, true)
			}
			return nil
		}
		if w.fw == nil {
			return filepath.SkipAll
		}
		if err := w.add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
				return filepath.SkipDir
			}
			w.cannotWatch(rel, err)
			if w.fw == nil {
				return filepath.SkipAll
			}
			return filepath.SkipDir
		}
		w.watched[rel] = true
		return nil
	})
}

func (w *Watcher) unwatch(dir string) {
	for d := range w.watched {
		if d == dir || strings.HasPrefix(d, dir+"/") {
			if w.fw != nil {
				w.fw.Remove(w.abs(d))
			}
			delete(w.watched, d)
		}
	}
}

// cannotWatch reports a directory that could not be watched. A system limit
// makes the watcher fall back to polling.
func (w *Watcher) cannotWatch(rel string, err error) {
	w.rescan = true
	if rel == "" {
		rel = "."
	}
	if note, ok := limitNote(err); ok {
		w.notes = append(w.notes, note.Warn(rel, 0, 0, "Every", DefaultPoll))
		w.startPolling(DefaultPoll)
		return
	}
	w.notes = append(w.notes, msgCannotWatch.Warn(rel, 0, 0, "Err", unwrap(err)))
}

// fail handles an error from the kernel watcher.
func (w *Watcher) fail(err error) {
	w.rescan = true
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.notes = append(w.notes, msgOverflow.Warn("", 0, 0))
		if w.fw != nil {
			w.walk("", false)
		}
		return
	}
	if note, ok := limitNote(err); ok {
		w.notes = append(w.notes, note.Warn("", 0, 0, "Every", DefaultPoll))
		w.startPolling(DefaultPoll)
		return
	}
	w.notes = append(w.notes, msgWatcherFailed.Warn("", 0, 0, "Err", err))
}

// limitNote returns the message that explains an error coming from a
// system limit on watches (its argument Every is the polling interval),
// or false.
func limitNote(err error) (diag.Message, bool) {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return msgLimitWatches, true
	case errors.Is(err, syscall.EMFILE):
		return msgLimitInstances, true
	}
	return diag.Message{}, false
}

// startPolling drops the kernel watcher, if any, and polls from now on.
func (w *Watcher) startPolling(every time.Duration) {
	if w.fw != nil {
		w.fw.Close()
		w.fw, w.events, w.errs = nil, nil, nil
	}
	w.watched = nil
	w.poll = every
	w.stamps = w.stampAll()
}

func (w *Watcher) stampAll() map[string]stamp {
	m := map[string]stamp{}
	filepath.WalkDir(w.root, func(p string, d fs.DirEntry, err error) error {
		rel, ok := w.rel(p)
		if err != nil || !ok || rel == "" {
			return nil
		}
		if !w.wanted(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		s := stamp{mode: info.Mode()}
		if !d.IsDir() {
			s.size, s.mtime = info.Size(), info.ModTime().UnixNano()
		}
		m[rel] = s
		return nil
	})
	return m
}

// scan compares the tree with the last scan; it reports whether anything
// changed.
func (w *Watcher) scan() bool {
	now := w.stampAll()
	grew := false
	for p, s := range now {
		if old, ok := w.stamps[p]; !ok || old != s {
			w.note(p, !ok)
			grew = true
		}
	}
	for p := range w.stamps {
		if _, ok := now[p]; !ok {
			w.note(p, false)
			grew = true
		}
	}
	w.stamps = now
	return grew
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Package publish writes a build's files into the destination folder, and
// nothing else there.
//
// Rules:
//   - The destination is the site's output, and only that. Check refuses,
//     before anything is read or written, a file, the top of the disk, the
//     user's home, the site itself or a folder holding it, a folder inside
//     the site's content/, themes/, i18n/, static/, layouts/ or archetypes/,
//     and any folder that holds content/ or site.yaml.
//   - gen replaces or deletes only files it wrote. It records them (path,
//     SHA-256, size) in <dest>/.gen/manifest; everything else in the folder
//     (the .git of a gh-pages worktree, a hand-placed CNAME) stays. With
//     Options.Clean (--clean-destination) the rest goes too, except .git and
//     .gen; a folder with files but no manifest is refused for that, since
//     nothing in it would be gen's.
//   - A file is written only when its bytes changed: a page whose hash and
//     size match the manifest, and whose file in the destination is still
//     as gen left it (same size, not modified since), is not touched.
//     Changed files are written into <dest>/.gen/stage. Nothing in the
//     destination changes until every file is written.
//   - A file copied from the site (a static or bundle file) or from the
//     picture cache is not even read when it did not change since the
//     last build read it: <dest>/.gen/stamps records with its hash the
//     source file's stamp (its name, size, modification and change times,
//     inode and device; this computer's, where the manifest is the same
//     bytes on any), and a source whose stamp is the same has the same
//     bytes. That relies on the kernel, which sets a file's change time
//     to its clock on every write and lets no one set it back; a file
//     changed less than two seconds (a file system's coarsest clock tick)
//     before a build began gets no stamp, so a second change within the
//     tick is not missed; a file system without change times (another
//     system, a file in the binary) has every file read. Only changing the
//     computer's clock back can hide a change.
//   - Commit then records the whole change in <dest>/.gen/journal (the
//     commit point), moves each staged file into place with one rename
//     (each file is whole, old or new, at every moment), removes the files
//     of the last build that the new one no longer has, and makes the
//     journal the manifest. The destination folder itself is never replaced,
//     so a mount point (a Docker volume) or a folder a server holds open
//     works.
//   - A build stopped before the commit point (a signal, a full disk, a
//     read-only folder) leaves the destination exactly as it was; one
//     stopped after it, even by SIGKILL, is finished by the next Begin (or
//     Tidy, which a build calls before its long work), which also removes
//     any stage left behind. Leftovers never pile up.
//   - Folders are made with mode 0777 and files with 0666, less the umask
//     (0755 and 0644 under the usual 022), the destination included.
//   - One build at a time writes into a destination (a lock on
//     <dest>/.gen/lock, released by the kernel however the process ends).
//   - Every change goes through an os.Root on the destination, so no link
//     placed in it leads a write or a removal outside.
//   - What a user reads of an error is a diagnostic (package diag): a
//     *Refused or a *Failure says itself as one (Unwrap), so package speak
//     says it in the reader's language; errors.Is and errors.As still look
//     into a Failure's Err.
package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/eventnews/gen/generator/internal/render"
)

// Options change how a Stage publishes.
type Options struct {
	// Clean removes what gen did not write (--clean-destination).
	Clean bool
	// Transform, if set, changes each file before it is compared and
	// written (gen build --minify).
	Transform func(render.File) (render.File, error)
	// fail, in tests, is called before each step that changes the file
	// system (the step's name and path) and returns an error to give.
	fail func(step, path string) error
	// read, in tests, is called with the name of each source file read.
	read func(name string)
	// now, in tests, is the time a build begins.
	now func() time.Time
}

// Report tells what a publication did.
type Report struct {
	Written   int  // files written because their bytes changed
	Kept      int  // files left in place, unchanged
	Removed   int  // files of the last build no longer in the site
	Cleaned   int  // entries removed by Options.Clean
	Recovered bool // an interrupted build was finished first
}

// Stage is a publication in progress, for a caller that produces files one
// at a time (render.Options.Sink): Put writes a file at once, from the
// caller's goroutine; Add queues it for a pool of writers and returns at
// once. Commit waits for the writers and puts the files in place. Put and
// Add are safe for concurrent use; Commit and Abort are not.
type Stage struct {
	dest, abs string // the destination as given, and absolute
	root      *os.Root
	lockFile  *os.File
	src       fs.FS
	opts      Options
	old       map[string]entry // the last build's manifest
	since     time.Time        // when it was written
	stamps    map[string]entry // the last stamps file, by path
	stampData []byte           // as read
	begun     time.Time        // when this build began
	recovered bool

	queue   chan render.File
	writers sync.WaitGroup

	mu    sync.Mutex
	dirs  map[string]*madeDir // made in the stage
	files map[string]entry    // this build's
	errs  []error
	done  bool
}

type madeDir struct {
	once sync.Once
	err  error
}

// queued bounds the files waiting to be written.
const queued = 256

// Begin starts publishing into dest; files with Src are copied from src.
// It finishes first a build that was interrupted after its commit point.
func Begin(dest string, src fs.FS, opts Options) (*Stage, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, &Failure{Dest: dest, Err: err}
	}
	restoreLegacy(abs)
	if err := os.MkdirAll(abs, 0o777); err != nil {
		return nil, &Failure{Dest: dest, Err: err}
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, &Failure{Dest: dest, Err: err}
	}
	s := &Stage{dest: dest, abs: abs, root: root, src: src, opts: opts, begun: time.Now(),
		queue: make(chan render.File, queued), dirs: map[string]*madeDir{}, files: map[string]entry{}}
	if opts.now != nil {
		s.begun = opts.now()
	}
	if err := s.open(); err != nil {
		s.close()
		return nil, &Failure{Dest: dest, Err: err}
	}
	for range 4 * runtime.GOMAXPROCS(0) {
		s.writers.Add(1)
		go func() {
			defer s.writers.Done()
			for f := range s.queue {
				s.write(f)
			}
		}()
	}
	return s, nil
}

// open takes the lock, finishes an interrupted build, reads the manifest
// and makes an empty stage.
func (s *Stage) open() error {
	if err := s.lockAndRecover(); err != nil {
		return err
	}
	s.old, s.since = s.readManifest()
	s.stampData, _ = s.root.ReadFile(stampsName)
	s.stamps = parseStamps(s.stampData)
	return s.root.Mkdir(stageName, 0o777)
}

// lockAndRecover takes the lock and finishes an interrupted build.
func (s *Stage) lockAndRecover() error {
	if err := s.root.Mkdir(stateDir, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if info, err := s.root.Lstat(stateDir); err != nil || !info.IsDir() {
		return msgStateDir.At("", 0, 0, "Dir", stateDir)
	}
	f, err := s.root.OpenFile(lockName, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	if err := lock(f); err != nil {
		f.Close()
		return err
	}
	s.lockFile = f
	s.recovered, err = s.recover()
	return err
}

// readManifest returns the last build's files by path, and when they were
// recorded. A manifest that cannot be read counts as none: gen then
// removes nothing it cannot prove it wrote.
func (s *Stage) readManifest() (map[string]entry, time.Time) {
	old := map[string]entry{}
	info, err := s.root.Stat(manifestName)
	if err != nil {
		return old, time.Time{}
	}
	data, err := s.root.ReadFile(manifestName)
	if err != nil {
		return old, time.Time{}
	}
	entries, err := parse(data)
	if err != nil {
		return old, time.Time{}
	}
	for _, e := range entries {
		old[e.path] = e
	}
	return old, info.ModTime()
}

// Add queues f for writing. It returns an error, so that the caller can
// stop early, once a write has failed; Commit reports every failure.
// Add must not be called after, or at the same time as, Commit or Abort.
func (s *Stage) Add(f render.File) error {
	if err := s.failed(); err != nil {
		return err
	}
	s.queue <- f
	return nil
}

// Put writes f before it returns, so f.Bytes may be reused as soon as it
// does. Like Add, it returns an error once any write has failed.
func (s *Stage) Put(f render.File) error {
	if err := s.failed(); err != nil {
		return err
	}
	return s.write(f)
}

// failed is why no more files may be added: a failed write, or the stage
// being closed.
func (s *Stage) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return errStageClosed
	}
	return errors.Join(s.errs...)
}

var errStageClosed = errors.New("publish: stage already committed or aborted")

// write stages f if its bytes changed and records it.
func (s *Stage) write(f render.File) error {
	e, err := s.place(f)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errs = append(s.errs, err)
		return err
	}
	s.files[f.Path] = e
	return nil
}

func (s *Stage) place(f render.File) (entry, error) {
	if err := checkPath(f.Path); err != nil {
		return entry{}, msgBadOutput.At("", 0, 0, "Err", err)
	}
	if s.opts.Transform != nil {
		var err error
		if f, err = s.opts.Transform(f); err != nil {
			return entry{}, err
		}
	}
	if f.Src != "" || f.Disk != "" {
		return s.copy(f)
	}
	e := entry{path: f.Path, hash: sum(f.Bytes), size: int64(len(f.Bytes)), op: opKept}
	if s.unchanged(e) {
		return e, nil
	}
	e.op = opStaged
	return e, s.create(f.Path, func(w io.Writer) error {
		_, err := w.Write(f.Bytes)
		return err
	})
}

// copy stages a file copied from the site (Src) or from the picture
// cache (Disk): never more than a buffer of it in memory. Its hash is the
// one the stamps file recorded when the source's stamp is the same (the
// file was not changed since a build read it); else the file is read to
// hash it. If it changed, or its copy in the destination did, it
// is read once more to copy it.
func (s *Stage) copy(f render.File) (entry, error) {
	e := entry{path: f.Path, op: opKept}
	var err error
	if e.hash, e.size, e.stamp, err = s.knownSource(f); err != nil {
		return e, err
	}
	if s.unchanged(e) {
		return e, nil
	}
	e.op = opStaged
	err = s.create(f.Path, func(w io.Writer) error {
		in, name, err := s.openSource(f)
		if err != nil {
			return err
		}
		defer in.Close()
		e.hash, e.size, err = s.hashSource(in, name, w)
		return err
	})
	return e, err
}

// knownSource returns the hash, size and stamp of f's source file: from
// the stamps file when the stamp is the one recorded there, else by
// reading the file.
func (s *Stage) knownSource(f render.File) (hash string, size int64, st string, err error) {
	in, name, err := s.openSource(f)
	if err != nil {
		return "", 0, "", err
	}
	defer in.Close()
	if info, err := in.Stat(); err == nil {
		st = stamp(name, info, s.begun)
	}
	if known, ok := s.stamps[f.Path]; ok && st != "" && known.stamp == st {
		return known.hash, known.size, st, nil
	}
	hash, size, err = s.hashSource(in, name, nil)
	return hash, size, st, err
}

// openSource opens the site's file f.Src, or the file f.Disk, and returns
// it with its name.
func (s *Stage) openSource(f render.File) (fs.File, string, error) {
	if f.Disk != "" {
		in, err := os.Open(f.Disk)
		if err != nil {
			return nil, "", err
		}
		return in, f.Disk, nil
	}
	in, err := s.src.Open(f.Src)
	return in, f.Src, err
}

// hashSource reads in, the source file name, copying it to w if w is not
// nil, and returns its hash and size.
func (s *Stage) hashSource(in io.Reader, name string, w io.Writer) (string, int64, error) {
	if s.opts.read != nil {
		s.opts.read(name)
	}
	h := sha256.New()
	var out io.Writer = h
	if w != nil {
		out = io.MultiWriter(h, w)
	}
	n, err := io.Copy(out, in)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", name, err)
	}
	return hashString(h), n, nil
}

func hashString(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)[:16]) }

// unchanged reports whether e is in place already: the last build wrote the
// same bytes there, and nobody changed the file since.
func (s *Stage) unchanged(e entry) bool {
	old, ok := s.old[e.path]
	if !ok || old.op != opKept || old.hash != e.hash || old.size != e.size {
		return false
	}
	// A plain lstat: one system call, where the root's walks every folder.
	// It only decides whether to write the file again.
	info, err := os.Lstat(filepath.Join(s.abs, filepath.FromSlash(e.path)))
	return err == nil && info.Mode().IsRegular() && info.Size() == e.size && !info.ModTime().After(s.since)
}

// create writes a new file at p in the stage.
func (s *Stage) create(p string, fill func(io.Writer) error) error {
	if err := s.mkdir(path.Dir(p)); err != nil {
		return err
	}
	if err := s.fault("write", p); err != nil {
		return err
	}
	name := filepath.Join(s.abs, filepath.FromSlash(stageName), filepath.FromSlash(p))
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// fault is the error a test asks a step to give.
func (s *Stage) fault(step, p string) error {
	if s.opts.fail == nil {
		return nil
	}
	return s.opts.fail(step, p)
}

// mkdir makes d (slash-separated, relative to the stage) and its parents,
// each once.
func (s *Stage) mkdir(d string) error {
	if d == "." {
		return nil
	}
	s.mu.Lock()
	m := s.dirs[d]
	if m == nil {
		m = &madeDir{}
		s.dirs[d] = m
	}
	s.mu.Unlock()
	m.once.Do(func() {
		if m.err = s.mkdir(path.Dir(d)); m.err == nil {
			m.err = os.Mkdir(filepath.Join(s.abs, filepath.FromSlash(stageName), filepath.FromSlash(d)), 0o777)
		}
	})
	return m.err
}

// finish stops the writers and returns their errors.
func (s *Stage) finish() error {
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return errStageClosed
	}
	s.done = true
	s.mu.Unlock()
	close(s.queue)
	s.writers.Wait()
	return errors.Join(s.errs...)
}

// Commit waits for every queued file and puts the build in place (see the
// package documentation). Its error is a *Failure, which says whether the
// new site is in place.
func (s *Stage) Commit() (*Report, error) {
	defer s.close()
	if err := s.finish(); err != nil {
		s.discard()
		return nil, &Failure{Dest: s.dest, Err: err}
	}
	j := s.journal()
	first, err := s.plan(j)
	if err == nil {
		j = append(j, first...)
		err = s.writeJournal(j)
	}
	if err != nil {
		s.discard()
		return nil, &Failure{Dest: s.dest, Err: err}
	}
	// The commit point: from here on the new site is what the next run
	// finishes, whatever happens to this one.
	rep, err := s.apply(j)
	rep.Recovered = s.recovered
	if err == nil {
		s.writeStamps()
	}
	if err == nil && s.opts.Clean {
		rep.Cleaned, err = s.clean()
	}
	if err != nil {
		state := Published
		if errors.As(err, new(errPartly)) {
			state = Partly
		}
		return rep, &Failure{Dest: s.dest, State: state, Err: err}
	}
	return rep, nil
}

// Abort discards the stage. It does nothing after Commit.
func (s *Stage) Abort() {
	if s.finish() != errStageClosed {
		s.discard()
		s.close()
	}
}

// discard removes the stage.
func (s *Stage) discard() { s.root.RemoveAll(stageName) }

// close releases the lock and the destination.
func (s *Stage) close() {
	if s.lockFile != nil {
		s.lockFile.Close()
		s.lockFile = nil
	}
	s.root.Close()
}

// journal lists this build's files and the last build's files it no
// longer has.
func (s *Stage) journal() []entry {
	j := make([]entry, 0, len(s.files)+len(s.old))
	for _, e := range s.files {
		j = append(j, e)
	}
	for p, e := range s.old {
		if _, ok := s.files[p]; !ok {
			j = append(j, entry{path: p, hash: e.hash, size: e.size, op: opRemove})
		}
	}
	return j
}

// writeJournal records the change whole, then makes it the commit point
// with one rename.
func (s *Stage) writeJournal(j []entry) error {
	if err := s.fault("journal", journalName); err != nil {
		return err
	}
	tmp := journalName + ".new"
	if err := s.root.WriteFile(tmp, format(j), 0o666); err != nil {
		s.root.Remove(tmp)
		return err
	}
	return s.root.Rename(tmp, journalName)
}

// writeStamps records the stamps of this build's copied files for the
// next, if they changed. They are a cache of facts (a source with this
// stamp has these bytes), true whatever happens to the build: one that
// cannot be written only costs the next build a read of each source.
func (s *Stage) writeStamps() {
	list := make([]entry, 0, len(s.files))
	for _, e := range s.files {
		list = append(list, e)
	}
	data := formatStamps(list)
	switch {
	case bytes.Equal(data, s.stampData):
		return
	case data == nil:
		s.root.Remove(stampsName)
		return
	}
	tmp := stampsName + ".new"
	if s.root.WriteFile(tmp, data, 0o666) != nil || s.root.Rename(tmp, stampsName) != nil {
		s.root.Remove(tmp)
	}
}

// Tidy finishes, in a destination gen published into before, a build
// that was interrupted after its commit point, and removes the stage of
// one interrupted before it, as Begin does, and nothing more (no
// manifest read, no stage made). A build calls it before its long work,
// so that being stopped during that work leaves nothing of an earlier
// build behind. A destination without gen's state is left as it is.
func Tidy(dest string) error {
	if info, err := os.Lstat(filepath.Join(dest, stateDir)); err != nil || !info.IsDir() {
		return nil
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return &Failure{Dest: dest, Err: err}
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return &Failure{Dest: dest, Err: err}
	}
	s := &Stage{dest: dest, abs: abs, root: root}
	defer s.close()
	if err := s.lockAndRecover(); err != nil {
		return &Failure{Dest: dest, Err: err}
	}
	return nil
}

// Hold takes dest's lock, as a build does, so that no build changes the
// folder while another program reads it whole (gen deploy); release gives
// it back. A folder gen never wrote into has no lock to take.
func Hold(dest string) (release func(), err error) {
	root, err := os.OpenRoot(dest)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	if info, err := root.Lstat(stateDir); err != nil || !info.IsDir() {
		return func() {}, nil
	}
	f, err := root.OpenFile(lockName, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, err
	}
	if err := lock(f); err != nil {
		f.Close()
		return nil, &Failure{Dest: dest, Err: err}
	}
	return func() { f.Close() }, nil
}

package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/eventnews/gen/generator/internal/diag"
)

// plan checks, before the commit point, that every staged file can move
// into place: no folder it needs is a link or a file gen did not write, and
// its own place is not a folder of someone else's. It returns, as opClear
// entries, what has to go first: files of the last build where the new one
// needs a folder or the reverse, and with Options.Clean anything else in
// the way.
func (s *Stage) plan(j []entry) ([]entry, error) {
	removing := map[string]bool{}
	for _, e := range j {
		if e.op == opRemove {
			removing[e.path] = true
		}
	}
	p := planner{s: s, removing: removing, seen: map[string]byte{}}
	for _, e := range j {
		if e.op == opStaged {
			p.check(e.path)
		}
	}
	if len(p.conflicts) > 0 {
		slices.SortStableFunc(p.conflicts, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return nil, msgCannotPlace.At("", 0, 0, "Conflicts", p.conflicts)
	}
	return p.first, nil
}

type planner struct {
	s         *Stage
	removing  map[string]bool
	seen      map[string]byte // paths looked at: pathDir or pathGone
	first     []entry
	conflicts conflicts // sorted by path
}

const (
	pathDir  = 'd' // a folder, there to stay
	pathGone = 'g' // not there, or not by the time files move: nothing below needs a look
)

// check looks at the folders file needs and at its own place.
func (p *planner) check(file string) {
	for d := range parents(file) {
		switch p.seen[d] {
		case pathDir:
			continue
		case pathGone:
			return
		}
		p.seen[d] = pathGone
		info, err := p.s.root.Lstat(d)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				p.conflicts = append(p.conflicts, msgCannotReadPath.At("", 0, 0, "Path", d, "Err", err))
			}
			return
		}
		if !info.IsDir() {
			p.clear(d, msgNeedsFolder, info)
			return
		}
		p.seen[d] = pathDir
	}
	if p.seen[file] != 0 {
		return
	}
	p.seen[file] = pathGone
	if info, err := p.s.root.Lstat(file); err == nil && info.IsDir() {
		p.clear(file, msgNeedsFile, info)
	}
}

// clear decides about what lies at q where the new site needs a thing of
// another kind: it goes first if it is the last build's, an empty folder,
// or Clean allows; else it is a conflict.
func (p *planner) clear(q string, need diag.Message, info fs.FileInfo) {
	switch {
	case !info.IsDir() && p.removing[q], p.s.opts.Clean, info.IsDir() && p.ownedTree(q):
		p.first = append(p.first, entry{path: q, op: opClear})
		return
	}
	what := msgForeignFile
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		what = msgSymlink
	case info.IsDir():
		what = msgForeignFolder
	}
	p.conflicts = append(p.conflicts, need.At("", 0, 0, "Path", q, "What", what))
}

// ownedTree reports whether every file under the folder q is one the last
// build wrote and this one removes (so an empty folder is).
func (p *planner) ownedTree(q string) bool {
	owned := true
	fs.WalkDir(p.s.root.FS(), q, func(f string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() && !p.removing[f] {
			owned = false
			return fs.SkipAll
		}
		return nil
	})
	return owned
}

// parents yields the folders above p, outermost first.
func parents(p string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(p); i++ {
			if p[i] == '/' && !yield(p[:i]) {
				return
			}
		}
	}
}

// apply carries out a journal: clear the way, move the staged files into
// place, remove what the site no longer has, and make the journal the
// manifest. Run again on the same journal it does the same, so an
// interrupted apply is finished by the next.
func (s *Stage) apply(j []entry) (*Report, error) {
	// In path order, the files under a folder moved whole follow it.
	slices.SortStableFunc(j, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	rep := &Report{}
	for _, e := range j {
		if e.op == opClear {
			if err := s.root.RemoveAll(e.path); err != nil {
				return rep, partly(err)
			}
			s.prune(path.Dir(e.path))
		}
	}
	made := map[string]bool{".": true}
	moved := "" // a folder moved whole: the files under it are in place
	for _, e := range j {
		switch {
		case e.op == opKept:
			rep.Kept++
		case e.op != opStaged:
		case moved != "" && strings.HasPrefix(e.path, moved+"/"):
			rep.Written++
		default:
			var err error
			if moved, err = s.move(e.path, made); err != nil {
				return rep, partly(err)
			}
			rep.Written++
		}
	}
	left, err := s.removeOld(j, rep)
	if err := s.record(j, left); err != nil {
		return rep, msgNotRecorded.At("", 0, 0, "Err", err)
	}
	return rep, err
}

// errPartly marks an apply that stopped with the site only partly in place.
type errPartly struct{ err error }

func (e errPartly) Error() string { return e.err.Error() }
func (e errPartly) Unwrap() error { return e.err }

func partly(err error) error { return errPartly{err} }

// move puts the staged file p in place. Where the destination lacks a
// folder p needs, the stage's folder moves whole, with every staged file
// under it (journal entries come sorted by path, so those follow p), and
// move returns that folder.
func (s *Stage) move(p string, made map[string]bool) (string, error) {
	if err := s.fault("move", p); err != nil {
		return "", err
	}
	from := p
	if d := path.Dir(p); !made[d] {
		a, err := s.missingFolder(d, made)
		if err != nil {
			return "", err
		}
		if a != "" {
			from = a
		}
	}
	err := s.root.Rename(stageName+"/"+from, from)
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := s.root.Lstat(stageName + "/" + from); errors.Is(serr, fs.ErrNotExist) {
			err = nil // moved already, by the run this one finishes
		}
	}
	if err != nil || from == p {
		return "", err
	}
	made[from] = true
	return from, nil
}

// missingFolder returns the outermost folder of d (d itself included)
// that the destination lacks, or "" if it has them all; folders it finds
// are noted in made.
func (s *Stage) missingFolder(d string, made map[string]bool) (string, error) {
	for a := range parents(d + "/") {
		if made[a] {
			continue
		}
		info, err := s.root.Lstat(a)
		if errors.Is(err, fs.ErrNotExist) {
			return a, nil
		}
		if err != nil {
			return "", err
		}
		if !info.IsDir() {
			return "", msgNotAFolder.At("", 0, 0, "Path", a)
		}
		made[a] = true
	}
	return "", nil
}

// removeOld removes the files of the last build that the site no longer
// has, and the folders they leave empty. It returns the ones it could not
// remove, to try again next time.
func (s *Stage) removeOld(j []entry, rep *Report) ([]entry, error) {
	var left []entry
	var failed []string
	var cause error
	for _, e := range j {
		if e.op != opRemove {
			continue
		}
		if info, err := s.root.Lstat(e.path); err == nil && info.IsDir() {
			continue // someone else's folder now
		}
		err := s.fault("remove", e.path)
		if err == nil {
			err = s.root.Remove(e.path)
		}
		switch {
		case err == nil:
			rep.Removed++
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			// gone already, or a file stands where its folder was
		default:
			left = append(left, e)
			failed = append(failed, e.path)
			cause = err
			continue
		}
		s.prune(path.Dir(e.path))
	}
	if len(failed) == 0 {
		return nil, nil
	}
	why := plain(cause)
	if errors.Is(cause, fs.ErrPermission) {
		why = msgPermission.At("", 0, 0)
	}
	if len(failed) == 1 {
		return left, msgNotRemovedOne.At("", 0, 0, "Why", why, "Files", listed(failed))
	}
	return left, msgNotRemoved.At("", 0, 0, "Count", len(failed), "Why", why, "Files", listed(failed))
}

// listed names up to five paths: a string, or a message.
func listed(paths []string) any {
	if len(paths) > 5 {
		return msgMore.At("", 0, 0, "Files", strings.Join(paths[:5], ", "), "Count", len(paths)-5)
	}
	return strings.Join(paths, ", ")
}

// prune removes the folder d and the folders above it while they are
// empty.
func (s *Stage) prune(d string) {
	for ; d != "." && d != "/"; d = path.Dir(d) {
		if info, err := s.root.Lstat(d); err != nil || !info.IsDir() || s.root.Remove(d) != nil {
			return
		}
	}
}

// record writes the manifest of the build in place, and ends the journal.
func (s *Stage) record(j, left []entry) error {
	m := make([]entry, 0, len(j))
	for _, e := range j {
		if e.op == opStaged || e.op == opKept {
			e.op = opKept
			m = append(m, e)
		}
	}
	m = append(m, left...)
	if err := s.fault("record", manifestName); err != nil {
		return err
	}
	tmp := manifestName + ".new"
	if err := s.root.WriteFile(tmp, format(m), 0o666); err != nil {
		s.root.Remove(tmp)
		return err
	}
	if err := s.root.Rename(tmp, manifestName); err != nil {
		return err
	}
	if err := s.root.Remove(journalName); err != nil {
		return err
	}
	return s.root.RemoveAll(stageName)
}

// recover finishes a build that was interrupted after its commit point,
// and removes the stage of one interrupted before it.
func (s *Stage) recover() (bool, error) {
	s.root.Remove(journalName + ".new")
	s.root.Remove(manifestName + ".new")
	s.root.Remove(stampsName + ".new")
	data, err := s.root.ReadFile(journalName)
	if errors.Is(err, fs.ErrNotExist) {
		return false, s.root.RemoveAll(stageName)
	}
	if err != nil {
		return false, err
	}
	j, err := parse(data)
	if err != nil {
		// A journal is written whole or not at all; this one is damaged,
		// so its stage cannot be placed.
		s.root.Remove(journalName)
		return false, s.root.RemoveAll(stageName)
	}
	if _, err := s.apply(j); err != nil {
		return true, msgNotFinished.At("", 0, 0, "Err", err)
	}
	return true, nil
}

// clean removes everything gen did not write, except .git and .gen at the
// top, and returns how many entries it removed.
func (s *Stage) clean() (int, error) {
	keep, dirs := map[string]bool{}, map[string]bool{}
	data, err := s.root.ReadFile(manifestName)
	if err != nil {
		return 0, err
	}
	m, err := parse(data)
	if err != nil {
		return 0, msgDamaged.At("", 0, 0, "File", filepath.Join(s.dest, filepath.FromSlash(manifestName)), "Err", err)
	}
	for _, e := range m {
		keep[e.path] = true
		for d := range parents(e.path) {
			dirs[d] = true
		}
	}
	return s.cleanDir(".", keep, dirs)
}

func (s *Stage) cleanDir(dir string, keep, dirs map[string]bool) (int, error) {
	list, err := fs.ReadDir(s.root.FS(), dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range list {
		p := path.Join(dir, d.Name())
		switch {
		case dir == "." && (p == stateDir || p == ".git"), keep[p]:
		case d.IsDir() && dirs[p]:
			m, err := s.cleanDir(p, keep, dirs)
			n += m
			if err != nil {
				return n, err
			}
		default:
			if err := s.root.RemoveAll(p); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// restoreLegacy tidies what gen's earlier publisher left beside the
// destination when it was killed: its staging folders
// (.<name>.staging-N) are removed, and if the destination is missing while
// one of them holds the previous output (.<name>.staging-N.old), that
// output is put back first.
func restoreLegacy(abs string) {
	parent, prefix := filepath.Dir(abs), "."+filepath.Base(abs)+".staging-"
	list, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	_, err = os.Lstat(abs)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, d := range list {
		name := d.Name()
		if !d.IsDir() || !strings.HasPrefix(name, prefix) {
			continue
		}
		p := filepath.Join(parent, name)
		if missing && strings.HasSuffix(name, ".old") && os.Rename(p, abs) == nil {
			missing = false
			continue
		}
		os.RemoveAll(p)
	}
}

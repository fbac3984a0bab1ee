// Package sitefs opens a site's source directory as an fs.FS that reads
// nothing outside it.
//
// Rules:
//   - Every read goes through an os.Root opened on the site directory, so a
//     symbolic link is followed only while it stays inside the site, and
//     the check cannot race with the open: os.Root resolves each step
//     itself.
//   - A link that leads outside the site, an absolute link, a link to
//     nothing and a loop of links are errors (*LinkError) that name the
//     link's path, relative to the site, and its target; Diagnostic says
//     one as a diag.Message, which package speak says in zh, ru and en.
//   - ReadDir lists a link that can be followed as what it points to (a
//     file or a folder), so fs.WalkDir descends into a linked folder inside
//     the site; it lists any other link as a symbolic link whose Info
//     returns the *LinkError. Walkers report such entries with Unfollowed.
//     A linked folder that contains, through any number of links, a folder
//     the walk came through is a loop.
package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/eventnews/gen/generator/internal/diag"
)

// FS is a site directory opened for reading.
type FS struct {
	root *os.Root
	fsys fs.FS
	dir  string // absolute path of the directory, links resolved
}

// Open opens the site directory dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err == nil {
		if real, rerr := filepath.EvalSymlinks(abs); rerr == nil {
			abs = real
		}
	}
	return &FS{root: root, fsys: root.FS(), dir: abs}, nil
}

// Close releases the directory.
func (f *FS) Close() error { return f.root.Close() }

// Open opens the named file. A directory lists its entries as ReadDir
// does.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, f.explain("open", name, err)
	}
	if d, ok := file.(fs.ReadDirFile); ok {
		return dirFile{ReadDirFile: d, fs: f, name: name}, nil
	}
	return file, nil
}

// dirFile is an open directory whose entries are resolved like ReadDir's.
type dirFile struct {
	fs.ReadDirFile
	fs   *FS
	name string
}

func (d dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	list, err := d.ReadDirFile.ReadDir(n)
	d.fs.resolveAll(d.name, list)
	return list, err
}

// ReadFile reads the named file.
func (f *FS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(f.fsys, name)
	return b, f.explain("read", name, err)
}

// Stat describes the named file, following links inside the site.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(f.fsys, name)
	return info, f.explain("stat", name, err)
}

// ReadDir lists the named directory, sorted by name, with links resolved
// as the package documentation says.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(f.fsys, name)
	if err != nil {
		return list, f.explain("readdir", name, err)
	}
	f.resolveAll(name, list)
	return list, nil
}

// resolveAll replaces the links in list, the entries of the directory
// name, with what resolve makes of them.
func (f *FS) resolveAll(name string, list []fs.DirEntry) {
	for i, d := range list {
		if d.Type()&fs.ModeSymlink != 0 {
			list[i] = f.resolve(path.Join(name, d.Name()), d)
		}
	}
}

// resolve returns the entry for the link p.
func (f *FS) resolve(p string, d fs.DirEntry) fs.DirEntry {
	info, err := f.root.Stat(p)
	if err == nil && info.IsDir() && f.loops(p) {
		err = syscall.ELOOP
	}
	if err != nil {
		return badLink{DirEntry: d, err: f.linkError(p, err)}
	}
	return linkEntry{name: d.Name(), info: info}
}

// loops reports whether the folder that the link p leads to is one of the
// folders p lies in, as the walk came through them.
func (f *FS) loops(p string) bool {
	target, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(p)))
	if err != nil {
		return true
	}
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		real, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(dir)))
		if err != nil || real == target {
			return true
		}
		if dir == "." {
			return false
		}
	}
}

// explain turns an error of os.Root caused by a link into a *LinkError
// naming the link; other errors are returned as they are.
func (f *FS) explain(op, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrInvalid) {
		return err
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		info, lerr := f.root.Lstat(p)
		if lerr != nil {
			break
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		_, serr := f.root.Stat(p)
		if serr == nil {
			continue // this link is fine; a later one may not be
		}
		return &fs.PathError{Op: op, Path: name, Err: f.linkError(p, serr)}
	}
	return err
}

// linkError describes why the link p cannot be followed; err is what
// following it gave.
func (f *FS) linkError(p string, err error) *LinkError {
	target, _ := f.root.Readlink(p)
	e := &LinkError{Path: p, Target: target}
	switch {
	case errors.Is(err, syscall.ELOOP):
		e.Reason = ReasonLoop
	case filepath.IsAbs(target) && within(f.dir, target):
		e.Reason = ReasonAbsolute
	case errors.Is(err, fs.ErrNotExist):
		e.Reason = ReasonMissing
	default:
		e.Reason = ReasonOutside
	}
	return e
}

// within reports whether target, an absolute path, lies in dir.
func within(dir, target string) bool {
	rel, err := filepath.Rel(dir, filepath.Clean(target))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Why a link cannot be followed.
const (
	ReasonOutside  = "outside"
	ReasonAbsolute = "absolute"
	ReasonMissing  = "missing"
	ReasonLoop     = "loop"
)

// LinkError is a symbolic link that gen does not follow.
type LinkError struct {
	Path   string // the link, relative to the site, slash-separated
	Target string // what the link says
	Reason string // one of the Reason constants
}

func (e *LinkError) Error() string { return e.Path + " " + e.Problem() }

// Problem says what is wrong with the link, without its path, in words
// that tell the fix.
func (e *LinkError) Problem() string { return e.message().Format("Target", e.Target) }

// Diagnostic is the error at p, said in the reader's language (package
// speak) with the link's target.
func (e *LinkError) Diagnostic(p string) *diag.Diagnostic {
	return e.message().At(p, 0, 0, "Target", e.Target)
}

func (e *LinkError) message() diag.Message {
	switch e.Reason {
	case ReasonAbsolute:
		return msgAbsolute
	case ReasonMissing:
		return msgMissing
	case ReasonLoop:
		return msgLoop
	}
	return msgOutside
}

var (
	msgAbsolute = diag.Message{ID: "symlink.absolute", Text: "is a symbolic link to {{.Target}}: gen follows only relative links inside the site; make it relative (ln -sr)"}
	msgMissing  = diag.Message{ID: "symlink.missing", Text: "is a symbolic link to {{.Target}}, which does not exist"}
	msgLoop     = diag.Message{ID: "symlink.loop", Text: "is a symbolic link to {{.Target}}, which leads back to a folder it is in (a loop)"}
	msgOutside  = diag.Message{ID: "symlink.outside", Text: "is a symbolic link to {{.Target}}, outside the site: gen reads nothing outside the site folder; copy the file into the site instead"}
)

// Unfollowed reports a directory entry that is a symbolic link the file
// system did not follow (see ReadDir): the *LinkError when there is one,
// else a plain description. It returns nil for any other entry.
func Unfollowed(p string, d fs.DirEntry) *LinkError {
	if d.Type()&fs.ModeSymlink == 0 {
		return nil
	}
	if _, err := d.Info(); err != nil {
		if le := LinkOf(err); le != nil {
			return le
		}
	}
	return &LinkError{Path: p, Target: "?", Reason: ReasonOutside}
}

// LinkOf returns the *LinkError in err's chain, or nil.
func LinkOf(err error) *LinkError {
	var le *LinkError
	if errors.As(err, &le) {
		return le
	}
	return nil
}

// linkEntry is a followed link, listed as what it points to.
type linkEntry struct {
	name string
	info fs.FileInfo
}

func (e linkEntry) Name() string               { return e.name }
func (e linkEntry) IsDir() bool                { return e.info.IsDir() }
func (e linkEntry) Type() fs.FileMode          { return e.info.Mode().Type() }
func (e linkEntry) Info() (fs.FileInfo, error) { return e.info, nil }

// badLink is a link that is not followed; Info returns why.
type badLink struct {
	fs.DirEntry
	err *LinkError
}

func (e badLink) Info() (fs.FileInfo, error) { return nil, e.err }

var (
	_ fs.ReadFileFS = (*FS)(nil)
	_ fs.ReadDirFS  = (*FS)(nil)
	_ fs.StatFS     = (*FS)(nil)
)

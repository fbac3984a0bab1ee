package sitefs

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Overlay returns site with base lying under dir wherever the site has
// nothing: a name under dir (dir itself included) is read from the site if
// the site has it, else from base; a folder under dir lists the entries of
// both, the site's winning. The folders above dir exist if either has them.
// Everything else is the site's. Only a name the site does not have falls
// through: any other error of the site (a link out of it) is returned.
//
// gen lays the default theme in the binary under themes/default this way,
// so a site overrides one file of it by writing that file.
func Overlay(site fs.FS, dir string, base fs.FS) fs.FS {
	if o, ok := site.(*overlay); ok && o.dir == dir {
		return site // laid once already
	}
	return &overlay{site: site, dir: dir, base: base}
}

type overlay struct {
	site fs.FS
	dir  string
	base fs.FS
}

// under returns name relative to dir, if it lies there.
func (o *overlay) under(name string) (string, bool) {
	if name == o.dir {
		return ".", true
	}
	rest, ok := strings.CutPrefix(name, o.dir+"/")
	return rest, ok
}

// above reports whether name is a folder that holds dir.
func (o *overlay) above(name string) bool {
	return name == "." || strings.HasPrefix(o.dir, name+"/")
}

func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Open opens a file of either; a folder under or above dir opens as the
// merged listing.
func (o *overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	rest, under := o.under(name)
	if !under && !o.above(name) {
		return o.site.Open(name)
	}
	info, err := o.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		list, err := o.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &mergedDir{info: info, list: list}, nil
	}
	f, err := o.site.Open(name)
	if under && missing(err) {
		return o.base.Open(rest)
	}
	return f, err
}

func (o *overlay) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	b, err := fs.ReadFile(o.site, name)
	if rest, ok := o.under(name); ok && missing(err) {
		return fs.ReadFile(o.base, rest)
	}
	return b, err
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	info, err := fs.Stat(o.site, name)
	if !missing(err) {
		return info, err
	}
	if rest, ok := o.under(name); ok {
		return fs.Stat(o.base, rest)
	}
	if o.above(name) {
		return folderInfo(path.Base(name)), nil
	}
	return info, err
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	list, err := fs.ReadDir(o.site, name)
	if err != nil && !missing(err) {
		return nil, err
	}
	var more []fs.DirEntry
	if rest, ok := o.under(name); ok {
		var berr error
		if more, berr = fs.ReadDir(o.base, rest); berr != nil && (err != nil || !missing(berr)) {
			return nil, berr
		}
	} else if o.above(name) {
		rest := o.dir
		if name != "." {
			rest = strings.TrimPrefix(o.dir, name+"/")
		}
		next, _, _ := strings.Cut(rest, "/")
		more = []fs.DirEntry{fs.FileInfoToDirEntry(folderInfo(next))}
	} else if err != nil {
		return nil, err
	}
	for _, d := range more {
		if !slices.ContainsFunc(list, func(e fs.DirEntry) bool { return e.Name() == d.Name() }) {
			list = append(list, d)
		}
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, nil
}

// mergedDir is an open folder of the overlay.
type mergedDir struct {
	info fs.FileInfo
	list []fs.DirEntry
	read int
}

func (d *mergedDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *mergedDir) Close() error               { return nil }
func (d *mergedDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}

func (d *mergedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.list[d.read:]
	if n <= 0 {
		d.read = len(d.list)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return rest, nil
}

// folderInfo describes a folder that exists only as the way to dir.
type folderInfo string

func (f folderInfo) Name() string       { return string(f) }
func (f folderInfo) Size() int64        { return 0 }
func (f folderInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (f folderInfo) ModTime() time.Time { return time.Time{} }
func (f folderInfo) IsDir() bool        { return true }
func (f folderInfo) Sys() any           { return nil }

var (
	_ fs.ReadFileFS = (*overlay)(nil)
	_ fs.ReadDirFS  = (*overlay)(nil)
	_ fs.StatFS     = (*overlay)(nil)
)

// Package sitefs opens a site's source directory as an fs.FS: os.DirFS,
// except that reading a whole file (fs.ReadFile, as content, theme and
// config do for every file) costs four system calls on Unix (open, fstat,
// read, close) instead of os.DirFS's ten: os.Open tries to register every
// descriptor with the poller, which regular files refuse, and sets and
// clears non-blocking mode around the attempt, and os.ReadFile reads once
// more to see the end of the file. A site has thousands of files, and a
// system call costs microseconds on a virtual machine.
//
// Names are checked as os.DirFS checks them, and errors are the same
// *fs.PathError values, naming the path relative to the root.
package sitefs

import (
	"io/fs"
	"os"
)

// Dir returns the directory root as a file system.
func Dir(root string) fs.FS { return dir{FS: os.DirFS(root), root: root} }

type dir struct {
	fs.FS
	root string
}

// ReadFile reads the named file, as os.DirFS's ReadFile does.
func (d dir) ReadFile(name string) ([]byte, error) {
	if !rawReads || d.root == "" {
		return fs.ReadFile(d.FS, name)
	}
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	b, err := readFile(d.root + "/" + name)
	if err != nil {
		if e, ok := err.(*fs.PathError); ok {
			e.Path = name
		}
		return nil, err
	}
	return b, nil
}

// ReadDir and Stat are os.DirFS's; they are listed so that the embedded
// FS's interfaces stay visible through dir.
func (d dir) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }

func (d dir) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }

package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/eventnews/gen/generator/internal/sitefs"
)

// maxCached is the largest file kept in memory; bigger ones are read from
// disk each time.
const maxCached = 4 << 20

// sourceFS reads the site from disk and keeps what it read (file contents,
// directory listings, file information, and what does not exist) until
// Invalidate says it changed, so that a rebuild reads only changed files.
type sourceFS struct {
	base fs.FS

	mu    sync.Mutex
	files map[string][]byte
	dirs  map[string][]fs.DirEntry
	infos map[string]fs.FileInfo
	gone  map[string]error // paths known not to exist
}

func newSourceFS(base *sitefs.FS) *sourceFS {
	s := &sourceFS{base: base}
	s.InvalidateAll()
	return s
}

// InvalidateAll forgets everything.
func (s *sourceFS) InvalidateAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files = map[string][]byte{}
	s.dirs = map[string][]fs.DirEntry{}
	s.infos = map[string]fs.FileInfo{}
	s.gone = map[string]error{}
}

// Invalidate forgets the given paths, everything under them and the
// listings of the directories that hold them.
func (s *sourceFS) Invalidate(paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		_, wasDir := s.dirs[p]
		if info, ok := s.infos[p]; ok && info.IsDir() {
			wasDir = true
		}
		delete(s.files, p)
		delete(s.infos, p)
		delete(s.gone, p)
		delete(s.dirs, p)
		for d := path.Dir(p); ; d = path.Dir(d) {
			delete(s.dirs, d)
			delete(s.infos, d)
			delete(s.gone, d)
			if d == "." || d == "/" {
				break
			}
		}
		if wasDir {
			prefix := p + "/"
			deletePrefix(s.files, prefix)
			deletePrefix(s.dirs, prefix)
			deletePrefix(s.infos, prefix)
		}
		// Anything that did not exist below a path that now exists may.
		deletePrefix(s.gone, p+"/")
	}
}

func deletePrefix[V any](m map[string]V, prefix string) {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			delete(m, k)
		}
	}
}

func (s *sourceFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	s.mu.Lock()
	info, ok := s.infos[name]
	err := s.gone[name]
	s.mu.Unlock()
	if ok {
		return info, nil
	}
	if err != nil {
		return nil, err
	}
	info, err = fs.Stat(s.base, name)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err == nil:
		s.infos[name] = info
	case errors.Is(err, fs.ErrNotExist):
		s.gone[name] = err
	}
	return info, err
}

func (s *sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	s.mu.Lock()
	list, ok := s.dirs[name]
	err := s.gone[name]
	s.mu.Unlock()
	if ok {
		return slices.Clone(list), nil
	}
	if err != nil {
		return nil, err
	}
	list, err = fs.ReadDir(s.base, name)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err == nil:
		s.dirs[name] = list
	case errors.Is(err, fs.ErrNotExist):
		s.gone[name] = err
	}
	return slices.Clone(list), err
}

func (s *sourceFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	s.mu.Lock()
	data, ok := s.files[name]
	err := s.gone[name]
	s.mu.Unlock()
	if ok {
		return slices.Clone(data), nil
	}
	if err != nil {
		return nil, err
	}
	data, err = fs.ReadFile(s.base, name)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err == nil && len(data) <= maxCached:
		s.files[name] = data
	case errors.Is(err, fs.ErrNotExist):
		s.gone[name] = err
	}
	return slices.Clone(data), err
}

func (s *sourceFS) Open(name string) (fs.File, error) {
	info, err := s.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() || info.Size() > maxCached {
		return s.base.Open(name)
	}
	data, err := s.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(data), info: info}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

var (
	_ fs.ReadFileFS = (*sourceFS)(nil)
	_ fs.ReadDirFS  = (*sourceFS)(nil)
	_ fs.StatFS     = (*sourceFS)(nil)
)

package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/eventnews/gen/generator/internal/render"
)

// Stage is a publication in progress, for a caller that produces files one
// at a time (render.Options.Sink): Put writes a file into the staging
// directory at once, from the caller's goroutine; Add queues it for a pool
// of writers and returns at once. Commit waits for the writers and swaps
// the staging directory in for the destination. The rules of Write hold:
// until Commit succeeds the destination is untouched, and Abort or a
// failed Commit leaves nothing behind. Put and Add are safe for concurrent
// use; Commit and Abort are not.
type Stage struct {
	dest, dir string
	src       fs.FS
	queue     chan render.File
	writers   sync.WaitGroup

	mu   sync.Mutex
	dirs map[string]*madeDir
	errs []error
	done bool
}

type madeDir struct {
	once sync.Once
	err  error
}

// queued bounds the bytes waiting to be written.
const queued = 256

// Begin starts publishing into dest; files with Src are copied from src.
func Begin(dest string, src fs.FS) (*Stage, error) {
	dest, dir, err := makeStage(dest)
	if err != nil {
		return nil, err
	}
	s := &Stage{dest: dest, dir: dir, src: src, queue: make(chan render.File, queued), dirs: map[string]*madeDir{}}
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

// Put writes f into the staging directory before it returns, so f.Bytes
// may be reused as soon as it does. Like Add, it returns an error once any
// write has failed, and must not be called after, or at the same time as,
// Commit or Abort.
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

// write writes f into the staging directory and keeps any error for Commit.
func (s *Stage) write(f render.File) error {
	err := s.mkdir(path.Dir(f.Path))
	if err == nil {
		err = writeOne(s.dir, f, s.src)
	}
	if err != nil {
		s.mu.Lock()
		s.errs = append(s.errs, err)
		s.mu.Unlock()
	}
	return err
}

var errStageClosed = errors.New("publish: stage already committed or aborted")

// mkdir makes d (slash-separated, relative to the staging directory) and
// its parents, each once, with one mkdir each.
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
			m.err = os.Mkdir(filepath.Join(s.dir, filepath.FromSlash(d)), 0o755)
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

// Commit waits for every queued file and replaces the destination with the
// staging directory. On any failure the destination stays as it was.
func (s *Stage) Commit() error {
	if err := s.finish(); err != nil {
		os.RemoveAll(s.dir)
		return err
	}
	return swap(s.dir, s.dest)
}

// Abort discards the staging directory. It does nothing after Commit.
func (s *Stage) Abort() {
	if s.finish() != errStageClosed {
		os.RemoveAll(s.dir)
	}
}

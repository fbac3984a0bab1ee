package build_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
)

// memSite is a site held in memory, as gen serve's source cache holds it
// after the first build: reading it costs no system calls, so a benchmark
// over it measures the build alone.
type memSite struct {
	files map[string][]byte
	dirs  map[string][]fs.DirEntry
}

func loadMemSite(tb testing.TB, dir string) *memSite {
	tb.Helper()
	m := &memSite{files: map[string][]byte{}, dirs: map[string][]fs.DirEntry{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			list, err := os.ReadDir(p)
			m.dirs[rel] = list
			return err
		}
		data, err := os.ReadFile(p)
		m.files[rel] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct{ info memInfo }

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error)   { return 0, fs.ErrInvalid }
func (d *memDir) Close() error               { return nil }

func (m *memSite) Open(name string) (fs.File, error) {
	if data, ok := m.files[name]; ok {
		return &memFile{bytes.NewReader(data), memInfo{path.Base(name), int64(len(data)), false}}, nil
	}
	if _, ok := m.dirs[name]; ok {
		return &memDir{memInfo{path.Base(name), 0, true}}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m *memSite) ReadFile(name string) ([]byte, error) {
	if data, ok := m.files[name]; ok {
		return slices.Clone(data), nil
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

func (m *memSite) ReadDir(name string) ([]fs.DirEntry, error) {
	if list, ok := m.dirs[name]; ok {
		return slices.Clone(list), nil
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

func (m *memSite) Stat(name string) (fs.FileInfo, error) {
	if data, ok := m.files[name]; ok {
		return memInfo{path.Base(name), int64(len(data)), false}, nil
	}
	if _, ok := m.dirs[name]; ok {
		return memInfo{path.Base(name), 0, true}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// BenchmarkServeRebuild1000 measures what gen serve does between a save
// and the live-reload event, the watcher aside: a Run with Previous and
// Changed after appending a sentence to one Chinese release of a 1,000 ×
// 3 site held in memory, with the cache of earlier runs (told what
// changed, as gen serve tells it). Previous is the
// first, full run each time (Changed is what differs from it). It reports
// how many pages each run rendered.
func BenchmarkServeRebuild1000(b *testing.B) {
	dir := writeBenchSite(b, 1000)
	site := loadMemSite(b, dir)
	var slug string
	for s, langs := range benchsite.Releases(1000, 1) {
		if len(langs) == 3 && (slug == "" || s < slug) {
			slug = s
		}
	}
	file := "content/news/" + slug + "/index.zh.md"
	orig := site.files[file]
	cache := build.NewTrustingCache()
	opts := build.Options{FS: site, Now: benchNow, Cache: cache}
	prev, err := build.Run(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	rendered := 0
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		site.files[file] = append(slices.Clone(orig), fmt.Sprintf("\n编辑第%d次。\n", i)...)
		opts.Previous, opts.Changed = prev, []string{file}
		cache.Invalidate(opts.Changed)
		var res *build.Result
		// Labelled, so that a profile can leave out the first build:
		// go tool pprof -tagfocus=run=edit.
		pprof.Do(context.Background(), pprof.Labels("run", "edit"), func(ctx context.Context) {
			res, err = build.Run(ctx, opts)
		})
		if err != nil {
			b.Fatal(err)
		}
		rendered += res.Rendered
	}
	b.ReportMetric(float64(rendered)/float64(b.N), "pages/op")
}

// Package publish writes rendered files to the output directory atomically.
//
// Rules:
//   - Everything is written into a staging directory beside the destination
//     (same parent, so renames stay on one file system). Only when every file
//     is written does the staging directory replace the destination; the old
//     output is then removed. A failure at any point leaves the destination
//     exactly as it was.
//   - The destination ends up holding only this build's files, so files that
//     no longer belong to the site disappear.
//   - Files are written with mode 0644, directories 0755; times are not set.
package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/eventnews/gen/generator/internal/render"
)

// Write publishes files into dest. Files with Src are copied from src.
func Write(dest string, files []render.File, src fs.FS) (err error) {
	dest, stage, err := makeStage(dest)
	if err != nil {
		return err
	}
	if err := writeAll(stage, files, src); err != nil {
		os.RemoveAll(stage)
		return err
	}
	return swap(stage, dest)
}

// makeStage creates an empty staging directory beside dest.
func makeStage(dest string) (cleanDest, stage string, err error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", "", err
	}
	stage, err = os.MkdirTemp(parent, "."+filepath.Base(dest)+".staging-")
	return dest, stage, err
}

// swap puts the complete staging directory in the place of dest and removes
// the old output; if it cannot, it removes the staging directory and leaves
// dest as it was.
func swap(stage, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = stage + ".old"
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(stage)
			return fmt.Errorf("cannot move the old output aside: %w", err)
		}
	}
	if err := os.Rename(stage, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		os.RemoveAll(stage)
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// writeAll creates the directories level by level, parents before
// children, and writes the files of each level once its directories exist;
// within a level everything runs in parallel. The staging directory is new,
// so every directory is made with one mkdir and no stat.
func writeAll(root string, files []render.File, src fs.FS) error {
	byDir := map[string][]int{}
	for i, f := range files {
		d := path.Dir(f.Path)
		byDir[d] = append(byDir[d], i)
		for d != "." {
			d = path.Dir(d)
			if _, ok := byDir[d]; !ok {
				byDir[d] = nil
			}
		}
	}
	var levels [][]string
	for d := range byDir {
		depth := 0
		if d != "." {
			depth = strings.Count(d, "/") + 1
		}
		for len(levels) <= depth {
			levels = append(levels, nil)
		}
		levels[depth] = append(levels[depth], d)
	}
	for _, dirs := range levels {
		slices.Sort(dirs)
		err := parallel(len(dirs), func(i int) error {
			if dirs[i] == "." {
				return nil
			}
			return os.Mkdir(filepath.Join(root, filepath.FromSlash(dirs[i])), 0o755)
		})
		if err != nil {
			return err
		}
		var here []int
		for _, d := range dirs {
			here = append(here, byDir[d]...)
		}
		if err := parallel(len(here), func(i int) error { return writeOne(root, files[here[i]], src) }); err != nil {
			return err
		}
	}
	return nil
}

// parallel calls fn for 0..n-1 on several goroutines and joins the errors.
// Writing waits on the file system more than on the CPU, so it runs more
// goroutines than cores.
func parallel(n int, fn func(int) error) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		next = make(chan int)
	)
	for range min(n, 4*runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

func writeOne(root string, f render.File, src fs.FS) error {
	p := filepath.Join(root, filepath.FromSlash(f.Path))
	if f.Src == "" {
		return writeFile(p, f.Bytes)
	}
	in, err := src.Open(f.Src)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

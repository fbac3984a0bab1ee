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
	"path/filepath"
	"runtime"
	"sync"

	"github.com/eventnews/gen/generator/internal/render"
)

// Write publishes files into dest. Files with Src are copied from src.
func Write(dest string, files []render.File, src fs.FS) (err error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".staging-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(stage)
		}
	}()
	if err := writeAll(stage, files, src); err != nil {
		return err
	}
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = stage + ".old"
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("cannot move the old output aside: %w", err)
		}
	}
	if err := os.Rename(stage, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func writeAll(root string, files []render.File, src fs.FS) error {
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(filepath.FromSlash(f.Path))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			return err
		}
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		next = make(chan int)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := writeOne(root, files[i], src); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

func writeOne(root string, f render.File, src fs.FS) error {
	p := filepath.Join(root, filepath.FromSlash(f.Path))
	if f.Src == "" {
		return os.WriteFile(p, f.Bytes, 0o644)
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

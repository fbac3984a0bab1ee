package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// The floor is the least work any generator must do for the releases: read
// each Markdown file, convert its body with goldmark (the extensions gen
// enables: GFM, footnotes, typographer or CJK), write one HTML file per
// release. No front matter decoding, no templates, no lists. It runs on every
// core, like gen.
func runFloor(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("floor", flag.ContinueOnError)
	src := fs.String("source", "", "the site `directory` (required)")
	out := fs.String("o", "", "output `directory` (required)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *src == "" || *out == "" {
		fmt.Fprintln(stderr, "genbench floor: -source and -o are required")
		return 2
	}
	n, err := floor(*src, *out)
	if err != nil {
		fmt.Fprintln(stderr, "genbench floor:", err)
		return 1
	}
	fmt.Fprintf(stdout, "converted %d pages\n", n)
	return 0
}

func floor(src, out string) (int, error) {
	var files []string
	root := os.DirFS(src)
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasPrefix(path.Base(p), "_") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	mds := map[string]goldmark.Markdown{}
	for _, lang := range []string{"zh", "ru", "en"} {
		ext := []goldmark.Extender{extension.GFM, extension.Footnote, extension.Typographer}
		if lang == "zh" {
			ext[2] = extension.CJK
		}
		mds[lang] = goldmark.New(goldmark.WithExtensions(ext...))
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		next = make(chan string)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range next {
				if err := floorOne(root, p, out, mds, &buf); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return 0, errs[0]
	}
	return len(files), nil
}

// floorOne converts content/news/<slug>/index.<lang>.md into
// <lang>/news/<slug>/index.html.
func floorOne(root fs.FS, p, out string, mds map[string]goldmark.Markdown, buf *bytes.Buffer) error {
	data, err := fs.ReadFile(root, p)
	if err != nil {
		return err
	}
	name := path.Base(p)
	parts := strings.Split(name, ".")
	lang := "zh"
	if len(parts) == 3 {
		lang = parts[1]
	}
	md := mds[lang]
	if md == nil {
		return fmt.Errorf("%s: unknown language %q", p, lang)
	}
	body := data
	if bytes.HasPrefix(body, []byte("---\n")) {
		if i := bytes.Index(body[4:], []byte("\n---\n")); i >= 0 {
			body = body[4+i+5:]
		}
	}
	buf.Reset()
	if err := md.Convert(body, buf); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	rel := strings.TrimPrefix(path.Dir(p), "content/")
	if parts[0] != "index" {
		rel = path.Join(rel, parts[0])
	}
	dir := filepath.Join(out, lang, filepath.FromSlash(rel))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}

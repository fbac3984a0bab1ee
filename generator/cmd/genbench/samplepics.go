package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// runSamplePics is "genbench samplepics": it writes the pictures of the
// sample site that gen draws itself (benchsite.SamplePictures: charts of
// the releases' figures and a large synthetic photo) into the repository,
// where they are committed.
func runSamplePics(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("samplepics", flag.ContinueOnError)
	repo := fs.String("repo", "", "the gen repository's `directory` (default: the one holding the working directory)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *repo == "" {
		r, err := benchsite.FindRepo()
		if err != nil {
			fmt.Fprintln(stderr, "genbench samplepics:", err)
			return 1
		}
		*repo = r
	}
	pics, err := benchsite.SamplePictures()
	if err != nil {
		fmt.Fprintln(stderr, "genbench samplepics:", err)
		return 1
	}
	var names []string
	for name := range pics {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(*repo, filepath.FromSlash(name)), pics[name], 0o644); err != nil {
			fmt.Fprintln(stderr, "genbench samplepics:", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s (%d bytes)\n", name, len(pics[name]))
	}
	return 0
}

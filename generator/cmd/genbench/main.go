// Command genbench writes synthetic trilingual sites and measures gen against
// Hugo and against a floor (goldmark alone, one file per page).
//
//	genbench site -n 1000 -o DIR          write a site of 1,000 releases × zh/ru/en
//	genbench compare -n 1000,10000 -runs 5
//	                                      build each size with gen, Hugo and the floor,
//	                                      alternating, and print medians and ratios
//	genbench pages -gen DIR -hugo DIR     compare the HTML page paths of two outputs
//	genbench floor -source DIR -o DIR     the floor: convert every release with
//	                                      goldmark and write one file per page
//	genbench serve -source DIR -gen BIN   edit one release under gen serve and
//	                                      time each write to its reload event
//	genbench search -site DIR             ask gen's search and Pagefind a query set
//	                                      in Chromium: recall, rank, bytes fetched
//	genbench photos -work DIR -gen BIN -hugo PATH
//	                                      50 synthetic 4000 × 3000 photos, cold and
//	                                      warm, with gen and with Hugo
//
// Rules: exit status 0 ok, 1 when a build fails or the page sets differ, 2
// for bad usage. compare measures whole processes (wall time, peak RSS from
// getrusage), never the command's own work; it reports figures, it asserts
// none.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

const usage = `genbench writes synthetic trilingual sites and compares gen with Hugo.

Usage:
  genbench site -n N -o DIR [-seed S] [-repo DIR]
  genbench compare [-n 1000,10000] [-runs 5] [-seed S] [-work DIR] [-peer DIR] [-hugo PATH] [-repo DIR] [-also NAME=PATH] [-overlay DIR] [-serve-edits 20]
  genbench pages -gen DIR -hugo DIR
  genbench floor -source DIR -o DIR
  genbench serve -source DIR -gen BINARY [-edits 20] [-pause 3s]
  genbench search -site DIR [-queries FILE] [-engines gen,pagefind] [-v]
  genbench measure -- COMMAND [ARGS]     wall time and peak RSS of one command
  genbench photos -work DIR -gen BINARY [-hugo PATH] [-n 50]
                                         cold and warm builds of N 4000 × 3000 photos
  genbench samplepics [-repo DIR]        draw the sample site's charts and large photo into content/

Run "genbench <command> -h" for the options of one command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "site":
		return runSite(args[1:], stdout, stderr)
	case "compare":
		return runCompare(args[1:], stdout, stderr)
	case "pages":
		return runPages(args[1:], stdout, stderr)
	case "floor":
		return runFloor(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "measure":
		return runMeasure(args[1:], stdout, stderr)
	case "search":
		return runSearch(args[1:], stdout, stderr)
	case "photos":
		return runPhotos(args[1:], stdout, stderr)
	case "samplepics":
		return runSamplePics(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "genbench: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

// parse returns -1 to go on, else an exit status.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) int {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "genbench %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2
	}
	return -1
}

func runSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	n := fs.Int("n", 1000, "number of releases (each in up to three languages)")
	out := fs.String("o", "", "write the site into this `directory` (required)")
	seed := fs.Int64("seed", 1, "random seed; the same seed writes the same site")
	repo := fs.String("repo", "", "the gen repository `directory` whose themes/default and i18n are copied (default: the one holding the working directory)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *out == "" || *n < 0 {
		fmt.Fprintln(stderr, "genbench site: -o DIR is required and -n must not be negative")
		return 2
	}
	if *repo == "" {
		var err error
		if *repo, err = benchsite.FindRepo(); err != nil {
			fmt.Fprintln(stderr, "genbench site:", err, "(use -repo DIR)")
			return 2
		}
	}
	if err := benchsite.WriteFrom(os.DirFS(*repo), *out, *n, *seed); err != nil {
		fmt.Fprintln(stderr, "genbench site:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d releases to %s; build it with: gen build --source %s --now %s\n", *n, *out, *out, benchsite.Now)
	return 0
}

// sizes parses "1000,10000".
func sizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

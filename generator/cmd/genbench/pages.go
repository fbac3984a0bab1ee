package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
)

// The page classes both gen and Hugo's peer configuration are meant to
// produce, per language: home, news list and its pages, every release, the
// tags index, every tag page and its pages.
var compared = regexp.MustCompile(`^(zh|ru|en)/(index\.html|news/index\.html|news/page/([2-9]|[1-9][0-9]+)/index\.html|news/[^/]+/index\.html|tags/index\.html|tags/[^/]+/index\.html|tags/[^/]+/page/([2-9]|[1-9][0-9]+)/index\.html)$`)

// known names the pages one tool makes by design and the other does not,
// so that the report can say what they are.
var known = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`(^|/)page/1/index\.html$`), "redirects from page/1/ to the first list page (Hugo aliases)"},
	{regexp.MustCompile(`^(zh|ru|en)/page/\d+/index\.html$`), "home pagination (Hugo's peer paginates the home; gen's home shows the latest 10)"},
	{regexp.MustCompile(`^index\.html$`), "root page"},
	{regexp.MustCompile(`(^|/)404\.html$`), "not-found pages"},
	{regexp.MustCompile(`^(zh|ru|en)/events/index\.html$`), "events pages"},
	{regexp.MustCompile(`^(zh|ru|en)/search/index\.html$`), "search pages"},
}

// pageDiff is the comparison of two outputs' HTML paths.
type pageDiff struct {
	Both            int
	OnlyA, OnlyB    []string            // compared classes only
	OtherA, OtherB  map[string][]string // outside the compared classes, by description
	TotalA, TotalB  int                 // all HTML files
	ComparedA, CmpB int
}

func (d *pageDiff) same() bool { return len(d.OnlyA) == 0 && len(d.OnlyB) == 0 }

func htmlPaths(dir string) ([]string, error) {
	var out []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

func comparePages(a, b []string) *pageDiff {
	d := &pageDiff{OtherA: map[string][]string{}, OtherB: map[string][]string{}, TotalA: len(a), TotalB: len(b)}
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, p := range a {
		if compared.MatchString(p) {
			inA[p] = true
		} else {
			d.OtherA[describe(p)] = append(d.OtherA[describe(p)], p)
		}
	}
	for _, p := range b {
		if compared.MatchString(p) {
			inB[p] = true
		} else {
			d.OtherB[describe(p)] = append(d.OtherB[describe(p)], p)
		}
	}
	d.ComparedA, d.CmpB = len(inA), len(inB)
	for p := range inA {
		if inB[p] {
			d.Both++
		} else {
			d.OnlyA = append(d.OnlyA, p)
		}
	}
	for p := range inB {
		if !inA[p] {
			d.OnlyB = append(d.OnlyB, p)
		}
	}
	slices.Sort(d.OnlyA)
	slices.Sort(d.OnlyB)
	return d
}

func describe(p string) string {
	for _, k := range known {
		if k.re.MatchString(p) {
			return k.what
		}
	}
	return "other pages"
}

// print writes the comparison for people: counts, then every difference
// (the first 20 of each kind).
func (d *pageDiff) print(w io.Writer, nameA, nameB string) {
	fmt.Fprintf(w, "HTML files: %s %d, %s %d\n", nameA, d.TotalA, nameB, d.TotalB)
	fmt.Fprintf(w, "compared (home, news list pages, releases, tags index, tag pages): %s %d, %s %d, in both %d\n", nameA, d.ComparedA, nameB, d.CmpB, d.Both)
	list := func(label string, ps []string) {
		if len(ps) == 0 {
			return
		}
		fmt.Fprintf(w, "  %s: %d\n", label, len(ps))
		for _, p := range ps[:min(20, len(ps))] {
			fmt.Fprintf(w, "    %s\n", p)
		}
		if len(ps) > 20 {
			fmt.Fprintf(w, "    … and %d more\n", len(ps)-20)
		}
	}
	if d.same() {
		fmt.Fprintln(w, "the compared page sets are the same")
	} else {
		fmt.Fprintln(w, "the compared page sets DIFFER:")
		list("only in "+nameA, d.OnlyA)
		list("only in "+nameB, d.OnlyB)
	}
	for _, side := range []struct {
		name  string
		other map[string][]string
	}{{nameA, d.OtherA}, {nameB, d.OtherB}} {
		keys := make([]string, 0, len(side.other))
		for k := range side.other {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			ps := side.other[k]
			fmt.Fprintf(w, "not compared, %s makes: %s: %d (e.g. %s)\n", side.name, k, len(ps), ps[0])
		}
	}
}

func runPages(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pages", flag.ContinueOnError)
	genDir := fs.String("gen", "", "gen's output `directory`")
	hugoDir := fs.String("hugo", "", "Hugo's output `directory`")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *genDir == "" || *hugoDir == "" {
		fmt.Fprintln(stderr, "genbench pages: -gen and -hugo are required")
		return 2
	}
	a, err := htmlPaths(*genDir)
	if err != nil {
		fmt.Fprintln(stderr, "genbench pages:", err)
		return 1
	}
	b, err := htmlPaths(*hugoDir)
	if err != nil {
		fmt.Fprintln(stderr, "genbench pages:", err)
		return 1
	}
	d := comparePages(a, b)
	d.print(stdout, "gen", "hugo")
	if !d.same() {
		return 1
	}
	return 0
}

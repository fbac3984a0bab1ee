// Package golden compares what a test produced with a file kept under the
// test's package, testdata/golden/<name>, and rewrites that file when the
// tests run with -update:
//
//	go test ./... -update
//
// It registers the one -update flag of the module. go test hands a flag it
// does not know to every test binary, and a binary that does not define it
// fails, so every package with tests links this package: through
// sitetest, which imports it, or with a blank import
// (import _ ".../sitetest/golden") in one test file. It imports nothing
// of gen, so a package's internal tests may import it too without an
// import cycle. sitetest's TestEveryPackageTakesUpdate finds a package
// that forgot.
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden/ with what the tests got")

// Dir is where golden files live, relative to the test's package.
const Dir = "testdata/golden"

// Check compares got with testdata/golden/<name> (name is slash-separated,
// usually the output path it holds, such as "ru/index.xml"). A difference
// fails the test with the lines that differ; with -update the file is
// rewritten instead, and created when it does not exist.
func Check(tb testing.TB, name string, got []byte) {
	tb.Helper()
	p := filepath.Join(filepath.FromSlash(Dir), filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("%v (go test -update writes it)", err)
	}
	if string(got) != string(want) {
		tb.Errorf("%s differs from %s (if the change is intended, rerun with -update):\n%s", name, p, diff(string(want), string(got)))
	}
}

// context is the number of equal lines Diff shows around a difference, and
// most the number of differing lines it shows of each side.
const (
	context = 3
	most    = 40
)

// diff shows where got differs from want: the lines between their common
// beginning and common end, "-" for want's and "+" for got's, each with its
// number in its own text, and a few equal lines around them. It is "" when
// they are equal.
func diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := lines(want), lines(got)
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var b strings.Builder
	line := func(mark string, n int, s string) {
		if !strings.HasSuffix(s, "\n") {
			s += "\n\\ no newline at the end\n"
		}
		fmt.Fprintf(&b, "%s%5d  %s", mark, n, s)
	}
	for i := max(0, pre-context); i < pre; i++ {
		line(" ", i+1, g[i])
	}
	side := func(mark string, lines []string) {
		for i, s := range lines[pre : len(lines)-suf] {
			if i == most {
				fmt.Fprintf(&b, "%s       … %d more lines\n", mark, len(lines)-suf-pre-most)
				break
			}
			line(mark, pre+i+1, s)
		}
	}
	side("-", w)
	side("+", g)
	for i := len(g) - suf; i < min(len(g), len(g)-suf+context); i++ {
		line(" ", i+1, g[i])
	}
	return b.String()
}

// lines splits s after each newline; a last line without one is a line too.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

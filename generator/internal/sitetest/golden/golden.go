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

// context is the number of equal lines diff shows around a change, and
// most the number of lines it shows in all.
const (
	context = 3
	most    = 80
)

// op is one line of an edit script: ' ' kept, '-' only in want, '+' only
// in got; n is its number in want for '-', in got otherwise.
type op struct {
	kind byte
	n    int
	text string
}

// diff shows where got differs from want as the lines that differ, "-"
// for want's and "+" for got's, each with its line number, and a few equal
// lines around them. It is "" when they are equal.
func diff(want, got string) string {
	if want == got {
		return ""
	}
	ops := script(lines(want), lines(got))
	var b strings.Builder
	shown, gap := 0, false
	for i, o := range ops {
		if !near(ops, i) {
			gap = true
			continue
		}
		if shown == most {
			b.WriteString("…\n")
			break
		}
		if gap && shown > 0 {
			b.WriteString("…\n")
		}
		gap = false
		shown++
		text := o.text
		if !strings.HasSuffix(text, "\n") {
			text += "\n\\ no newline at the end\n"
		}
		fmt.Fprintf(&b, "%c%5d  %s", o.kind, o.n, text)
	}
	return b.String()
}

// near reports whether ops[i] is a change or within context of one.
func near(ops []op, i int) bool {
	for j := max(0, i-context); j <= min(len(ops)-1, i+context); j++ {
		if ops[j].kind != ' ' {
			return true
		}
	}
	return false
}

// script is an edit script turning w into g with the fewest changed
// lines (a longest common subsequence), past the common beginning and end.
// A middle too large to compare line by line is shown as replaced whole.
func script(w, g []string) []op {
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var ops []op
	for i := range pre {
		ops = append(ops, op{' ', i + 1, g[i]})
	}
	mw, mg := w[pre:len(w)-suf], g[pre:len(g)-suf]
	// lcs[i][j] is the length of the longest common subsequence of
	// mw[i:] and mg[j:].
	var lcs [][]int
	if len(mw)*len(mg) <= 1<<22 {
		lcs = make([][]int, len(mw)+1)
		for i := range lcs {
			lcs[i] = make([]int, len(mg)+1)
		}
		for i := len(mw) - 1; i >= 0; i-- {
			for j := len(mg) - 1; j >= 0; j-- {
				if mw[i] == mg[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
	}
	i, j := 0, 0
	for i < len(mw) || j < len(mg) {
		switch {
		case lcs != nil && i < len(mw) && j < len(mg) && mw[i] == mg[j]:
			ops = append(ops, op{' ', pre + j + 1, mg[j]})
			i++
			j++
		case i < len(mw) && (j == len(mg) || lcs == nil || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', pre + i + 1, mw[i]})
			i++
		default:
			ops = append(ops, op{'+', pre + j + 1, mg[j]})
			j++
		}
	}
	for k := len(g) - suf; k < len(g); k++ {
		ops = append(ops, op{' ', k + 1, g[k]})
	}
	return ops
}

// lines splits s after each newline; a last line without one is a line too.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

package speak_test

import (
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// unread are the folders (under generator/) whose texts no press officer
// reads: the benchmark tool, test kits, a generated table's maker.
var unread = []string{"cmd/genbench", "internal/benchsite", "internal/sitetest", "internal/browsertest", "internal/newrelease/internal"}

// developerOnly are the English texts left on purpose, by file and
// function: a theme author's misuse of a template function, invariants of
// the program that no site can break, and the JSON gen writes for tools
// (gen status --format json, like gen check's, stays English).
var developerOnly = map[string][]string{
	"internal/theme/theme.go":       {"cachedPartial", "commonFuncs", "langFuncs", "partialCachedEach"},
	"internal/build/build.go":       {"openSite"},
	"internal/diag/diag.go":         {"pairs"},
	"internal/images/process.go":    {"decode", "pixels"},
	"internal/status/status.go":     {"judge"},
	"internal/markdown/markdown.go": {"*"},
	"internal/publish/manifest.go":  {"*"},
	"internal/check/check.go":       {"Run"},
	"internal/check/format.go":      {"Write"},
}

// words finds two English words in a row, once template arguments, fmt
// verbs, flags and paths are taken out.
var (
	words   = regexp.MustCompile(`[A-Za-z]{2,}[ ,;:']+[A-Za-z]{2,}`)
	noWords = regexp.MustCompile(`{{[^}]*}}|%[-+# 0-9.*]*[a-zA-Z]|--?[a-zA-Z-]+|\S*[/.]\S*`)
)

// printers are the calls whose text reaches a reader as written.
func printer(call *ast.CallExpr) (int, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return 0, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return 0, false
	}
	switch pkg.Name + "." + sel.Sel.Name {
	case "fmt.Errorf", "errors.New", "fmt.Sprintf", "fmt.Print", "fmt.Printf", "fmt.Println":
		return 0, true
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln":
		return 1, true
	}
	return 0, false
}

// Every text gen prints is a message said in the reader's language: no
// call in gen's source writes English words of its own to the reader
// (fmt.Errorf, errors.New, fmt.Sprintf or fmt.Fprint… with a text
// that holds two English words in a row), outside the developer-only places.
func TestNoEnglishLeftInPrints(t *testing.T) {
	var found []string
	used := map[string]bool{}
	eachSource(t, unread, func(rel string, fset *token.FileSet, f *ast.File) {
		found = append(found, englishIn(fset, f, rel, used)...)
	})
	for file, fns := range developerOnly {
		for _, fn := range fns {
			if !used[file+" "+fn] {
				t.Errorf("developerOnly lists %s %s, which prints no English now: take it off the list", file, fn)
			}
		}
	}
	if len(found) > 0 {
		t.Errorf("%d texts are printed in English only; declare each as a diag.Message and say it through package speak:\n%s",
			len(found), strings.Join(found, "\n"))
	}
}

// englishIn returns the English texts printed in one file, as
// "file:line (function): text", except in developer-only functions, which
// it marks used instead.
func englishIn(fset *token.FileSet, f *ast.File, rel string, used map[string]bool) []string {
	var out []string
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		ast.Inspect(fn, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			i, ok := printer(call)
			if !ok || i >= len(call.Args) {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if strings.HasPrefix(strings.TrimSpace(s), "<") {
				return true // HTML, whose words come from messages
			}
			if !words.MatchString(noWords.ReplaceAllString(s, " ")) {
				return true
			}
			if key, ok := allowed(rel, fn.Name.Name); ok {
				used[key] = true
				return true
			}
			out = append(out, rel+":"+strconv.Itoa(fset.Position(lit.Pos()).Line)+" ("+fn.Name.Name+"): "+s)
			return true
		})
	}
	return out
}

// allowed reports whether fn of file rel is developer-only, and under
// which entry of the list.
func allowed(rel, fn string) (string, bool) {
	names := developerOnly[rel]
	if slices.Contains(names, "*") {
		return rel + " *", true
	}
	return rel + " " + fn, slices.Contains(names, fn)
}

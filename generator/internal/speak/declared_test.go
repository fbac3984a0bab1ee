package speak_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declared returns every message declared in gen's Go source (outside
// tests) as a diag.Message literal with an ID and a Text, by ID.
func declared(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	eachSource(t, nil, func(rel string, _ *token.FileSet, f *ast.File) {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isMessage(lit.Type, f.Name.Name) {
				return true
			}
			id, text := field(lit, "ID"), field(lit, "Text")
			if id == "" {
				return true
			}
			if prev, ok := out[id]; ok && prev != text {
				t.Errorf("%s: message %s is declared twice, with different texts", rel, id)
			}
			out[id] = text
			return true
		})
	})
	return out
}

// eachSource parses every Go file of gen's source outside tests and
// testdata, and folders skip names (slash-separated, relative to
// generator/), and calls fn with its path relative to generator/.
func eachSource(t *testing.T, skip []string, fn func(rel string, fset *token.FileSet, f *ast.File)) {
	t.Helper()
	root := filepath.Join("..", "..") // generator/
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err == nil && d.IsDir() && p != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || slices.Contains(skip, rel)) {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		fn(rel, fset, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func isMessage(e ast.Expr, pkg string) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "diag" && e.Sel.Name == "Message"
	case *ast.Ident:
		return pkg == "diag" && e.Name == "Message"
	}
	return false
}

func field(lit *ast.CompositeLit, name string) string {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
			if b, ok := kv.Value.(*ast.BasicLit); ok && b.Kind == token.STRING {
				s, err := strconv.Unquote(b.Value)
				if err == nil {
					return s
				}
			}
		}
	}
	return ""
}

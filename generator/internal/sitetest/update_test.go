package sitetest_test

import (
	gobuild "go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/sitetest"
)

const (
	kit       = "github.com/eventnews/gen/generator/internal/sitetest"
	goldenPkg = kit + "/golden"
)

// go test ./... -update hands -update to every test binary of the module,
// and one that does not define it fails: every package with tests must
// import the kit, or package golden, in a test file this platform builds.
func TestEveryPackageTakesUpdate(t *testing.T) {
	root := sitetest.Root(t)
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules") {
			return filepath.SkipDir
		}
		pkg, err := gobuild.ImportDir(p, 0)
		if err != nil || len(pkg.TestGoFiles)+len(pkg.XTestGoFiles) == 0 || p == filepath.Join(root, "generator", "internal", "sitetest", "golden") {
			return nil // no Go package, or no tests, or the flag's own
		}
		checked++
		imports := append(pkg.TestImports, pkg.XTestImports...)
		if !slices.Contains(imports, kit) && !slices.Contains(imports, goldenPkg) {
			rel, _ := filepath.Rel(root, p)
			t.Errorf("the tests of %s do not take -update: add a file update_test.go holding\n\tpackage %s\n\n\timport _ %q // go test ./... -update", rel, pkg.Name, goldenPkg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 25 {
		t.Errorf("only %d packages with tests found under %s", checked, root)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Error(err)
	}
}

package build_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// sampleNow is the clock the sample site is checked at.
var sampleNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

// buildSample builds the repository's sample site, into dest when it is not
// empty, and returns the output as path → content (nil for copied files).
func buildSample(t *testing.T, dest string) (*build.Result, map[string][]byte) {
	t.Helper()
	res, err := build.Run(context.Background(), build.Options{Source: sitetest.Root(t), Destination: dest, Now: sampleNow, Images: sitetest.Pictures()})
	if err != nil {
		t.Fatalf("building the sample site: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Bytes
	}
	return res, files
}

// need returns whether a test that needs an outside tool may run: it skips
// when the tool is missing, except under CI=true, where a missing tool fails.
func need(t *testing.T, tool, why string, ok bool) bool {
	t.Helper()
	if ok {
		return true
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing but CI=true: %s", tool, why)
	}
	t.Skipf("%s is missing (%s); with CI=true this test fails instead", tool, why)
	return false
}

func TestSampleSiteLinksResolve(t *testing.T) {
	res, files := buildSample(t, "")
	problems := linkcheck.Check(files, linkcheck.Options{BaseURL: res.Config.BaseURL})
	for _, p := range problems {
		t.Error(p)
	}
	// The youth roundtable links the expo release relatively; the check
	// must have followed it, not skipped it.
	page := string(files["en/news/youth-entrepreneur-roundtable/index.html"])
	if !strings.Contains(page, `href="../harbin-expo-opens/"`) {
		t.Errorf("the sample no longer has the relative link this test relies on")
	}
	delete(files, "en/news/harbin-expo-opens/index.html")
	var found bool
	for _, p := range linkcheck.Check(files, linkcheck.Options{BaseURL: res.Config.BaseURL}) {
		if p.Path == "en/news/youth-entrepreneur-roundtable/index.html" && p.URL == "../harbin-expo-opens/" {
			found = true
		}
	}
	if !found {
		t.Errorf("with the expo release gone, the relative link to it was not reported")
	}
}

// vnuJar finds the Nu HTML Checker: $VNU_JAR, else where .ci/run installs it.
func vnuJar(t *testing.T) string {
	if p := os.Getenv("VNU_JAR"); p != "" {
		return p
	}
	p, _ := filepath.Abs(filepath.Join(sitetest.Root(t), ".ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar"))
	return p
}

func TestSampleSiteIsValidHTML(t *testing.T) {
	jar := vnuJar(t)
	_, statErr := os.Stat(jar)
	need(t, "the Nu HTML Checker (VNU_JAR)", "install it with: cd .ci && npm install --prefix . vnu-jar", statErr == nil)
	java, lookErr := exec.LookPath("java")
	need(t, "java", "install default-jre-headless", lookErr == nil)

	dest := t.TempDir()
	buildSample(t, dest)
	var pages []string
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 50 {
		t.Fatalf("only %d HTML pages in the sample output", len(pages))
	}
	// One run over every page: the checker is slow to start.
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "gnu"}, pages...)...)
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("the Nu HTML Checker found errors (%v):\n%s", err, strings.ReplaceAll(string(out), dest+string(filepath.Separator), ""))
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gen build fails on an error of the rules (a link to nothing) and
// publishes nothing, printing the error and the warnings in file order;
// once the link is fixed, the warning alone is printed and the site is
// published.
func TestGenBuildFailsOnRulesAndPrintsWarnings(t *testing.T) {
	page := "---\ntitle: 甲\ndate: 2024-05-01\n---\n![](hall.svg) [乙](../nope/index.md)\n"
	dir := pressSite(t, map[string]string{
		"content/news/a/index.zh.md": page,
		"content/news/a/hall.svg":    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"content/news/a/index.ru.md": "---\ntitle: А\n---\n",
		"content/news/a/index.en.md": "---\ntitle: A\n---\n",
	})
	r := run("build", "--source", dir, "--now", "2024-06-01T00:00:00Z")
	dest := filepath.Join(dir, "public")
	want := "content/news/a/index.zh.md:5:1: warning: image hall.svg has no description: write what it shows between the brackets, ![description](hall.svg), for readers who cannot see it\n" +
		"content/news/a/index.zh.md:5:15: link to ../nope/index.md: there is no content/news/nope/index.md\n" +
		"1 error: nothing was published; the previous site in " + dest + " is unchanged\n"
	if r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Fatalf("exit %d\nstderr:\n%s\nwant:\n%s\nstdout:\n%s", r.code, r.stderr, want, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dest, "zh", "news", "a", "index.html")); err == nil {
		t.Error("a build with an error published the page")
	}

	if err := os.WriteFile(filepath.Join(dir, "content/news/a/index.zh.md"), []byte("---\ntitle: 甲\ndate: 2024-05-01\n---\n![](hall.svg)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run("build", "--source", dir, "--now", "2024-06-01T00:00:00Z")
	want = "content/news/a/index.zh.md:5:1: warning: image hall.svg has no description: write what it shows between the brackets, ![description](hall.svg), for readers who cannot see it\n"
	if r.code != 0 || r.stderr != want || !strings.HasPrefix(r.stdout, "built ") {
		t.Fatalf("exit %d\nstderr:\n%s\nwant:\n%s\nstdout:\n%s", r.code, r.stderr, want, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dest, "zh", "news", "a", "index.html")); err != nil {
		t.Error("the fixed site was not published")
	}
	// --quiet prints nothing but errors.
	if r = run("build", "--source", dir, "--now", "2024-06-01T00:00:00Z", "--quiet"); r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Errorf("--quiet: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
}

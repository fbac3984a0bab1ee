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
	page := "---\ntitle: 甲\ndate: 2024-05-01\n---\n[乙](../nope/index.md)\n"
	dir := pressSite(t, map[string]string{
		"content/news/a/index.zh.md": page,
		"content/news/a/index.ru.md": "---\ntitle: А\n---\n",
	})
	r := run("build", "--source", dir, "--now", "2024-06-01T00:00:00Z")
	dest := filepath.Join(dir, "public")
	want := "content/news/a/index.zh.md:1:1: warning: no en translation yet (gen new news/a --lang en starts one)\n" +
		"content/news/a/index.zh.md:5:1: link to ../nope/index.md: there is no content/news/nope/index.md\n" +
		"1 error: nothing was published; the previous site in " + dest + " is unchanged\n"
	if r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Fatalf("exit %d\nstderr:\n%s\nwant:\n%s\nstdout:\n%s", r.code, r.stderr, want, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dest, "zh", "news", "a", "index.html")); err == nil {
		t.Error("a build with an error published the page")
	}

	if err := os.WriteFile(filepath.Join(dir, "content/news/a/index.zh.md"), []byte("---\ntitle: 甲\ndate: 2024-05-01\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run("build", "--source", dir, "--now", "2024-06-01T00:00:00Z")
	want = "content/news/a/index.zh.md:1:1: warning: no en translation yet (gen new news/a --lang en starts one)\n"
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

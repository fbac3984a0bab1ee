package cli

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/sitetest"
)

// What Hugo's users type works: the short and Hugo names of the options.
func TestHugoNamesOfOptions(t *testing.T) {
	dir := sitetest.Sample(t).OnDisk()
	draft := filepath.Join(dir, "content", "news", "draft-one", "index.zh.md")
	os.MkdirAll(filepath.Dir(draft), 0o755)
	os.WriteFile(draft, []byte("---\ntitle: 草稿\ndate: 2024-05-30\ndraft: true\n---\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"build", "-s", dir, "-d", out, "-D", "-b", "https://example.org/press/", "--now", "2024-06-01"},
		{"build", "--source", dir, "--destination", out, "--buildDrafts", "--baseurl", "https://example.org/press/", "--now", "2024-06-01", "--cleanDestinationDir"},
	} {
		r := run(args...)
		if r.code != 0 {
			t.Fatalf("gen %v: exit %d\n%s", args, r.code, r.stderr)
		}
		page, err := os.ReadFile(filepath.Join(out, "zh", "news", "draft-one", "index.html"))
		if err != nil {
			t.Fatalf("gen %v: the draft was not built: %v", args, err)
		}
		if !strings.Contains(string(page), "https://example.org/press/") {
			t.Errorf("gen %v: the base URL was not taken", args)
		}
	}
}

// A mistyped command or option gets one line naming the nearest one, not
// the whole help.
func TestMistakesSuggestTheNearestName(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serer"}, `gen: unknown command "serer"; did you mean "serve"?`},
		{[]string{"biuld"}, `gen: unknown command "biuld"; did you mean "build"?`},
		{[]string{"build", "--destinaton", "x"}, "gen build: unknown option --destinaton; did you mean --destination? (gen build -h lists every option)\n"},
		{[]string{"build", "--buildDraft"}, "gen build: unknown option --buildDraft; did you mean --buildDrafts? (gen build -h lists every option)\n"},
		{[]string{"build", "--draft"}, "gen build: unknown option --draft; did you mean --drafts? (gen build -h lists every option)\n"},
		{[]string{"serve", "--prot", "1"}, "gen serve: unknown option --prot; did you mean --port? (gen serve -h lists every option)\n"},
		{[]string{"check", "--strikt"}, "gen check: unknown option --strikt; did you mean --strict? (gen check -h lists every option)\n"},
		{[]string{"build", "-x"}, "gen build: unknown option -x (gen build -h lists every option)\n"},
		{[]string{"build", "-d"}, "gen build: option needs an argument: -d (gen build -h lists every option)\n"},
	} {
		r := run(c.args...)
		if r.code != 2 || !strings.HasPrefix(r.stderr, c.want) {
			t.Errorf("gen %v: exit %d\n%s\nwant it to start with\n%s", c.args, r.code, r.stderr, c.want)
		}
	}
	r := run("build", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "  --drafts, -D, --buildDrafts\n") || strings.Contains(r.stderr, "  --buildDrafts\n") {
		t.Errorf("gen build -h does not list the other names with each option:\n%s", r.stderr)
	}
}

// hugo server -p 8080 --disableLiveReload, typed as gen server: the pages
// come without the live-reload script.
func TestServerWithoutLiveReload(t *testing.T) {
	dir := sitetest.Sample(t).OnDisk()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb serveOutput
	done := make(chan int, 1)
	go func() {
		done <- serveCommand(ctx, []string{"-s", dir, "-p", "0", "--disableLiveReload", "--now", "2024-06-01"}, &out, &errb, serveNoEnv)
	}()
	defer func() { cancel(); <-done }()
	addr := regexp.MustCompile(`Serving the site at (http://\S+/) `)
	deadline := time.Now().Add(30 * time.Second)
	var base string
	for base == "" {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no address printed:\n%s\n%s", out.String(), errb.String())
		} else {
			time.Sleep(20 * time.Millisecond) // polling the output for the address
		}
	}
	resp, err := http.Get(base + "en/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.Contains(string(body), "/__gen/live.js") || !strings.Contains(string(body), "</html>") {
		t.Errorf("GET /en/: %d, live-reload script present: %v", resp.StatusCode, strings.Contains(string(body), "/__gen/live.js"))
	}
}

// gen alone in a site's folder says what the site holds and what to try;
// elsewhere it shows the commands and how to start a site.
func TestGenAlone(t *testing.T) {
	dir := sitetest.Sample(t).OnDisk()
	t.Chdir(dir)
	r := run()
	if r.code != 0 || !strings.HasPrefix(r.stdout, "This folder holds a gen site: 5 releases (zh 5, ru 5, en 5); the latest: ") || !strings.Contains(r.stdout, "  gen serve  preview the site") {
		t.Errorf("gen in a site: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Chdir(t.TempDir())
	if r := run(); r.code != 2 || !strings.Contains(r.stderr, "To start a site of your own: gen init my-site") {
		t.Errorf("gen elsewhere: exit %d\n%s", r.code, r.stderr)
	}
}

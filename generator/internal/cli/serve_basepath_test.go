package cli

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/sitetest"
)

// serveFor runs gen serve with args until the test ends and returns the
// address it prints.
func serveFor(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb serveOutput
	done := make(chan int, 1)
	go func() { done <- serveCommand(ctx, append(args, "--now", "2024-06-01"), &out, &errb, serveNoEnv) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("gen serve did not stop within 10s")
		}
	})
	addr := regexp.MustCompile(`Serving the site at (http://\S+/) `)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("gen serve ended with %d:\n%s", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no address printed:\n%s\n%s", out.String(), errb.String())
		}
	}
}

// fetch GETs u without following redirects.
func fetch(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

// freePort is a loopback port nothing listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// gen serve serves the site under the path of its baseURL, from site.yaml
// or --baseURL, prints that address and redirects "/" to it.
func TestServeUnderTheBasePath(t *testing.T) {
	t.Run("site.yaml", func(t *testing.T) {
		dir := sitetest.Sample(t).OnDisk()
		yaml, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		yaml = []byte(strings.Replace(string(yaml), "baseURL: https://events.example.org/", "baseURL: https://events.example.org/press/", 1))
		if err := os.WriteFile(filepath.Join(dir, "site.yaml"), yaml, 0o644); err != nil {
			t.Fatal(err)
		}
		addr := serveFor(t, "--source", dir, "--port", "0")
		if !strings.HasSuffix(addr, "/press/") {
			t.Fatalf("gen serve prints %s, want the address under /press/", addr)
		}
		servesUnderPress(t, strings.TrimSuffix(addr, "press/"), addr)
	})
	t.Run("--baseURL", func(t *testing.T) {
		port := freePort(t)
		origin := "http://127.0.0.1:" + port + "/"
		addr := serveFor(t, "--source", sitetest.Sample(t).OnDisk(), "--port", port, "--baseURL", origin+"press/")
		if addr != origin+"press/" {
			t.Fatalf("gen serve prints %s, want %spress/", addr, origin)
		}
		servesUnderPress(t, origin, addr)
	})
}

// servesUnderPress checks a server at origin serving the sample site at
// site (origin + "press/").
func servesUnderPress(t *testing.T, origin, site string) {
	t.Helper()
	resp, body := fetch(t, site+"en/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<link rel="stylesheet" href="/press/css/main.css">`) {
		t.Errorf("GET /press/en/: %s, or no stylesheet under /press/", resp.Status)
	}
	if resp, body := fetch(t, origin+"press/css/main.css"); resp.StatusCode != http.StatusOK ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, "body") {
		t.Errorf("GET /press/css/main.css: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	for _, from := range []string{"", "press"} {
		if resp, _ := fetch(t, origin+from); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/press/" {
			t.Errorf("GET /%s: %s to %q, want a redirect to /press/", from, resp.Status, resp.Header.Get("Location"))
		}
	}
	if resp, body := fetch(t, origin+"en/"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "under <a href=\"/press/\">") {
		t.Errorf("GET /en/ (outside the base path): %s\n%s", resp.Status, body)
	}
	if resp, _ := fetch(t, origin+"__gen/live.js"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /__gen/live.js: %s", resp.Status)
	}
}

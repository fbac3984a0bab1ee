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
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/sitetest"
)

// serveOutput collects output written from other goroutines.
type serveOutput struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *serveOutput) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *serveOutput) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func serveNoEnv(string) string { return "" }

func TestServeUsageErrors(t *testing.T) {
	dir := sitetest.Sample(t).OnDisk()
	for _, args := range [][]string{
		{"--port", "many"}, {"--port", "70000"}, {"--now", "yesterday"}, {"--poll=soon"},
		{"--baseURL", "ftp://x/"}, {"extra"}, {"--no-such-flag"},
	} {
		var out, errb serveOutput
		code := serveCommand(context.Background(), append([]string{"--source", dir}, args...), &out, &errb, serveNoEnv)
		if code != 2 {
			t.Errorf("gen serve %q: exit %d, want 2\n%s", args, code, errb.String())
		}
	}
}

func TestServeNoSite(t *testing.T) {
	var out, errb serveOutput
	code := serveCommand(context.Background(), []string{"--source", t.TempDir(), "--port", "0"}, &out, &errb, serveNoEnv)
	if code != 1 || !strings.Contains(errb.String(), "holds no site.yaml") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

func TestServeBusyPortGivenIsAnError(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	var out, errb serveOutput
	code := serveCommand(context.Background(), []string{"--source", sitetest.Sample(t).OnDisk(), "--port", port}, &out, &errb, serveNoEnv)
	if code != 1 || !strings.Contains(errb.String(), "port "+port+" on 127.0.0.1 is already in use") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

// gen serve prints its address, serves, and stops cleanly with exit status
// 0 on Ctrl-C.
func TestServeStopsOnInterrupt(t *testing.T) {
	dir := sitetest.Sample(t).OnDisk()
	var out, errb serveOutput
	done := make(chan int, 1)
	go func() {
		done <- runServe([]string{"--source", dir, "--port", "0", "--now", "2024-06-01"}, &out, &errb, serveNoEnv)
	}()
	addr := regexp.MustCompile(`Serving the site at (http://\S+/) `)
	var base string
	deadline := time.Now().Add(30 * time.Second)
	for base == "" {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
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
	resp, err := http.Get(base + "en/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "/__gen/live.js") {
		t.Fatalf("GET /en/: %d", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("gen serve wrote public/")
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(errb.String(), "stopped") {
			t.Errorf("exit %d after Ctrl-C:\n%s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("gen serve did not stop within 10s of Ctrl-C")
	}
	if _, err := http.Get(base); err == nil {
		t.Error("still answering after Ctrl-C")
	}
}

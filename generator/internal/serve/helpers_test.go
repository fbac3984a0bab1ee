package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// copySampleAt writes the sample site with baseURL set to baseURL into a
// new directory.
func copySampleAt(t testing.TB, baseURL string) string {
	t.Helper()
	s := sitetest.Sample(t)
	yaml := s.FS["site.yaml"]
	was := string(yaml.Data)
	yaml.Data = []byte(strings.Replace(was, "baseURL: https://events.example.org/", "baseURL: "+baseURL, 1))
	if string(yaml.Data) == was {
		t.Fatal("the sample site.yaml has no baseURL line to replace")
	}
	return s.OnDisk()
}

// logBuffer collects the server's terminal output.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer is a running server over a site directory.
type testServer struct {
	t      testing.TB
	dir    string
	srv    *serve.Server
	url    string // http://127.0.0.1:PORT
	host   string // 127.0.0.1:PORT
	events chan serve.Event
	log    *logBuffer
}

// ownAddress as Build.Origin in start's options stands for the server's
// address: the site is served there under the path of its own baseURL,
// as gen serve without --baseURL does.
const ownAddress = "http://own.address"

// testPictures is the picture cache of the tests that bring none: the
// sample site's pictures are made once for the whole package, not once
// per test (a Cache is safe for concurrent use; TestPicturesAreMadeOnce,
// which counts the work, brings its own).
var testPictures = images.NewCache("")

func start(t testing.TB, dir string, opts serve.Options) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, dir: dir, host: ln.Addr().String(), events: make(chan serve.Event, 1000), log: &logBuffer{}}
	ts.url = "http://" + ts.host
	opts.Source, opts.Listener, opts.Log = dir, ln, ts.log
	if opts.Build.Now.IsZero() {
		opts.Build.Now = sitetest.Now
	}
	switch {
	case opts.Build.Origin == ownAddress:
		opts.Build.Origin = ts.url
	case opts.Build.BaseURL == "" && opts.Build.Origin == "":
		opts.Build.BaseURL = ts.url + "/"
	}
	if opts.Quiet == 0 {
		opts.Quiet = 30 * time.Millisecond
	}
	if opts.Build.Images == nil {
		opts.Build.Images = testPictures
	}
	ts.srv, err = serve.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts.srv.Notify(ts.events)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop within 10s")
		}
	})
	return ts
}

// get fetches a path with the server's own Host.
func (ts *testServer) get(path string) (int, http.Header, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.url + path)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func (ts *testServer) write(rel, text string) {
	ts.t.Helper()
	mustWrite(ts.t, filepath.Join(ts.dir, filepath.FromSlash(rel)), text)
}

func (ts *testServer) read(rel string) string {
	ts.t.Helper()
	data, err := os.ReadFile(filepath.Join(ts.dir, filepath.FromSlash(rel)))
	if err != nil {
		ts.t.Fatal(err)
	}
	return string(data)
}

// event waits for the next rebuild that changed output or failed.
func (ts *testServer) event() serve.Event {
	ts.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case e := <-ts.events:
			if e.Err != nil || len(e.Paths) > 0 {
				return e
			}
		case <-deadline:
			ts.t.Fatalf("no rebuild within 20s; log:\n%s", ts.log.String())
		}
	}
}

// settled waits for a rebuild and, when it came in two parts, for the
// rest of the site too.
func (ts *testServer) settled() serve.Event {
	ts.t.Helper()
	e := ts.event()
	for e.Partial && e.Err == nil {
		e = ts.event()
		if e.Rest {
			break
		}
	}
	return e
}

// stream is a live-reload client.
type stream struct {
	t    testing.TB
	resp *http.Response
	msgs chan map[string]any
}

func (ts *testServer) stream() *stream {
	ts.t.Helper()
	req, _ := http.NewRequest("GET", ts.url+"/__gen/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		ts.t.Fatalf("events: status %d", resp.StatusCode)
	}
	s := &stream{t: ts.t, resp: resp, msgs: make(chan map[string]any, 100)}
	go func() {
		defer close(s.msgs)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m map[string]any
				if json.Unmarshal([]byte(data), &m) == nil {
					s.msgs <- m
				}
			}
		}
	}()
	ts.t.Cleanup(func() { resp.Body.Close() })
	return s
}

// next waits for a message that satisfies ok.
func (s *stream) next(what string, ok func(map[string]any) bool) map[string]any {
	s.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case m, open := <-s.msgs:
			if !open {
				s.t.Fatalf("event stream closed while waiting for %s", what)
			}
			if ok(m) {
				return m
			}
		case <-deadline:
			s.t.Fatalf("no event with %s within 20s", what)
		}
	}
}

func hasPath(m map[string]any, p string) bool {
	ps, _ := m["paths"].([]any)
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

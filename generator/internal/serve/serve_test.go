package serve_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

const (
	release    = "content/news/harbin-expo-opens/index.en.md"
	releaseURL = "/en/news/harbin-expo-opens/"
)

func TestServesTheSiteFromMemory(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	cases := []struct {
		path, ctype string
		status      int
		want        string
	}{
		{"/", "text/html; charset=utf-8", 200, `hreflang="ru"`},
		{"/en/", "text/html; charset=utf-8", 200, "China–Russia Event News"},
		{releaseURL, "text/html; charset=utf-8", 200, "Harbin"},
		{"/en/index.xml", "application/xml; charset=utf-8", 200, "<rss"},
		{"/sitemap.xml", "application/xml; charset=utf-8", 200, "<urlset"},
		{"/en/events.ics", "text/calendar; charset=utf-8", 200, "BEGIN:VCALENDAR"},
		{"/css/main.css", "text/css; charset=utf-8", 200, "{"},
		{"/images/news/trade-figures-2023/trade-figures.svg", "image/svg+xml", 200, "<svg"},
		{"/images/news/harbin-expo-opens/expo-hall-480.webp", "image/webp", 200, "RIFF"},
		{"/robots.txt", "text/plain; charset=utf-8", 200, "Sitemap:"},
		{"/en/no-such-page/", "text/html; charset=utf-8", 404, `lang="en"`},
		{"/ru/no-such-page/", "text/html; charset=utf-8", 404, `lang="ru"`},
		{"/no-such-page", "text/html; charset=utf-8", 404, "<html"},
	}
	for _, c := range cases {
		status, h, body := ts.get(c.path)
		if status != c.status || h.Get("Content-Type") != c.ctype || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d %q, want %d %q with %q; body starts %.200q", c.path, status, h.Get("Content-Type"), c.status, c.ctype, c.want, body)
		}
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", c.path, h.Get("Cache-Control"))
		}
		isHTML := strings.HasPrefix(c.ctype, "text/html")
		if got := strings.Contains(body, `src="/__gen/live.js"`); got != isHTML {
			t.Errorf("GET %s: live-reload script present = %v, want %v", c.path, got, isHTML)
		}
	}
	// A directory without its slash is redirected, as static hosts do.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.url + "/en/news/harbin-expo-opens")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != releaseURL {
		t.Errorf("GET without slash: %d to %q, want 301 to %s", resp.StatusCode, resp.Header.Get("Location"), releaseURL)
	}
	// The query stays a query.
	resp, err = client.Get(ts.url + "/en/news/harbin-expo-opens?a=1&b=%3F")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := releaseURL + "?a=1&b=%3F"; resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
		t.Errorf("GET without slash, with a query: %d to %q, want 301 to %s", resp.StatusCode, resp.Header.Get("Location"), want)
	}
	// The script goes before </body> and the stored output is left alone.
	_, _, body := ts.get(releaseURL)
	if i, j := strings.Index(body, "/__gen/live.js"), strings.LastIndex(body, "</body>"); i < 0 || j < i {
		t.Errorf("the script is not before </body>")
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve created public/ (%v)", err)
	}
}

func TestRefusesForeignHosts(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Hosts: []string{"preview.lan"}})
	_, port, _ := net.SplitHostPort(ts.host)
	for host, want := range map[string]int{
		"evil.example":                   403,
		"evil.example:" + port:           403,
		"localhost.evil.example":         403,
		"127.0.0.1.nip.io:" + port:       403,
		"":                               403,
		"localhost:" + port:              200,
		"LOCALHOST.:" + port:             200,
		"127.0.0.1:" + port:              200,
		"[::1]:" + port:                  200,
		"preview.lan:" + port:            200,
		"attacker.preview.lan:" + port:   403,
		"192.168.1.20:" + port:           403,
		"xn--80ak6aa92e.example:" + port: 403,
	} {
		for _, path := range []string{releaseURL, "/__gen/events", "/__gen/live.js"} {
			status, body := rawGet(t, ts.host, path, host, nil)
			if status != want {
				t.Errorf("Host %q, GET %s: status %d, want %d", host, path, status, want)
			}
			if want == 403 && strings.Contains(body, "Harbin") {
				t.Errorf("Host %q got the page", host)
			}
		}
	}
}

func TestLiveReloadChecksOrigin(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	for origin, want := range map[string]int{
		"http://evil.example":                403,
		"http://" + ts.host + ".evil":        403,
		"null":                               403,
		"http://" + ts.host:                  200,
		"http://" + strings.ToUpper(ts.host): 200,
	} {
		status, _ := rawGet(t, ts.host, "/__gen/events", ts.host, map[string]string{"Origin": origin})
		if status != want {
			t.Errorf("Origin %q: status %d, want %d", origin, status, want)
		}
	}
	status, _ := rawGet(t, ts.host, "/__gen/events", ts.host, map[string]string{"Sec-Fetch-Site": "cross-site"})
	if status != 403 {
		t.Errorf("Sec-Fetch-Site cross-site: status %d, want 403", status)
	}
}

// rawGet sends a request line exactly as written (no client-side
// cleaning) and returns the status and the start of the body.
func rawGet(t *testing.T, addr, path, host string, headers map[string]string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var req strings.Builder
	fmt.Fprintf(&req, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n", path, host)
	for k, v := range headers {
		fmt.Fprintf(&req, "%s: %s\r\n", k, v)
	}
	req.WriteString("\r\n")
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, req.String()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", path, err)
	}
	if resp.Header.Get("Content-Type") == "text/event-stream; charset=utf-8" {
		conn.Close() // before the body, whose Close would read the endless stream
		return resp.StatusCode, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(body)
}

func TestNothingOutsideTheOutput(t *testing.T) {
	t.Parallel()
	dir := sitetest.Sample(t).OnDisk()
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "secret.txt"), "TOP-SECRET-OUTSIDE")
	mustWrite(t, filepath.Join(dir, "static", "ok.txt"), "fine")
	ts := start(t, dir, serve.Options{})
	if status, body := rawGet(t, ts.host, "/ok.txt", ts.host, nil); status != 200 || body != "fine" {
		t.Fatalf("a static file: %d %q", status, body)
	}
	for _, p := range []string{
		"/../site.yaml", "/en/../../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/site.yaml",
		"/..%2fsite.yaml", "/en/..%2f..%2fsite.yaml", "/%2e%2e%2fsite.yaml", "/.%2e/site.yaml",
		"/..\\site.yaml", "/en\\..\\..\\site.yaml", "/%5c..%5csite.yaml", "/..%5csite.yaml",
		"/en/%00", "/site.yaml%00.html", "/%00../site.yaml", "/./site.yaml",
		"/site.yaml", "/content/news/harbin-expo-opens/index.en.md", "/themes/default/layouts/404.html",
		"/leak.txt", "/en/news/harbin-expo-opens/leak.txt", "/static/leak.txt",
		"//etc/passwd", "/%2fetc%2fpasswd", "/" + strings.Repeat("../", 20) + "etc/passwd",
	} {
		status, body := rawGet(t, ts.host, p, ts.host, nil)
		if status != 400 && status != 404 {
			t.Errorf("GET %s: status %d, want 400 or 404", p, status)
		}
		for _, secret := range []string{"TOP-SECRET-OUTSIDE", "baseURL:", "root:x:0", "defaultLanguage"} {
			if strings.Contains(body, secret) {
				t.Errorf("GET %s: the answer contains %q", p, secret)
			}
		}
	}
}

// A link out of the site, in a release folder or in static/, stops the
// preview as it stops gen build: the overlay names each link, and nothing
// of its target is served.
func TestLinksOutOfTheSiteAreErrors(t *testing.T) {
	t.Parallel()
	dir := sitetest.Sample(t).OnDisk()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	mustWrite(t, secret, "TOP-SECRET-OUTSIDE")
	for _, link := range []string{"static/leak.txt", "content/news/harbin-expo-opens/leak.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(link))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(secret, p); err != nil {
			t.Fatal(err)
		}
	}
	ts := start(t, dir, serve.Options{})
	for _, p := range []string{"/en/", "/leak.txt", "/en/news/harbin-expo-opens/leak.txt"} {
		status, body := rawGet(t, ts.host, p, ts.host, nil)
		if strings.Contains(body, "TOP-SECRET-OUTSIDE") {
			t.Errorf("GET %s: the answer contains the secret", p)
		}
		if status != 500 {
			t.Errorf("GET %s: status %d, want 500 with the overlay", p, status)
		}
		for _, link := range []string{"static/leak.txt", "content/news/harbin-expo-opens/leak.txt"} {
			want := link + "</p><p class=\"gen-msg\">is a symbolic link to " + secret + ", outside the site"
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: the overlay does not say %q", p, want)
			}
		}
	}
}

func TestEditReloadsTheTabsShowingIt(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	es := ts.stream()
	hello := es.next("the greeting", func(m map[string]any) bool { return m["instance"] != nil })
	if o, ok := overlayIn(hello, "en"); !ok || o != "" {
		t.Fatalf("greeting %v: want an empty overlay", hello)
	}
	text := strings.Replace(ts.read(release), "HARBIN, May 17", "LIVE-EDIT-MARKER, May 17", 1)
	ts.write(release, text)
	m := es.next("the release's URL", func(m map[string]any) bool { return hasPath(m, releaseURL) })
	for _, p := range []string{"/ru/news/harbin-expo-opens/", "/en/about/", "/css/main.css"} {
		if hasPath(m, p) {
			t.Errorf("an edit of the English body reloads %s too: %v", p, m["paths"])
		}
	}
	if _, _, body := ts.get(releaseURL); !strings.Contains(body, "LIVE-EDIT-MARKER") {
		t.Error("the page does not show the edit")
	}
	// A new title shows in the lists that hold the release.
	ts.write(release, strings.Replace(text, `title: "8th China-Russia Expo opens in Harbin"`, `title: "A NEW TITLE"`, 1))
	m = es.next("the lists", func(m map[string]any) bool { return hasPath(m, releaseURL) })
	for _, p := range []string{"/en/", "/en/news/", "/en/tags/expo/"} {
		if !hasPath(m, p) {
			t.Errorf("a new title does not reload %s: %v", p, m["paths"])
		}
	}
	if _, _, body := ts.get("/en/tags/expo/"); !strings.Contains(body, "A NEW TITLE") {
		t.Error("the tag page does not show the new title")
	}
}

func TestNavigateToTheChangedPage(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Navigate: true})
	es := ts.stream()
	ts.write(release, ts.read(release)+"\nOne more paragraph.\n")
	m := es.next("navigate", func(m map[string]any) bool { return m["navigate"] != nil })
	if m["navigate"] != releaseURL {
		t.Fatalf("navigate to %v, want %s", m["navigate"], releaseURL)
	}
	if _, _, body := ts.get("/en/"); !strings.Contains(body, `data-navigate="1"`) {
		t.Error("the script is not told to navigate")
	}
}

func TestNewDirectoryWithoutRestart(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	if status, _, _ := ts.get("/en/news/new-release/"); status != 404 {
		t.Fatalf("status %d before the page exists", status)
	}
	es := ts.stream()
	ts.write("content/news/2025/new-release/index.en.md", "---\ntitle: A brand-new release\ndate: 2024-05-30\n---\nFresh text.\n")
	es.next("the new page", func(m map[string]any) bool { return hasPath(m, "/en/news/new-release/") })
	status, _, body := ts.get("/en/news/new-release/")
	if status != 200 || !strings.Contains(body, "Fresh text.") {
		t.Fatalf("new page: %d", status)
	}
	if _, _, body := ts.get("/en/"); !strings.Contains(body, "A brand-new release") {
		t.Error("the home does not list the new release")
	}
	// A second file in the new directory is seen: it is watched.
	es2 := ts.stream()
	ts.write("content/news/2025/new-release/index.ru.md", "---\ntitle: Совсем новый релиз\ndate: 2024-05-30\n---\nТекст.\n")
	es2.next("the Russian page", func(m map[string]any) bool { return hasPath(m, "/ru/news/new-release/") })
}

func TestBrokenFileShowsOverlayUntilFixed(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	es := ts.stream()
	good := ts.read(release)
	broken := strings.Replace(good, "summary:", "summary: \"<script>alert(1)</script>\nsumary:", 1)
	ts.write(release, broken)
	m := es.next("an overlay", func(m map[string]any) bool { s, _ := overlayIn(m, "en"); return s != "" })
	overlay, _ := overlayIn(m, "en")
	for _, want := range []string{release + ":", "&lt;script&gt;alert(1)&lt;/script&gt;", "gen-hit"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %q:\n%s", want, overlay)
		}
	}
	if strings.Contains(overlay, "<script>alert") {
		t.Error("the overlay carries the file's text unescaped")
	}
	// Every page shows the last good output with the overlay.
	for _, p := range []string{releaseURL, "/ru/", "/en/no-such-page/"} {
		_, _, body := ts.get(p)
		if !strings.Contains(body, `id="gen-overlay"`) || !strings.Contains(body, release+":") {
			t.Errorf("GET %s: no overlay naming %s", p, release)
		}
	}
	if _, _, body := ts.get(releaseURL); !strings.Contains(body, "Harbin") {
		t.Error("the last good page is not shown under the overlay")
	}
	// The terminal says the same.
	if log := ts.log.String(); !strings.Contains(log, "error: the site does not build") || !strings.Contains(log, release+":") {
		t.Errorf("terminal:\n%s", log)
	}
	// Fixing the file brings the site back by itself.
	ts.write(release, strings.Replace(good, "HARBIN, May 17", "FIXED-MARKER, May 17", 1))
	es.next("the overlay gone", func(m map[string]any) bool {
		s, ok := overlayIn(m, "en")
		return ok && s == "" && hasPath(m, releaseURL)
	})
	_, _, body := ts.get(releaseURL)
	if strings.Contains(body, "gen-overlay") || !strings.Contains(body, "FIXED-MARKER") {
		t.Error("the fixed page is not served")
	}
	if !strings.Contains(ts.log.String(), "fixed: the site builds again") {
		t.Errorf("the terminal does not say it is fixed:\n%s", ts.log.String())
	}
}

func TestBrokenTemplateAndStrings(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	es := ts.stream()
	layout := "themes/default/layouts/_default/single.html"
	good := ts.read(layout)
	ts.write(layout, "{{ define \"main\" }}\n<h1>{{ .Title }</h1>\n{{ end }}\n")
	m := es.next("an overlay", func(m map[string]any) bool { s, _ := overlayIn(m, "en"); return s != "" })
	if s, _ := overlayIn(m, "en"); !strings.Contains(s, layout+":2") {
		t.Errorf("overlay does not name %s:2:\n%s", layout, s)
	}
	ts.write(layout, good)
	es.next("the overlay gone", func(m map[string]any) bool { s, ok := overlayIn(m, "en"); return ok && s == "" })

	ts.write("i18n/en.yaml", ts.read("i18n/en.yaml")+"\nbroken: [\n")
	m = es.next("an overlay", func(m map[string]any) bool { s, _ := overlayIn(m, "en"); return s != "" })
	if s, _ := overlayIn(m, "en"); !strings.Contains(s, "i18n/en.yaml") {
		t.Errorf("overlay does not name i18n/en.yaml:\n%s", s)
	}
}

func TestSiteThatNeverBuilt(t *testing.T) {
	t.Parallel()
	dir := sitetest.Sample(t).OnDisk()
	good, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	mustWrite(t, filepath.Join(dir, "site.yaml"), "baseURL: [\n")
	ts := start(t, dir, serve.Options{})
	status, _, body := ts.get("/en/")
	if status != 500 || !strings.Contains(body, `id="gen-overlay"`) || !strings.Contains(body, "site.yaml") || !strings.Contains(body, `data-empty="1"`) {
		t.Fatalf("never built: %d\n%s", status, body)
	}
	es := ts.stream()
	mustWrite(t, filepath.Join(dir, "site.yaml"), string(good))
	es.next("everything", func(m map[string]any) bool { return hasPath(m, "/en/") })
	if status, _, _ := ts.get("/en/"); status != 200 {
		t.Fatalf("after the fix: %d", status)
	}
}

// Requests during rebuilds always get a whole page: the old one or the new.
func TestRequestsDuringRebuildsGetWholePages(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var bad sync.Map
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(ts.url + releaseURL)
				if err != nil {
					bad.Store(err.Error(), true)
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || !strings.Contains(string(body), "</html>") || !strings.Contains(string(body), "Harbin") {
					bad.Store(fmt.Sprintf("status %d, %d bytes", resp.StatusCode, len(body)), true)
				}
			}
		}()
	}
	text := ts.read(release)
	for i := range 5 {
		ts.write(release, strings.Replace(text, "HARBIN, May 17", fmt.Sprintf("EDIT-%d, May 17", i), 1))
		ts.event()
	}
	close(stop)
	wg.Wait()
	bad.Range(func(k, _ any) bool { t.Error(k); return true })
	// A rebuild may answer several saves at once, and its events need not
	// pair with them one to one: wait for the last edit, with a deadline.
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, _, body := ts.get(releaseURL); strings.Contains(body, "EDIT-4") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the last edit is not served within 20 s")
		}
		ts.event()
	}
}

func TestListenTakesTheNextFreePort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	ln, note, err := serve.Listen("127.0.0.1", port, false)
	if err != nil {
		t.Skipf("the next ports are taken too: %v", err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr).Port
	if got == port || note == nil || note.Error() != fmt.Sprintf("port %d is busy, using %d", port, got) {
		t.Errorf("port %d, note %v", got, note)
	}
	if ru := speak.New("ru").Line(note); ru != fmt.Sprintf("порт %d занят, gen берёт порт %d", port, got) {
		t.Errorf("the note in Russian: %q", ru)
	}
	_, _, err = serve.Listen("127.0.0.1", port, true)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("port %d on 127.0.0.1 is already in use", port)) || !strings.Contains(err.Error(), "--port") {
		t.Errorf("a busy --port: %v", err)
	}
}

// --poll: for file systems that send no events.
func TestPollMode(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Poll: 20 * time.Millisecond})
	es := ts.stream()
	ts.write(release, strings.Replace(ts.read(release), "HARBIN, May 17", "POLLED-MARKER, May 17", 1))
	es.next("the release's URL", func(m map[string]any) bool { return hasPath(m, releaseURL) })
	if _, _, body := ts.get(releaseURL); !strings.Contains(body, "POLLED-MARKER") {
		t.Error("the page does not show the edit")
	}
}

// A stylesheet change reloads every tab (its URL is in the message) and is
// served at once.
func TestStaticFileChange(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	es := ts.stream()
	ts.write("themes/default/static/css/main.css", "body{color:rebeccapurple}")
	es.next("the stylesheet", func(m map[string]any) bool { return hasPath(m, "/css/main.css") })
	if _, _, body := ts.get("/css/main.css"); body != "body{color:rebeccapurple}" {
		t.Errorf("stylesheet %q", body)
	}
}

// A git checkout of 500 files is one rebuild.
func TestBurstIsOneRebuild(t *testing.T) {
	t.Parallel()
	// A second of quiet: a loaded test machine may pause the writing
	// goroutine for longer than the default window, git does not.
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Quiet: time.Second})
	// Each release names a picture elsewhere, so no share card is drawn
	// for it: 500 cards take seconds under the race detector, and this
	// test is about coalescing events, not drawing.
	for i := range 500 {
		ts.write(fmt.Sprintf("content/news/burst-%03d/index.en.md", i), fmt.Sprintf("---\ntitle: Burst %d\ndate: 2024-05-01\nimage: {src: \"https://example.org/burst.jpg\", alt: Burst}\n---\nText.\n", i))
	}
	e := ts.event()
	if e.Err != nil || !slices.Contains(e.Paths, "/en/news/burst-499/") || !slices.Contains(e.Paths, "/en/news/burst-000/") {
		t.Fatalf("first rebuild: %v, %d URLs", e.Err, len(e.Paths))
	}
	// Nothing but the rest of the same rebuild follows.
	for {
		select {
		case e := <-ts.events:
			if !e.Rest {
				t.Fatalf("a second rebuild: %+v", e)
			}
		case <-time.After(1500 * time.Millisecond):
			return
		}
	}
}

// A site without a theme of its own is served with the theme in the
// binary, its stylesheet included.
func TestServesTheThemeInTheBinary(t *testing.T) {
	t.Parallel()
	dir := sitetest.Sample(t).OnDisk()
	if err := os.RemoveAll(filepath.Join(dir, "themes")); err != nil {
		t.Fatal(err)
	}
	ts := start(t, dir, serve.Options{})
	want, _ := os.ReadFile(filepath.Join(sitetest.Root(t), "themes", "default", "static", "css", "main.css"))
	if status, h, body := ts.get("/css/main.css"); status != 200 || h.Get("Content-Type") != "text/css; charset=utf-8" || body != string(want) {
		t.Errorf("GET /css/main.css: %d %s, %d bytes", status, h.Get("Content-Type"), len(body))
	}
	if status, _, body := ts.get(releaseURL); status != 200 || !strings.Contains(body, "Harbin") {
		t.Errorf("GET %s: %d", releaseURL, status)
	}
}

// Pictures are made once: a rebuild after an edit of a release does no
// picture work, and a changed photo is made again, at once.
func TestPicturesAreMadeOnce(t *testing.T) {
	t.Parallel()
	cache := images.NewCache("")
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Build: build.Options{Images: cache}})
	first := cache.Work()
	if first.Decoded != 6 {
		t.Fatalf("the first build decoded %d pictures, want the sample's 6", first.Decoded)
	}
	ts.write(release, strings.Replace(ts.read(release), "HARBIN, May 17", "PICTURE-EDIT, May 17", 1))
	ts.settled()
	if w := cache.Work(); w != first {
		t.Errorf("an edit of the text made pictures again: %+v, then %+v", first, w)
	}
	photo := benchsite.Photo{Width: 900, Height: 600, Seed: 99}.JPEG()
	mustWrite(t, filepath.Join(ts.dir, "content", "news", "harbin-expo-opens", "expo-hall.jpg"), string(photo))
	ts.event()
	if w := cache.Work(); w.Decoded != first.Decoded+1 {
		t.Errorf("a new photo: %+v, want one more picture decoded", w)
	}
	if code, _, body := ts.get("/images/news/harbin-expo-opens/expo-hall-800.webp"); code != 200 || !strings.HasPrefix(body, "RIFF") {
		t.Errorf("the new photo's 800-wide WebP: %d", code)
	}
	if code, _, _ := ts.get("/images/news/harbin-expo-opens/expo-hall-1600.webp"); code != 404 {
		t.Errorf("the new photo is 900 wide, but a 1600-wide file is still served: %d", code)
	}
}

// The terminal speaks Options.Lang: the first build, what an edit
// changed, and the refusal a foreign host gets.
func TestTerminalSpeaksItsLanguage(t *testing.T) {
	t.Parallel()
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Lang: "ru"})
	ts.write(release, strings.Replace(ts.read(release), "HARBIN, May 17", "RU-LOG-MARKER, May 17", 1))
	ts.settled()
	log := ts.log.String()
	for _, want := range []string{"собрано ", "изменён " + release + ": обновлено за "} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "updated") || strings.Contains(log, "changed") {
		t.Errorf("English in the Russian log:\n%s", log)
	}
	// A foreign host is refused in the same words.
	if status, body := rawGet(t, ts.host, releaseURL, "evil.example", nil); status != 403 || !strings.Contains(body, "gen serve отвечает только на локальные адреса") {
		t.Errorf("a foreign host: %d %q", status, body)
	}
}

// New and Listen return their errors as messages, said in the reader's
// language.
func TestStartErrorsInTheReadersLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	missing := filepath.Join(t.TempDir(), "nowhere")
	_, err := serve.New(serve.Options{Source: missing})
	if got, want := ru.Error(err), "нет папки сайта "+missing; got != want {
		t.Errorf("no site folder: %q, want %q", got, want)
	}
	empty := t.TempDir()
	_, err = serve.New(serve.Options{Source: empty})
	if got, want := zh.Error(err), empty+" 中没有 site.yaml：请在网站文件夹中运行 gen serve"; !strings.HasPrefix(got, want) {
		t.Errorf("no site.yaml: %q, want %q…", got, want)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	_, _, err = serve.Listen("127.0.0.1", port, true)
	if got, want := ru.Error(err), fmt.Sprintf("порт %d на 127.0.0.1 уже занят", port); !strings.HasPrefix(got, want) {
		t.Errorf("a busy --port: %q, want %q…", got, want)
	}
	if got, want := zh.Error(err), fmt.Sprintf("127.0.0.1 上的端口 %d 已被占用", port); !strings.HasPrefix(got, want) {
		t.Errorf("a busy --port: %q, want %q…", got, want)
	}
}

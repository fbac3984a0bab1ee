package serve

import (
	"github.com/eventnews/gen/generator/internal/sitefs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/watch"
)

func TestInject(t *testing.T) {
	for page, want := range map[string]string{
		"<html><body><p>x</p></body></html>":      "<html><body><p>x</p>TAIL</body></html>",
		"<HTML><BODY>x</BODY></HTML>":             "<HTML><BODY>xTAIL</BODY></HTML>",
		"<body><pre></body></pre>x</body></html>": "<body><pre></body></pre>xTAIL</body></html>",
		"no body at all":                          "no body at allTAIL",
	} {
		if got := string(inject([]byte(page), "TAIL")); got != want {
			t.Errorf("inject(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestOverlayShowsTheLinesAroundAndEscapes(t *testing.T) {
	src := "---\ntitle: <b>x</b>\n\tdate: [\nsummary: s\n---\nbody & more\n"
	ds := []*diag.Diagnostic{diag.Message{ID: "test.a", Text: "yaml: <bad> & wrong"}.At("content/a.md", 3, 1), diag.Message{ID: "test.b", Text: "no position"}.At("site.yaml", 0, 0)}
	ps := problems(ds, func(p string) []byte {
		if p == "content/a.md" {
			return []byte(src)
		}
		return nil
	})
	html := overlayHTML(ps, true, wordsIn("en"))
	for _, want := range []string{
		`<p class="gen-where">content/a.md:3:1</p>`,
		"yaml: &lt;bad&gt; &amp; wrong",
		"1 | ---", "2 | title: &lt;b&gt;x&lt;/b&gt;", `<span class="gen-hit">3 | →   date: [</span>`, "5 | ---",
		`<span class="gen-caret">  | ^</span>`, // the caret under column 1: the tab, shown as an arrow
		`<p class="gen-where">site.yaml</p>`, "no position",
		"2 errors", "last version that built",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("overlay lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<b>x</b>") || strings.Contains(html, "6 | body") {
		t.Errorf("overlay shows unescaped text or too many lines:\n%s", html)
	}
	text := terminalText(ps, speak.New("en"))
	for _, want := range []string{"content/a.md:3:1: yaml: <bad> & wrong\n", "  > 3 | →   date: [\n", "      | ^\n", "    1 | ---\n", "site.yaml: no position\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("terminal text lacks %q:\n%s", want, text)
		}
	}
}

func TestSourceFSSeesChangesItIsToldAbout(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/a.md", "one")
	site, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	s := newSourceFS(site)
	read := func(name string) string {
		data, err := s.ReadFile(name)
		if err != nil {
			return "error"
		}
		return string(data)
	}
	names := func(name string) string {
		es, err := s.ReadDir(name)
		if err != nil {
			return "error"
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return strings.Join(out, ",")
	}
	if read("content/a.md") != "one" || names("content") != "a.md" || read("static/x.css") != "error" {
		t.Fatal("first reads")
	}
	write("content/a.md", "two")
	write("content/b.md", "b")
	write("static/x.css", "css")
	if read("content/a.md") != "one" || names("content") != "a.md" {
		t.Fatal("the cache is not used")
	}
	s.Invalidate([]string{"content/a.md", "content/b.md", "static"})
	if read("content/a.md") != "two" || names("content") != "a.md,b.md" || read("static/x.css") != "css" {
		t.Fatalf("after Invalidate: %q %q %q", read("content/a.md"), names("content"), read("static/x.css"))
	}
	os.RemoveAll(filepath.Join(dir, "content"))
	s.Invalidate([]string{"content"})
	if read("content/b.md") != "error" || names("content") != "error" {
		t.Fatal("a removed directory is still read")
	}
}

// fuzzServer serves a fixed output from memory.
func fuzzServer(t testing.TB) *Server {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("SECRET-SOURCE"), 0o644)
	site, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	s := &Server{site: site, files: site, hub: newHub(), hosts: map[string]bool{}, instance: "i"}
	s.snap.Store(&snapshot{built: true, gen: 1, files: map[string]render.File{
		"index.html":       {Path: "index.html", Bytes: []byte("<html><body>ROOT</body></html>")},
		"404.html":         {Path: "404.html", Bytes: []byte("<html><body>NOTFOUND</body></html>")},
		"en/index.html":    {Path: "en/index.html", Bytes: []byte("<html><body>EN</body></html>")},
		"en/404.html":      {Path: "en/404.html", Bytes: []byte("<html><body>EN-NOTFOUND</body></html>")},
		"en/x/index.html":  {Path: "en/x/index.html", Bytes: []byte("<html><body>X</body></html>")},
		"css/main.css":     {Path: "css/main.css", Bytes: []byte("body{}")},
		"en/x/photo.svg":   {Path: "en/x/photo.svg", Src: "photo.svg"},
		"en/x/missing.jpg": {Path: "en/x/missing.jpg", Src: "../outside.jpg"},
	}})
	os.WriteFile(filepath.Join(dir, "photo.svg"), []byte("<svg/>"), 0o644)
	return s
}

// FuzzServePath: whatever the path, the answer is one of the outputs (or
// an error page), never a file outside them.
func FuzzServePath(f *testing.F) {
	for _, p := range []string{"/", "/en/", "/en/x/", "/en/x", "/css/main.css", "/en/x/photo.svg", "/../secret.txt",
		"/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..\\secret.txt", "/en/%00", "/en/x/missing.jpg", "//secret.txt", "/secret.txt"} {
		f.Add(p)
	}
	s := fuzzServer(f)
	allowed := []string{"ROOT", "NOTFOUND", "EN", "X", "body{}", "<svg/>", "bad path", "not found", "Not found", "Moved Permanently", "method not allowed"}
	f.Fuzz(func(t *testing.T, p string) {
		u, err := url.ParseRequestURI(p)
		if err != nil {
			return
		}
		req := httptest.NewRequest("GET", "http://localhost/", nil)
		req.URL = u
		req.Host = "localhost"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		body := rec.Body.String()
		if strings.Contains(body, "SECRET-SOURCE") {
			t.Fatalf("GET %q served a file outside the output", p)
		}
		if rec.Code == http.StatusOK {
			ok := false
			for _, a := range allowed {
				ok = ok || strings.Contains(body, a)
			}
			if !ok {
				t.Fatalf("GET %q: 200 with %q", p, body)
			}
		}
	})
}

// swap reports every URL whose output was added, removed or changed (or
// whose copied source changed), and serves exactly the new files, in
// whatever order the build gives them.
func TestSwapReportsWhatChanged(t *testing.T) {
	s := &Server{hub: newHub(), instance: "test"}
	s.snap.Store(&snapshot{files: map[string]render.File{}})
	page := func(p, text string) render.File { return render.File{Path: p, Bytes: []byte(text)} }
	first := &build.Result{Files: []render.File{
		page("index.html", "home"), page("a/index.html", "a"), page("b/index.html", "b"), page("d/index.html", "d"),
		{Path: "c.css", Src: "static/c.css"}, {Path: "e.css", Src: "static/e.css"},
	}}
	none := func(string) bool { return false }
	if got, want := s.swap(first, none, nil), []string{"/", "/a/", "/b/", "/c.css", "/d/", "/e.css"}; !slices.Equal(got, want) {
		t.Fatalf("first build reports %q, want %q", got, want)
	}
	second := &build.Result{Files: []render.File{
		page("b/index.html", "b changed"), page("a/index.html", "a"), page("index.html", "home"), page("f/index.html", "new"),
		{Path: "c.css", Src: "static/c.css"}, {Path: "e.css", Src: "static/e.css"},
	}}
	changed := func(src string) bool { return src == "static/c.css" }
	if got, want := s.swap(second, changed, nil), []string{"/b/", "/c.css", "/d/", "/f/"}; !slices.Equal(got, want) {
		t.Fatalf("second build reports %q, want %q", got, want)
	}
	snap := s.snap.Load()
	if len(snap.files) != len(second.Files) || len(snap.list) != len(second.Files) {
		t.Fatalf("serving %d files (%d listed), want %d", len(snap.files), len(snap.list), len(second.Files))
	}
	for i, f := range snap.list {
		if g := snap.files[f.Path]; g.Src != f.Src || string(g.Bytes) != string(f.Bytes) || i > 0 && snap.list[i-1].Path >= f.Path {
			t.Fatalf("snapshot list and map disagree at %s, or the list is not sorted", f.Path)
		}
	}
	if string(snap.files["b/index.html"].Bytes) != "b changed" {
		t.Fatal("the changed page is not served")
	}
	if got := s.swap(second, none, nil); got != nil {
		t.Fatalf("the same build again reports %q", got)
	}
}

// Live reload names a changed page by the URL the browser shows, escaped
// as the site links it, so a page named "q?x" reloads too, with the base
// path.
func TestSiteURLIsTheLinkedURL(t *testing.T) {
	for p, want := range map[string]string{
		"index.html":               "/",
		"zh/news/q?x#y/index.html": "/zh/news/q%3Fx%23y/",
		"zh/news/博览会/index.html":   "/zh/news/博览会/",
		"zh/news/x/100%.svg":       "/zh/news/x/100%25.svg",
		"css/main.css":             "/css/main.css",
	} {
		if got := siteURL("/", p); got != want {
			t.Errorf("siteURL(%q) = %q, want %q", p, got, want)
		}
		// Under a base path, the URL holds it, as the page's own URL does.
		if got := siteURL("/press/", p); got != "/press"+want {
			t.Errorf("siteURL(/press/, %q) = %q, want %q", p, got, "/press"+want)
		}
	}
}

// The terminal's words after a rebuild are said in its language.
func TestRebuildLinesInTheTerminalsLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	three := watch.Batch{Paths: []string{"content/a.md", "content/b.md", "static/c.css"}}
	for _, c := range []struct{ got, want string }{
		{countURLs(ru, []string{"/a/", "/b/", "/c.css"}), "2 страницы и 1 другой файл"},
		{countURLs(ru, []string{"/a/", "/b/", "/c/", "/d/", "/e/"}), "5 страниц"},
		{countURLs(zh, []string{"/c.css", "/feed.xml"}), "2 个文件"},
		{describe(ru, three), "изменены content/a.md и ещё 2 файла"},
		{describe(zh, watch.Batch{Paths: []string{"content/a.md"}}), "content/a.md 已修改"},
		{describe(ru, watch.Batch{Rescan: true}), "пересобрано всё"},
		{ru.Say(msgUpdated, "What", describe(ru, three), "Changed", countURLs(ru, []string{"/a/"}), "Took", "5ms"), "изменены content/a.md и ещё 2 файла: обновлено за 5ms: 1 страница"},
		{ru.Say(msgMoreUpdated, "Count", 5), "обновлено ещё 5 страниц (на них виден весь сайт)"},
		{zh.Say(msgNoPageChanged, "What", describe(zh, three), "Took", "5ms"), "content/a.md 及另外 2 个文件已修改：没有页面变化（5ms）"},
		{countURLs(speak.New("en"), []string{"/a/", "/c.css"}), "1 page and 1 other file"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

package search_test

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/eventnews/gen/generator/internal/browsertest"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// host serves built files as a static host does: a directory is its
// index.html, anything missing is a 404.
func host(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") {
			name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
		}
		data, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Write(data)
	})
}

// page is a browser tab on the built sample site.
type page struct {
	t   *testing.T
	ctx context.Context
	url string // the server's
}

func openSample(t *testing.T, opts build.Options) *page {
	t.Helper()
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	site := sitetest.Sample(t).Build(opts).OK()
	srv := httptest.NewServer(host(site.Files))
	t.Cleanup(srv.Close)
	ctx := browsertest.Start(t)
	return &page{t: t, ctx: ctx, url: srv.URL}
}

// do runs actions with a deadline, as a hang detector.
func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) open(rel string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.url + rel))
	p.waitFor(`document.readyState === "complete" && window.genSearchTerms !== undefined && document.querySelector("#search").classList.contains("ready")`)
}

// type_ types text into the search box, key by key.
func (p *page) type_(text string) {
	p.t.Helper()
	p.do(chromedp.SendKeys(chromedp.CSS("#search-q"), text))
}

// waitFor waits until the JavaScript expression cond is true.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		state, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href + " | " + document.querySelector("#search-status")?.textContent + " | " + Array.from(document.querySelectorAll("#search-results h2 a"), a => a.getAttribute("href")).join(" ")`))
		p.t.Fatalf("waiting for %s: %v (page: %s)", cond, err, state)
	}
}

// results waits until the results for the box's text are shown and
// returns their links.
func (p *page) results() []string {
	p.t.Helper()
	p.waitFor(`(() => { const r = document.querySelector("#search"); return !r.hasAttribute("aria-busy") && r.dataset.shown === document.querySelector("#search-q").value })()`)
	return eval[[]string](p, `Array.from(document.querySelectorAll("#search-results .result h2 a"), a => a.getAttribute("href"))`)
}

func eval[T any](p *page, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func TestSearchInTheBrowser(t *testing.T) {
	p := openSample(t, build.Options{})

	t.Run("a Chinese substring, typed", func(t *testing.T) {
		p.open("/zh/search/")
		p.type_("博览")
		got := p.results()
		if len(got) == 0 || got[0] != "/zh/news/harbin-expo-opens/" {
			t.Fatalf("博览 gave %q, want the expo's release first", got)
		}
		if href := eval[string](p, `location.search`); href != "?q=%E5%8D%9A%E8%A7%88" {
			t.Errorf("the address holds %q, want ?q=博览", href)
		}
		marked := eval[[]string](p, `Array.from(document.querySelectorAll("#search-results mark"), m => m.textContent)`)
		if len(marked) == 0 || marked[0] != "博览" {
			t.Errorf("highlighted %q, want 博览", marked)
		}
	})
}

package search_test

import (
	"context"
	"encoding/json"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/browsertest"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/search"
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

// in is p for the subtest t.
func (p *page) in(t *testing.T) *page {
	q := *p
	q.t = t
	return &q
}

// waitFor waits until the JavaScript expression cond is true, asking
// every 20 ms. A navigation destroys the page's JavaScript context and
// fails that evaluation; waitFor asks again in the next page. (It
// evaluates rather than polls in the page: a page the back button takes
// from the browser's cache keeps a poll of chromedp's waiting forever.)
func (p *page) waitFor(cond string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			state, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href + " | " + document.querySelector("#search-status")?.textContent + " | " + Array.from(document.querySelectorAll("#search-results h2 a"), a => a.getAttribute("href")).join(" ")`))
			p.t.Fatalf("waiting for %s: %v (page: %s)", cond, err, state)
		case <-tick.C:
		}
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
		p := p.in(t)
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
		status := eval[[]string](p, `(s => [s.getAttribute("aria-live"), s.textContent])(document.querySelector("#search-status"))`)
		if status[0] != "polite" || !strings.HasPrefix(status[1], "找到 ") {
			t.Errorf("status %q, want an aria-live region saying how many were found", status)
		}
	})

	t.Run("Chinese across word boundaries, single characters, runs first", func(t *testing.T) {
		p := p.in(t)
		for _, tc := range []struct{ q, first string }{
			{"中小企业", "/zh/news/sme-roundtable-jinhua/"}, // in its title, as one run
			{"企业合作", "/zh/news/localities-cooperation/"},
			{"滨", "/zh/news/youth-entrepreneur-roundtable/"}, // one character of 哈尔滨, newest first
			{"贸易额", "/zh/news/trade-figures-2023/"},
		} {
			p.open("/zh/search/?q=" + tc.q)
			if got := p.results(); len(got) == 0 || got[0] != tc.first {
				t.Errorf("%s gave %q, want %s first", tc.q, got, tc.first)
			}
		}
	})

	t.Run("Russian inflected forms", func(t *testing.T) {
		p := p.in(t)
		p.open("/ru/search/")
		p.type_("выставке ")
		got := p.results()
		for _, want := range []string{"/ru/news/harbin-expo-opens/", "/ru/news/localities-cooperation/"} {
			if !slices.Contains(got, want) {
				t.Errorf("выставке gave %q, which lacks %s (выставки, выставку)", got, want)
			}
		}
		p.open("/ru/search/?q=Харбина")
		got = p.results()
		if len(got) == 0 || !strings.HasPrefix(got[0], "/ru/news/") || !slices.Contains(got, "/ru/news/harbin-expo-opens/") {
			t.Errorf("Харбина gave %q, want the releases about Харбин, the expo's among them", got)
		}
		p.open("/ru/search/?q=сотрудничеству ёлка")
		if got := p.results(); len(got) != 0 {
			t.Errorf("a word no release has must find nothing, got %q", got)
		}
	})

	t.Run("English forms and prefixes while typing", func(t *testing.T) {
		p := p.in(t)
		for _, tc := range []struct{ q, want string }{
			{"expos ", "/en/news/harbin-expo-opens/"},
			{"cooperating ", "/en/news/localities-cooperation/"},
			{"cooperati", "/en/news/localities-cooperation/"}, // the word being typed
			{"entrepren", "/en/news/youth-entrepreneur-roundtable/"},
		} {
			p.open("/en/search/")
			p.type_(tc.q)
			if got := p.results(); !slices.Contains(got, tc.want) || got[0] != tc.want {
				t.Errorf("%q gave %q, want %s first", tc.q, got, tc.want)
			}
		}
	})

	t.Run("a title match above the body, newer first", func(t *testing.T) {
		p := p.in(t)
		p.open("/en/search/?q=harbin")
		got := p.results()
		want := []string{"/en/news/youth-entrepreneur-roundtable/", "/en/news/harbin-expo-opens/"} // both in the title: newer first
		if len(got) < 3 || !slices.Equal(got[:2], want) {
			t.Errorf("harbin gave %q, want %q first, then those that say it in the body", got, want)
		}
	})

	t.Run("filter by tag and year", func(t *testing.T) {
		p := p.in(t)
		p.open("/en/search/?q=china")
		all := p.results()
		p.do(chromedp.SetValue(chromedp.CSS("#search-tag"), "sme"))
		p.run(`document.querySelector("#search-tag").dispatchEvent(new Event("change"))`)
		p.waitFor(`location.search.includes("tag=sme")`)
		got := p.results()
		if !slices.Equal(got, []string{"/en/news/sme-roundtable-jinhua/"}) {
			t.Errorf("tag sme gave %q (all: %q)", got, all)
		}
		p.open("/en/search/?q=china&year=2023")
		if got := p.results(); !slices.Equal(got, []string{"/en/news/sme-roundtable-jinhua/"}) {
			t.Errorf("year 2023 gave %q", got)
		}
		if v := eval[string](p, `document.querySelector("#search-year").value`); v != "2023" {
			t.Errorf("the year filter shows %q, want 2023 from the address", v)
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		p := p.in(t)
		p.open("/en/search/")
		p.type_("china ")
		got := p.results()
		if len(got) < 2 {
			t.Fatalf("china gave %q", got)
		}
		focused := func() string {
			return eval[string](p, `document.activeElement.id || document.activeElement.getAttribute("href")`)
		}
		p.do(chromedp.KeyEvent(kb.ArrowDown))
		if f := focused(); f != got[0] {
			t.Errorf("ArrowDown from the box focused %q, want %s", f, got[0])
		}
		p.do(chromedp.KeyEvent(kb.ArrowDown))
		if f := focused(); f != got[1] {
			t.Errorf("a second ArrowDown focused %q, want %s", f, got[1])
		}
		p.do(chromedp.KeyEvent(kb.ArrowUp))
		p.do(chromedp.KeyEvent(kb.Escape))
		if f := focused(); f != "search-q" {
			t.Errorf("Escape focused %q, want the box", f)
		}
		p.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
		p.waitFor(`location.pathname === "` + got[0] + `"`)
		p.run(`history.back()`)
		p.waitFor(`location.pathname === "/en/search/"`)
		if back := p.results(); !slices.Equal(back, got) {
			t.Errorf("back on the search page: %q, want %q", back, got)
		}
		if q := eval[string](p, `document.querySelector("#search-q").value`); q != "china " {
			t.Errorf("back on the search page the box holds %q", q)
		}
	})

	t.Run("the header's box leads to the search page", func(t *testing.T) {
		p := p.in(t)
		p.do(chromedp.Navigate(p.url + "/ru/"))
		p.do(chromedp.SendKeys(chromedp.CSS("#site-search-q"), "экспо"+kb.Enter))
		p.waitFor(`location.pathname === "/ru/search/" && document.readyState === "complete"`)
		if got := p.results(); len(got) == 0 || got[0] != "/ru/news/harbin-expo-opens/" {
			t.Errorf("экспо from the header gave %q", got)
		}
	})
}

// run evaluates a script for its effect.
func (p *page) run(script string) {
	p.t.Helper()
	eval[any](p, script)
}

// extraWords are words that take the stemmers' rarer paths.
var extraWords = strings.Fields(`
consign consigned consigning consignment consist consisted consistency consistent consistently
generate generously generalization communication communicate arsenal arsenals yesterday sayings
crying cry happy happily hopeful hoping hopped hopping agreed feed bleed bled fizzed fizzing tanned
luxuriating relational conditional rational valenci hesitanci digitizer conformabli radicalli
differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness
callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical
hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant
replacement adjustment dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll skis skies dying lying tying idly gently ugly early only
singly sky news howe atlas cosmos bias andes inning innings outing outings canning cannings herring
herrings earring earrings proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding
succeed succeeds succeeded succeeding 'tis o'clock y yy yyy ayy eye eyes boy's boys' a ab abc
ободрившийся пугает разочароваться сливаешься беседовала брюзжит растущего подползла быстротою
приостановился неприличия благосостояния исподтишка отмахивается периодического молокососы
окружающие представляла пропускающим предчувствию шатаясь опустошаются опамятовавшись суйся
величайшего величайший длиннейший сильнейшая стремление проводившись наигравшись сделавши
читавши выставкам выставками харбинского российско-китайского ёлочный`)

// The browser makes the terms of a query as the index's: words and runs,
// folded, and the Snowball stems of kljensen/snowball, on every word of the
// sample site, of a benchmark site and of the stemmers' rarer cases.
func TestBrowserTermsAsGo(t *testing.T) {
	p := openSample(t, build.Options{})
	p.open("/en/search/")
	var texts []string
	for name, f := range sitetest.Sample(t).FS {
		if strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".yaml") {
			texts = append(texts, string(f.Data))
		}
	}
	for name, data := range benchsite.Files(40, 7) {
		if strings.HasSuffix(name, ".md") {
			texts = append(texts, string(data))
		}
	}
	texts = append(texts, strings.Join(extraWords, " "), "Ａ１ Ёж’s ‘x’ e\u0301te 〇 々 ｶﾀｶﾅ Ⅻ ²")
	slices.Sort(texts)

	words := map[string]bool{}
	for _, w := range extraWords {
		words[w] = true
	}
	for _, s := range stems {
		words[s[0]] = true
	}
	var scanned [][]string
	for _, text := range texts {
		ws := search.Words(text)
		scanned = append(scanned, ws)
		for _, w := range ws {
			if !search.IsCJK([]rune(w)[0]) {
				words[w] = true
			}
		}
	}
	list := slices.Sorted(maps.Keys(words))
	arg, _ := json.Marshal(list)
	got := eval[[]string](p, `(`+string(arg)+`).map(w => genSearchTerms.stem(w))`)
	bad := 0
	for i, w := range list {
		if want := search.Stem(w); got[i] != want && bad < 20 {
			bad++
			t.Errorf("the browser stems %q as %q, gen as %q", w, got[i], want)
		}
	}
	t.Logf("%d words stemmed alike", len(list))

	arg, _ = json.Marshal(texts)
	jsScanned := eval[[][]string](p, `(`+string(arg)+`).map(s => genSearchTerms.scan(s).map(t => t.text))`)
	for i := range texts {
		if !slices.Equal(jsScanned[i], scanned[i]) {
			for j := range min(len(jsScanned[i]), len(scanned[i])) {
				if jsScanned[i][j] != scanned[i][j] {
					t.Errorf("text %d: the browser's token %d is %q, gen's %q", i, j, jsScanned[i][j], scanned[i][j])
					break
				}
			}
			t.Errorf("text %d: the browser finds %d tokens, gen %d", i, len(jsScanned[i]), len(scanned[i]))
		}
	}
}

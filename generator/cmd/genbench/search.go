package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// A query of the search benchmark: the page the reader means.
type searchQuery struct {
	lang, text, want, note string
}

// searchRun is what one engine did for one query.
type searchRun struct {
	results   []string // the top 10, as URL paths
	rank      int      // of the wanted page, 1-based; 0 when not in the top 10
	derived   int      // list, tag or events pages above the wanted page
	dataBytes int64    // index files (and for gen the results' pages, for snippets) fetched, as sent (compressed), counted by the host
	codeBytes int64    // the engine's scripts and WebAssembly, as sent
	elapsed   time.Duration
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	site := fs.String("site", "", "a built site (gen build's output); with -pagefind, Pagefind's index in its pagefind/")
	queries := fs.String("queries", "generator/cmd/genbench/testdata/search-queries.tsv", "the query set: language, query, wanted page")
	engines := fs.String("engines", "gen,pagefind", "the engines to ask: gen, pagefind")
	chromium := fs.String("chromium", "/usr/bin/chromium", "the browser")
	verbose := fs.Bool("v", false, "print every query's results")
	throttle := fs.Float64("throttle", 1, "slow the browser's CPU down this many times (4: a mid-range phone)")
	if st := parse(fs, args, stderr); st >= 0 {
		return st
	}
	if *site == "" {
		fmt.Fprintln(stderr, "genbench search: -site is required")
		return 2
	}
	qs, err := readQueries(*queries)
	if err != nil {
		fmt.Fprintln(stderr, "genbench search:", err)
		return 1
	}
	if err := searchBench(*site, *chromium, strings.Split(*engines, ","), qs, *verbose, *throttle, stdout); err != nil {
		fmt.Fprintln(stderr, "genbench search:", err)
		return 1
	}
	return 0
}

func readQueries(name string) ([]searchQuery, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []searchQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s: %q: want language, query and page", name, line)
		}
		q := searchQuery{lang: cols[0], text: cols[1], want: cols[2]}
		if len(cols) > 3 {
			q.note = cols[3]
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

// searchBench serves site as a static host that compresses text (as most
// do), asks each engine every query in a new browser profile, so nothing
// is cached, and prints the figures per engine and language.
func searchBench(site, chromium string, engines []string, qs []searchQuery, verbose bool, throttle float64, w io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	sent := &sentBytes{}
	srv := &http.Server{Handler: gzipHost(site, sent)}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	actx, cancel := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		return err
	}
	for _, engine := range engines {
		runs := make([]searchRun, len(qs))
		for i, q := range qs {
			if runs[i], err = askEngine(bctx, base, engine, q, sent, throttle); err != nil {
				return fmt.Errorf("%s, %q: %w", engine, q.text, err)
			}
			if verbose {
				fmt.Fprintf(w, "%s\t%s\t%q\trank %d\t%d B\t%v\n", engine, q.lang, q.text, runs[i].rank, runs[i].dataBytes, runs[i].results)
			}
		}
		report(w, engine, qs, runs)
	}
	return nil
}

// report prints recall of the wanted page in the top 10, its mean
// reciprocal rank and the bytes fetched, per language.
func report(w io.Writer, engine string, qs []searchQuery, runs []searchRun) {
	for _, lang := range []string{"zh", "ru", "en", ""} {
		var n, found, derived int
		var rr float64
		var data, code int64
		var elapsed time.Duration
		for i, q := range qs {
			if lang != "" && q.lang != lang {
				continue
			}
			r := runs[i]
			n++
			if r.rank > 0 {
				found++
				rr += 1 / float64(r.rank)
			}
			if r.derived > 0 {
				derived++
			}
			data += r.dataBytes
			code += r.codeBytes
			elapsed += r.elapsed
		}
		if n == 0 {
			continue
		}
		name := lang
		if name == "" {
			name = "all"
		}
		fmt.Fprintf(w, "%-8s %-3s queries %2d  recall@10 %.2f  MRR %.3f  derived pages above %2d  index bytes/query %6.0f  code bytes/query %7.0f  ms/query %4.0f\n",
			engine, name, n, float64(found)/float64(n), rr/float64(n), derived, float64(data)/float64(n), float64(code)/float64(n), float64(elapsed.Milliseconds())/float64(n))
	}
}

// derivedPage reports whether a URL path is a list, tag or events page.
func derivedPage(u string) bool {
	parts := strings.Split(strings.Trim(u, "/"), "/")
	return len(parts) <= 2 || parts[1] == "tags" || parts[1] == "events" || (len(parts) > 2 && parts[2] == "page")
}

// pagefindQuery runs Pagefind's own API in the page and returns the URLs
// of its top 10 results.
const pagefindQuery = `(async () => {
	const pf = await import("/pagefind/pagefind.js");
	const r = await pf.search(%s);
	const d = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
	return d.map(x => x.url);
})()`

// sentBytes counts what the host sent, by path, since the last reset: a
// page's performance entries miss what a Web Worker fetches (Pagefind's).
type sentBytes struct {
	mu     sync.Mutex
	byPath map[string]int64
}

func (s *sentBytes) add(p string, n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byPath == nil {
		s.byPath = map[string]int64{}
	}
	s.byPath[p] += n
}

func (s *sentBytes) reset() map[string]int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.byPath
	s.byPath = nil
	return m
}

func askEngine(bctx context.Context, base, engine string, q searchQuery, sent *sentBytes, throttle float64) (searchRun, error) {
	sent.reset()
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if throttle > 1 {
		if err := chromedp.Do(ctx); err != nil {
			return searchRun{}, err
		}
		if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: throttle}); err != nil {
			return searchRun{}, err
		}
	}
	ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var r searchRun
	start := time.Now()
	switch engine {
	case "gen":
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+q.lang+"/search/?q="+url.QueryEscape(q.text))); err != nil {
			return r, err
		}
		start = time.Now()
		for {
			done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(r => r.dataset.shown === document.querySelector("#search-q").value && !r.hasAttribute("aria-busy"))(document.querySelector("#search"))`))
			if err == nil && done {
				break
			}
			if ctx.Err() != nil {
				return r, ctx.Err()
			}
			time.Sleep(5 * time.Millisecond) // polling the page, not synchronising
		}
		r.elapsed = time.Since(start)
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results .result h2 a"), a => a.getAttribute("href")).slice(0, 10)`))
		if err != nil {
			return r, err
		}
		r.results = res
	case "pagefind":
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+q.lang+"/")); err != nil {
			return r, err
		}
		arg, _ := json.Marshal(q.text)
		start = time.Now()
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(pagefindQuery, arg), chromedp.EvalAwaitPromise))
		if err != nil {
			return r, err
		}
		r.elapsed = time.Since(start)
		r.results = res
	default:
		return r, fmt.Errorf("unknown engine %q", engine)
	}
	for i, u := range r.results {
		if u == q.want {
			r.rank = i + 1
			break
		}
		if derivedPage(u) {
			r.derived++
		}
	}
	for p, n := range sent.reset() {
		switch {
		case strings.HasPrefix(p, "/js/search") || strings.HasSuffix(p, ".js") && strings.HasPrefix(p, "/pagefind/") || strings.Contains(p, "/pagefind/wasm."):
			r.codeBytes += n
		case strings.Contains(p, "/search/") && !strings.HasSuffix(p, "/") || strings.HasPrefix(p, "/pagefind/"):
			r.dataBytes += n
		case engine == "gen" && strings.HasSuffix(p, "/") && !strings.Contains(p, "/search/"):
			r.dataBytes += n // a result's page, read for its snippet
		}
	}
	return r, nil
}

// gzipHost serves dir as a static host does (a folder is its index.html),
// compressing text, JSON, scripts and WebAssembly with gzip when the
// browser accepts it, as GitHub Pages, Netlify or nginx with gzip on do.
// Pagefind's pf_ files are compressed already and go as they are.
func gzipHost(dir string, sent *sentBytes) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ext := path.Ext(name)
		ctype := mime.TypeByExtension(ext)
		if strings.HasSuffix(name, ".pagefind") {
			ctype = "application/wasm"
		}
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
		compress := strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") || strings.Contains(ctype, "javascript") || ctype == "application/wasm"
		if !compress || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Write(data)
			sent.add(r.URL.Path, int64(len(data)))
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		zw.Write(data)
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
		sent.add(r.URL.Path, int64(buf.Len()))
	})
}

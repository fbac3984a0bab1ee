package build_test

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/eventnews/gen/generator/internal/browsertest"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// staticHost serves a built site from memory as a static host does: a
// directory is its index.html, and a missing path gets /404.html with
// status 404.
func staticHost(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") || name == "." || name == "" {
			name = path.Join(name, "index.html")
		}
		data, ok := files[name]
		status := http.StatusOK
		if !ok {
			name, data, status = "404.html", files["404.html"], http.StatusNotFound
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.WriteHeader(status)
		w.Write(data)
	})
}

// reader opens a tab in a fresh profile (nothing remembered) whose
// navigator.languages is langs.
func reader(t *testing.T, browserCtx context.Context, langs string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ua, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.userAgent`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: langs}); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`navigator.languages`))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Split(langs, ","); !slices.Equal(got, want) {
		t.Fatalf("navigator.languages = %q, want %q: the language override does not work in this Chromium", got, want)
	}
	return ctx
}

// landsOn opens url and waits until the page has left "/" (the root
// redirects) and loaded, then returns location.pathname.
func landsOn(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	nctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	return waitFor(t, ctx, `location.pathname !== "/"`)
}

// waitFor waits, up to a deadline, until the loaded page satisfies cond (a
// JavaScript expression), and returns location.pathname then. A navigation
// during the wait destroys the page's JavaScript context and fails that
// poll; waitFor polls again in the next page.
func waitFor(t *testing.T, ctx context.Context, cond string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	expr := `document.readyState === "complete" && (` + cond + `) && location.pathname`
	for {
		got, err := chromedp.Run(ctx, chromedp.Poll[string](expr, chromedp.WithPollingTimeout(0)))
		if err == nil {
			return got
		}
		if ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", cond, err)
		}
	}
}

func TestRootAndNotFoundInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	_, files := buildSample(t, "")
	srv := httptest.NewServer(staticHost(files))
	defer srv.Close()
	bctx := browsertest.Start(t)

	for _, tc := range []struct{ langs, want string }{
		{"ru-RU", "/ru/"},
		{"zh-TW", "/zh/"},
		{"zh-Hans-CN,zh", "/zh/"},
		{"en-GB,en", "/en/"},
		{"fr", "/zh/"},       // nothing matches: the default language
		{"fr-FR,ru", "/ru/"}, // the first language the site has wins
	} {
		t.Run(tc.langs, func(t *testing.T) {
			ctx := reader(t, bctx, tc.langs)
			if got := landsOn(t, ctx, srv.URL+"/"); got != tc.want {
				t.Errorf("with navigator.languages %s, / led to %s, want %s", tc.langs, got, tc.want)
			}
		})
	}

	t.Run("remembers the switcher", func(t *testing.T) {
		ctx := reader(t, bctx, "ru-RU")
		if got := landsOn(t, ctx, srv.URL+"/zh/"); got != "/zh/" {
			t.Fatalf("opened /zh/, at %s", got)
		}
		cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if err := chromedp.Do(cctx, chromedp.Click(chromedp.CSS(`.lang-switch a[data-lang="en"]`))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `location.pathname === "/en/"`)
		if got := landsOn(t, ctx, srv.URL+"/"); got != "/en/" {
			t.Errorf("after choosing English, / led to %s, want /en/ (the browser says ru-RU)", got)
		}
	})

	t.Run("404 speaks the language of the path", func(t *testing.T) {
		ctx := reader(t, bctx, "en-US")
		for _, tc := range []struct{ path, lang, heading string }{
			{"/ru/news/no-such-release/", "ru", "Страница не найдена"},
			{"/zh/nowhere", "zh-Hans", "页面不存在"},
			{"/no-language/here", "en", "Page not found"}, // the reader's language
		} {
			if got := landsOn(t, ctx, srv.URL+tc.path); got != tc.path {
				t.Fatalf("the 404 page moved from %s to %s", tc.path, got)
			}
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[document.documentElement.lang].concat(Array.from(document.querySelectorAll("[data-not-found]:not([hidden]) h1"), h => h.textContent))`))
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{tc.lang, tc.heading}; !slices.Equal(shown, want) {
				t.Errorf("at %s the 404 page shows %q, want %q", tc.path, shown, want)
			}
		}
	})
}

// Code keeps a monospace font on Chinese pages.
func TestCodeIsMonospaceOnChinesePages(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	s := sitetest.New(t, sitetest.Config+"-- content/news/x/index.zh.md --\n---\ntitle: 代码\ndate: 2024-05-17\n---\n运行 `gen build` 即可。\n\n```\ngen serve\n```\n").Build(build.Options{}).OK()
	srv := httptest.NewServer(staticHost(s.Files))
	defer srv.Close()
	ctx := reader(t, browsertest.Start(t), "zh-CN")
	landsOn(t, ctx, srv.URL+"/zh/news/x/")
	for _, sel := range []string{"p code", "pre code", "pre"} {
		font, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(`+"`"+sel+"`"+`)).fontFamily`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(font, "monospace") {
			t.Errorf("%s on a zh page: font-family %s", sel, font)
		}
	}
}

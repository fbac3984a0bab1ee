package serve_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/eventnews/gen/generator/internal/browsertest"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	for {
		err := chromedp.Do(tctx, chromedp.Navigate(url))
		// A live reload of the page open before (a rebuild of the last
		// step arriving late) aborts the navigation: open it again.
		if err == nil || !strings.Contains(err.Error(), "net::ERR_ABORTED") || tctx.Err() != nil {
			if err != nil {
				t.Fatalf("open %s: %v", url, err)
			}
			return
		}
	}
}

// waitFor evaluates a JavaScript condition in the tab until it holds. The
// tab may reload meanwhile; an evaluation that fails because of that is
// tried again.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	// Generous: a loaded 2-core machine can take seconds per rebuild.
	deadline := time.Now().Add(60 * time.Second)
	for {
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 2000)`))
			t.Fatalf("waited 60s for %s (last error %v); the tab shows:\n%s", what, err, text)
		}
		select {
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func shows(text string) string {
	return `document.body.innerText.includes(` + strconv.Quote(text) + `)`
}

// The scenario in a real browser: every change shows without any
// action in the tab, errors included, and a page in a new directory can be
// opened without a restart.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.Start(t)
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	good := ts.read(release)

	navigate(t, ctx, ts.url+releaseURL)
	waitFor(t, ctx, "the release", shows("Harbin"))

	t.Run("edit", func(t *testing.T) {
		ts.write(release, strings.Replace(good, "HARBIN, May 17", "LIVE-EDIT-MARKER, May 17", 1))
		waitFor(t, ctx, "the edited text", shows("LIVE-EDIT-MARKER"))
	})

	t.Run("broken front matter shows an overlay", func(t *testing.T) {
		lines := strings.SplitN(good, "\n", 3)
		broken := lines[0] + "\n" + lines[1] + "\ntitel: typo\n" + lines[2]
		ts.write(release, broken)
		waitFor(t, ctx, "the overlay naming the file and line",
			`(o => o && o.innerText.includes(`+strconv.Quote(release+":3:1")+`) && o.innerText.includes("titel"))(document.getElementById("gen-overlay"))`)
		// The last good page is still there under it.
		waitFor(t, ctx, "the last good page under the overlay", shows("LIVE-EDIT-MARKER"))
	})

	t.Run("the fix brings the page back", func(t *testing.T) {
		ts.write(release, strings.Replace(good, "HARBIN, May 17", "FIXED-MARKER, May 17", 1))
		waitFor(t, ctx, "the fixed page without overlay", `!document.getElementById("gen-overlay") && `+shows("FIXED-MARKER"))
	})

	t.Run("a page in a new directory", func(t *testing.T) {
		navigate(t, ctx, ts.url+"/en/news/new-release/")
		waitFor(t, ctx, "the not-found page", `document.documentElement.lang === "en" && !`+shows("A brand-new release"))
		ts.write("content/news/2025/new-release/index.en.md", "---\ntitle: A brand-new release\ndate: 2024-05-30\n---\nFresh text.\n")
		// The open 404 tab turns into the page by itself.
		waitFor(t, ctx, "the new page", shows("A brand-new release")+" && "+shows("Fresh text."))
		navigate(t, ctx, ts.url+"/en/")
		waitFor(t, ctx, "the home listing it", shows("A brand-new release"))
	})
}

// With --navigate the tab goes to the page that was saved.
func TestBrowserNavigate(t *testing.T) {
	ctx := browsertest.Start(t)
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{Navigate: true})
	navigate(t, ctx, ts.url+"/en/")
	waitFor(t, ctx, "the home", shows("China–Russia Event News"))
	// A change made before the tab listens reloads it where it is; wait
	// until it listens.
	waitFor(t, ctx, "the live-reload connection", `window.__genLive === true`)
	ts.write(release, strings.Replace(ts.read(release), "HARBIN, May 17", "NAVIGATED-MARKER, May 17", 1))
	waitFor(t, ctx, "the saved page", `location.pathname === `+strconv.Quote(releaseURL)+` && `+shows("NAVIGATED-MARKER"))
}

// A site under /press/ in gen serve: "/" leads to a language home with its
// stylesheet, and a saved page reloads the tab that shows it, at its URL
// under /press/.
func TestBrowserUnderTheBasePath(t *testing.T) {
	ctx := browsertest.Start(t)
	ts := start(t, copySampleAt(t, "https://events.example.org/press/"), serve.Options{Build: build.Options{Origin: ownAddress}})
	navigate(t, ctx, ts.url+"/")
	waitFor(t, ctx, "a language home under /press/ with main.css applied",
		`/^\/press\/(zh|ru|en)\/$/.test(location.pathname) && getComputedStyle(document.body).marginTop === "0px" && getComputedStyle(document.querySelector(".site-header")).borderBottomStyle === "solid"`)
	navigate(t, ctx, ts.url+"/press"+releaseURL)
	waitFor(t, ctx, "the live-reload connection", `window.__genLive === true && `+shows("Harbin"))
	ts.write(release, strings.Replace(ts.read(release), "HARBIN, May 17", "BASE-PATH-MARKER, May 17", 1))
	waitFor(t, ctx, "the edited page", shows("BASE-PATH-MARKER")+` && location.pathname === "/press`+releaseURL+`"`)
}

// The rules of the build in a real browser: a link to a release that does
// not exist shows the overlay, naming the file, line and link; the fix
// brings the page back; an unknown tag shows a warning panel that leaves
// the page readable.
func TestBrowserRules(t *testing.T) {
	ctx := browsertest.Start(t)
	ts := start(t, sitetest.Sample(t).OnDisk(), serve.Options{})
	good := ts.read(release)
	navigate(t, ctx, ts.url+releaseURL)
	waitFor(t, ctx, "the live-reload connection", `window.__genLive === true && `+shows("Harbin"))

	broken := strings.Replace(good, "HARBIN, May 17 —", "HARBIN, May 17 — [see](../no-such-release/index.md)", 1)
	ts.write(release, broken)
	line := strings.Count(good[:strings.Index(good, "HARBIN, May 17 —")], "\n") + 1
	waitFor(t, ctx, "the overlay naming the broken link",
		`(o => o && o.innerText.includes(`+strconv.Quote(fmt.Sprintf("%s:%d:", release, line))+`) && o.innerText.includes("link to ../no-such-release/index.md: there is no content/news/no-such-release/index.md"))(document.getElementById("gen-overlay"))`)

	ts.write(release, strings.Replace(good, "HARBIN, May 17", "RECOVERED-MARKER, May 17", 1))
	waitFor(t, ctx, "the page without the overlay", `!document.getElementById("gen-overlay") && `+shows("RECOVERED-MARKER"))

	ts.write(release, strings.Replace(good, "tags: [expo, trade, regions, culture]", "tags: [expo, trade, regoins, culture]", 1))
	waitFor(t, ctx, "the warning panel",
		`(p => p && p.innerText.includes("1 warning on this page") && p.innerText.includes(`+strconv.Quote(release+":4:7")+`) && p.innerText.includes('did you mean "regions"?'))(document.getElementById("gen-warnings"))`)
	// The panel blocks nothing: no overlay, and the page's text is there,
	// with the panel in a corner, smaller than the window.
	waitFor(t, ctx, "the page under a small panel", `!document.getElementById("gen-overlay") && `+shows("HARBIN, May 17")+
		` && (r => r.width < innerWidth && r.height < innerHeight / 2)(document.getElementById("gen-warnings").getBoundingClientRect())`)
}

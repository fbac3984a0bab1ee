package build_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/eventnews/gen/generator/internal/browsertest"
)

// A phone 390 pixels wide downloads a narrow file of the lead photo, not
// the widest: srcset and sizes work in a real browser.
func TestPhoneDownloadsANarrowPicture(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	_, files := buildSample(t, "")
	srv := httptest.NewServer(staticHost(files))
	defer srv.Close()
	ctx, cancel := chromedp.NewContext(browsertest.Start(t), chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(1))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/news/harbin-expo-opens/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector(".lead-image img").complete && document.querySelector(".lead-image img").currentSrc !== ""`)
	current, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".lead-image img").currentSrc`))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => e.name).filter(n => n.includes("/images/"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(current, "/images/news/harbin-expo-opens/expo-hall-480.webp") {
		t.Errorf("at 390 pixels the lead photo shows %s, want the 480-wide WebP", current)
	}
	for _, u := range loaded {
		if strings.Contains(u, "expo-hall-1600") {
			t.Errorf("at 390 pixels the browser downloaded the widest file: %s", u)
		}
	}
	if len(loaded) == 0 {
		t.Error("the browser downloaded no picture")
	}
	t.Logf("downloaded: %v", loaded)
}

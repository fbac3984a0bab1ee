// Package browsertest starts a headless Chromium for tests that drive a
// real browser (chromedp).
//
// Rules:
//   - The browser is "chromium" on PATH, else /usr/bin/chromium (Debian's
//     package).
//   - Without one the test is skipped, except under CI=true, where it fails:
//     CI must never pass by skipping its browser tests.
//   - Each test gets its own browser with a fresh profile in the test's
//     temporary directory, started headless, without sandbox, GPU or
//     background networking; it is stopped when the test ends.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// Start starts the browser for t and returns its chromedp context.
func Start(t testing.TB) context.Context {
	t.Helper()
	exe, err := exec.LookPath("chromium")
	if err != nil {
		exe = "/usr/bin/chromium"
		_, err = os.Stat(exe)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is missing and CI=true: install it with apt-get install -y chromium (%v)", err)
		}
		t.Skip("chromium is not installed (apt-get install -y chromium); with CI=true this test fails instead")
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
	)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

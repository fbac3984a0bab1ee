package check_test

import (
	"context"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// TestSampleSiteIsClean checks the repository's own site: it must pass
// gen check without errors or warnings.
func TestSampleSiteIsClean(t *testing.T) {
	r, err := check.Run(context.Background(), check.Options{Source: sitetest.Root(t), Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Images: sitetest.Pictures()})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Diagnostics {
		t.Errorf("%s", check.Text(d))
	}
	if r.Files < 18 {
		t.Errorf("checked %d content files", r.Files)
	}
}

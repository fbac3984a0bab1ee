package check_test

import (
	"context"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// An event that ends before it starts is reported in its own zone, with
// the times as its front matter writes them.
func TestEventTimesInTheirZone(t *testing.T) {
	m := sitetest.FS(t, sitetest.Config+`-- content/news/x/index.zh.md --
---
title: 论坛
date: 2024-05-17
event:
  start: 2024-09-05 10:00
  end: 2024-09-05 09:00
  timeZone: Asia/Vladivostok
---
`)
	r, err := check.Run(context.Background(), check.Options{FS: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/news/x/index.zh.md:6:8: error: event.end 2024-09-05 09:00 is before event.start 2024-09-05 10:00`
	for _, d := range r.Diagnostics {
		if strings.HasPrefix(check.Text(d), want) {
			return
		}
	}
	t.Errorf("no %s in\n%v", want, r.Diagnostics)
}

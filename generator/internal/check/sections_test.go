package check_test

import (
	"context"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// Links from and to a nested section's list resolve at its own URL; the
// list exists in every language, with an _index file there or not.
func TestNestedSectionLinks(t *testing.T) {
	m := sitetest.FS(t, sitetest.Config+`
-- content/news/archive/_index.en.md --
---
title: Archive
---
[All news](../) and [nothing](nope/).
-- content/news/archive/old/index.zh.md --
---
title: 旧
date: 2024-05-01
---
见[旧闻](../_index.md)和[列表](/news/archive/)。
-- content/news/archive/old/index.ru.md --
---
title: Старая
---
-- content/news/archive/old/index.en.md --
---
title: Old
---
`)
	r, err := check.Run(context.Background(), check.Options{FS: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/news/archive/_index.en.md:4:21: error: link to nope/: nothing is published at /en/news/archive/nope/
`
	var got strings.Builder
	for _, d := range r.Diagnostics {
		got.WriteString(check.Text(d) + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
}

package check_test

import (
	"context"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// basePathSite links its pages in every way a body may: site paths with
// and without the language or the base path, content files, a static
// image, and two links to nothing. Its footer, overridden, links /zh/
// without the base path.
const basePathSite = sitetest.Config + `
-- static/img/logo.png --
png
-- layouts/partials/footer.html --
<footer><a href="/zh/">home, without the base path</a></footer>
-- content/news/a/index.zh.md --
---
title: 甲
date: 2024-05-01
---
[1](/zh/news/b/) [2](/news/b/) [3](/press/zh/news/b/) [4](../b/index.md) ![5](/img/logo.png)
[6](/press/zh/news/none/) [7](/zh/none/)
-- content/news/b/index.zh.md --
---
title: 乙
date: 2024-05-02
---
-- content/news/a/index.ru.md --
---
title: А
---
-- content/news/b/index.ru.md --
---
title: Б
---
-- content/news/a/index.en.md --
---
title: A
---
-- content/news/b/index.en.md --
---
title: B
---
`

// gen check --baseURL with a path resolves a body's links as the build
// writes them, under the base path, and finds the theme's links that
// leave it.
func TestLinksUnderABasePath(t *testing.T) {
	r, err := check.Run(context.Background(), check.Options{FS: sitetest.FS(t, basePathSite), Now: now, BaseURL: "https://example.org/press/"})
	if err != nil {
		t.Fatal(err)
	}
	want := `error: link /zh/ leads outside the site, which baseURL puts under /press/ (in 24 built files, the first en/404.html, line 51)
content/news/a/index.zh.md:6:1: error: link to /press/zh/news/none/: nothing is published at /zh/news/none/
content/news/a/index.zh.md:6:27: error: link to /zh/none/: nothing is published at /zh/none/
`
	var got strings.Builder
	for _, d := range r.Diagnostics {
		got.WriteString(check.Text(d) + "\n")
	}
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
}

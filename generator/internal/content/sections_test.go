package content_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

func TestNestedSectionFiles(t *testing.T) {
	files := byPath(load(t, `
-- content/_index.md --
---
title: 首页
---
-- content/about.md --
---
title: 关于
date: 2024-05-01
---
-- content/team/index.md --
---
title: 团队
date: 2024-05-01
---
-- content/news/_index.md --
---
title: 新闻
---
-- content/news/a.md --
---
title: 甲
date: 2024-05-01
---
-- content/news/x/index.md --
---
title: 叉
date: 2024-05-01
---
-- content/news/archive/_index.en.md --
---
title: Archive
---
-- content/news/archive/2022/old/index.md --
---
title: 旧
date: 2022-05-01
---
`))
	for p, want := range map[string]struct{ key, section, dir string }{
		"content/_index.md":                      {"", "", ""},
		"content/about.md":                       {"about", "", ""},
		"content/team/index.md":                  {"team", "", ""},
		"content/news/_index.md":                 {"news", "news", "news"},
		"content/news/a.md":                      {"news/a", "news", "news"},
		"content/news/x/index.md":                {"news/x", "news", "news"},
		"content/news/archive/_index.en.md":      {"news/archive", "news", "news/archive"},
		"content/news/archive/2022/old/index.md": {"news/archive/2022/old", "news", "news/archive/2022"},
	} {
		f := files[p]
		if f == nil {
			t.Errorf("%s not loaded", p)
			continue
		}
		if f.Key != want.key || f.Section != want.section || f.Dir() != want.dir {
			t.Errorf("%s: key %q section %q dir %q, want %q %q %q", p, f.Key, f.Section, f.Dir(), want.key, want.section, want.dir)
		}
	}
}

// An _index file in a page bundle's folder, or below it, is an error and
// left out; the bundle itself, with its resources, is kept.
func TestSectionInABundle(t *testing.T) {
	files, err := content.Load(sitetest.FS(t, `
-- content/news/x/index.md --
---
title: 叉
date: 2024-05-01
---
-- content/news/x/_index.md --
---
title: 叉们
---
-- content/news/x/photos/_index.ru.md --
---
title: Фото
---
-- content/news/x/photos/a.jpg --
jpeg
`), opts)
	want := "content/news/x/_index.md: content/news/x is a page bundle (it has index.md), so it cannot also be a section: remove this file, or move the page into a folder of its own\n" +
		"content/news/x/photos/_index.ru.md: a section cannot lie inside the page bundle content/news/x: move the folder out of the bundle, or remove this file"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	if len(files) != 1 || files[0].Path != "content/news/x/index.md" || strings.Join(files[0].Resources, " ") != "photos/a.jpg" {
		t.Errorf("files: %+v", files)
	}
}

package build_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// incrementalSite is a news site of 24 releases (three list pages per
// language at pageSize 10), a tag on every release and an About page.
func incrementalSite(t *testing.T) fstest.MapFS {
	t.Helper()
	var b strings.Builder
	b.WriteString(strings.Replace(sitetest.Config, "pageSize: 2", "pageSize: 10", 1))
	for _, lang := range []string{"zh", "ru", "en"} {
		fmt.Fprintf(&b, "-- content/news/_index.%s.md --\n---\ntitle: News %s\n---\n", lang, lang)
		fmt.Fprintf(&b, "-- content/about.%s.md --\n---\ntitle: About %s\ndate: 2024-01-01\n---\nWho we are.\n", lang, lang)
	}
	for i := range 24 {
		tag := []string{"trade", "expo", "energy"}[i%3]
		fmt.Fprintf(&b, "-- content/news/r%02d/index.zh.md --\n---\ntitle: 发布 %d\ndate: 2024-03-%02d\ntags: [%s]\n---\n正文 %d。\n", i, i, i+1, tag, i)
		fmt.Fprintf(&b, "-- content/news/r%02d/index.ru.md --\n---\ntitle: Релиз %d\n---\nТекст %d.\n", i, i, i)
		if i%4 != 0 {
			fmt.Fprintf(&b, "-- content/news/r%02d/index.en.md --\n---\ntitle: Release %d\n---\nText %d.\n", i, i, i)
		}
	}
	return sitetest.New(t, b.String()).FS
}

func run(t *testing.T, fsys fstest.MapFS, prev *build.Result, changed []string, cache *build.Cache) *build.Result {
	t.Helper()
	res, err := build.Run(context.Background(), build.Options{FS: fsys, Now: sitetest.Now, Previous: prev, Changed: changed, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func notHTML(p string) bool { return !strings.HasSuffix(p, ".html") }

// diff lists the paths whose output differs between two results.
func diff(a, b []render.File) []string {
	ma := map[string]render.File{}
	for _, f := range a {
		ma[f.Path] = f
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range b {
		seen[f.Path] = true
		g, ok := ma[f.Path]
		if !ok || g.Src != f.Src || !bytes.Equal(g.Bytes, f.Bytes) {
			out = append(out, f.Path)
		}
	}
	for p := range ma {
		if !seen[p] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// After each kind of edit to a release, the incremental run renders a few
// pages and they equal a full run's, lists, tag pages and translations'
// switchers included; Complete then gives exactly a full run's output,
// feeds, sitemap and calendars included.
func TestIncrementalRunEqualsFullRun(t *testing.T) {
	edits := []incrementalEdit{
		{"body after the summary", "content/news/r06/index.en.md", "---\ntitle: Release 6\n---\nText 6.\n\nA second paragraph.\n", true, 1},
		{"body of the default language", "content/news/r06/index.zh.md", "---\ntitle: 发布 6\ndate: 2024-03-07\ntags: [trade]\n---\n正文 6。\n\n第二段。\n", true, 3},
		{"body", "content/news/r05/index.zh.md", "---\ntitle: 发布 5\ndate: 2024-03-06\ntags: [energy]\n---\n新的正文。\n", true, 0},
		{"title shown in lists", "content/news/r05/index.ru.md", "---\ntitle: Новое название\n---\nТекст.\n", true, 0},
		{"date moves it across pages", "content/news/r20/index.zh.md", "---\ntitle: 发布 20\ndate: 2024-02-01\ntags: [expo]\n---\n正文。\n", true, 0},
		{"new tag", "content/news/r07/index.zh.md", "---\ntitle: 发布 7\ndate: 2024-03-08\ntags: [expo, culture]\n---\n正文。\n", true, 0},
		{"new translation", "content/news/r04/index.en.md", "---\ntitle: Release 4\n---\nNow in English.\n", true, 0},
		{"removed translation", "content/news/r09/index.en.md", "", true, 0},
		{"new release in a new directory", "content/news/2025/new-release/index.zh.md", "---\ntitle: 新发布\ndate: 2024-05-30\ntags: [youth]\n---\n新。\n", true, 0},
		{"bundle resource", "content/news/r03/photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", true, 0},
		{"strings", "i18n/en.yaml", "latestReleases: Newest releases\n", false, 0},
		{"body, among many paths", "content/news/r08/index.zh.md", "---\ntitle: 发布 8\ndate: 2024-03-09\ntags: [energy]\n---\n正文 8。\n\n又一段。\n", true, 3},
	}
	for _, c := range []struct {
		name  string
		cache *build.Cache
	}{{"cache", build.NewCache()}, {"trusting cache", build.NewTrustingCache()}} {
		t.Run(c.name, func(t *testing.T) {
			testIncrementalEdits(t, edits, c.cache)
		})
	}
}

// incrementalEdit is one edit of incrementalSite.
type incrementalEdit struct {
	name   string
	path   string
	text   string // "" removes the file
	reused bool   // the run carries pages over (an edit inside content/)
	most   int    // if set, at most this many pages are rendered
}

// testIncrementalEdits makes the edits one after the other, telling the
// cache what changed, and compares each incremental run with a full one.
func testIncrementalEdits(t *testing.T, edits []incrementalEdit, cache *build.Cache) {
	fsys := incrementalSite(t)
	prev := run(t, fsys, nil, nil, cache)
	pages := len(prev.Site.Pages)
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			if e.text == "" {
				delete(fsys, e.path)
			} else {
				fsys[e.path] = &fstest.MapFile{Data: []byte(e.text), Mode: 0o644}
			}
			changed := []string{e.path}
			if strings.Contains(e.name, "many paths") {
				// More than a handful of paths are looked up another way.
				for i := range 40 {
					changed = append(changed, fmt.Sprintf("content/news/gone-%02d/index.md", i))
				}
			}
			cache.Invalidate(changed)
			inc := run(t, fsys, prev, changed, cache)
			full := run(t, fsys, nil, nil, nil)
			if d := slices.DeleteFunc(diff(full.Files, inc.Files), notHTML); len(d) > 0 {
				t.Errorf("incremental pages differ from a full run in %q", d)
			}
			if e.most > 0 && inc.Rendered > e.most {
				t.Errorf("rendered %d pages, want at most %d", inc.Rendered, e.most)
			}
			if e.reused {
				if inc.Stale == 0 || inc.Rendered > pages/3 {
					t.Errorf("rendered %d pages and carried %d over; want most carried over", inc.Rendered, inc.Stale)
				}
			} else if inc.Stale != 0 {
				t.Errorf("a change to %s carried %d pages over; want all rendered", e.path, inc.Stale)
			}
			done, err := inc.Complete(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(full.Files, done.Files); len(d) > 0 {
				t.Errorf("completed output differs from a full run in %q", d)
			}
			prev = inc
		})
	}
}

// A change that only a layout reading the whole site shows (the footer
// links the About page from every page) is right after Complete.
func TestCompleteCatchesSiteWideChanges(t *testing.T) {
	fsys := incrementalSite(t)
	prev := run(t, fsys, nil, nil, nil)
	fsys["content/about.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Who we are\ndate: 2024-01-01\n---\nUs.\n")}
	inc := run(t, fsys, prev, []string{"content/about.en.md"}, nil)
	done, err := inc.Complete(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	full := run(t, fsys, nil, nil, nil)
	if d := diff(full.Files, done.Files); len(d) > 0 {
		t.Fatalf("completed output differs from a full run in %q", d)
	}
	if again, _ := done.Complete(context.Background()); again != done {
		t.Error("Complete of a complete result rendered again")
	}
}

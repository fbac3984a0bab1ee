package content_test

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
)

func TestCacheGivesWhatLoadGives(t *testing.T) {
	fsys := fstest.MapFS{
		"content/news/x/index.zh.md": {Data: []byte("---\ntitle: 发布\ndate: 2024-05-17\ntags: [trade]\nevent:\n  name: 博览会\n  start: 2024-05-17\n  city: 哈尔滨\nimage: {src: a.jpg, alt: 图}\n---\n正文。\n")},
		"content/news/x/index.ru.md": {Data: []byte("---\ntitle: Релиз\nevent:\n  city: Харбин\nimage: {alt: Фото}\n---\nТекст.\n")},
		"content/news/x/a.jpg":       {Data: []byte("jpg")},
		"content/bad.en.md":          {Data: []byte("---\ntitle: [\n---\n")},
	}
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: time.UTC}
	want, wantErr := content.Load(fsys, opts)
	opts.Cache = content.NewCache()
	for i := range 3 {
		got, err := content.Load(fsys, opts)
		if !reflect.DeepEqual(got, want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("load %d with the cache differs from one without", i)
		}
	}
	// What a translation inherited does not stay behind in the cache when
	// the source changes.
	fsys["content/news/x/index.zh.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 发布\ndate: 2024-05-18\ntags: [energy]\n---\n正文。\n")}
	got, _ := content.Load(fsys, opts)
	opts.Cache = nil
	fresh, _ := content.Load(fsys, opts)
	if !reflect.DeepEqual(got, fresh) {
		t.Fatal("after the source changed, the cached load differs from a fresh one")
	}
	for _, f := range got {
		if f.Lang == "ru" && (f.Front.Tags[0] != "energy" || f.Front.Event == nil || !f.Front.Event.Start.IsZero()) {
			t.Errorf("ru keeps what it inherited before: tags %v, event %+v", f.Front.Tags, f.Front.Event)
		}
	}
}

// countingFS counts the Markdown files read through it, and the
// directories listed ("dir/"); Load reads on several goroutines.
type countingFS struct {
	fstest.MapFS
	mu    sync.Mutex
	reads map[string]int
}

func (c *countingFS) count(name string) {
	if strings.HasSuffix(name, ".md") {
		c.mu.Lock()
		c.reads[name]++
		c.mu.Unlock()
	}
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.count(name)
	return c.MapFS.Open(name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.count(name)
	return c.MapFS.ReadFile(name)
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	c.reads[name+"/"]++
	c.mu.Unlock()
	return c.MapFS.ReadDir(name)
}

// A trusting cache lists the content directory again only after a change
// that can add or remove a file: a path it does not hold, a directory, or
// a Markdown file that is gone.
func TestTrustingCacheListsOnlyAfterFilesCameOrWent(t *testing.T) {
	fsys := &countingFS{MapFS: fstest.MapFS{
		"content/news/a/index.md": {Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\nA.\n")},
		"content/news/b/index.md": {Data: []byte("---\ntitle: B\ndate: 2024-01-02\n---\nB.\n")},
	}, reads: map[string]int{}}
	opts := content.Options{Languages: []string{"zh"}, Cache: content.NewTrustingCache()}
	load := func(wantListed bool) {
		t.Helper()
		clear(fsys.reads)
		got, err := content.Load(fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		if listed := fsys.reads["content/"] > 0; listed != wantListed {
			t.Fatalf("listed the content directory: %v, want %v", listed, wantListed)
		}
		o := opts
		o.Cache = nil
		if want, _ := content.Load(fsys.MapFS, o); !reflect.DeepEqual(got, want) {
			t.Fatal("the load differs from one without a cache")
		}
	}
	load(true)
	load(false)
	opts.Cache.Invalidate([]string{"static/css/main.css", "site.yaml"})
	load(false)
	fsys.MapFS["content/news/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A2\ndate: 2024-01-01\n---\nA.\n")}
	opts.Cache.Invalidate([]string{"content/news/a/index.md"})
	load(false)
	fsys.MapFS["content/news/a/photo.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	opts.Cache.Invalidate([]string{"content/news/a/photo.jpg"})
	load(true)
	delete(fsys.MapFS, "content/news/b/index.md")
	opts.Cache.Invalidate([]string{"content/news/b/index.md"})
	load(true)
	fsys.MapFS["content/news/c/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\ndate: 2024-01-03\n---\nC.\n")}
	opts.Cache.Invalidate([]string{"content/news/c"})
	load(true)
	load(false)
	opts.Cache.InvalidateAll()
	load(true)
}

// A trusting cache reads a file again only once Invalidate names it (or a
// directory above it), and then gives what a load without a cache gives.
func TestTrustingCacheReadsOnlyWhatWasInvalidated(t *testing.T) {
	const zh, ru, about = "content/news/x/index.zh.md", "content/news/x/index.ru.md", "content/about.zh.md"
	fsys := &countingFS{MapFS: fstest.MapFS{
		zh:    {Data: []byte("---\ntitle: 发布\ndate: 2024-05-17\ntags: [trade]\n---\n正文。\n")},
		ru:    {Data: []byte("---\ntitle: Релиз\n---\nТекст.\n")},
		about: {Data: []byte("---\ntitle: 关于\ndate: 2024-01-01\n---\n我们。\n")},
	}, reads: map[string]int{}}
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: time.UTC, Cache: content.NewTrustingCache()}
	load := func(wantRead ...string) []*content.File {
		t.Helper()
		clear(fsys.reads)
		got, err := content.Load(fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		var read []string
		for p := range fsys.reads {
			if strings.HasSuffix(p, ".md") {
				read = append(read, p)
			}
		}
		slices.Sort(read)
		slices.Sort(wantRead)
		if !slices.Equal(read, wantRead) {
			t.Fatalf("read %q, want %q", read, wantRead)
		}
		return got
	}
	fresh := func() []*content.File {
		t.Helper()
		o := opts
		o.Cache = nil
		files, err := content.Load(fsys.MapFS, o)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	load(zh, ru, about)
	load()

	// Not reported: not seen.
	fsys.MapFS[zh] = &fstest.MapFile{Data: []byte("---\ntitle: 发布\ndate: 2024-05-18\ntags: [energy]\n---\n新正文。\n")}
	if got := load(); string(got[2].Body) != "正文。\n" {
		t.Fatalf("an unreported change was read: %q", got[2].Body)
	}
	opts.Cache.Invalidate([]string{zh})
	if got := load(zh); !reflect.DeepEqual(got, fresh()) {
		t.Fatal("after Invalidate, the load differs from one without a cache")
	}
	// The translation inherits the new tags although it was not read.
	if got := load(); !reflect.DeepEqual(got, fresh()) || got[1].Front.Tags[0] != "energy" {
		t.Fatal("a load after that differs from one without a cache")
	}

	// A directory stands for everything under it; a removed file goes.
	delete(fsys.MapFS, ru)
	opts.Cache.Invalidate([]string{"content/news"})
	if got := load(zh); !reflect.DeepEqual(got, fresh()) || len(got) != 2 {
		t.Fatalf("after invalidating the directory: %d files, want 2, as without a cache", len(got))
	}
	opts.Cache.InvalidateAll()
	load(zh, about)
}

// A cache that is not trusting reads every file every time.
func TestCacheReadsEveryFile(t *testing.T) {
	fsys := &countingFS{MapFS: fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\n")},
	}, reads: map[string]int{}}
	opts := content.Options{Languages: []string{"zh"}, Cache: content.NewCache()}
	for range 2 {
		clear(fsys.reads)
		if _, err := content.Load(fsys, opts); err != nil {
			t.Fatal(err)
		}
		if fsys.reads["content/a.md"] != 1 {
			t.Fatalf("read %d times, want 1", fsys.reads["content/a.md"])
		}
	}
}

// A trusting cache hands out the same Files again for the translation
// groups in which nothing changed, and new ones, inheritance done, for the
// others: a changed file, a new resource in its bundle, a file that moved
// to another group. Every load equals one without a cache.
func TestTrustingCacheHandsOutUnchangedGroupsAgain(t *testing.T) {
	fsys := fstest.MapFS{
		"content/news/a/index.zh.md": {Data: []byte("---\ntitle: 甲\ndate: 2024-05-17\ntags: [trade]\n---\n甲。\n")},
		"content/news/a/index.ru.md": {Data: []byte("---\ntitle: А\n---\nА.\n")},
		"content/news/b/index.zh.md": {Data: []byte("---\ntitle: 乙\ndate: 2024-05-18\n---\n乙。\n")},
		"content/news/b/index.ru.md": {Data: []byte("---\ntitle: Б\n---\nБ.\n")},
		"content/news/c/index.zh.md": {Data: []byte("---\ntitle: 丙\ndate: 2024-05-19\n---\n丙。\n")},
		"content/news/c/index.en.md": {Data: []byte("---\ntitle: C\n---\nC.\n")},
	}
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh", Location: time.UTC, Cache: content.NewTrustingCache()}
	byPath := func(files []*content.File) map[string]*content.File {
		m := map[string]*content.File{}
		for _, f := range files {
			m[f.Path] = f
		}
		return m
	}
	var prev map[string]*content.File
	// load loads with the cache, checks the result against a load without
	// one, and that exactly the files under the prefixes are new objects.
	load := func(newUnder ...string) {
		t.Helper()
		got, err := content.Load(fsys, opts)
		o := opts
		o.Cache = nil
		want, wantErr := content.Load(fsys, o)
		if !reflect.DeepEqual(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("the load differs from one without a cache:\n%v\n%v", err, wantErr)
		}
		cur := byPath(got)
		for p, f := range cur {
			isNew := prev[p] != f
			wantNew := prev == nil || slices.ContainsFunc(newUnder, func(d string) bool { return strings.HasPrefix(p, d) })
			if isNew != wantNew {
				t.Errorf("%s: handed out anew %v, want %v", p, isNew, wantNew)
			}
		}
		prev = cur
	}
	load()
	load()
	// The source of a group changes: its translation inherits anew.
	fsys["content/news/a/index.zh.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 甲\ndate: 2024-05-17\ntags: [energy]\n---\n甲。\n")}
	opts.Cache.Invalidate([]string{"content/news/a/index.zh.md"})
	load("content/news/a/")
	if prev["content/news/a/index.ru.md"].Front.Tags[0] != "energy" {
		t.Fatal("the translation did not inherit the new tags")
	}
	// A new resource in a bundle.
	fsys["content/news/b/photo.jpg"] = &fstest.MapFile{Data: []byte("jpg")}
	opts.Cache.Invalidate([]string{"content/news/b/photo.jpg"})
	load("content/news/b/")
	// A file moves to another group; its old group loses it.
	fsys["content/news/c/index.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\ntranslationKey: news/b\n---\nC.\n")}
	opts.Cache.Invalidate([]string{"content/news/c/index.en.md"})
	load("content/news/b/", "content/news/c/")
	// A file goes.
	delete(fsys, "content/news/b/index.ru.md")
	opts.Cache.Invalidate([]string{"content/news/b/index.ru.md"})
	load("content/news/b/", "content/news/c/index.en.md")
	// A broken file keeps failing the same way, and its group is handed
	// out again.
	fsys["content/news/a/index.ru.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [\n---\n")}
	opts.Cache.Invalidate([]string{"content/news/a/index.ru.md"})
	load("content/news/a/")
	load()
}

package content_test

import (
	"reflect"
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

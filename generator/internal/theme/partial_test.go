package theme

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/locale"
)

type item struct{ Name string }

func loadTest(t *testing.T, files map[string]string) *Theme {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("baseURL: https://example.org/\nlanguages:\n  - {code: en, name: English, locale: en, title: News}\n  - {code: ru, name: Русский, locale: ru, title: Новости}\n")}}
	for name, text := range files {
		fsys["themes/default/layouts/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return loadFS(t, fsys)
}

// loadFS loads the theme of a whole site: site.yaml, i18n/ and
// themes/default/.
func loadFS(t *testing.T, fsys fstest.MapFS) *Theme {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	locales, err := locale.Load(fsys, []string{"themes/default/i18n", "i18n"}, cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	th, err := Load(fsys, Dirs(cfg), cfg, locales)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func render(t *testing.T, th *Theme, layout, lang string, data any) string {
	t.Helper()
	out, err := th.Render([]string{layout}, lang, data)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// partialCached renders a partial once per language, context and variants
// and then repeats that output until ForgetPartials; a layout that
// redefines the partial has its own.
func TestPartialCached(t *testing.T) {
	th := loadTest(t, map[string]string{
		"partials/item.html": `<b>{{ .Name }}</b>`,
		"list.html":          `{{ range . }}{{ partialCached "partials/item.html" . }}{{ end }}`,
		"own.html":           `{{ define "partials/item.html" }}<i>{{ .Name }}</i>{{ end }}{{ range . }}{{ partialCached "partials/item.html" . }}{{ end }}`,
		"variant.html":       `{{ range . }}{{ partialCached "partials/item.html" . "a" 1 }}{{ end }}`,
	})
	a, b := &item{"a&b"}, &item{"B"}
	if got := render(t, th, "list.html", "en", []*item{a, b, a}); got != "<b>a&amp;b</b><b>B</b><b>a&amp;b</b>" {
		t.Fatalf("first render: %s", got)
	}
	a.Name = "changed"
	if got := render(t, th, "list.html", "en", []*item{a}); got != "<b>a&amp;b</b>" {
		t.Errorf("a cached partial was rendered again: %s", got)
	}
	if got := render(t, th, "list.html", "ru", []*item{a}); got != "<b>changed</b>" {
		t.Errorf("another language shares the cache: %s", got)
	}
	if got := render(t, th, "own.html", "en", []*item{a}); got != "<i>changed</i>" {
		t.Errorf("a layout that redefines the partial got the shared one: %s", got)
	}
	if got := render(t, th, "variant.html", "en", []*item{a}); got != "<b>changed</b>" {
		t.Errorf("variants do not key the cache: %s", got)
	}
	th.ForgetPartials()
	if got := render(t, th, "list.html", "en", []*item{a}); got != "<b>changed</b>" {
		t.Errorf("after ForgetPartials: %s", got)
	}
}

func TestPartialCachedRefusesWhatCannotKeyIt(t *testing.T) {
	th := loadTest(t, map[string]string{
		"partials/item.html": `{{ . }}`,
		"map.html":           `{{ partialCached "partials/item.html" . }}`,
		"many.html":          `{{ partialCached "partials/item.html" 1 2 3 4 5 }}`,
		"none.html":          `{{ partialCached "partials/nothing.html" 1 }}`,
	})
	for layout, want := range map[string]string{
		"map.html":  "a map[string]int cannot key a cache",
		"many.html": "at most 3 variants",
		"none.html": `no template "partials/nothing.html"`,
	} {
		_, err := th.Render([]string{layout}, "en", map[string]int{"x": 1})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", layout, err, want)
		}
	}
}

// partialCachedEach is partialCached for each element of a list, as one
// piece of HTML, sharing partialCached's store.
func TestPartialCachedEach(t *testing.T) {
	th := loadTest(t, map[string]string{
		"partials/item.html": `<b>{{ .Name }}</b>`,
		"each.html":          `{{ partialCachedEach "partials/item.html" . }}`,
		"range.html":         `{{ range . }}{{ partialCached "partials/item.html" . }}{{ end }}`,
		"variant.html":       `{{ partialCachedEach "partials/item.html" . "a" }}|{{ range . }}{{ partialCached "partials/item.html" . "a" }}{{ end }}`,
		"nil.html":           `[{{ partialCachedEach "partials/item.html" .Missing }}]`,
		"notalist.html":      `{{ partialCachedEach "partials/item.html" "x" }}`,
	})
	a, b := &item{"a&b"}, &item{"B"}
	if got := render(t, th, "each.html", "en", []*item{a, b, a}); got != "<b>a&amp;b</b><b>B</b><b>a&amp;b</b>" {
		t.Fatalf("first render: %s", got)
	}
	b.Name = "changed"
	if got := render(t, th, "range.html", "en", []*item{b}); got != "<b>B</b>" {
		t.Errorf("partialCached does not share partialCachedEach's store: %s", got)
	}
	if got := render(t, th, "variant.html", "en", []*item{b}); got != "<b>changed</b>|<b>changed</b>" {
		t.Errorf("with a variant: %s", got)
	}
	if got := render(t, th, "each.html", "en", []*item{}); got != "" {
		t.Errorf("an empty list: %q", got)
	}
	if got := render(t, th, "nil.html", "en", map[string]any{}); got != "[]" {
		t.Errorf("no list: %q", got)
	}
	if _, err := th.Render([]string{"notalist.html"}, "en", nil); err == nil || !strings.Contains(err.Error(), "a string is not a list") {
		t.Errorf("a string as the list: error %v", err)
	}
}

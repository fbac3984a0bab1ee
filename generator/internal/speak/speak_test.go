package speak_test

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
	"github.com/eventnews/gen/generator/internal/speak"
	"gopkg.in/yaml.v3"
)

// bundle reads a message file as ID → plural form → text ("other" for a
// message without forms).
func bundle(t *testing.T, lang string) map[string]map[string]string {
	t.Helper()
	data, err := os.ReadFile(lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s.yaml: %v", lang, err)
	}
	out := map[string]map[string]string{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			out[id] = map[string]string{"other": v}
		case map[string]any:
			forms := map[string]string{}
			for f, s := range v {
				text, ok := s.(string)
				if !ok {
					t.Errorf("%s.yaml: %s.%s is not text", lang, id, f)
				}
				forms[f] = text
			}
			out[id] = forms
		default:
			t.Errorf("%s.yaml: %s is neither text nor plural forms", lang, id)
		}
	}
	return out
}

var argRE = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// args returns the names of the arguments a template uses.
func args(text string) []string {
	var out []string
	for _, m := range argRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// forms are the plural forms each language must give a counted message
// (one with the argument Count): CLDR's categories for whole numbers and
// fractions.
var forms = map[string][]string{
	"en": {"one", "other"},
	"ru": {"few", "many", "one", "other"},
	"zh": {"other"},
}

// Every message declared in Go is in all three bundles, with the same
// arguments, the English bundle says what the Go source says, and a
// counted message has every plural form of its language.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	decl := declared(t)
	if len(decl) < 90 {
		t.Fatalf("only %d messages found in the Go source", len(decl))
	}
	for _, lang := range speak.Langs() {
		b := bundle(t, lang)
		for _, id := range slices.Sorted(maps.Keys(decl)) {
			text := decl[id]
			got, ok := b[id]
			if !ok {
				t.Errorf("%s.yaml lacks %s (%q)", lang, id, text)
				continue
			}
			want := args(text)
			var used []string
			for form, s := range got {
				a := args(s)
				for _, name := range a {
					if !slices.Contains(want, name) {
						t.Errorf("%s.yaml: %s (%s) uses {{.%s}}, which the message does not have (it has %v)", lang, id, form, name, want)
					}
				}
				used = append(used, a...)
			}
			slices.Sort(used)
			if used = slices.Compact(used); !slices.Equal(used, want) {
				t.Errorf("%s.yaml: %s uses the arguments %v, the message has %v", lang, id, used, want)
			}
			wantForms := []string{"other"}
			if slices.Contains(want, "Count") {
				wantForms = forms[lang]
			}
			if f := slices.Sorted(maps.Keys(got)); !slices.Equal(f, wantForms) {
				t.Errorf("%s.yaml: %s has the forms %v, want %v", lang, id, f, wantForms)
			}
			if lang == "en" && got["other"] != text {
				t.Errorf("en.yaml: %s is %q, but the Go source says %q", id, got["other"], text)
			}
		}
		for id := range b {
			if _, ok := decl[id]; !ok {
				t.Errorf("%s.yaml: %s is declared nowhere in the Go source", lang, id)
			}
		}
	}
}

var msgErrors = diag.Message{ID: "count.errors", Text: "{{.Count}} errors"}

func TestRussianPlurals(t *testing.T) {
	ru := speak.New("ru")
	for n, want := range map[int]string{1: "1 ошибка", 3: "3 ошибки", 5: "5 ошибок", 21: "21 ошибка", 11: "11 ошибок", 22: "22 ошибки", 0: "0 ошибок"} {
		if got := ru.Say(msgErrors, "Count", n); got != want {
			t.Errorf("ru, %d: %q, want %q", n, got, want)
		}
	}
	en := speak.New("en")
	for n, want := range map[int]string{1: "1 error", 3: "3 errors"} {
		if got := en.Say(msgErrors, "Count", n); got != want {
			t.Errorf("en, %d: %q, want %q", n, got, want)
		}
	}
	if got := speak.New("zh").Say(msgErrors, "Count", 1); got != "1 个错误" {
		t.Errorf("zh, 1: %q", got)
	}
}

func TestChoose(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "en"},
		{"ru", map[string]string{"LANG": "zh_CN.UTF-8"}, "ru"},
		{"ZH", nil, "zh"},
		{"", map[string]string{"LANG": "ru_RU.UTF-8"}, "ru"},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{"", map[string]string{"LANG": "zh_TW"}, "zh"},
		{"", map[string]string{"LANG": "C"}, "en"},
		{"", map[string]string{"LANG": "POSIX"}, "en"},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"},
		{"", map[string]string{"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"},
		{"", map[string]string{"LC_ALL": "ru_UA.KOI8-U@euro"}, "ru"},
	} {
		got, err := speak.Choose(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("Choose(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := speak.Choose("fr", func(string) string { return "" }); err == nil || err.Error() != "--lang fr: gen speaks en, ru and zh" {
		t.Errorf("Choose(fr): %v", err)
	}
	// Refused, --lang is said in the locale's language.
	lang, err := speak.Choose("fr", func(k string) string { return map[string]string{"LANG": "ru_RU.UTF-8"}[k] })
	if got := speak.New(lang).Error(err); lang != "ru" || got != "--lang fr: gen говорит на языках en, ru и zh" {
		t.Errorf("Choose(fr) with LANG=ru_RU.UTF-8: %s, %q", lang, got)
	}
}

// A message ID no bundle has is said in its English text; a list is
// joined in the language's words; a diagnostic keeps its place.
func TestFallbackListsAndPlaces(t *testing.T) {
	unknown := diag.Message{ID: "test.unknown", Text: "no {{.File}} here"}
	if got := speak.New("ru").Say(unknown, "File", "a.md"); got != "no a.md here" {
		t.Errorf("fallback: %q", got)
	}
	tag := diag.Message{ID: "tag.no-label", Text: `tag "{{.Tag}}" has no label in {{.Langs}}, so those pages show "{{.Tag}}": add tag.{{.Tag}} to {{.Files}}`}
	d := tag.Warn("content/news/x/index.zh.md", 4, 7, "Tag", "expo", "Langs", []string{"ru", "en"}, "Files", []string{"i18n/ru.yaml", "i18n/en.yaml"})
	want := map[string]string{
		"en": `content/news/x/index.zh.md:4:7: warning: tag "expo" has no label in ru and en, so those pages show "expo": add tag.expo to i18n/ru.yaml and i18n/en.yaml`,
		"ru": `content/news/x/index.zh.md:4:7: предупреждение: у тега «expo» нет названия для ru и en, и там страницы покажут «expo»: добавьте tag.expo в i18n/ru.yaml и i18n/en.yaml`,
		"zh": `content/news/x/index.zh.md:4:7: 警告：标签“expo”在 ru 和 en 中没有名称，这些页面会显示“expo”：请在 i18n/ru.yaml 和 i18n/en.yaml 中添加 tag.expo`,
	}
	for lang, w := range want {
		if got := speak.New(lang).Line(d); got != w {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, w)
		}
	}
	if got := speak.New("en").Line(d); got != d.Error() {
		t.Errorf("English differs from the diagnostic's own text:\n%s\n%s", got, d.Error())
	}
}

// Five messages a press officer meets, in Russian and Chinese, as golden
// files (go test -update rewrites them).
func TestGoldenMessages(t *testing.T) {
	ds := []*diag.Diagnostic{
		diag.Message{ID: "link.missing", Text: "link to {{.Dest}}: there is no {{.File}}"}.At("content/news/expo/index.zh.md", 12, 3, "Dest", "../forum/index.md", "File", "content/news/forum/index.zh.md"),
		diag.Message{ID: "yaml.indent", Text: "line {{.Line}} starts at column {{.Col}}, but the lines of its block start at column {{.Want}}, like line {{.Like}}: move it to column {{.Want}}"}.At("content/news/expo/index.ru.md", 5, 4, "Line", 5, "Col", 4, "Want", 3, "Like", 4),
		diag.Message{ID: "event.order", Text: "event.end {{.End}} is before event.start {{.Start}}: correct one of them"}.At("content/news/expo/index.zh.md", 6, 8, "End", "2024-05-15", "Start", "2024-05-17"),
		diag.Message{ID: "image.alt", Text: "image {{.Dest}} has no description: write what it shows between the brackets, ![description]({{.Dest}}), for readers who cannot see it"}.Warn("content/news/expo/index.en.md", 9, 1, "Dest", "hall.jpg"),
		diag.Message{ID: "translation.stale", Text: "out of date: {{.Source}} changed since this was translated; update the translation, then run gen status --mark {{.Lang}} {{.Key}}"}.Warn("content/news/expo/index.ru.md", 0, 0, "Source", "content/news/expo/index.zh.md", "Lang", "ru", "Key", "news/expo"),
	}
	failed := diag.Message{ID: "build.failed", Text: "{{.Count}} errors: nothing was published; the previous site in {{.Dest}} is unchanged"}
	for _, lang := range []string{"ru", "zh"} {
		sp := speak.New(lang)
		var out []byte
		for _, d := range ds {
			out = append(out, sp.Line(d)+"\n"...)
		}
		for _, n := range []int{1, 3, 5} {
			out = append(out, sp.Say(failed, "Count", n, "Dest", "public")+"\n"...)
		}
		golden.Check(t, "messages."+lang+".txt", out)
	}
}

// A message given as an argument is said in the language too.
func TestMessageArguments(t *testing.T) {
	m := diag.Message{ID: "frontmatter.not-text", Text: "{{.Key}} must be text, not {{.Kind}}"}
	list := diag.Message{ID: "kind.list", Text: "a list"}
	d := m.At("content/a.ru.md", 2, 8, "Key", "title", "Kind", list)
	for lang, want := range map[string]string{
		"en": "content/a.ru.md:2:8: title must be text, not a list",
		"ru": "content/a.ru.md:2:8: title должно быть текстом, а здесь список",
		"zh": "content/a.ru.md:2:8: title 应为文本，而不是列表",
	} {
		if got := speak.New(lang).Line(d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if d.Error() != "content/a.ru.md:2:8: title must be text, not a list" {
		t.Errorf("English: %q", d.Error())
	}
}

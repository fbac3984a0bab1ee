package locale

import (
	"fmt"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

var langs = []config.Language{
	{Code: "zh", Name: "中文", Locale: "zh-Hans", Weight: 1},
	{Code: "ru", Name: "Русский", Locale: "ru", Weight: 2},
	{Code: "en", Name: "English", Locale: "en", Weight: 3},
}

var dirs = []string{"themes/default/i18n", "i18n"}

// load builds a Set from files given as path → content and fails on error.
func load(t *testing.T, files map[string]string) *Set {
	t.Helper()
	s, err := Load(mapFS(files), dirs, langs)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, c := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(c)}
	}
	return fsys
}

// loadErr loads files that must fail and returns the error lines.
func loadErr(t *testing.T, files map[string]string) (*Set, []string) {
	t.Helper()
	s, err := Load(mapFS(files), dirs, langs)
	if err == nil {
		t.Fatal("Load: no error")
	}
	var lines []string
	for _, d := range diag.Flatten(err) {
		lines = append(lines, d.Error())
	}
	return s, lines
}

const ruMinutes = `minutes:
  one: "{{.Count}} минута"
  few: "{{.Count}} минуты"
  many: "{{.Count}} минут"
  other: "{{.Count}} минуты"
`

func TestRussianPlurals(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": ruMinutes}).For("ru")
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, "1 минута"},
		{2, "2 минуты"},
		{5, "5 минут"},
		{11, "11 минут"},
		{21, "21 минута"},
		{22, "22 минуты"},
		{25, "25 минут"},
	} {
		if got := ru.T("minutes", tc.n); got != tc.want {
			t.Errorf("T(minutes, %d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	// Fractions are "other" in Russian.
	if got := ru.T("minutes", 1.5); got != "1.5 минуты" {
		t.Errorf("T(minutes, 1.5) = %q", got)
	}
}

func TestCountTypes(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": ruMinutes}).For("ru")
	for _, n := range []any{int64(21), int(21), int32(21), int8(21), uint(21), uint64(21), uint8(21)} {
		if got := ru.T("minutes", n); got != "21 минута" {
			t.Errorf("T(minutes, %T(21)) = %q, want %q", n, got, "21 минута")
		}
	}
	if got := ru.T("minutes", int64(5)); got != "5 минут" {
		t.Errorf("T(minutes, int64(5)) = %q", got)
	}
	// Template data: Count selects the plural too.
	if got := ru.T("minutes", map[string]any{"Count": int64(22)}); got != "22 минуты" {
		t.Errorf("T(minutes, {Count: 22}) = %q", got)
	}
	// An explicit count selects the form; a Count in the data is what shows.
	if got := ru.T("minutes", 1, map[string]any{"Count": "одна"}); got != "одна минута" {
		t.Errorf("T(minutes, 1, {Count: одна}) = %q", got)
	}
	// Unsupported args render the id.
	for _, args := range [][]any{{"5"}, {1, 2}, {struct{}{}}} {
		if got := ru.T("minutes", args...); got != "minutes" {
			t.Errorf("T(minutes, %v) = %q, want the id", args, got)
		}
	}
}

func TestChineseOtherOnly(t *testing.T) {
	s := load(t, map[string]string{"i18n/zh.yaml": `minutes: "{{.Count}} 分钟"
events:
  other: "{{.Count}} 场活动"
`})
	zh := s.For("zh")
	for _, n := range []int{0, 1, 2, 5, 21} {
		if got, want := zh.T("minutes", n), fmt.Sprintf("%d 分钟", n); got != want {
			t.Errorf("T(minutes, %d) = %q, want %q", n, got, want)
		}
		if got, want := zh.T("events", n), fmt.Sprintf("%d 场活动", n); got != want {
			t.Errorf("T(events, %d) = %q, want %q", n, got, want)
		}
	}
}

func TestEnglishOneOther(t *testing.T) {
	en := load(t, map[string]string{"i18n/en.yaml": `minutes:
  one: "{{.Count}} minute"
  other: "{{.Count}} minutes"
`}).For("en")
	for n, want := range map[int]string{0: "0 minutes", 1: "1 minute", 2: "2 minutes", 11: "11 minutes", 21: "21 minutes"} {
		if got := en.T("minutes", n); got != want {
			t.Errorf("T(minutes, %d) = %q, want %q", n, got, want)
		}
	}
}

func TestPluralForms(t *testing.T) {
	s := load(t, nil)
	for code, want := range map[string][]string{
		"ru": {"one", "few", "many", "other"},
		"zh": {"other"},
		"en": {"one", "other"},
	} {
		if got := s.For(code).PluralForms(); !slices.Equal(got, want) {
			t.Errorf("%s: PluralForms() = %q, want %q", code, got, want)
		}
	}
}

func TestMissingFormFallsBackToOther(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": `news:
  one: "{{.Count}} новость"
  other: "новостей: {{.Count}}"
onlyOne:
  one: "{{.Count}} штука"
`}).For("ru")
	if got := ru.T("news", 21); got != "21 новость" {
		t.Errorf("T(news, 21) = %q", got)
	}
	if got := ru.T("news", 5); got != "новостей: 5" {
		t.Errorf("T(news, 5) = %q, want the other form", got)
	}
	if got := ru.T("onlyOne", 5); got != "onlyOne" {
		t.Errorf("T(onlyOne, 5) = %q, want the id", got)
	}
	if got := ru.T("onlyOne", 1); got != "1 штука" {
		t.Errorf("T(onlyOne, 1) = %q", got)
	}
}

func TestPlainAndMissing(t *testing.T) {
	s := load(t, map[string]string{
		"i18n/ru.yaml": `readMore: Читать далее
greeting: "Здравствуйте, {{.Name}}"
empty: ""
share:
  description: label of the share button
  other: Поделиться
`,
	})
	ru := s.For("ru")
	for _, tc := range []struct {
		id   string
		args []any
		want string
	}{
		{"readMore", nil, "Читать далее"},
		{"greeting", []any{map[string]any{"Name": "Анна"}}, "Здравствуйте, Анна"},
		{"greeting", []any{map[string]string{"Name": "Иван"}}, "Здравствуйте, Иван"},
		{"empty", nil, ""},
		{"share", nil, "Поделиться"},
		{"nope", nil, "nope"},
	} {
		if got := ru.T(tc.id, tc.args...); got != tc.want {
			t.Errorf("T(%q, %v) = %q, want %q", tc.id, tc.args, got, tc.want)
		}
	}
	if !ru.Has("readMore") || !ru.Has("empty") || ru.Has("nope") {
		t.Error("Has is wrong")
	}
	// No fallback between languages.
	if got := s.For("en").T("readMore"); got != "readMore" {
		t.Errorf("en T(readMore) = %q, want the id", got)
	}
	if s.For("de") != nil || s.Messages("de") != nil {
		t.Error("For/Messages of an unconfigured language are not nil")
	}
	var nilLocale *Locale
	if nilLocale.T("x") != "x" || nilLocale.Has("x") || nilLocale.Tag("k") != "k" {
		t.Error("a nil *Locale does not fall back to ids")
	}
}

func TestSiteOverridesTheme(t *testing.T) {
	s := load(t, map[string]string{
		"themes/default/i18n/ru.yaml": `readMore: Подробнее
search: Поиск
minutes:
  one: "{{.Count}} мин."
  other: "{{.Count}} мин."
`,
		"i18n/ru.yaml": `readMore: Читать далее
minutes:
  one: "{{.Count}} минута"
  few: "{{.Count}} минуты"
  many: "{{.Count}} минут"
  other: "{{.Count}} минуты"
`,
		"themes/default/i18n/en.yaml": "search: Search\n",
	})
	ru := s.For("ru")
	if got := ru.T("readMore"); got != "Читать далее" {
		t.Errorf("readMore = %q, want the site's", got)
	}
	if got := ru.T("search"); got != "Поиск" {
		t.Errorf("search = %q, want the theme's", got)
	}
	// The site's message replaces the theme's as a whole.
	if got := ru.T("minutes", 5); got != "5 минут" {
		t.Errorf("minutes 5 = %q", got)
	}
	if got := s.For("en").T("search"); got != "Search" {
		t.Errorf("en search = %q (no site file for en)", got)
	}
	msgs := s.Messages("ru")
	var ids, paths []string
	for _, m := range msgs {
		ids = append(ids, m.ID)
		paths = append(paths, m.Path)
	}
	if want := []string{"minutes", "readMore", "search"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	if want := []string{"i18n/ru.yaml", "i18n/ru.yaml", "themes/default/i18n/ru.yaml"}; !slices.Equal(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
}

func TestMissingDirsAreFine(t *testing.T) {
	s, err := Load(fstest.MapFS{}, []string{"themes/none/i18n", "i18n"}, langs)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.For("ru").T("readMore"); got != "readMore" {
		t.Errorf("T = %q", got)
	}
	if got := s.Codes(); !slices.Equal(got, []string{"zh", "ru", "en"}) {
		t.Errorf("Codes = %q", got)
	}
}

func TestTag(t *testing.T) {
	s := load(t, map[string]string{
		"i18n/ru.yaml": `tag.trade: Торговля
tag.other: Другое
tag:
  expo: Выставки
  logistics:
    description: nested long form
    other: Логистика
`,
		"i18n/en.yaml": "tag.trade: Trade\n",
	})
	ru := s.For("ru")
	for key, want := range map[string]string{
		"trade":     "Торговля",  // flat dotted key
		"other":     "Другое",    // flat key whose last part is a reserved word
		"expo":      "Выставки",  // nested namespace
		"logistics": "Логистика", // nested long form
		"energy":    "energy",    // fallback to the key
	} {
		if got := ru.Tag(key); got != want {
			t.Errorf("ru Tag(%q) = %q, want %q", key, got, want)
		}
	}
	if got := s.For("en").Tag("trade"); got != "Trade" {
		t.Errorf("en Tag(trade) = %q", got)
	}
	if got := s.For("zh").Tag("trade"); got != "trade" {
		t.Errorf("zh Tag(trade) = %q", got)
	}
}

func TestReservedWordUnderNamespaceIsAMessage(t *testing.T) {
	// Documented go-i18n behaviour: a map of reserved keys is one message,
	// so this defines "tag", not "tag.other".
	ru := load(t, map[string]string{"i18n/ru.yaml": "tag:\n  other: Другое\n"}).For("ru")
	if !ru.Has("tag") || ru.Has("tag.other") {
		t.Errorf("Has(tag)=%v Has(tag.other)=%v", ru.Has("tag"), ru.Has("tag.other"))
	}
}

func TestMessagesPositions(t *testing.T) {
	s := load(t, map[string]string{"i18n/ru.yaml": `# strings
readMore: Читать далее
tag:
  trade: Торговля
minutes:
  one: "{{.Count}} минута"
  other: "{{.Count}} минуты"
`})
	got := s.Messages("ru")
	want := []Message{
		{ID: "minutes", Path: "i18n/ru.yaml", Line: 5, Col: 1, Forms: map[string]string{"one": "{{.Count}} минута", "other": "{{.Count}} минуты"}},
		{ID: "readMore", Path: "i18n/ru.yaml", Line: 2, Col: 1, Forms: map[string]string{"other": "Читать далее"}},
		{ID: "tag.trade", Path: "i18n/ru.yaml", Line: 4, Col: 3, Forms: map[string]string{"other": "Торговля"}},
	}
	if len(got) != len(want) {
		t.Fatalf("Messages = %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Path != w.Path || g.Line != w.Line || g.Col != w.Col || fmt.Sprint(g.Forms) != fmt.Sprint(w.Forms) {
			t.Errorf("Messages[%d] = %+v, want %+v", i, g, w)
		}
	}
	// The result is a copy.
	got[0].Forms["one"] = "changed"
	if s.Messages("ru")[0].Forms["one"] == "changed" {
		t.Error("Messages shares its maps")
	}
}

func TestListForm(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": `- id: readMore
  description: link to the full release
  other: Читать далее
- id: minutes
  one: "{{.Count}} минута"
  other: "{{.Count}} минуты"
`}).For("ru")
	if got := ru.T("readMore"); got != "Читать далее" {
		t.Errorf("readMore = %q", got)
	}
	if got := ru.T("minutes", 1); got != "1 минута" {
		t.Errorf("minutes 1 = %q", got)
	}
	if m := ru.Messages()[1]; m.ID != "readMore" || m.Description != "link to the full release" || m.Line != 1 || m.Col != 3 {
		t.Errorf("Messages()[1] = %+v", m)
	}
}

func TestCustomDelims(t *testing.T) {
	en := load(t, map[string]string{"i18n/en.yaml": `braces:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "{{literal}} << .Count >>"
`}).For("en")
	if got := en.T("braces", 3); got != "{{literal}} 3" {
		t.Errorf("T = %q", got)
	}
}

func TestDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		want []string
	}{
		{
			"bad yaml",
			"readMore: Читать\n  далее: x\n",
			[]string{"i18n/ru.yaml:2:3: line 2 starts at column 3, but the lines of its block start at column 1, like line 1: move it to column 1"},
		},
		{
			"bad template",
			"ok: fine\nminutes:\n  one: \"{{.Count} минута\"\n  other: \"{{.Count}} минуты\"\n",
			[]string{`i18n/ru.yaml:3:8: message "minutes", form "one": bad character U+007D '}'`},
		},
		{
			"unknown function",
			"x: \"{{upper .Name}}\"\n",
			[]string{`i18n/ru.yaml:1:4: message "x", form "other": function "upper" not defined`},
		},
		{
			"duplicate",
			"tag.trade: Торговля\ntag:\n  trade: Торговля\n",
			[]string{`i18n/ru.yaml:3:3: message "tag.trade" is defined twice (first at line 1)`},
		},
		{
			"null",
			"readMore:\nok: fine\n",
			[]string{`i18n/ru.yaml:1:1: message "readMore" has no text`},
		},
		{
			"mixed",
			"tag:\n  other: Другое\n  trade: Торговля\n",
			[]string{`i18n/ru.yaml:2:3: "tag" mixes message keys [other] with message ids [trade] (write a tag such as tag.other as a flat key)`},
		},
		{
			"list value",
			"months: [январь, февраль]\n",
			[]string{`i18n/ru.yaml:1:1: message "months": a list is not a message`},
		},
		{
			"not a map",
			"just text\n",
			[]string{`i18n/ru.yaml:1:1: expected a map from message id to text`},
		},
		{
			"description only",
			"x:\n  description: nothing else\n",
			[]string{`i18n/ru.yaml:1:1: message "x" has no text`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, got := loadErr(t, map[string]string{"i18n/ru.yaml": tc.file})
			if !slices.Equal(got, tc.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			// The rest of the file still loads; the bad message does not.
			ru := s.For("ru")
			if ru == nil {
				t.Fatal("no ru locale after a content error")
			}
			if strings.Contains(tc.file, "ok: fine") && ru.T("ok") != "fine" {
				t.Error("good message lost")
			}
			if ru.Has("minutes") {
				t.Error("bad message loaded")
			}
		})
	}
}

func TestExecutionErrorReturnsID(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": `broken: "{{.Count.Field}} штук"
nested: '{{template "x"}}'
tag.bad: "{{index .Missing 3}}"
`}).For("ru")
	if got := ru.T("broken", 5); got != "broken" {
		t.Errorf("T(broken, 5) = %q, want the id", got)
	}
	if got := ru.T("nested"); got != "nested" {
		t.Errorf("T(nested) = %q, want the id", got)
	}
	if got := ru.Tag("bad"); got != "bad" {
		t.Errorf("Tag(bad) = %q, want the key", got)
	}
}

func TestDates(t *testing.T) {
	s := load(t, nil)
	day := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	for code, want := range map[string]string{
		"ru": "17 мая 2024\u202fг.", // CLDR puts a narrow no-break space before г.
		"zh": "2024年5月17日",
		"en": "May 17, 2024",
	} {
		if got := s.For(code).DateLong(day); got != want {
			t.Errorf("%s DateLong = %q, want %q", code, got, want)
		}
	}
	// A time keeps its own calendar day: 00:30 in UTC+8 is still the 17th,
	// though it is the 16th in UTC; 23:30 in UTC-5 is the 17th, though the
	// 18th in UTC.
	for _, tm := range []time.Time{
		time.Date(2024, 5, 17, 0, 30, 0, 0, time.FixedZone("CST", 8*3600)),
		time.Date(2024, 5, 17, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)),
	} {
		if got := s.For("zh").DateLong(tm); got != "2024年5月17日" {
			t.Errorf("zh DateLong(%v) = %q", tm, got)
		}
		if got := s.For("ru").DateLong(tm); got != "17 мая 2024\u202fг." {
			t.Errorf("ru DateLong(%v) = %q", tm, got)
		}
	}
	if got := s.For("ru").Time(day); got != "10:00" {
		t.Errorf("ru Time = %q", got)
	}
	if got := s.For("en").Time(day); got != "10:00\u202fam" {
		t.Errorf("en Time = %q", got)
	}
	if got := s.For("ru").DateShort(day); got != "17.05.24" {
		t.Errorf("ru DateShort = %q", got)
	}
	if got := s.For("en").DateMedium(day); got != "May 17, 2024" {
		t.Errorf("en DateMedium = %q", got)
	}
}

func TestNumber(t *testing.T) {
	s := load(t, nil)
	for code, want := range map[string]string{
		"ru": "1\u00a0234\u00a0567,5",
		"en": "1,234,567.5",
		"zh": "1,234,567.5",
	} {
		if got := s.For(code).Number(1234567.5, 1); got != want {
			t.Errorf("%s Number = %q, want %q", code, got, want)
		}
	}
}

func TestLocaleMapping(t *testing.T) {
	s, err := Load(fstest.MapFS{}, nil, []config.Language{
		{Code: "zh", Locale: "zh-Hans-CN"},
		{Code: "ru", Locale: "ru-RU"},
		{Code: "en"}, // no Locale: falls back to the code
	})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC)
	if got := s.For("zh").DateLong(day); got != "2024年5月17日" {
		t.Errorf("zh-Hans-CN DateLong = %q", got)
	}
	if got := s.For("ru").PluralForms(); !slices.Equal(got, []string{"one", "few", "many", "other"}) {
		t.Errorf("ru-RU PluralForms = %q", got)
	}
	if got := s.For("en").DateLong(day); got != "May 17, 2024" {
		t.Errorf("en DateLong = %q", got)
	}
	if got := s.For("zh").Lang().Locale; got != "zh-Hans-CN" {
		t.Errorf("Lang().Locale = %q", got)
	}
}

func TestUnknownLocale(t *testing.T) {
	s, err := Load(fstest.MapFS{}, nil, []config.Language{{Code: "ru"}, {Code: "qq", Locale: "qq-ZZ"}})
	if err == nil || !strings.Contains(err.Error(), `language "qq"`) {
		t.Fatalf("err = %v", err)
	}
	if s.For("ru") == nil || s.For("qq") != nil {
		t.Error("good language lost or bad one kept")
	}
}

// A locale gen cannot use is an error in the reader's language.
func TestLocaleErrorsSaid(t *testing.T) {
	for _, tc := range []struct {
		lang      config.Language
		say, want string
	}{
		{config.Language{Code: "x!", Locale: "?!"}, "ru", `язык «x!»: «?!» — не название локали: напишите languages.locale в site.yaml, например «ru-RU» или «zh-Hans»`},
		{config.Language{Code: "tlh", Locale: "tlh"}, "zh", `语言“tlh”：gen 没有区域设置“tlh”的日期和数字格式（CLDR）：请在 site.yaml 的 languages.locale 中写 gen 认识的区域设置，如“ru”或“zh-Hans”`},
		{config.Language{Code: "nds"}, "ru", `язык «nds»: у gen нет правил множественного числа для локали «nds»: напишите в languages.locale в site.yaml локаль, которую gen знает, например «ru» или «zh-Hans»`},
	} {
		_, err := Load(fstest.MapFS{}, nil, []config.Language{tc.lang})
		if got := speak.New(tc.say).Error(err); got != tc.want {
			t.Errorf("%+v in %s:\n%s\nwant\n%s", tc.lang, tc.say, got, tc.want)
		}
	}
}

func TestConcurrentT(t *testing.T) {
	s := load(t, map[string]string{
		"i18n/ru.yaml": ruMinutes + "tag.trade: Торговля\ngreeting: \"Привет, {{.Name}}\"\n",
	})
	ru := s.For("ru")
	want := map[int]string{1: "1 минута", 2: "2 минуты", 5: "5 минут", 21: "21 минута"}
	day := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			for i := range 200 {
				n := []int{1, 2, 5, 21}[(g+i)%4]
				if got := ru.T("minutes", n); got != want[n] {
					t.Errorf("T(minutes, %d) = %q", n, got)
					return
				}
				if ru.Tag("trade") != "Торговля" || ru.T("greeting", map[string]any{"Name": g}) != fmt.Sprintf("Привет, %d", g) {
					t.Error("wrong text under concurrency")
					return
				}
				_ = ru.DateLong(day)
				_ = ru.PluralForms()
				_ = s.Messages("ru")
			}
		})
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	fsys := mapFS(map[string]string{"i18n/ru.yaml": ruMinutes})
	for b.Loop() {
		if _, err := Load(fsys, dirs, langs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkT(b *testing.B) {
	s, _ := Load(mapFS(map[string]string{"i18n/ru.yaml": ruMinutes}), dirs, langs)
	ru := s.For("ru")
	for b.Loop() {
		_ = ru.T("minutes", 21)
	}
}

func BenchmarkFormats(b *testing.B) {
	set, err := Load(os.DirFS("../../.."), []string{"themes/default/i18n", "i18n"}, langs)
	if err != nil {
		b.Fatal(err)
	}
	ru := set.For("ru")
	at := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			_ = ru.T("events")
		}
	})
	b.Run("data", func(b *testing.B) {
		for b.Loop() {
			_ = ru.T("pageOf", map[string]any{"Number": 2, "Total": 9})
		}
	})
	b.Run("dateTime", func(b *testing.B) {
		for b.Loop() {
			_ = ru.T("dateTime", map[string]any{"Date": "17 мая 2024\u202fг.", "Time": "10:00"})
		}
	})
	b.Run("plural", func(b *testing.B) {
		for b.Loop() {
			_ = ru.T("readingTime", 3)
		}
	})
	b.Run("dateLong", func(b *testing.B) {
		for b.Loop() {
			_ = ru.DateLong(at)
		}
	})
}

// T without arguments skips go-i18n for strings without template actions;
// it must give what go-i18n gives, for every string the theme and the
// sample site define.
func TestPlainStringsMatchGoI18n(t *testing.T) {
	set, err := Load(os.DirFS("../../.."), []string{"themes/default/i18n", "i18n"}, langs)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, lang := range langs {
		l := set.For(lang.Code)
		for id, e := range l.msgs {
			if e.empty {
				continue
			}
			want, err := l.localizer.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: map[string]any{}})
			if err != nil {
				continue // needs data: not the shortcut's
			}
			if got := l.T(id); got != want {
				t.Errorf("%s %s: T gives %q, go-i18n %q", lang.Code, id, got, want)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d strings checked", checked)
	}
}

// The messages the theme renders on most pages, through go-i18n.
func TestThemeMessages(t *testing.T) {
	set, err := Load(os.DirFS("../../.."), []string{"themes/default/i18n", "i18n"}, langs)
	if err != nil {
		t.Fatal(err)
	}
	ru := set.For("ru")
	for n, want := range map[any]string{
		1: "1 минута чтения", 2: "2 минуты чтения", 5: "5 минут чтения", 21: "21 минута чтения",
		0: "0 минут чтения", 11: "11 минут чтения", 1.5: "1.5 минуты чтения",
	} {
		if got := ru.T("readingTime", n); got != want {
			t.Errorf("ru T(readingTime, %v) = %q, want %q", n, got, want)
		}
	}
	if got := ru.T("pageOf", map[string]any{"Number": 2, "Total": 9}); got != "Страница 2 из 9" {
		t.Errorf("ru T(pageOf) = %q", got)
	}
	// The caller's data is read, not changed.
	data := map[string]any{"Number": 2, "Total": 9}
	if got := ru.T("pageOf", 5, data); got != "Страница 2 из 9" || len(data) != 2 {
		t.Errorf("ru T(pageOf, 5, data) = %q, data %v", got, data)
	}
}

// Message text is a text/template run by go-i18n: data is printed as it
// is (escaping is the caller's), a missing key prints "<no value>", and
// only a form with the message's left delimiter is a template.
func TestTemplateData(t *testing.T) {
	ru := load(t, map[string]string{"i18n/ru.yaml": `greeting: "Привет, {{ .Name }}!"
pair: "{{.Name}}{{.X}}"
braces: "a }} {{.Name}}}} b"
customLiteral:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "{{.Name}}"
customAction:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "<<.Count>>"
plural:
  one: "{{.Count}} {{.Name}} один"
  few: "{{ .Count }} несколько"
  other: "{{.Count}} другое"
`}).For("ru")
	for _, tc := range []struct {
		id   string
		args []any
		want string
	}{
		{"greeting", []any{map[string]any{"Name": "<b>&amp;"}}, "Привет, <b>&amp;!"},
		{"greeting", []any{map[string]any{"Name": 2.5}}, "Привет, 2.5!"},
		{"greeting", []any{map[string]any{"Name": nil}}, "Привет, <no value>!"},
		{"greeting", []any{map[string]any{"Other": "x"}}, "Привет, <no value>!"},
		{"greeting", nil, "Привет, <no value>!"},
		{"greeting", []any{map[string]string{"Name": "Иван"}}, "Привет, Иван!"},
		{"pair", []any{map[string]any{"Name": "a", "X": uint8(7)}}, "a7"},
		{"braces", []any{map[string]any{"Name": "n"}}, "a }} n}} b"},
		{"customLiteral", nil, "{{.Name}}"},
		{"customLiteral", []any{map[string]any{"Name": "n"}}, "{{.Name}}"},
		{"customAction", nil, "<no value>"},
		{"customAction", []any{3}, "3"},
		{"plural", []any{21, map[string]any{"Name": "n"}}, "21 n один"},
		{"plural", []any{map[string]any{"Count": "3"}}, "3 несколько"},
		{"plural", []any{map[string]string{"Count": "5"}}, "5 другое"},
		{"plural", []any{map[string]any{"Count": "abc"}}, "plural"},
	} {
		if got := ru.T(tc.id, tc.args...); got != tc.want {
			t.Errorf("T(%q, %#v) = %q, want %q", tc.id, tc.args, got, tc.want)
		}
	}
}

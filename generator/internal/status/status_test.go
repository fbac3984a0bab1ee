package status_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/status"
)

var opts = content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"}

const zhPath = "content/news/expo/index.zh.md"
const ruPath = "content/news/expo/index.ru.md"
const enPath = "content/news/expo/index.en.md"

const enSource = `---
title: "Expo opens in Harbin"
date: 2024-05-17
summary: Over 1400 companies.
tags: [expo]
event:
  name: Expo
  start: 2024-05-17
  city: Harbin
---

The eighth expo opened today.

## Figures

- 1400 companies
`

// load reads the files like the build does and returns the matrix.
func load(t *testing.T, files map[string]string) *status.Matrix {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	fs, err := content.Load(fsys, opts)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return status.Build(fs, opts.Languages, opts.Default)
}

func parse(t *testing.T, p, s string) *content.File {
	t.Helper()
	f, err := content.Parse(p, []byte(s), opts)
	if err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	return f
}

func TestRevisionIgnoresWhitespaceAndNonText(t *testing.T) {
	base := status.Revision(parse(t, enPath, enSource))
	same := map[string]string{
		"trailing spaces":      strings.Replace(enSource, "opened today.\n", "opened today.   \n", 1),
		"trailing tab":         strings.Replace(enSource, "## Figures\n", "## Figures\t\n", 1),
		"CRLF line ends":       strings.ReplaceAll(enSource, "\n", "\r\n"),
		"extra final newlines": enSource + "\n\n",
		"date changed":         strings.Replace(enSource, "date: 2024-05-17", "date: 2024-05-18 10:00", 1),
		"tags changed":         strings.Replace(enSource, "tags: [expo]", "tags: [expo, trade]", 1),
		"draft added":          strings.Replace(enSource, "tags:", "draft: true\ntags:", 1),
		"event start changed":  strings.Replace(enSource, "start: 2024-05-17", "start: 2024-05-18", 1),
		"title quoting":        strings.Replace(enSource, `title: "Expo opens in Harbin"`, `title: 'Expo opens in Harbin'`, 1),
		"translatedFrom added": strings.Replace(enSource, "tags:", "translatedFrom: \"zh@000000000000\"\ntags:", 1),
		"keys reordered":       strings.Replace(enSource, "date: 2024-05-17\nsummary: Over 1400 companies.\n", "summary: Over 1400 companies.\ndate: 2024-05-17\n", 1),
	}
	for name, src := range same {
		if got := status.Revision(parse(t, enPath, src)); got != base {
			t.Errorf("%s: revision changed from %s to %s", name, base, got)
		}
	}
	changed := map[string]string{
		"body word":     strings.Replace(enSource, "opened today", "opened yesterday", 1),
		"new paragraph": enSource + "\nMore text.\n",
		"title":         strings.Replace(enSource, "Expo opens in Harbin", "Expo opened in Harbin", 1),
		"summary":       strings.Replace(enSource, "Over 1400", "Over 1500", 1),
		"event name":    strings.Replace(enSource, "name: Expo", "name: The Expo", 1),
		"event city":    strings.Replace(enSource, "city: Harbin", "city: Harbin, China", 1),
		"leading space": strings.Replace(enSource, "- 1400", "-  1400", 1),
		"image alt":     strings.Replace(enSource, "tags:", "image:\n  src: a.jpg\n  alt: A hall\ntags:", 1),
	}
	for name, src := range changed {
		if got := status.Revision(parse(t, enPath, src)); got == base {
			t.Errorf("%s: revision stayed %s", name, base)
		}
	}
	if len(base) != status.RevLen || strings.Trim(base, "0123456789abcdef") != "" {
		t.Errorf("revision %q is not %d hex digits", base, status.RevLen)
	}
}

func TestInheritedTextIsNotPartOfTheRevision(t *testing.T) {
	ru := "---\ntitle: Выставка\n---\n\nТекст.\n"
	m1 := load(t, map[string]string{zhPath: "---\ntitle: 博览会\ndate: 2024-05-17\nevent:\n  name: 博览会\n  start: 2024-05-17\n---\n正文\n", ruPath: ru})
	m2 := load(t, map[string]string{zhPath: "---\ntitle: 博览会\ndate: 2024-05-17\nevent:\n  name: 第八届博览会\n  start: 2024-05-17\n---\n正文\n", ruPath: ru})
	r1, r2 := m1.Row("news/expo").Cells["ru"].Revision, m2.Row("news/expo").Cells["ru"].Revision
	if r1 != r2 {
		t.Errorf("the ru revision follows the event name it inherits: %s vs %s", r1, r2)
	}
}

// TestMarkRoundTrip is the press office's cycle: mark, edit the source
// (stale), re-mark (ok), edit only white space or non-text front matter
// (still ok).
func TestMarkRoundTrip(t *testing.T) {
	zh := "---\ntitle: 博览会开幕\ndate: 2024-05-17\n---\n\n第八届博览会今天开幕。\n"
	ru := "---\ntitle: \"Открылось ЭКСПО\"\n# переведено с китайского\nsummary: Кратко.\n---\n\nСегодня открылось ЭКСПО.\n"
	files := map[string]string{zhPath: zh, ruPath: ru, enPath: enSource}

	cell := func(lang string) *status.Cell { return load(t, files).Row("news/expo").Cells[lang] }
	if c := cell("ru"); c.State != status.Unmarked {
		t.Fatalf("before marking: ru is %s, want unmarked", c.State)
	}
	if c := cell("zh"); c.State != status.Source {
		t.Fatalf("zh is %s, want source", c.State)
	}

	mark := func(lang string) {
		t.Helper()
		src := cell("zh")
		c := cell(lang)
		out, err := status.SetMark(c.Path, []byte(files[c.Path]), status.Mark{Lang: "zh", Rev: src.Revision}.String(), opts)
		if err != nil {
			t.Fatal(err)
		}
		files[c.Path] = string(out)
	}
	mark("ru")
	wantRU := "---\ntitle: \"Открылось ЭКСПО\"\n# переведено с китайского\nsummary: Кратко.\ntranslatedFrom: \"zh@" + cell("zh").Revision + "\"\n---\n\nСегодня открылось ЭКСПО.\n"
	if files[ruPath] != wantRU {
		t.Fatalf("marked file:\n%s\nwant:\n%s", files[ruPath], wantRU)
	}
	if c := cell("ru"); c.State != status.OK || c.SourceLang != "zh" || c.SourcePath != zhPath {
		t.Fatalf("after marking: ru is %+v, want ok from zh", c)
	}

	// Editing the source's text makes the translation stale.
	files[zhPath] = strings.Replace(zh, "今天开幕。", "今天在哈尔滨开幕。", 1)
	if c := cell("ru"); c.State != status.Stale || c.Current == cell("ru").From[3:] {
		t.Fatalf("after editing zh: ru is %+v, want stale", c)
	}
	if c := cell("en"); c.State != status.Unmarked {
		t.Fatalf("en is %s, want unmarked", c.State)
	}

	// Re-marking replaces the line in place.
	mark("ru")
	if c := cell("ru"); c.State != status.OK {
		t.Fatalf("after re-marking: ru is %s, want ok", c.State)
	}
	if n := strings.Count(files[ruPath], "translatedFrom"); n != 1 {
		t.Fatalf("translatedFrom written %d times:\n%s", n, files[ruPath])
	}

	// White space at line ends, CRLF and non-text front matter leave it ok.
	files[zhPath] = strings.ReplaceAll(strings.Replace(files[zhPath], "date: 2024-05-17", "date: 2024-05-18\ntags: [expo]\ndraft: false", 1), "\n", "  \r\n")
	if c := cell("ru"); c.State != status.OK {
		t.Fatalf("after a white-space and date edit of zh: ru is %s, want ok", c.State)
	}

	// The translation's own edits do not matter; a source edit does again.
	files[ruPath] = strings.Replace(files[ruPath], "Сегодня", "Сегодня в Харбине", 1)
	if c := cell("ru"); c.State != status.OK {
		t.Fatalf("after editing ru itself: ru is %s, want ok", c.State)
	}
	files[zhPath] = strings.Replace(files[zhPath], "博览会开幕", "中俄博览会开幕", 1)
	if c := cell("ru"); c.State != status.Stale {
		t.Fatalf("after editing the zh title: ru is %s, want stale", c.State)
	}
}

func TestSetMarkKeepsEveryOtherByte(t *testing.T) {
	const v = "zh@0123456789ab"
	cases := []struct{ name, in, want string }{
		{
			"insert before closing line, CRLF kept",
			"\xEF\xBB\xBF---\r\ntitle: Expo  \r\ndate: 2024-05-17\r\n---\r\nBody  \r\n",
			"\xEF\xBB\xBF---\r\ntitle: Expo  \r\ndate: 2024-05-17\r\ntranslatedFrom: \"zh@0123456789ab\"\r\n---\r\nBody  \r\n",
		},
		{
			"replace existing, comments and order kept",
			"---\n# note\ntranslatedFrom: 'ru@aaaaaaaaaaaa'   # old\ntitle: Expo\n---\nBody\n",
			"---\n# note\ntranslatedFrom: \"zh@0123456789ab\"\ntitle: Expo\n---\nBody\n",
		},
		{
			"replace a value continued on the next line",
			"---\ntitle: Expo\ntranslatedFrom:\n  ru@aaaaaaaaaaaa\nsummary: S\n---\n",
			"---\ntitle: Expo\ntranslatedFrom: \"zh@0123456789ab\"\nsummary: S\n---\n",
		},
		{
			"a body line that looks like the key is not touched",
			"---\ntitle: Expo\n---\ntranslatedFrom: body text\n",
			"---\ntitle: Expo\ntranslatedFrom: \"zh@0123456789ab\"\n---\ntranslatedFrom: body text\n",
		},
		{
			"nested key of the same name under params is not the key",
			"---\ntitle: Expo\nparams:\n  translatedFrom: x\n---\n",
			"---\ntitle: Expo\nparams:\n  translatedFrom: x\ntranslatedFrom: \"zh@0123456789ab\"\n---\n",
		},
	}
	for _, c := range cases {
		got, err := status.SetMark(ruPath, []byte(c.in), v, opts)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestSetMarkRefusesWhatItCannotDoSafely(t *testing.T) {
	for name, c := range map[string]struct{ in, ru string }{
		"no front matter": {"Just text\n", "файл " + ruPath + " не удаётся прочитать, поэтому он не изменён:\n" + ruPath + ":1:1: нужен title (заголовок)"},
		"unclosed":        {"---\ntitle: x\n", "файл " + ruPath + " не удаётся прочитать, поэтому он не изменён:\n" + ruPath + ":1:1: шапка файла не закрыта: добавьте после неё строку ---"},
		"front matter errors": {"---\ntitle: x\nbogus: 1\n---\n", "файл " + ruPath + " не удаётся прочитать, поэтому он не изменён:\n" +
			ruPath + ":3:1: неизвестный ключ front matter «bogus»"},
		"flow mapping": {"---\n{title: x, translatedFrom: zh@aaaaaaaaaaaa}\n---\n",
			ruPath + `: не удалось записать translatedFrom, не изменив ничего другого; впишите в шапку файла вручную: translatedFrom: "zh@0123456789ab"`},
	} {
		out, err := status.SetMark(ruPath, []byte(c.in), "zh@0123456789ab", opts)
		if err == nil {
			t.Errorf("%s: no error, wrote %q", name, out)
			continue
		}
		// Said in the reader's language, Russian here.
		if got := speak.New("ru").Error(err); !strings.HasPrefix(got, c.ru) {
			t.Errorf("%s: in Russian\n%s\nwant\n%s…", name, got, c.ru)
		}
	}
}

func TestParseMark(t *testing.T) {
	if m, err := status.ParseMark(" zh@0123456789ab"); err != nil || m.Lang != "zh" || m.Rev != "0123456789ab" {
		t.Errorf("ParseMark = %+v, %v", m, err)
	}
	for _, bad := range []string{"zh", "zh@123", "zh@0123456789AB", "@0123456789ab", "zh@0123456789abc", "zh:0123456789ab"} {
		_, err := status.ParseMark(bad)
		want := `translatedFrom：“` + bad + `”应是语言加版本号，如“zh@1a2b3c4d5e6f”（由 gen status --mark 写入）`
		if got := speak.New("zh").Error(err); err == nil || got != want {
			t.Errorf("ParseMark(%q): %v, in Chinese %s", bad, err, got)
		}
	}
}

func TestMatrixStates(t *testing.T) {
	zh := "---\ntitle: 博览会\ndate: 2024-05-17\n---\n正文\n"
	m := load(t, map[string]string{
		zhPath:                      zh,
		enPath:                      "---\ntitle: Expo\ntranslatedFrom: \"ru@0123456789ab\"\n---\nText\n",
		"content/about.zh.md":       "---\ntitle: 关于\ndate: 2024-05-17\ndraft: true\n---\n",
		"content/about.ru.md":       "---\ntitle: О нас\ntranslatedFrom: bogus\n---\n",
		"content/news/_index.zh.md": "---\ntitle: 新闻\n---\n",
	})
	want := map[string]map[string]status.State{
		"about":     {"zh": status.Source, "ru": status.Unmarked, "en": status.Missing},
		"news/expo": {"zh": status.Source, "ru": status.Missing, "en": status.Stale},
	}
	var keys []string
	for _, r := range m.Rows {
		keys = append(keys, r.Key)
		for lang, st := range want[r.Key] {
			if c := r.Cells[lang]; c.State != st {
				t.Errorf("%s %s: %s, want %s", r.Key, lang, c.State, st)
			}
		}
	}
	if strings.Join(keys, ",") != "about,news/expo,news" || !m.Rows[2].Section {
		t.Errorf("rows %v: want pages by key, then sections", keys)
	}
	if c := m.Row("about").Cells["zh"]; !c.Draft {
		t.Error("about zh: draft not shown")
	}
	if c := m.Row("about").Cells["ru"]; !strings.Contains(c.Problem, `"bogus"`) {
		t.Errorf("about ru: problem %q does not name the bad value", c.Problem)
	}
	if c := m.Row("news/expo").Cells["en"]; !strings.Contains(c.Problem, "ru version, which no longer exists") {
		t.Errorf("news/expo en: problem %q", c.Problem)
	}
}

func TestStaleOf(t *testing.T) {
	zh := "---\ntitle: 博览会\ndate: 2024-05-17\n---\n正文\n"
	zf := parse(t, zhPath, zh)
	rev := status.Revision(zf)
	fsys := fstest.MapFS{
		zhPath:                      {Data: []byte(zh)},
		ruPath:                      {Data: []byte("---\ntitle: Выставка\ntranslatedFrom: \"zh@" + rev + "\"\n---\n")},
		enPath:                      {Data: []byte("---\ntitle: Expo\ntranslatedFrom: \"zh@000000000000\"\n---\n")},
		"content/about.ru.md":       {Data: []byte("---\ntitle: О нас\ndate: 2024-05-17\ntranslatedFrom: \"zh@000000000000\"\n---\n")},
		"content/news/_index.ru.md": {Data: []byte("---\ntitle: Новости\ntranslatedFrom: \"zh@000000000000\"\n---\n")},
		"content/news/_index.zh.md": {Data: []byte("---\ntitle: 新闻\n---\n")},
	}
	files, err := content.Load(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	staleOf := status.StaleOf(files)
	got := map[string]string{}
	for _, f := range files {
		if lang, ok := staleOf(f); ok {
			got[f.Path] = lang
		}
	}
	// ru is up to date; about.ru has no source to link to.
	want := map[string]string{enPath: "zh", "content/news/_index.ru.md": "zh"}
	if len(got) != len(want) || got[enPath] != "zh" || got["content/news/_index.ru.md"] != "zh" {
		t.Errorf("stale: %v, want %v", got, want)
	}
}

// A nested section's _index files are a row of their own, apart from the
// top-level section's.
func TestNestedSectionRow(t *testing.T) {
	zh := "---\ntitle: 旧闻\n---\n旧闻简介。\n"
	rev := status.Revision(parse(t, "content/news/archive/_index.zh.md", zh))
	m := load(t, map[string]string{
		"content/news/_index.zh.md":         "---\ntitle: 新闻\n---\n",
		"content/news/archive/_index.zh.md": zh,
		"content/news/archive/_index.ru.md": "---\ntitle: Архив\ntranslatedFrom: \"zh@" + rev + "\"\n---\n",
	})
	var keys []string
	for _, r := range m.Rows {
		keys = append(keys, r.Key)
		if !r.Section {
			t.Errorf("%s: not a section row", r.Key)
		}
	}
	if strings.Join(keys, ",") != "news,news/archive" {
		t.Fatalf("rows %v", keys)
	}
	cells := m.Rows[1].Cells
	if cells["zh"].State != status.Source || cells["ru"].State != status.OK || cells["en"].State != status.Missing {
		t.Errorf("news/archive: zh %s, ru %s, en %s", cells["zh"].State, cells["ru"].State, cells["en"].State)
	}
}

// A translation whose text is still the text it names as its original (a
// placeholder, as gen new writes) is missing, and no stale notice marks it.
func TestPlaceholderTranslationIsMissing(t *testing.T) {
	placeholder := "---\ntitle: Expo\ndate: 2024-05-17\n---\n"
	rev := status.Revision(parse(t, zhPath, placeholder))
	copy := "---\ntitle: Expo\ntranslatedFrom: \"zh@" + rev + "\"\n---\n"
	written := "---\ntitle: 博览会\ndate: 2024-05-17\n---\n正文\n"
	files := map[string]string{zhPath: written, ruPath: copy}
	c := load(t, files).Row("news/expo").Cells["ru"]
	if c.State != status.Missing || c.File() == nil || !strings.Contains(c.Problem, "not translated yet") {
		t.Errorf("a placeholder: %s (%q), want missing with its file", c.State, c.Problem)
	}
	fsys := fstest.MapFS{zhPath: {Data: []byte(written)}, ruPath: {Data: []byte(copy)}}
	loaded, err := content.Load(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loaded {
		if _, stale := status.StaleOf(loaded)(f); stale {
			t.Errorf("%s: a placeholder gets the stale notice", f.Path)
		}
	}
}

package newrelease_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/newrelease"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/status"
)

const siteYAML = `baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, locale: zh-Hans, weight: 1}
  - {code: ru, weight: 2}
  - {code: en, weight: 3}
`

var now = time.Date(2024, 6, 1, 2, 30, 0, 0, time.UTC) // 10:30 in Shanghai

// site is a site of siteYAML, a news section and extra files, with the
// binary's default theme under it, as gen new reads a site.
func site(t *testing.T, extra map[string]string) (fs.FS, *config.Site) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":                 {Data: []byte(siteYAML)},
		"content/news/_index.zh.md": {Data: []byte("---\ntitle: 新闻\n---\n")},
	}
	for p, s := range extra {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return build.WithDefaultTheme(fsys), cfg
}

func files(p *newrelease.Plan) map[string]string {
	m := map[string]string{}
	for _, f := range p.Files {
		m[f.Path] = string(f.Data)
	}
	return m
}

func TestNewReleaseInThreeLanguages(t *testing.T) {
	fsys, cfg := site(t, nil)
	plan, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/harbin-expo", Now: now, Event: true})
	if err != nil {
		t.Fatal(err)
	}
	got := files(plan)
	var paths []string
	for _, f := range plan.Files {
		paths = append(paths, f.Path)
	}
	if want := []string{"content/news/harbin-expo/index.zh.md", "content/news/harbin-expo/index.ru.md", "content/news/harbin-expo/index.en.md"}; !slices.Equal(paths, want) {
		t.Fatalf("files %v, want %v", paths, want)
	}
	zh := got["content/news/harbin-expo/index.zh.md"]
	for _, want := range []string{
		"title: \"Harbin Expo\"\n",
		"date: 2024-06-01 10:30\n", // the clock, in the site's time zone
		"draft: true\n",
		"translationKey: \"news/harbin-expo\"\n",
		"event:\n  name: \"\"\n", "  start: 2024-06-01\n", "  end: 2024-06-01\n",
		"  timeZone:\n", // empty: the site's zone until filled in
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh file lacks %q:\n%s", want, zh)
		}
	}

	// The files load as one release in three languages; the translations
	// share the date and event times and are up to date with the source
	// as written.
	m := fstest.MapFS{}
	for p, s := range got {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	copts := content.Options{Languages: cfg.Codes(), Default: "zh", Location: cfg.Location}
	loaded, err := content.Load(m, copts)
	if err != nil {
		t.Fatalf("the new files do not load: %v", err)
	}
	for _, f := range loaded {
		if f.Key != "news/harbin-expo" || !f.Front.Draft {
			t.Errorf("%s: key %q, draft %v", f.Path, f.Key, f.Front.Draft)
		}
		if !f.Front.Date.Equal(time.Date(2024, 6, 1, 10, 30, 0, 0, cfg.Location)) {
			t.Errorf("%s: date %v", f.Path, f.Front.Date)
		}
		if f.Front.Event == nil || f.Front.Event.Start.IsZero() {
			t.Errorf("%s: event without start", f.Path)
		}
		if f.Lang != "zh" && (f.Front.Has("date") || f.Front.Has("event.start")) {
			t.Errorf("%s: a translation writes the shared date or event times itself", f.Path)
		}
	}
	// The placeholder translations are missing until they are written:
	// not up to date, and not stale once the source is written either.
	row := status.Build(loaded, cfg.Codes(), "zh").Row("news/harbin-expo")
	for lang, want := range map[string]status.State{"zh": status.Source, "ru": status.Missing, "en": status.Missing} {
		if c := row.Cells[lang]; c.State != want {
			t.Errorf("%s: %s, want %s", lang, c.State, want)
		}
	}
	m["content/news/harbin-expo/index.zh.md"].Data = []byte(zh + "哈尔滨5月17日电。\n")
	loaded, _ = content.Load(m, copts)
	if c := status.Build(loaded, cfg.Codes(), "zh").Row("news/harbin-expo").Cells["ru"]; c.State != status.Missing {
		t.Errorf("after writing the zh text: ru is %s, want missing", c.State)
	}
	// Written, the translation is stale against the changed source until
	// it is marked.
	ru := got["content/news/harbin-expo/index.ru.md"]
	m["content/news/harbin-expo/index.ru.md"].Data = []byte(strings.Replace(ru, `title: "Harbin Expo"`, `title: "Выставка в Харбине"`, 1))
	loaded, _ = content.Load(m, copts)
	if c := status.Build(loaded, cfg.Codes(), "zh").Row("news/harbin-expo").Cells["ru"]; c.State != status.Stale {
		t.Errorf("after writing the ru text: ru is %s, want stale", c.State)
	}
}

// Without --event no event is written, so none dated today can be
// published by mistake; the block is there, commented out, to fill in.
func TestNoEventUnlessAsked(t *testing.T) {
	fsys, cfg := site(t, nil)
	plan, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/harbin-expo", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range plan.Files {
		m[f.Path] = &fstest.MapFile{Data: f.Data}
		if !strings.Contains(string(f.Data), "# event:\n#   name: \"\"\n") {
			t.Errorf("%s lacks the commented event block:\n%s", f.Path, f.Data)
		}
	}
	loaded, err := content.Load(m, content.Options{Languages: cfg.Codes(), Default: "zh", Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loaded {
		if f.Front.Event != nil {
			t.Errorf("%s has an event", f.Path)
		}
	}
}

func TestNewOneLanguage(t *testing.T) {
	// A translation added to an existing release leaves the facts to the source.
	fsys, cfg := site(t, map[string]string{"content/news/expo/index.zh.md": "---\ntitle: 博览会\ndate: 2024-05-17\n---\n正文\n"})
	plan, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/expo", Langs: []string{"ru"}, Title: "ЭКСПО", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Files) != 1 || plan.Files[0].Path != "content/news/expo/index.ru.md" {
		t.Fatalf("files %+v", plan.Files)
	}
	ru := string(plan.Files[0].Data)
	if strings.Contains(ru, "\ndate:") || !strings.Contains(ru, "title: \"ЭКСПО\"\n") || !strings.Contains(ru, "translatedFrom: \"zh@") {
		t.Errorf("ru file:\n%s", ru)
	}
	// With no source yet, the one file carries the facts.
	fsys, cfg = site(t, nil)
	plan, err = newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/expo", Langs: []string{"ru"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if ru := string(plan.Files[0].Data); !strings.Contains(ru, "\ndate: 2024-06-01 10:30\n") {
		t.Errorf("ru file without a zh version has no date:\n%s", ru)
	}
	if _, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/expo", Langs: []string{"fr"}, Now: now}); err == nil || err.Error() != "--lang fr: not a language of this site (zh, ru, en)" {
		t.Errorf("unknown language: %v", err)
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	fsys, cfg := site(t, map[string]string{
		"content/news/expo/index.ru.md": "---\ntitle: x\n---\n",
		"content/news/expo.en.md":       "---\ntitle: x\n---\n",
	})
	_, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/expo", Now: now})
	want := "content/news/expo/index.ru.md, content/news/expo.en.md already exist; gen new never overwrites a file (choose another name, or delete it to start over)"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v\nwant %s", err, want)
	}

	// Write itself never replaces a file, even one that appeared since.
	dir := t.TempDir()
	p := filepath.Join(dir, "content", "news", "x", "index.zh.md")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("mine"), 0o644)
	done, err := newrelease.Write(dir, []newrelease.File{
		{Path: "content/news/x/index.zh.md", Data: []byte("new")},
	})
	if err == nil || len(done) != 0 {
		t.Fatalf("Write over an existing file: %v, wrote %v", err, done)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Fatalf("the existing file was changed to %q", b)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
	done, err = newrelease.Write(dir, []newrelease.File{{Path: "content/news/y/index.ru.md", Data: []byte("new")}})
	if err != nil || len(done) != 1 {
		t.Fatalf("Write: %v %v", done, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content", "news", "y", "index.ru.md")); string(b) != "new" {
		t.Errorf("written %q", b)
	}
}

func TestProposeSlug(t *testing.T) {
	cases := []struct {
		title, slug string
		ambiguous   []newrelease.Ambiguous
	}{
		{"第八届中俄博览会开幕", "di-ba-jie-zhong-e-bo-lan-hui-kai-mu", []newrelease.Ambiguous{{"会", []string{"hui", "kuai"}}, {"幕", []string{"mu", "man"}}}},
		{"В Харбине открылось VIII Российско-Китайское ЭКСПО", "v-kharbine-otkrylos-viii-rossiisko-kitaiskoe-ekspo", nil},
		{"Съезд молодёжи", "sezd-molodiozhi", nil},
		{"Expo opens — “Harbin” 2024!", "expo-opens-harbin-2024", nil},
		{"２０２４年中俄地方合作", "2024-nian-zhong-e-di-fang-he-zuo", nil},
		{"哈尔滨 Expo，2024", "ha-er-bin-expo-2024", []newrelease.Ambiguous{{"哈", []string{"ha", "he", "ta", "sha"}}}},
		{"!!! ——", "", nil},
	}
	for _, c := range cases {
		p := newrelease.ProposeSlug(c.title)
		if p.Slug != c.slug {
			t.Errorf("ProposeSlug(%q) = %q, want %q", c.title, p.Slug, c.slug)
		}
		if c.ambiguous != nil && !equalAmb(p.Ambiguous, c.ambiguous) {
			t.Errorf("ProposeSlug(%q): ambiguous %v, want %v", c.title, p.Ambiguous, c.ambiguous)
		}
		if c.ambiguous == nil && !strings.ContainsFunc(c.title, func(r rune) bool { return unicode.Is(unicode.Han, r) }) && len(p.Ambiguous) > 0 {
			t.Errorf("ProposeSlug(%q): ambiguous %v", c.title, p.Ambiguous)
		}
	}
	long := newrelease.ProposeSlug("Российско-китайский форум по межрегиональному сотрудничеству открылся в Харбине")
	if !long.Shortened || len(long.Slug) > newrelease.MaxSlug || strings.HasSuffix(long.Slug, "-") || long.Slug != "rossiisko-kitaiskii-forum-po-mezhregionalnomu" {
		t.Errorf("long title: %+v", long)
	}
}

func equalAmb(a, b []newrelease.Ambiguous) bool {
	return slices.EqualFunc(a, b, func(x, y newrelease.Ambiguous) bool {
		return x.Char == y.Char && slices.Equal(x.Readings, y.Readings)
	})
}

func TestValidatePath(t *testing.T) {
	for _, ok := range []string{"news/harbin-expo", "about", "news/2024/expo-2"} {
		if err := newrelease.ValidatePath(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	bad := map[string]string{
		"":                 `name the release, like "news/harbin-expo", or give its title with --title`,
		"news/Harbin Expo": `"news/Harbin Expo" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/harbin-expo`,
		"news/HarbinExpo":  `"news/HarbinExpo" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/harbinexpo`,
		"news/../secret":   `"news/../secret" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/secret`,
		"/news/x":          `"/news/x" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/x`,
		"news/x/":          `"news/x/" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/x`,
		"news/哈尔滨":         `"news/哈尔滨" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/ha-er-bin`,
		"news/-x":          `"news/-x" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/x`,
		`news\x`:           `"news\\x" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news-x`,
		"news/page":        `"page" cannot be a release name: the site already uses that address for its own pages`,
		"tags":             `"tags" cannot be a release name: the site already uses that address for its own pages`,
		"news//x":          `"news//x" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/x`,
	}
	for p, want := range bad {
		err := newrelease.ValidatePath(p)
		if err == nil || err.Error() != want {
			t.Errorf("ValidatePath(%q):\n got %v\nwant %s", p, err, want)
		}
	}
}

func TestSiteArchetypeOverridesTheme(t *testing.T) {
	fsys, cfg := site(t, map[string]string{
		"archetypes/release.md": "---\ntitle: {{ quote .Title }}\ndate: {{ .Date }}\ndraft: true\nparams: {lang: {{ .Lang }}}\n---\nSite archetype for {{ .Key }}.\n",
	})
	plan, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/x", Langs: []string{"zh"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Archetype != "archetypes/release.md" || string(plan.Files[0].Data) != "---\ntitle: \"X\"\ndate: 2024-06-01 10:30\ndraft: true\nparams: {lang: zh}\n---\nSite archetype for news/x.\n" {
		t.Errorf("archetype %s wrote:\n%s", plan.Archetype, plan.Files[0].Data)
	}
}

func TestBrokenArchetypeWritesNothing(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: {{ .Title }\n---\n":                  "archetypes/release.md:2: template: unexpected \"}\" in operand",
		"---\ntitle: x\n\n{{ .Nope }}\n---\n":             `archetypes/release.md:4:3: template: executing "archetypes/release.md" at <.Nope>: can't evaluate field Nope in type newrelease.data`,
		"---\ntitle: x\ndate: {{ .Date }}\nbad: 1\n---\n": "archetypes/release.md does not make a valid release in zh:\ncontent/news/x/index.zh.md:4:1: unknown front matter key \"bad\"",
	} {
		fsys, cfg := site(t, map[string]string{"archetypes/release.md": src})
		_, err := newrelease.Prepare(newrelease.Options{FS: fsys, Config: cfg, Path: "news/x", Now: now})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("archetype %q:\n got %v\nwant %s…", src, err, want)
		}
	}
}

// Every error gen new prints is said in the reader's language.
func TestErrorsInTheReadersLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	fsys, cfg := site(t, map[string]string{"content/news/expo/index.ru.md": "---\ntitle: x\n---\n"})
	prepare := func(o newrelease.Options) error {
		o.Config, o.Now = cfg, now
		if o.FS == nil {
			o.FS = fsys
		}
		if o.Path == "" {
			o.Path = "news/x"
		}
		_, err := newrelease.Prepare(o)
		return err
	}
	broken := func(src string) fs.FS {
		f, _ := site(t, map[string]string{"archetypes/release.md": src})
		return f
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "news", "x"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "news", "x", "index.zh.md"), []byte("mine"), 0o644)
	_, overwrite := newrelease.Write(dir, []newrelease.File{{Path: "content/news/x/index.zh.md", Data: []byte("new")}})
	cases := []struct {
		err  error
		sp   *speak.Speaker
		want string
	}{
		{prepare(newrelease.Options{Langs: []string{"fr"}}), ru, "--lang fr: это не язык сайта (zh, ru, en)"},
		{prepare(newrelease.Options{Path: "news/expo", Langs: []string{"ru"}}), zh, "content/news/expo/index.ru.md 已存在；gen new 从不覆盖文件（请换一个名称，或删除它后重新开始）"},
		{prepare(newrelease.Options{FS: fstest.MapFS{}}), ru, "нет заготовки релиза: напишите archetypes/release.md (искали archetypes/release.md и themes/default/archetypes/release.md)"},
		{prepare(newrelease.Options{FS: broken("---\ntitle: x\n{{ .Note \"nope\" }}\n---\n")}), ru,
			`archetypes/release.md:3:3: шаблон: executing "archetypes/release.md" at <.Note>: error calling Note: нет примечания "nope" (примечания: draft, summary, tags, event, event-dates, time-zone, event-hint, image)`},
		{prepare(newrelease.Options{FS: broken("---\ntitle: x\nbad: 1\n---\n"), Langs: []string{"zh"}}), zh,
			"archetypes/release.md 生成的 zh 新闻稿无效：\ncontent/news/x/index.zh.md:3:1: 未知的 front matter 键“bad”（已知的键：aliases"},
		{newrelease.ValidatePath(""), zh, "请为新闻稿命名，如“news/harbin-expo”，或用 --title 给出标题"},
		{newrelease.ValidatePath("news/Harbin Expo"), ru, `"news/Harbin Expo" не годится как веб-адрес: используйте строчные латинские буквы, цифры и дефисы, а «/» — только между разделом и именем, например news/harbin-expo`},
		{newrelease.ValidatePath("news/page"), ru, `"page" не может быть именем релиза: сайт уже использует этот адрес для своих страниц`},
		{overwrite, ru, "content/news/x/index.zh.md: уже существует; не перезаписан"},
	}
	for i, c := range cases {
		if got := c.sp.Error(c.err); !strings.HasPrefix(got, c.want) {
			t.Errorf("%d: %s says\n%s\nwant\n%s…", i, c.sp.Lang(), got, c.want)
		}
	}
}

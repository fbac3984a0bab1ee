package config

import (
	"reflect"
	"testing"
	"testing/fstest"
)

const good = `# site
baseURL: https://news.example.org
defaultLanguage: ru
timeZone: Asia/Shanghai
languages:
  - code: en
    name: English
    title: Event News
    weight: 3
  - code: zh
    name: 中文
    locale: zh-Hans
    title: 活动新闻
    weight: 1
  - code: ru
    name: Русский
    title: Новости событий
    weight: 2
params:
  colour: red
`

func TestLoadGood(t *testing.T) {
	s, err := Load(fstest.MapFS{"site.yaml": {Data: []byte(good)}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Codes(), []string{"zh", "ru", "en"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Codes() = %q, want %q (by weight)", got, want)
	}
	if s.BaseURL != "https://news.example.org/" {
		t.Errorf("BaseURL = %q, want a trailing slash", s.BaseURL)
	}
	if s.Theme != "default" || s.PageSize != 10 || s.Feeds.Limit != 20 || s.Feeds.FullContent || s.UnsafeHTML {
		t.Errorf("defaults: theme %q pageSize %d feeds %+v unsafeHTML %v", s.Theme, s.PageSize, s.Feeds, s.UnsafeHTML)
	}
	if s.Location == nil || s.Location.String() != "Asia/Shanghai" {
		t.Errorf("Location = %v", s.Location)
	}
	if d := s.Default(); d.Code != "ru" || d.Title != "Новости событий" || d.Locale != "ru" {
		t.Errorf("Default() = %+v; locale defaults to the code", d)
	}
	if zh, ok := s.Language("zh"); !ok || zh.Locale != "zh-Hans" || zh.Name != "中文" {
		t.Errorf("Language(zh) = %+v, %v", zh, ok)
	}
	if _, ok := s.Language("fr"); ok {
		t.Errorf("Language(fr) found")
	}
	if !s.ShowStaleNotice() {
		t.Errorf("stale notice is on by default")
	}
	if got := s.AbsURL("/ru/news/"); got != "https://news.example.org/ru/news/" {
		t.Errorf("AbsURL = %q", got)
	}
	if s.Params["colour"] != "red" {
		t.Errorf("params = %v", s.Params)
	}
}

func TestParseDefaults(t *testing.T) {
	s, err := Parse("site.yaml", []byte("languages:\n  - code: zh\n  - code: en\nstaleNotice: false\nfeeds: {limit: 5, fullContent: true}\npageSize: 3\ntheme: plain\ntags: {strict: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Equal weights: ordered by code, and the first is the default.
	if s.DefaultLanguage != "en" || s.BaseURL != "/" || s.TimeZone != "UTC" || s.Location.String() != "UTC" {
		t.Errorf("defaults: %+v", s)
	}
	if s.Images.MaxBytes != 20_000_000 || s.Images.MaxPixels != 100_000_000 {
		t.Errorf("picture limits: %d bytes, %d pixels", s.Images.MaxBytes, s.Images.MaxPixels)
	}
	if s.ShowStaleNotice() || s.Feeds != (Feeds{Limit: 5, FullContent: true}) || s.PageSize != 3 || s.Theme != "plain" || !s.Tags.Strict {
		t.Errorf("explicit values lost: %+v", s)
	}
	if en := s.Languages[0]; en.Name != "en" || en.Locale != "en" {
		t.Errorf("name and locale default to the code: %+v", en)
	}
}

func TestParseErrors(t *testing.T) {
	const langs = "languages:\n  - code: zh\n  - code: ru\n  - code: en\n"
	for _, tc := range []struct{ name, data, want string }{
		{"unknown key", langs + "baseUrl: https://x.example/\n",
			`site.yaml:5:1: unknown key "baseUrl" (known keys: baseURL, defaultLanguage, deploy, feeds, images, languages, pageSize, params, staleNotice, tags, theme, timeZone, unsafeHTML)`},
		{"picture width", langs + "images:\n  widths: [480, 0]\n",
			`site.yaml:6:11: images.widths: 0 is not a width gen can write (1 to 8192 pixels)`},
		{"picture quality", langs + "images: {quality: 101, jpegQuality: -1}\n",
			"site.yaml:5:19: images.quality: must be 1 to 100, not 101\nsite.yaml:5:37: images.jpegQuality: must be 1 to 100, not -1"},
		{"unknown picture key", langs + "images: {width: [480]}\n",
			`site.yaml:5:10: unknown key "width" (known keys: jpegQuality, keepCredit, maxBytes, maxPixels, original, quality, sizes, widths)`},
		{"picture size limit", langs + "images:\n  maxBytes: -1\n",
			`site.yaml:6:13: images.maxBytes: must be a positive number of bytes, not -1`},
		{"unknown language key", "languages:\n  - code: zh\n    lang: zh\n",
			`site.yaml:3:5: unknown key "lang" (known keys: code, locale, name, title, weight)`},
		{"unknown feeds key", langs + "feeds:\n  limits: 3\n",
			`site.yaml:6:3: unknown key "limits" (known keys: fullContent, limit)`},
		{"default language not configured", langs + "defaultLanguage: fr\n",
			`site.yaml:5:18: defaultLanguage: "fr" is not one of the configured languages (en, ru, zh)`},
		{"bad time zone", langs + "timeZone: Asia/Harbin_City\n",
			`site.yaml:5:11: timeZone: "Asia/Harbin_City" is not a known time zone (use a name like "Asia/Shanghai")`},
		{"machine time zone", langs + "timeZone: Local\n",
			`site.yaml:5:11: timeZone: "Local" would depend on the machine that builds the site (use a name like "Asia/Shanghai")`},
		{"relative baseURL", langs + "baseURL: news.example.org\n",
			`site.yaml:5:10: baseURL: "news.example.org" must be an absolute http or https URL, like "https://example.org/" or "https://example.org/press/"`},
		{"ftp baseURL", langs + "baseURL: ftp://news.example.org/\n",
			`site.yaml:5:10: baseURL: "ftp://news.example.org/" must be an absolute http or https URL, like "https://example.org/" or "https://example.org/press/"`},
		{"baseURL with a query", langs + "baseURL: https://news.example.org/?a=b\n",
			`site.yaml:5:10: baseURL: "https://news.example.org/?a=b" must be an absolute http or https URL, like "https://example.org/" or "https://example.org/press/"`},
		{"no languages", "theme: x\n",
			`site.yaml:1:1: languages: at least one language is required`},
		{"language twice and bad code", "languages:\n  - code: zh\n  - code: zh\n  - code: Russian\n  - name: X\n",
			"site.yaml:3:5: languages: \"zh\" is listed twice\n" +
				"site.yaml:4:5: languages: code \"Russian\" must be lower-case letters, like \"ru\"\n" +
				"site.yaml:5:5: languages: a language needs a code"},
		{"negative page size", langs + "pageSize: -1\n",
			`site.yaml:5:11: pageSize: must be a positive number, not -1`},
		{"negative feed limit", langs + "feeds:\n  limit: -1\n",
			`site.yaml:6:10: feeds.limit: must be a positive number, not -1`},
		{"tags not a mapping", langs + "tags: strict\n",
			`site.yaml:5:7: tags: must be a mapping with strict, like {strict: true}, not "strict"`},
		{"tags a list", langs + "tags: [strict]\n",
			`site.yaml:5:7: tags: must be a mapping with strict, like {strict: true}, not a list`},
		{"unknown tags key", langs + "tags:\n  strikt: true\n",
			`site.yaml:6:3: unknown key "strikt" (known keys: strict)`},
		{"wrong type", langs + "pageSize: ten\n",
			`site.yaml:5:11: pageSize: must be a whole number, not "ten"`},
		{"wrong nested type", "languages:\n  - code: zh\n    weight: first\n",
			`site.yaml:3:13: languages.weight: must be a whole number, not "first"`},
		{"languages not a list", "languages: zh\n",
			`site.yaml:1:12: languages: must be a list of languages, not "zh"`},
		{"duplicate key", langs + "theme: a\ntheme: b\n",
			`site.yaml:6: mapping key "theme" already defined at line 5`},
		{"syntax error", "languages:\n\t- code: zh\n",
			`site.yaml:2:1: line 2 is indented with a tab; YAML needs spaces`},
		{"colon in a value", "languages:\n  - code: zh\n    title: 新闻: 活动\n",
			`site.yaml:3:14: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "新闻: 活动"`},
		{"line indented too far", "languages:\n  - code: zh\n     name: 中文\n",
			`site.yaml:3:6: line 3 starts at column 6, but the lines of its block start at column 5, like line 2: move it to column 5`},
		{"other syntax error", "languages: [zh\n",
			`site.yaml:1:12: invalid YAML: a list in [ ] is not closed: end it with ]`},
		{"empty", "",
			`site.yaml:1:1: the configuration must be a mapping of keys to values`},
		{"not a mapping", "- zh\n",
			`site.yaml:1:1: the configuration must be a mapping of keys to values`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("site.yaml", []byte(tc.data))
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if s != nil {
				t.Errorf("site returned with an error")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if want := "site.yaml: cannot read the site configuration: file does not exist"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// params in site.yaml are decoded by yaml.v3: merge keys merge, and a name
// written twice, at any depth, is an error naming both lines.
func TestParamsFollowYAML(t *testing.T) {
	const langs = "languages:\n  - code: zh\n"
	s, err := Parse("site.yaml", []byte(langs+"params:\n  base: &b {x: 1, y: 2}\n  a: {<<: *b, y: 3}\n  l: {<<: [*b, {z: 4}]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"base": map[string]any{"x": 1, "y": 2},
		"a":    map[string]any{"x": 1, "y": 3},
		"l":    map[string]any{"x": 1, "y": 2, "z": 4},
	}
	if !reflect.DeepEqual(s.Params, want) {
		t.Errorf("params = %#v, want %#v", s.Params, want)
	}
	for yaml, want := range map[string]string{
		"params:\n  a: 1\n  a: 2\n":           `site.yaml:5: mapping key "a" already defined at line 4`,
		"params:\n  m:\n    k: 1\n    k: 2\n": `site.yaml:6: mapping key "k" already defined at line 5`,
	} {
		_, err := Parse("site.yaml", []byte(langs+yaml))
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", yaml, err, want)
		}
	}
}

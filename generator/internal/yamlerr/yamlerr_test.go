package yamlerr

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
	"gopkg.in/yaml.v3"
)

var other = diag.Message{ID: "test.other", Text: "invalid YAML: {{.Problem}}"}

// Each mistake, message by message, at its line and column. The text
// starts on line 2 of the file, as front matter does.
func TestExplain(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// Tabs, wherever yaml.v3 puts its error.
		{"title: x\ndate: 2024-05-01\n\ttags: [a]\n", "a.md:4:1: line 4 is indented with a tab; YAML needs spaces"},
		{"title: x\nevent:\n\tname: a\n", "a.md:4:1: line 4 is indented with a tab; YAML needs spaces"},
		{"title: x\nevent:\n  name: a\n \tcity: b\n", "a.md:5:2: line 5 is indented with a tab; YAML needs spaces"},
		{"title: x\nsummary: |\n  a\n\tb\n", "a.md:5:1: line 5 is indented with a tab; YAML needs spaces"},
		{"title: x\n\t\ndate: 1\n", "a.md:3:1: line 3 is indented with a tab; YAML needs spaces"},
		// A line indented too far: the line itself, not the one before.
		{"title: x\nevent:\n  name: a\n   start: 2024-05-17\n", "a.md:5:4: line 5 starts at column 4, but the lines of its block start at column 3, like line 4: move it to column 3"},
		{"title: x\n date: 2024-05-17\n", "a.md:3:2: line 3 starts at column 2, but the lines of its block start at column 1, like line 2: move it to column 1"},
		{"title: x\nimage:\n  src: a.jpg\n  alt: b\n    caption: c\n", "a.md:6:5: line 6 starts at column 5, but the lines of its block start at column 3, like line 5: move it to column 3"},
		// A line between two blocks: where yaml.v3 says "did not find expected key" on the line before.
		{"title: x\nevent:\n  name: a\n start: 2024-05-17\n", "a.md:5:2: line 5 starts at column 2, between two blocks: move it to column 3, like line 4, or to column 1, like line 3"},
		{"title: x\ntags:\n  - a\n - b\n", "a.md:5:2: line 5 starts at column 2, between two blocks: move it to column 3, like line 4, or to column 1, like line 3"},
		// A colon in a value without quotes.
		{"title: Expo: day one\ndate: 2024-05-17\n", `a.md:2:12: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "Expo: day one"`},
		{"title: x\nevent:\n  name: Forum: \"Youth\" today\n", `a.md:4:14: name: the text holds ":", which YAML takes for another key: put it in quotes, name: 'Forum: "Youth" today'`},
		{"title: Note:\n", `a.md:2:12: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "Note:"`},
		{"title: 博览会: 第一天\n", `a.md:2:11: title: the text holds ":", which YAML takes for another key: put it in quotes, title: "博览会: 第一天"`},
		// Anything else: yaml.v3's message in plain words, at its line.
		{"title: x\nsummary: ok\ntags: [a, b\n", "a.md:4:7: invalid YAML: a list in [ ] is not closed: end it with ]"},
		{"title: x\nevent: {name: a\n", "a.md:3:8: invalid YAML: a group in { } is not closed: end it with }"},
		{"title: \"Expo\ndate: 1\n", "a.md:2:8: invalid YAML: the text ends inside quotes: close the quotes where the value ends"},
		{"title: x\nsummary: 'it''s\n", "a.md:3:10: invalid YAML: the text ends inside quotes: close the quotes where the value ends"},
		{"title: x\ntags:\n  - \"a\\\" b\n", "a.md:4:5: invalid YAML: the text ends inside quotes: close the quotes where the value ends"},
		{"title: \"Expo opens\nsummary: \"From May 17: more than 1,400 firms.\"\n", "a.md:2:8: invalid YAML: the text ends inside quotes: close the quotes where the value ends"},
		{"title: \"Expo opens\nsummary: a\" b\n", "a.md:2:8: invalid YAML: the text ends inside quotes: close the quotes where the value ends"},
		{"title: @expo\n", "a.md:2: invalid YAML: a value starts with a character YAML keeps for itself (@, `, % and others): put the value in quotes"},
		{"title: \"a\\qb\"\n", `a.md:2: invalid YAML: a \ in double quotes is followed by a letter YAML does not know: write \\ for a backslash, or use single quotes`},
		{"tags: - a\n", `a.md:2: invalid YAML: a list item "- " stands on the line of its key: put each item on a line of its own below the key, starting with "- "`},
		{"title: *x\n", `a.md:2: invalid YAML: a value starts with "*", which YAML reads as a reference to something named earlier: put the value in quotes`},
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(c.text), &n)
		if err == nil {
			t.Errorf("%q: yaml.v3 reads it", c.text)
			continue
		}
		if got := Explain("a.md", []byte(c.text), 1, err, other).Error(); got != c.want {
			t.Errorf("%q (yaml.v3: %v):\n got %s\nwant %s", c.text, err, got, c.want)
		}
	}
}

// Valid YAML of every kind the scanner follows reads without a mistake
// up to any line: lists at their key's column, items holding mappings,
// block scalars, flow collections over lines, values that go on.
func TestScanAcceptsValidYAML(t *testing.T) {
	for _, text := range []string{
		"title: x\ntags:\n- a\n- b\ndate: 1\n",
		"languages:\n  - code: zh\n    name: 中文\n  - code: ru\n    name: Русский\ntheme: default\n",
		"summary: |\n  one\n    two\n\n  three\ntitle: x\n",
		"tags: [a,\n  b,\n    c]\ntitle: x\n",
		"title: a long\n  title that goes on\ndate: 2024-05-17\n",
		"url: https://example.org/x\ntitle: \"Expo: day one\"\nalt: 'a: b'\n",
		"event:\n  name: a\n  start: 2024-05-17 # the first day\nparams:\n  x:\n    - 1\n",
		"- a\n- b: c\n  d: e\n-\n  f: g\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(text), &n); err != nil {
			t.Fatalf("%q is not valid YAML: %v", text, err)
		}
		if d := scan("a.md", []byte(text), 0, 1000); d != nil {
			t.Errorf("%q: %v", text, d)
		}
	}
}

// Whatever the text, Explain says something at a line of the text (or
// yaml.v3's line), without panicking.
func FuzzExplain(f *testing.F) {
	for _, s := range []string{"title: Expo: day one\n", "a:\n  b: 1\n c: 2\n", "a: |\n\tb\n", "- [a,\n b\n- c: d\n  e: f: g\n", "\"a\": b\n  c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(text), &n)
		if err == nil {
			return
		}
		d := Explain("a.md", []byte(text), 1, err, other)
		if d == nil || d.Line < 0 || d.Col < 0 || d.Msg == "" {
			t.Fatalf("%q: %v", text, d)
		}
	})
}

// The parser's words, said plainly, are said in the reader's language.
func TestPlainWordsInEveryLanguage(t *testing.T) {
	text := "title: x\ntags: [a, b\n"
	var n yaml.Node
	err := yaml.Unmarshal([]byte(text), &n)
	d := Explain("a.md", []byte(text), 1, err, diag.Message{ID: "frontmatter.invalid", Text: "invalid front matter: {{.Problem}}"})
	for lang, want := range map[string]string{
		"ru": "a.md:3:7: ошибка в шапке файла (front matter): список в [ ] не закрыт: закончите его скобкой ]",
		"zh": "a.md:3:7: ",
	} {
		if got := speak.New(lang).Line(d); !strings.HasPrefix(got, want) || lang == "zh" && !strings.HasSuffix(got, "[ ] 中的列表没有结束：请用 ] 结束") {
			t.Errorf("%s: %q, want %q…", lang, got, want)
		}
	}
}

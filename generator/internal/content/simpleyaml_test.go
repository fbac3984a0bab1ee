package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"gopkg.in/yaml.v3"
)

// yamlDoc is what decode gets from yaml.v3 for text, or nil when yaml.v3
// reports an error, finds nothing or more than one document.
func yamlDoc(text []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil
	}
	return &doc
}

// checkSimple fails if parseSimple reads text otherwise than yaml.v3, and
// reports whether it read it.
func checkSimple(t *testing.T, text []byte) bool {
	t.Helper()
	got := parseSimple(text)
	if got == nil {
		return false
	}
	if want := yamlDoc(text); !reflect.DeepEqual(got, want) {
		t.Errorf("parseSimple(%q) differs from yaml.v3:\n got %s\nwant %s", text, dumpNode(got), dumpNode(want))
	}
	return true
}

func dumpNode(n *yaml.Node) string {
	if n == nil {
		return "nil"
	}
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		c := *n
		c.Content = nil
		fmt.Fprintf(&b, "\n%s%+v", strings.Repeat("  ", depth), c)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// frontMatterOf returns the YAML between the --- lines of a content file.
func frontMatterOf(data []byte) []byte {
	_, rest, _ := bytes.Cut(data, []byte("\n"))
	text, _, _, _ := cutFrontMatter(rest)
	return text
}

func TestParseSimpleIsYAML(t *testing.T) {
	read, total := 0, 0
	try := func(text []byte) {
		total++
		if checkSimple(t, text) {
			read++
		}
	}
	for p, data := range benchsite.Files(200, 1) {
		if strings.HasSuffix(p, ".md") {
			try(frontMatterOf(data))
		}
	}
	if read != total {
		t.Errorf("parseSimple read %d of %d benchsite files, want all", read, total)
	}
	// The sample site of this repository.
	read, total = 0, 0
	_ = filepath.WalkDir("../../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			try(frontMatterOf(data))
		}
		return nil
	})
	if total == 0 || read != total {
		t.Errorf("parseSimple read %d of %d files of the sample site, want all", read, total)
	}
	for _, text := range simpleCases {
		checkSimple(t, []byte(text))
	}
}

// simpleCases are front matter texts that parseSimple must read as yaml.v3
// does, or leave to it.
var simpleCases = []string{
	"title: x\n",
	"title: x",
	"title:  x  \n",
	"title: \"x\"\n",
	"title: 'x'\n",
	"title: \"a: b # c\"  \n",
	"title: 'a \"b\" c'\n",
	"title: \"x\" # c\n",
	"title: x # c\n",
	"title: x#c\n",
	"title: C# and F#\n",
	"title: a [b] {c}, d\n",
	"title: a: b\n",
	"title: a:b\n",
	"title: a:\n",
	"title:x\n",
	"title : x\n",
	"title: -1\n",
	"title: ~\n",
	"title: null\n",
	"title: <<\n",
	"title: \"it\\\"s\"\n",
	"title: 'it''s'\n",
	"title: \"unclosed\n",
	"title: x\n  continued\n",
	"title: x\n\n  continued\n",
	"title: x\n# comment\n",
	"\ntitle: x\n\n\ndate: 2024-05-17\n",
	"  title: x\n",
	"title:\tx\n",
	"title: \u00a0x\u00a0\n",
	"title: x\u0085y\n",
	"title: x\u2028y\n",
	"title: x\ufeff\n",
	"title: x\x01\n",
	"title: x\x7f\n",
	"title: 中文标题\ndate: 2024-05-17 10:00\n",
	"title: Выставка «ЭКСПО»\n",
	"date: 2024-05-17T10:00:00+08:00\n",
	"date: 2024-02-30\n",
	"weight: 10\nweight: 0x1F\ndraft: true\ndraft: yes\nsitemap: False\n",
	"tags: [a, b, c]\n",
	"tags: [a,b,c]\n",
	"tags: []\n",
	"tags: [ ]\n",
	"tags: [a, ]\n",
	"tags: [a, , b]\n",
	"tags: [\"a\", 'b', c]\n",
	"tags: [\"a, b\", 'c]']\n",
	"tags: [a] x\n",
	"tags: [a\n",
	"tags: [a: b]\n",
	"tags: [a?b]\n",
	"tags: [a b, c  d ]\n",
	"tags: [中文, Русский, 1, true, ~]\n",
	"tags: [[a]]\n",
	"tags: {a: b}\n",
	"tags:\n  - a\n  - b\n",
	"tags:\n- a\n",
	"event:\n  name: x\n  start: 2024-05-17\n",
	"event:\n    name: x\n    city: y\ntitle: z\n",
	"event:\n\n  name: x\n\n  city: y\n\ntitle: z\n",
	"event:\n  name: x\n   city: y\n",
	"event:\n  name: x\n city: y\n",
	"event:\n  name:\n    deeper: x\n",
	"event:\n  name:\n",
	"event:\ntitle: x\n",
	"event:\n",
	"event:   \n  name: x\n",
	"event:\n  name: \"Экспо\"\n  url: https://x.example/a?b=c#d\nimage:\n  src: a.jpg\n  alt: 'A picture'\n",
	"params:\n  x: 1\n  y: [1, 2.5, \"3\"]\n",
	"a: 1\nb: 2\na: 3\n",
	"true: x\n1a: b\n_a: c\nA_1: d\n",
	"true: x\n_a: c\nA_1: d\nno: 1\n",
	"x" + strings.Repeat("y", 80) + ": z\n",
	"--- x\n",
	"...\n",
	"- a\n",
	"? a\n",
	"",
	"\n",
	"   \n",
}

func FuzzParseSimple(f *testing.F) {
	for _, text := range simpleCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSimple(t, []byte(text))
	})
}

// TestParseSimpleRandom compares parseSimple with yaml.v3 on lines made of
// the pieces front matter is made of: mostly pieces it reads, sometimes
// one it must leave to yaml.v3.
func TestParseSimpleRandom(t *testing.T) {
	type choice struct{ good, bad []string }
	indents := choice{[]string{"", "", "  "}, []string{" ", "    ", "\t", "   "}}
	keys := choice{[]string{"title", "event", "tags", "a", "true", "B_1", "no"}, []string{"x y", "-", "#", "'k'", "", "1"}}
	seps := choice{[]string{": ", ":  ", ":"}, []string{" : ", ":\t", "::"}}
	values := choice{[]string{
		"x", "x y", "Экспо", "哈尔滨", "2024-05-17", "2024-05-17 10:00", "10", "1.5", "0x1F", "~", "null", "yes", "True",
		"\"q\"", "'q'", "\"a, b\"", "[a, b]", "[\"a\", 'b', c]", "[]", "[ 1 ,2]", "a#b", "\u00a0", "«", "»", "a:b",
		"https://x.y/z?a=b#c", " ", "  ", ",", "[", "]", "{", "}", "\\", "...", "---", "'", "\"",
	}, []string{
		"-1", "'it''s'", "\"\\n\"", ", ", "#", " #", "{a: b}", "&a", "*a", "!t", "|", ">", "%", "@", "`", "?", "-",
		"- ", "<<", ": ", ":", "[a, ]", "[a: b]", "\"a", "'a", "[[a]]", "\u2028", "\x01",
	}}
	tails := choice{[]string{"", ""}, []string{" ", "  # c", "#"}}
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(c choice) string {
		if r.IntN(30) == 0 {
			return c.bad[r.IntN(len(c.bad))]
		}
		return c.good[r.IntN(len(c.good))]
	}
	read := 0
	const n = 100000
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(pick(indents) + pick(keys) + pick(seps))
			for range r.IntN(4) {
				b.WriteString(pick(values))
			}
			b.WriteString(pick(tails) + "\n")
		}
		if checkSimple(t, []byte(b.String())) {
			read++
		}
		if t.Failed() {
			return
		}
	}
	if read < n/50 {
		t.Errorf("parseSimple read only %d of %d texts", read, n)
	}
	t.Logf("parseSimple read %d of %d texts", read, n)
}

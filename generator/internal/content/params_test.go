package content_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/content"
)

// paramsOf parses a file whose front matter is title: x and params written
// as yaml (indented under params:).
func paramsOf(t *testing.T, yaml string) (map[string]any, error) {
	t.Helper()
	f, err := content.Parse("content/x.md", []byte("---\ntitle: x\nparams:\n"+yaml+"---\n"), opts)
	if err != nil {
		return nil, err
	}
	return f.Front.Params, nil
}

func TestParamsMergeKeys(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       map[string]any
	}{{
		name: "inline mapping; a key written beside it wins",
		yaml: "  a: {<<: {x: 1, y: 2}, y: 3}\n",
		want: map[string]any{"a": map[string]any{"x": 1, "y": 3}},
	}, {
		name: "alias of an anchor",
		yaml: "  base: &b {x: 1, when: 2024-05-17}\n  c:\n    <<: *b\n    z: 2\n",
		want: map[string]any{
			"base": map[string]any{"x": 1, "when": "2024-05-17"},
			"c":    map[string]any{"x": 1, "when": "2024-05-17", "z": 2},
		},
	}, {
		name: "list of mappings: the earlier wins",
		yaml: "  b: &b {x: 1}\n  d: {<<: [*b, {x: 9, w: 4}]}\n",
		want: map[string]any{"b": map[string]any{"x": 1}, "d": map[string]any{"x": 1, "w": 4}},
	}, {
		name: "into params itself",
		yaml: "  base: &b {x: 1}\n  <<: *b\n",
		want: map[string]any{"base": map[string]any{"x": 1}, "x": 1},
	}, {
		name: "a quoted << is a name",
		yaml: "  \"<<\": {x: 1}\n  '<<x': 2\n",
		want: map[string]any{"<<": map[string]any{"x": 1}, "<<x": 2},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := paramsOf(t, tc.yaml)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("params:\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

func TestParamsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{{
		name: "duplicate at the top",
		yaml: "  a: 1\n  b: 2\n  a: 3\n",
		want: `content/x.md:6:3: duplicate params key "a" (first set on line 4)`,
	}, {
		name: "duplicate in a nested mapping",
		yaml: "  venue:\n    hall: {floor: 1, room: 2, floor: 3}\n",
		want: `content/x.md:5:31: duplicate params.venue.hall key "floor" (first set on line 5)`,
	}, {
		name: "duplicate in a mapping in a list",
		yaml: "  list:\n    - {x: 1}\n    - x: 1\n      y: 2\n      x: 3\n",
		want: `content/x.md:8:7: duplicate params.list key "x" (first set on line 6)`,
	}, {
		name: "duplicate in an anchored mapping that is merged",
		yaml: "  base: &b\n    x: 1\n    x: 2\n  c: {<<: *b}\n",
		want: `content/x.md:6:5: duplicate params.base key "x" (first set on line 5)`,
	}, {
		name: "two merge keys",
		yaml: "  c:\n    <<: {x: 1}\n    <<: {y: 2}\n",
		want: `content/x.md:6:5: duplicate params.c key "<<" (first set on line 5)`,
	}, {
		name: "several duplicates are all reported",
		yaml: "  a: 1\n  a: 2\n  m: {k: 1, k: 2}\n",
		want: `content/x.md:5:3: duplicate params key "a" (first set on line 4)` + "\n" +
			`content/x.md:6:13: duplicate params.m key "k" (first set on line 6)`,
	}, {
		name: "merge of a value that is not a mapping",
		yaml: "  c: {<<: 3}\n",
		want: `content/x.md:4:11: params.c: "<<" merges a mapping or a list of mappings, not "3"`,
	}, {
		name: "merge of a list with a text in it",
		yaml: "  b: &b {x: 1}\n  c: {<<: [*b, y]}\n",
		want: `content/x.md:5:16: params.c: "<<" merges a mapping or a list of mappings, not "y"`,
	}, {
		name: "merge of an alias of a list",
		yaml: "  l: &l [{x: 1}]\n  c: {<<: *l}\n",
		want: `content/x.md:5:11: params.c: "<<" merges a mapping or a list of mappings, not an alias of a list (write the list, like [*a, *b])`,
	}, {
		name: "a name that is not text",
		yaml: "  ? [a, b]\n  : 1\n",
		want: `content/x.md:4:5: params: names must be text, not a list`,
	}, {
		name: "a value that contains itself",
		yaml: "  x: &a [1, *a]\n",
		want: `content/x.md:4:13: params.x: the value contains itself through the alias *a`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := paramsOf(t, tc.yaml)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// Params that use neither merge keys nor anchors decode as they always did.
func TestParamsPlainValues(t *testing.T) {
	got, err := paramsOf(t, strings.Join([]string{
		"  s: text",
		"  q: \"2\"",
		"  i: 42",
		"  hex: 0x1F",
		"  big: 12345678901234",
		"  f: 2.5",
		"  inf: .inf",
		"  yes: true",
		"  no: no",
		"  none: ~",
		"  empty:",
		"  day: 2024-05-17",
		"  moment: 2024-05-17T10:00:00+08:00",
		"  tagged: !!int 7",
		"  badint: !!int seven",
		"  bin: !!binary aGk=",
		"  1: one",
		"  true: yes-name",
		"  ~: null-name",
		"  list: [1, x, ~, {a: b}]",
		"  nested: {a: {b: [c]}}",
		"  map: {}",
		"",
	}, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"s": "text", "q": "2", "i": 42, "hex": 31, "big": 12345678901234, "f": 2.5, "inf": math.Inf(1),
		"yes": true, "no": "no", "none": nil, "empty": nil,
		"day": "2024-05-17", "moment": "2024-05-17T10:00:00+08:00",
		"tagged": 7, "badint": "seven", "bin": "aGk=",
		"1": "one", "true": "yes-name", "~": "null-name",
		"list":   []any{1, "x", nil, map[string]any{"a": "b"}},
		"nested": map[string]any{"a": map[string]any{"b": []any{"c"}}},
		"map":    map[string]any{},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("params:\n got %#v\nwant %#v", got, want)
	}
}

// An anchor outside params that contains itself is caught too, and an
// anchor written elsewhere may be used.
func TestParamsAnchorsOutsideParams(t *testing.T) {
	f, err := content.Parse("content/x.md", []byte("---\ntitle: &t Expo\nparams: {name: *t}\n---\n"), opts)
	if err != nil || f.Front.Params["name"] != "Expo" || f.Front.Title != "Expo" {
		t.Errorf("got %v, %v", f, err)
	}
	_, err = content.Parse("content/x.md", []byte("---\ntitle: x\nsummary: &a [*a]\nparams: {x: *a}\n---\n"), opts)
	if err == nil || !strings.Contains(err.Error(), "params.x: the value contains itself through the alias *a") {
		t.Errorf("got %v", err)
	}
}

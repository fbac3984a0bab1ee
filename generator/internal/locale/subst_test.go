package locale

import (
	"maps"
	"math"
	"os"
	"slices"
	"testing"
	"time"
)

// argShapes are the arguments T is tried with: what the theme passes and
// what it might.
func argShapes() [][]any {
	strs := map[string]any{
		"Date": "17 мая 2024\u202fг.", "Time": "10:00", "Venue": "Экспоцентр", "City": "Харбин",
		"Lang": "中文", "Tag": "Торговля", "Name": "Анна", "X": "x", "nil": "n", "N1": "n1", "Имя": "имя",
	}
	var shapes [][]any
	shapes = append(shapes, nil)
	for _, n := range []any{
		0, 1, 2, 5, 11, 21, 101, 1000, 1001, -1, -21,
		int64(21), int64(-5), int64(math.MinInt64), int8(-3), int16(22), int32(25), uint(1), uint8(5), uint16(2),
		uint32(11), uint64(21), uint64(math.MaxUint64), uintptr(3),
		1.5, 2.0, float32(21), float32(0.1), 1e300,
	} {
		shapes = append(shapes, []any{n})
	}
	withCounts := func(base map[string]any) {
		for _, c := range []any{
			1, 2, 5, 21, 0, 11, int64(3), uint8(22), "5", "21", "1.5", "1.50", "-1", "abc", "", 1.5, nil, true, time.Second,
		} {
			m := cloneData(base)
			m["Count"] = c
			shapes = append(shapes, []any{m})
		}
	}
	withCounts(nil)
	withCounts(strs)
	all := cloneData(strs)
	all["Number"], all["Total"] = 2, int64(9)
	shapes = append(shapes,
		[]any{all},
		[]any{map[string]any{"Number": 2, "Total": 9}},
		[]any{map[string]any{"Number": uint8(2), "Total": int32(-9)}},
		[]any{map[string]any{"Number": 2}},                           // missing key
		[]any{map[string]any{"Number": 2, "Total": 9, "Extra": "x"}}, // extra key
		[]any{map[string]any{"Number": nil, "Total": 9}},             // nil value
		[]any{map[string]any{"Date": "17 мая", "Time": nil}},         // nil value
		[]any{map[string]any{"Date": "17 мая"}},                      // missing key
		[]any{map[string]any{"Number": 2.5, "Total": true}},          // types printed by fmt
		[]any{map[string]any{"Number": time.Second, "Total": []byte("9")}},
		[]any{map[string]any{"Venue": stringer("V"), "City": textType("C")}},
		[]any{map[string]any{"Date": &strs, "Time": struct{}{}}},
		[]any{map[string]any{"Tag": "<b>&amp;", "Lang": "\xff"}}, // printed as it is
		[]any{map[string]any{}},
		[]any{map[string]any(nil)},
		[]any{map[string]string(nil)},
		[]any{map[string]string{"Number": "2", "Total": "9", "Date": "17 мая", "Time": "10:00", "Venue": "V", "City": "C", "Tag": "t", "Lang": "l", "Name": "n"}},
		[]any{map[string]string{"Count": "5", "Name": "n"}},
		[]any{map[string]string{"Count": "abc"}},
		[]any{map[string]string{"Number": "2"}},
		[]any{5, map[string]any{"Number": 2, "Total": 9}},
		[]any{map[string]any{"Name": "n"}, 21},
		[]any{1, map[string]any{"Count": "одна"}},
		[]any{21, map[string]any{"Count": nil}},
		[]any{5, map[string]string{"Name": "n"}},
		[]any{5, map[string]string{"Count": "пять"}},
		[]any{1.5, map[string]any{"Name": "n"}},
		[]any{"5"},
		[]any{nil},
		[]any{struct{}{}},
		[]any{1, 2},
		[]any{map[string]any{}, map[string]string{}},
	)
	return shapes
}

func cloneData(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return maps.Clone(m)
}

type stringer string

func (s stringer) String() string { return "stringer " + string(s) }

type textType string

// checkSubstitute compares T with go-i18n alone for every message of s and
// every shape, and returns how many calls substitute answered.
func checkSubstitute(t *testing.T, s *Set) (fast int) {
	t.Helper()
	for _, code := range s.Codes() {
		l := s.For(code)
		for _, id := range slices.Sorted(maps.Keys(l.msgs)) {
			for _, args := range argShapes() {
				got, gotOK := l.render(id, args)
				want, wantOK := l.localize(id, args)
				if got != want || gotOK != wantOK {
					t.Errorf("%s T(%q, %#v) = %q, %v; go-i18n: %q, %v", code, id, args, got, gotOK, want, wantOK)
				}
				if _, ok := l.substitute(id, args); ok {
					fast++
				}
			}
		}
	}
	return fast
}

// T must give what go-i18n gives, whichever path it takes, for every
// message of the theme and the sample site.
func TestSubstituteMatchesGoI18n(t *testing.T) {
	set, err := Load(os.DirFS("../../.."), []string{"themes/default/i18n", "i18n"}, langs)
	if err != nil {
		t.Fatal(err)
	}
	if fast := checkSubstitute(t, set); fast < 5000 {
		t.Errorf("substitute answered only %d calls", fast)
	}
	// The calls the theme makes on most pages take the fast path.
	for _, code := range set.Codes() {
		l := set.For(code)
		for _, tc := range []struct {
			id   string
			args []any
		}{
			{"pageOf", []any{map[string]any{"Number": 2, "Total": 9}}},
			{"dateTime", []any{map[string]any{"Date": "17 мая 2024\u202fг.", "Time": "10:00"}}},
			{"eventPlace", []any{map[string]any{"Venue": "Экспоцентр", "City": "Харбин"}}},
			{"tagged", []any{map[string]any{"Tag": "Торговля"}}},
			{"readingTime", []any{1}},
			{"readingTime", []any{5}},
			{"readingTime", []any{22}},
			{"releaseCount", []any{21}},
			{"releaseCount", []any{int64(1000)}},
			{"events", nil},
		} {
			got, ok := l.substitute(tc.id, tc.args)
			if !ok {
				t.Errorf("%s T(%q, %v) does not take the fast path", code, tc.id, tc.args)
				continue
			}
			if want, _ := l.localize(tc.id, tc.args); got != want {
				t.Errorf("%s T(%q, %v) = %q, go-i18n %q", code, tc.id, tc.args, got, want)
			}
		}
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
}

// Forms of every shape substitute splits, and of shapes it must leave to
// go-i18n, against go-i18n.
func TestSubstituteEdgeCases(t *testing.T) {
	s := load(t, map[string]string{"i18n/ru.yaml": `spaces: "a {{ .Name }} b {{  .Name}}{{.Name  }}"
adjacent: "{{.Name}}{{.X}}"
whole: "{{.Name}}"
braces: "a }} {{.Name}}}} b"
digits: "{{.N1}}"
keyword: "{{.nil}}"
unicodeField: "{{.Имя}}"
tab: "{{	.Name}}"
trimLeft: "a {{- .Name }} b"
trimRight: "a {{ .Name -}} b"
comment: "a {{/* c */}} b"
dot: "{{.}}"
nested: "{{.Name.X}}"
pipe: '{{.Name | printf "%q"}}'
function: "{{len .Name}}"
condition: "{{if .Name}}yes{{end}}"
variable: "{{$x := .Name}}{{$x}}"
quoted: '{{"{{"}}'
customLiteral:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "{{.Name}}"
customAction:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "<<.Name>> {{.X}}"
customActionOnly:
  leftDelim: "<<"
  rightDelim: ">>"
  other: "<<.Count>>"
rightOnly:
  rightDelim: ">>"
  other: "{{.Name>>"
explicitDefault:
  leftDelim: "{{"
  rightDelim: "}}"
  other: "{{.Name}}"
empty: ""
plural:
  one: "{{.Count}} {{.Name}} один"
  few: "{{ .Count }} несколько"
  other: "{{.Count}} другое"
onlyOne:
  one: "{{.Count}} штука"
onlyFew:
  few: "несколько"
zeroForm:
  zero: "ноль"
  other: "{{.Count}}"
plain: Текст
`})
	if fast := checkSubstitute(t, s); fast < 300 {
		t.Errorf("substitute answered only %d calls", fast)
	}
	ru := s.For("ru")
	name := map[string]any{"Name": "n", "X": "x", "N1": 1, "nil": "n", "Имя": "n"}
	for id, want := range map[string]bool{
		"spaces": true, "adjacent": true, "whole": true, "braces": true, "digits": true, "keyword": true,
		"customLiteral": true, "explicitDefault": true, "plain": true, "empty": true,
		"unicodeField": false, "tab": false, "trimLeft": false, "trimRight": false, "comment": false,
		"dot": false, "nested": false, "pipe": false, "function": false, "condition": false, "variable": false,
		"quoted": false, "customAction": false, "customActionOnly": false, "rightOnly": false,
	} {
		if _, got := ru.substitute(id, []any{name}); got != want {
			t.Errorf("substitute(%q) answered: %v, want %v", id, got, want)
		}
	}
	// go-i18n parses a form only if it has the message's left delimiter.
	if got := ru.T("customLiteral"); got != "{{.Name}}" {
		t.Errorf("T(customLiteral) = %q", got)
	}
	if got := ru.T("customActionOnly"); got != "<no value>" {
		t.Errorf("T(customActionOnly) = %q", got)
	}
	if got := ru.T("braces", name); got != "a }} n}} b" {
		t.Errorf("T(braces) = %q", got)
	}
}

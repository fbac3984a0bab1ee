package theme

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

type execItem struct{ Name, URL string }

type execData struct {
	Name     string
	URL      string
	Num      int
	Float    float64
	Bool     bool
	Ptr      *execItem
	Nil      *execItem
	Map      map[string]any
	Iface    any
	Items    []execItem
	Empty    []execItem
	HTML     template.HTML
	Stringer execStringer
	Err      error
	Kind     execKind
	RV       reflect.Value
	Go       bool // the cold-start cases render nothing while it is false
}

type execStringer struct{ n int }

func (s execStringer) String() string { return strings.Repeat("*", s.n) }

type execKind string

func (d execData) Value() string           { return "value:" + d.Name }
func (d *execData) Pointer() string        { return "pointer:" + d.Name }
func (d *execData) Twice(s string) string  { return s + s }
func (d *execData) Fails() (string, error) { return "", errors.New("it failed") }

func newExecData() *execData {
	name := `<b>"Tom" & 'Jerry'+ü</b>`
	return &execData{
		Name: name, URL: "/news/a b?x=1&y=\"2\"#top", Num: 3, Float: 2.5, Bool: true,
		Ptr:      &execItem{Name: "ptr " + name, URL: "javascript:alert(1)"},
		Map:      map[string]any{"key": name, "n": 2, "list": []string{"a", "b"}},
		Iface:    execItem{Name: "iface"},
		Items:    []execItem{{"one", "/1"}, {"two", "/2"}, {"three <3>", "/3"}},
		HTML:     "<em>safe</em>",
		Stringer: execStringer{3},
		Err:      errors.New("an <error>"),
		Kind:     "page",
		RV:       reflect.ValueOf(0),
		Go:       true,
	}
}

// Each layout renders the same through the compiled templates as through
// html/template, and, where exec.go covers everything it uses, is compiled
// and never handed back.
func TestCompiledTemplatesMatchHTMLTemplate(t *testing.T) {
	cases := []struct {
		name, layout string
		compiled     bool // false: html/template must render it
	}{
		{"printf", `{{ printf "%T %d %s" . .Num .Name }} {{ print .Num .Name }} {{ println .Bool }} {{ urlquery .Name }} {{ js .Name }}`, true},
		{"predefined escaper", `{{ html .Name .Num }}|{{ .Name | html }}`, true},
		{"fields", `{{ .Name }}|{{ .Ptr.Name }}|{{ .Map.key }}|{{ .Map.missing }}|{{ .Iface.Name }}|{{ .Num }}|{{ .Float }}|{{ .Bool }}|{{ .HTML }}|{{ .Stringer }}|{{ .Err }}|{{ .Kind }}|{{ .Nil }}|{{ .Empty }}|{{ .Map.list }}`, true},
		{"methods", `{{ .Value }} {{ .Pointer }} {{ .Twice "ab" }} {{ "cd" | .Twice }} {{ .Ptr.Name | .Twice }}`, true},
		{"contexts", `<a href="{{ .URL }}" title="{{ .Name }}" data-x={{ .Name }}>{{ .Name }}</a><a href="{{ .Ptr.URL }}">x</a><a href="/q?s={{ .Name }}&t={{ .URL }}">q</a><title>{{ .Name }} {{ .HTML }}</title><textarea>{{ .Name }}</textarea>`, true},
		{"conditions", `{{ if .Bool }}yes{{ else }}no{{ end }}{{ if .Nil }}nil{{ else if .Empty }}empty{{ else if .Items }}items{{ end }}{{ with .Ptr }}{{ .Name }}{{ end }}{{ with .Nil }}x{{ else }}none{{ end }}{{ with $x := .Num }}{{ $x }}{{ . }}{{ end }}`, true},
		{"ranges", `{{ range .Items }}[{{ .Name }}]{{ end }}{{ range $i, $t := .Items }}{{ if $i }}, {{ end }}{{ $i }}={{ $t.Name }}{{ $.Num }}{{ end }}{{ range .Empty }}x{{ else }}empty{{ end }}{{ range .Map.none }}x{{ else }}none{{ end }}{{ range $x := .Items }}{{ $x.URL }}{{ end }}{{ range .Map.list }}{{ . }}{{ end }}`, true},
		{"variables", `{{ $x := 1 }}{{ $x }}{{ $x = "two" }}{{ $x }}{{ with .Ptr }}{{ $x = .Name }}{{ end }}{{ $x }}{{ $y := .Items }}{{ range $y }}{{ $x }}{{ end }}{{ $.Name }}`, true},
		{"builtins", `{{ eq .Num 3 }} {{ eq .Kind "page" }} {{ eq .Num 1 2 3 }} {{ ne .Name "x" }} {{ lt .Num 4 }} {{ le .Num 3 }} {{ gt .Float 2.0 }} {{ ge "b" "a" }} {{ and .Bool .Num }} {{ and .Bool 0 }} {{ or 0 "" .Name }} {{ or 0 "" }} {{ not .Bool }} {{ len .Items }} {{ index .Items 1 }} {{ (index .Items 2).Name }} {{ index .Map "key" }} {{ index .Map "none" }} {{ .Num | eq 3 }}`, true},
		{"functions", `{{ dict "a" 1 "b" .Name }} {{ add .Num 2 }} {{ html .Name }} {{ T "x" }} {{ tag "y" }} {{ absURL "/p/" }}`, true},
		{"templates", `{{ define "p" }}{{ .Name }}{{ end }}{{ template "p" . }}<a title="{{ template "p" . }}">{{ template "p" .Ptr }}</a><title>{{ template "p" . }}</title>{{ block "b" .Ptr }}{{ .URL }}{{ end }}`, true},
		{"partialCached", `{{ range .Items }}{{ partialCached "partials/item.html" . }}{{ end }}`, true},
		{"comparison left to html/template", `{{ eq .Num 3.0 }}`, false},
		{"a reflect.Value for a built-in", `{{ not .RV }}|{{ .RV | not }}|{{ and .RV 1 }}|{{ or .RV 1 }}`, false},
		{"range over a map", `{{ range $k, $v := .Map }}{{ $k }}{{ end }}`, false},
		{"break", `{{ range .Items }}{{ break }}{{ end }}`, false},
	}
	files := map[string]string{"partials/item.html": `<li><a href="{{ .URL }}">{{ .Name }}</a></li>`}
	for i, c := range cases {
		files[layoutName(i)] = c.layout
		if !strings.Contains(c.layout, "define") {
			// Compiled from a run that took none of the branches, so that
			// every path below runs compiled for the first time.
			files["cold-"+layoutName(i)] = `{{ if .Go }}` + c.layout + `{{ end }}`
		}
	}
	fast := loadTest(t, files)
	slow := loadTest(t, files)
	slow.Interpret()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := layoutName(i)
			want, werr := slow.Render([]string{name}, "en", newExecData())
			var got []byte
			var gerr error
			for range 3 { // the first run escapes the layout, the next are compiled
				got, gerr = fast.Render([]string{name}, "en", newExecData())
			}
			if werr != nil && c.compiled {
				t.Fatalf("html/template: %v", werr)
			}
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Fatalf("error %v, html/template %v", gerr, werr)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("compiled:\n%s\nhtml/template:\n%s", got, want)
			}
			l := fast.layouts[name]["en"]
			p := l.fast.get(l.entry)
			if c.compiled && (p == nil || l.fast.fallbacks.Load() > 0 || l.fast.runs.Load() < 2) {
				t.Errorf("not compiled (%v), or handed back %d times; %d compiled runs", p != nil, l.fast.fallbacks.Load(), l.fast.runs.Load())
			}
			if !c.compiled && l.fast.runs.Load() > 0 {
				t.Errorf("%d compiled runs of a layout exec.go does not cover", l.fast.runs.Load())
			}
			cold := "cold-" + name
			if _, ok := files[cold]; !ok {
				return
			}
			off := newExecData()
			off.Go = false
			if _, err := fast.Render([]string{cold}, "en", off); err != nil {
				t.Fatal(err)
			}
			for range 2 {
				got, gerr = fast.Render([]string{cold}, "en", newExecData())
				if (werr == nil) != (gerr == nil) || werr != nil && errTail(gerr) != errTail(werr) {
					t.Fatalf("cold start: error %v, html/template %v", gerr, werr)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("cold start, compiled:\n%s\nhtml/template:\n%s", got, want)
				}
			}
			cl := fast.layouts[cold]["en"]
			if c.compiled && (cl.fast.get(cl.entry) == nil || cl.fast.fallbacks.Load() > 0 || cl.fast.runs.Load() < 2) {
				t.Errorf("cold start: not compiled, or handed back %d times; %d compiled runs", cl.fast.fallbacks.Load(), cl.fast.runs.Load())
			}
		})
	}
}

// errTail is a template error from the action on: the same for a layout
// and its cold-start copy, which differ in name and column.
func errTail(err error) string {
	_, tail, _ := strings.Cut(err.Error(), " at <")
	return tail
}

func layoutName(i int) string { return "case" + string(rune('a'+i)) + ".html" }

// An error in a compiled template is html/template's error: the page is
// rendered again by html/template, which reports it.
func TestCompiledTemplateErrorsAreHTMLTemplates(t *testing.T) {
	files := map[string]string{
		"nil.html":   `{{ if .Bool }}{{ .Nil.Name }}{{ end }}`,
		"fails.html": `a{{ if .Bool }}{{ .Fails }}{{ end }}`,
		"field.html": `{{ if .Bool }}{{ .Missing }}{{ end }}`,
	}
	fast := loadTest(t, files)
	slow := loadTest(t, files)
	slow.Interpret()
	for name := range files {
		ok := newExecData()
		ok.Bool = false
		if _, err := fast.Render([]string{name}, "en", ok); err != nil { // escapes and compiles
			t.Fatal(err)
		}
		_, werr := slow.Render([]string{name}, "en", newExecData())
		_, gerr := fast.Render([]string{name}, "en", newExecData())
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Errorf("%s: error %v, html/template %v", name, gerr, werr)
		}
		l := fast.layouts[name]["en"]
		if l.fast.get(l.entry) == nil || l.fast.fallbacks.Load() != 1 {
			t.Errorf("%s: compiled %v, handed back %d times; want compiled, once", name, l.fast.get(l.entry) != nil, l.fast.fallbacks.Load())
		}
	}
}

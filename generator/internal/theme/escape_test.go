package theme

import (
	"errors"
	"html/template"
	"strings"
	"testing"
	"unsafe"
)

// The escapers are checked against html/template itself: each case is a
// template whose one action html/template escapes with the listed
// functions, and our functions composed in the same order, wrapped in the
// same literal text, must give the same bytes.
var escCases = []struct {
	name, src, prefix, suffix string
	funcs                     []string // the escaped action's pipeline after "."
}{
	{"text", `<p>{{.}}</p>`, `<p>`, `</p>`, []string{"_html_template_htmlescaper"}},
	{"attr", `<p title="{{.}}">`, `<p title="`, `">`, []string{"_html_template_attrescaper"}},
	{"rcdata", `<title>{{.}}</title>`, `<title>`, `</title>`, []string{"_html_template_rcdataescaper"}},
	{"url", `<a href="{{.}}">`, `<a href="`, `">`,
		[]string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{"query", `<a href="/x?q={{.}}">`, `<a href="/x?q=`, `">`,
		[]string{"_html_template_urlescaper", "_html_template_attrescaper"}},
	{"nospace", `<p title={{.}}>`, `<p title=`, `>`, []string{"_html_template_nospaceescaper"}},
}

var escInputs = []string{
	"", "plain", "<>&\"'+", "a < b && c > d", "<b>bold</b>", "I <3 Ponies", "<!-- c -->x", "x<",
	"&amp; &lt; &#39;", "javascript:alert(1)", "JavaScript:x", " javascript:x", "mailto:a@b",
	"MAILTO:a@b", "HTTPS://x", "httpſ://x", "ftp://x", "/a:b", "a/b:c", ":x", "#frag", "?q=1",
	"http://x/ü?a=b&c=d#f", "%zz", "%41", "%4", "a%4", "a%41", "%", "100%", "/path with space",
	"\xff\xfe", "\x00", "a\x00b", "\uFDD0", "\uFDEF\uFDF0\uFFEF\uFFF0\uFFFD\uFFFF", "\xef\xbf", "\xed\xa0\x80",
	"中文新闻", "Новости Москвы", "tab\tnl\nvt\vff\fcr\r", "a=b`c", "(x)[y]{z}!$*,;@~._-",
	"ZgotmplZ", "<script>alert(1)</script>", `<a href="x">y</a>`, "<p title='1>2'>t</p>",
}

// escStringer and friends are argument types that go through fmt.
type escStringer struct{ s string }

func (x escStringer) String() string { return "S<" + x.s + ">" }

type escPtrStringer struct{ s string }

func (x *escPtrStringer) String() string { return "P<" + x.s + ">" }

type escError struct{ s string }

func (x escError) Error() string { return "E&" + x.s }

type escNamed string

type escNamedHTML template.HTML

const escKinds = 27

// escArg makes an argument of the selected kind from s.
func escArg(s string, kind uint8) any {
	switch kind % escKinds {
	case 0:
		return s
	case 1:
		return template.HTML(s)
	case 2:
		return template.URL(s)
	case 3:
		return template.HTMLAttr(s)
	case 4:
		return template.JS(s)
	case 5:
		return template.CSS(s)
	case 6:
		return &s
	case 7:
		return len(s) - 3
	case 8:
		return nil
	case 9:
		return escStringer{s}
	case 10:
		return escError{s}
	case 11:
		return escNamed(s)
	case 12:
		return template.JSStr(s)
	case 13:
		return template.Srcset(s)
	case 14:
		h := template.HTML(s)
		return &h
	case 15:
		p := &s
		return &p
	case 16:
		var a any = s
		return &a
	case 17:
		return (*string)(nil)
	case 18:
		return []byte(s)
	case 19:
		return (*escPtrStringer)(nil)
	case 20:
		return &escPtrStringer{s}
	case 21:
		return len(s)%2 == 0
	case 22:
		return int64(len(s)) << 40
	case 23:
		return struct{ S string }{s}
	case 24:
		return escNamedHTML(s)
	case 25:
		return errors.New(s)
	case 26:
		n := len(s)
		p := &n
		return &p
	}
	panic("unreachable")
}

// escParse parses and escapes every case's template and checks that
// html/template chose the pipeline the case composes.
func escParse(tb testing.TB) []*template.Template {
	tb.Helper()
	ts := make([]*template.Template, len(escCases))
	for i, c := range escCases {
		t := template.Must(template.New(c.name).Parse(c.src))
		if err := t.Execute(new(strings.Builder), "x"); err != nil { // escapes t
			tb.Fatal(err)
		}
		want := "{{. | " + strings.Join(c.funcs, " | ") + "}}"
		if got := t.Tree.Root.String(); !strings.Contains(got, want) {
			tb.Fatalf("%s: escaped template is %s, want an action %s", c.name, got, want)
		}
		ts[i] = t
	}
	return ts
}

// escCompare runs one case on arg with html/template and with ours. It
// returns false if one of our functions declined (ok=false).
func escCompare(t *testing.T, tmpl *template.Template, ci int, arg any) bool {
	t.Helper()
	c := escCases[ci]
	var got any = arg
	for _, name := range c.funcs {
		f := escaperFor(name)
		if f == nil {
			t.Fatalf("escaperFor(%q) is nil", name)
		}
		s, ok := f(got)
		if !ok {
			return false
		}
		got = s
	}
	var want strings.Builder
	if err := tmpl.Execute(&want, arg); err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	if out := c.prefix + got.(string) + c.suffix; out != want.String() {
		t.Errorf("%s (%T %#v):\n got %q\nwant %q", c.name, arg, arg, out, want.String())
	}
	return true
}

// escDeclines is when an escaper is expected to return ok=false: the
// template.HTML content of an attribute, which html/template passes through
// stripTags, unless it has no '<'.
func escDeclines(ci int, arg any) bool {
	var h template.HTML
	switch v := arg.(type) {
	case template.HTML:
		h = v
	case *template.HTML:
		h = *v
	default:
		return false
	}
	// Only a first function sees the HTML type; later ones get a string.
	switch escCases[ci].funcs[0] {
	case "_html_template_attrescaper", "_html_template_nospaceescaper":
		return strings.Contains(string(h), "<")
	}
	return false
}

func TestEscapersMatchHTMLTemplate(t *testing.T) {
	tmpls := escParse(t)
	declined := 0
	for _, in := range escInputs {
		for kind := range uint8(escKinds) {
			for ci := range escCases {
				arg := escArg(in, kind)
				ok := escCompare(t, tmpls[ci], ci, arg)
				if want := !escDeclines(ci, arg); ok != want {
					t.Errorf("%s (%T %q): ok = %v, want %v", escCases[ci].name, arg, in, ok, want)
				}
				if !ok {
					declined++
				}
			}
		}
	}
	t.Logf("%d inputs × %d kinds × %d cases, %d declined", len(escInputs), escKinds, len(escCases), declined)
}

func TestEscaperForOtherNames(t *testing.T) {
	for _, name := range []string{"", "html", "urlquery", "_html_template_jsvalescaper",
		"_html_template_cssescaper", "_html_template_srcsetescaper", "_html_template_commentescaper",
		"_html_template_htmlnamefilter", "_html_template_jsstrescaper", "_eval_args_"} {
		if escaperFor(name) != nil {
			t.Errorf("escaperFor(%q) is not nil", name)
		}
	}
}

// A plain string that needs no escaping comes back as the same string,
// without allocating.
func TestEscapersReturnPlainInputUncopied(t *testing.T) {
	for _, c := range []struct{ name, in string }{
		{"_html_template_htmlescaper", "Concert: Бах и Гендель — Berlin 2024 ½ €"},
		{"_html_template_attrescaper", "Concert: Бах и Гендель — Berlin 2024"},
		{"_html_template_rcdataescaper", "Concert: Бах и Гендель — Berlin 2024"},
		{"_html_template_nospaceescaper", "event-card:Бах\uFFEF\uFDCF"},
		{"_html_template_urlfilter", "https://example.org/events/2024/bach?x=1#y"},
		{"_html_template_urlnormalizer", "https://example.org/events/2024/bach?x=%41#y"},
		{"_html_template_urlescaper", "bach-concert_2024.html~"},
	} {
		f := escaperFor(c.name)
		var arg any = strings.Clone(c.in)
		got, ok := f(arg)
		if !ok || got != c.in {
			t.Errorf("%s(%q) = %q, %v", c.name, c.in, got, ok)
			continue
		}
		if unsafe.StringData(got) != unsafe.StringData(arg.(string)) {
			t.Errorf("%s(%q) returned a copy", c.name, c.in)
		}
		if n := testing.AllocsPerRun(100, func() { f(arg) }); n != 0 {
			t.Errorf("%s(%q): %v allocations", c.name, c.in, n)
		}
	}
}

func FuzzEscapers(f *testing.F) {
	for _, in := range escInputs {
		for kind := range uint8(escKinds) {
			f.Add(in, kind)
		}
	}
	tmpls := escParse(f)
	f.Fuzz(func(t *testing.T, in string, kind uint8) {
		for _, name := range []string{"_html_template_htmlescaper", "_html_template_attrescaper", "_html_template_rcdataescaper",
			"_html_template_nospaceescaper", "_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_urlescaper"} {
			if want, _ := escaperFor(name)(in); escaperForString(name)(in) != want {
				t.Errorf("%s(%q): the string form differs", name, in)
			}
		}
		for ci := range escCases {
			arg := escArg(in, kind)
			if ok := escCompare(t, tmpls[ci], ci, arg); ok != !escDeclines(ci, arg) {
				t.Errorf("%s (%T %q): ok = %v", escCases[ci].name, arg, in, ok)
			}
		}
	})
}

func BenchmarkEscapers(b *testing.B) {
	for _, c := range []struct{ name, plain, escape string }{
		{"_html_template_htmlescaper", "Concert: Бах и Гендель — Berlin 2024", `Bach & Händel: "Messiah" <live>`},
		{"_html_template_attrescaper", "Concert: Бах и Гендель — Berlin 2024", `Bach & Händel: "Messiah" <live>`},
		{"_html_template_rcdataescaper", "Concert: Бах и Гендель — Berlin 2024", `Bach & Händel: "Messiah" <live>`},
		{"_html_template_nospaceescaper", "event-card", "event card"},
		{"_html_template_urlfilter", "https://example.org/events/2024/bach-concert/", "javascript:alert(1)"},
		{"_html_template_urlnormalizer", "https://example.org/events/2024/bach-concert/", "https://example.org/события/2024/bach concert/"},
		{"_html_template_urlescaper", "bach-concert_2024", "Bach & Händel"},
	} {
		f := escaperFor(c.name)
		short := strings.TrimPrefix(c.name, "_html_template_")
		for _, in := range []struct{ kind, s string }{{"plain", c.plain}, {"escape", c.escape}} {
			var arg any = in.s
			b.Run(short+"/"+in.kind, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					f(arg)
				}
			})
		}
	}
	var arg any = 2024
	b.Run("htmlescaper/int", func(b *testing.B) {
		f := escaperFor("_html_template_htmlescaper")
		b.ReportAllocs()
		for b.Loop() {
			f(arg)
		}
	})
}

// escaperForString gives, for a plain string, what escaperFor's function
// gives for it.
func TestEscaperForStringMatchesEscaperFor(t *testing.T) {
	names := []string{"_html_template_htmlescaper", "_html_template_attrescaper", "_html_template_rcdataescaper",
		"_html_template_nospaceescaper", "_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_urlescaper"}
	for _, name := range names {
		f, fs := escaperFor(name), escaperForString(name)
		for _, in := range append(escInputs, "", "plain") {
			want, ok := f(in)
			if got := fs(in); !ok || got != want {
				t.Errorf("%s(%q) = %q, escaperFor gives %q (ok %v)", name, in, got, want, ok)
			}
		}
	}
	if escaperForString("_html_template_jsvalescaper") != nil {
		t.Error("a function for an escaper escaperFor does not implement")
	}
}

package theme

import (
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"
)

func TestConstantStringsAreFoldedPerLanguageAndEscapedAsBefore(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("baseURL: https://example.org/\nlanguages:\n" +
			"  - {code: en, name: English, locale: en, title: News}\n  - {code: ru, name: Русский, locale: ru, title: Новости}\n")},
		"i18n/en.yaml":                           {Data: []byte("hello: \"Hi <you> & 'them' + \\\"us\\\"\"\nn: \"{{.Count}} items\"\n")},
		"i18n/ru.yaml":                           {Data: []byte("hello: \"Привет\"\n")},
		"themes/default/layouts/partials/p.html": {Data: []byte(`<i>{{ T "hello" }}</i>`)},
		"themes/default/layouts/page.html": {Data: []byte(
			`<b title="{{ T "hello" }}">{{ T "hello" }}</b>{{ if eq (T "hello") "Привет" }}ru{{ end }}{{ template "partials/p.html" . }}|{{ T "n" 3 }}|{{ T "missing" }}|{{ 4 | T "n" }}`)},
	}
	th := loadFS(t, fsys)
	const esc = `Hi &lt;you&gt; &amp; &#39;them&#39; &#43; &#34;us&#34;`
	if got, want := render(t, th, "page.html", "en", nil), `<b title="`+esc+`">`+esc+`</b><i>`+esc+`</i>|3 items|missing|4 items`; got != want {
		t.Errorf("en:\n got %s\nwant %s", got, want)
	}
	if got, want := render(t, th, "page.html", "ru", nil), `<b title="Привет">Привет</b>ru<i>Привет</i>|n|missing|n`; got != want {
		t.Errorf("ru:\n got %s\nwant %s", got, want)
	}
	// Only T with arguments, or a value piped into it, is still called.
	for _, lang := range []string{"en", "ru"} {
		for _, x := range th.layouts["page.html"][lang].Templates() {
			var calls []string
			var walk func(parse.Node)
			walk = func(n parse.Node) {
				switch n := n.(type) {
				case *parse.ListNode:
					for _, c := range n.Nodes {
						walk(c)
					}
				case *parse.ActionNode:
					walk(n.Pipe)
				case *parse.IfNode:
					walk(n.Pipe)
					walk(n.List)
				case *parse.PipeNode:
					for _, c := range n.Cmds {
						if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "T" {
							calls = append(calls, c.String())
						}
						for _, a := range c.Args {
							if p, ok := a.(*parse.PipeNode); ok {
								walk(p)
							}
						}
					}
				}
			}
			if x.Tree != nil {
				walk(x.Tree.Root)
			}
			if len(calls) > 0 && strings.Join(calls, ";") != `T "n" 3;T "n"` {
				t.Errorf("%s %s: T still called as %v", lang, x.Name(), calls)
			}
		}
	}
}

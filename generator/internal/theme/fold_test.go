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

// relURL with a constant path in an href or src is folded into the text
// when html/template would write its URL unchanged; elsewhere it is
// called and escaped. Either way a page shows what the call gives.
func TestRelURLIsFoldedWhereItChangesNothing(t *testing.T) {
	page := `<link href="{{ relURL "css/main.css" }}"><img src="{{ relURL "/img/a b.png" }}">` +
		`{{ if true }}<a href="{{ relURL "" }}">home</a>{{ end }}<p title="{{ relURL "x" }}">` +
		`<script>var u = {{ relURL "js/a.js" }};</script>`
	for base, want := range map[string]string{
		"https://example.org/": `<link href="/css/main.css"><img src="/img/a%20b.png">` +
			`<a href="/">home</a><p title="/x"><script>var u = "/js/a.js";</script>`,
		"https://example.org/press/": `<link href="/press/css/main.css"><img src="/press/img/a%20b.png">` +
			`<a href="/press/">home</a><p title="/press/x"><script>var u = "/press/js/a.js";</script>`,
		"https://example.org/a&b/": `<link href="/a&amp;b/css/main.css"><img src="/a&amp;b/img/a%20b.png">` +
			`<a href="/a&amp;b/">home</a><p title="/a&amp;b/x"><script>var u = "/a\u0026b/js/a.js";</script>`,
	} {
		th := loadFS(t, fstest.MapFS{
			"site.yaml":                        {Data: []byte("baseURL: " + base + "\nlanguages:\n  - {code: en}\n")},
			"themes/default/layouts/page.html": {Data: []byte(page)},
		})
		if got := render(t, th, "page.html", "en", nil); got != want {
			t.Errorf("%s:\n got %s\nwant %s", base, got, want)
		}
		var calls []string
		var walk func(parse.Node)
		walk = func(n parse.Node) {
			switch n := n.(type) {
			case *parse.ListNode:
				for _, c := range n.Nodes {
					walk(c)
				}
			case *parse.IfNode:
				walk(n.List)
			case *parse.ActionNode: // escaped: relURL and the escapers after it
				if id, ok := n.Pipe.Cmds[0].Args[0].(*parse.IdentifierNode); ok && id.Ident == "relURL" {
					calls = append(calls, n.Pipe.Cmds[0].Args[1].(*parse.StringNode).Text)
				}
			}
		}
		walk(th.layouts["page.html"]["en"].Tree.Root)
		folded := []string{"/img/a b.png", "x", "js/a.js"} // a space to escape, not an attribute's URL, script
		if base == "https://example.org/a&b/" {
			folded = []string{"css/main.css", "/img/a b.png", "", "x", "js/a.js"} // "&" is escaped
		}
		if strings.Join(calls, "|") != strings.Join(folded, "|") {
			t.Errorf("%s: relURL still called for %q, want %q", base, calls, folded)
		}
	}
}

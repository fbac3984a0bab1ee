package theme

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/eventnews/gen/generator/internal/locale"
)

// foldT replaces every {{ T "id" }} without further arguments in the
// templates of one language's clone by the string it translates to, before
// html/template escapes them: the string is then escaped for its context as
// T's result was, and each page skips one reflective call per string. A
// clone's trees are its own (html/template copies them), so folding one
// language leaves the others alone.
func foldT(set *template.Template, l *locale.Locale) {
	for _, x := range set.Templates() {
		if x.Tree != nil {
			foldNode(x.Tree.Root, l)
		}
	}
}

func foldNode(n parse.Node, l *locale.Locale) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldNode(c, l)
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, l)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, l)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, l)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, l)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, l)
	}
}

func foldBranch(b *parse.BranchNode, l *locale.Locale) {
	foldPipe(b.Pipe, l)
	foldNode(b.List, l)
	foldNode(b.ElseList, l)
}

func foldPipe(p *parse.PipeNode, l *locale.Locale) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		// Only the first command: a later one gets the value piped into it
		// as one more argument ({{ 3 | T "n" }}).
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && i == 0 && id.Ident == "T" && len(c.Args) == 2 {
			if s, ok := c.Args[1].(*parse.StringNode); ok {
				text := ""
				if l != nil {
					text = l.T(s.Text)
				}
				c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: id.Pos, Quoted: strconv.Quote(text), Text: text}}
				continue
			}
		}
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				foldPipe(sub, l)
			}
		}
	}
}

// foldRelURL replaces {{ relURL "path" }} at the start of a double-quoted
// href or src attribute by the URL it gives (rel), as template text, when
// that URL holds only letters, digits and "/._~%-": html/template would
// write it unchanged there, and each page skips the call and the three
// escapers that follow it, which cost as much as a tenth of all rendering
// time in the default theme's head. Anywhere else, or with other
// characters, the call stays and is escaped as usual.
func foldRelURL(set *template.Template, rel func(string) string) {
	for _, x := range set.Templates() {
		if x.Tree != nil {
			foldRelList(x.Tree.Root, rel)
		}
	}
}

// urlAttrStart is template text that ends where a URL attribute's value
// starts.
var urlAttrStart = regexp.MustCompile(`\s(?:href|src)="$`)

func foldRelList(n parse.Node, rel func(string) string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for i, c := range n.Nodes {
			if arg, ok := relURLConst(c); ok && i > 0 {
				prev, isText := n.Nodes[i-1].(*parse.TextNode)
				if u := rel(arg); isText && urlAttrStart.Match(prev.Text) && plainURL(u) {
					n.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: c.Position(), Text: []byte(u)}
				}
				continue
			}
			foldRelList(c, rel)
		}
	case *parse.IfNode:
		foldRelList(n.List, rel)
		foldRelList(n.ElseList, rel)
	case *parse.RangeNode:
		foldRelList(n.List, rel)
		foldRelList(n.ElseList, rel)
	case *parse.WithNode:
		foldRelList(n.List, rel)
		foldRelList(n.ElseList, rel)
	}
}

// relURLConst returns "path" of an action {{ relURL "path" }}.
func relURLConst(n parse.Node) (string, bool) {
	a, ok := n.(*parse.ActionNode)
	if !ok || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 2 {
		return "", false
	}
	args := a.Pipe.Cmds[0].Args
	id, ok := args[0].(*parse.IdentifierNode)
	s, isString := args[1].(*parse.StringNode)
	if !ok || !isString || id.Ident != "relURL" {
		return "", false
	}
	return s.Text, true
}

// plainURL reports whether u holds only characters that html/template
// leaves as they are in a URL attribute.
func plainURL(u string) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("/._~%-", c) >= 0) {
			return false
		}
	}
	return u != ""
}

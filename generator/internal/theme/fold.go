package theme

import (
	"html/template"
	"strconv"
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

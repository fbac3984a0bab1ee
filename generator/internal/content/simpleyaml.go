package content

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseSimple reads the YAML that front matter is nearly always written
// in, a few times faster than yaml.v3: keys at the start of a line, each
// with a value on the same line or with a mapping of such keys indented
// below it; values are plain, single- or double-quoted scalars without
// escapes, or flow lists of them ("[trade, expo]"), each on one line. It
// returns the document node that yaml.v3 would return, or nil for anything
// else (comments, tabs, block lists, multi-line or empty values, escapes,
// anchors, tags, flow mappings, anything yaml.v3 would reject), which
// yaml.v3 then reads. TestParseSimpleIsYAML and FuzzParseSimple hold it to
// the nodes yaml.v3 makes.
func parseSimple(text []byte) *yaml.Node {
	if !simpleRunes(text) {
		return nil
	}
	// Every node is taken from one slice and every value is a substring
	// of one string.
	y := &simple{
		text:  string(text),
		nodes: make([]yaml.Node, 0, 2*bytes.Count(text, []byte("\n"))+bytes.Count(text, []byte(","))+4),
	}
	root := y.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	at := 0               // offset of the line in text
	var nested *yaml.Node // the mapping being filled below a key, or nil
	indent := 0           // its indentation
	open := false         // the last top-level key has no value yet
	for line := 1; len(text) > 0; line++ {
		var l []byte
		l, text, _ = bytes.Cut(text, []byte("\n"))
		y.line, y.at = line, at
		at += len(l) + 1
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		switch {
		case n == len(l): // blank
			continue
		case n == 0:
			if open {
				return nil // a null value
			}
			nested = nil
		case open:
			nested = y.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: n + 1})
			indent = n
			root.Content = append(root.Content, nested)
			open = false
		case nested == nil || n != indent:
			return nil
		}
		k, v, ok := y.entry(l, n)
		if !ok {
			return nil
		}
		if nested != nil {
			if v == nil {
				return nil // no deeper mappings
			}
			nested.Content = append(nested.Content, k, v)
			continue
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = k.Line, k.Column
		}
		root.Content = append(root.Content, k)
		if v == nil {
			open = true
			continue
		}
		root.Content = append(root.Content, v)
	}
	if open || len(root.Content) == 0 {
		return nil
	}
	return y.node(yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}})
}

// simple is the state of one parseSimple: the text, the line being read
// and the nodes made so far.
type simple struct {
	text     string
	line, at int // the line being read and its offset in text
	nodes    []yaml.Node
	// The last column counted: line, byte offset in it, column.
	colLine, colAt, col int
}

func (y *simple) node(n yaml.Node) *yaml.Node {
	if len(y.nodes) == cap(y.nodes) {
		y.nodes = make([]yaml.Node, 0, 8)
	}
	y.nodes = append(y.nodes, n)
	return &y.nodes[len(y.nodes)-1]
}

// str returns l[i:j], l being the line being read, as a substring of text.
func (y *simple) str(i, j int) string {
	return y.text[y.at+i : y.at+j]
}

// simpleRunes reports whether text holds only characters that YAML takes
// as printable and not as line breaks, and no tab.
func simpleRunes(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0xA0, // C1 controls and NEL
			r == 0x2028 || r == 0x2029 || r == 0xFEFF,
			0xD800 <= r && r < 0xE000, r == 0xFFFE || r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// entry reads "key: value" from line l, whose key starts at byte n. A
// key with nothing after it has a nil value.
func (y *simple) entry(l []byte, n int) (k, v *yaml.Node, ok bool) {
	i := n
	for i < len(l) && i-n < 64 && (isKeyByte(l[i]) || i > n && l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == n || i == len(l) || l[i] != ':' {
		return nil, nil, false
	}
	k = y.plain(n, i, n+1)
	i++
	if i < len(l) && l[i] != ' ' {
		return nil, nil, false
	}
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i == len(l) {
		return k, nil, true
	}
	switch l[i] {
	case '[':
		v = y.list(l, i)
	case '"', '\'':
		var end int
		v, end = y.quoted(l, i)
		if v != nil && !blank(l[end:]) {
			v = nil
		}
	default:
		v = y.scalar(l, i, len(l), i+1, false)
	}
	return k, v, v != nil
}

func isKeyByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

func blank(s []byte) bool {
	return len(bytes.TrimLeft(s, " ")) == 0
}

// plain makes the node of the plain scalar l[i:j] at column col, tagged as
// yaml.v3 tags it.
func (y *simple) plain(i, j, col int) *yaml.Node {
	n := y.node(yaml.Node{Kind: yaml.ScalarNode, Value: y.str(i, j), Line: y.line, Column: col})
	n.Tag = n.ShortTag()
	return n
}

// scalar reads a plain scalar that is all of l[i:j] but trailing spaces;
// in a flow list (flow) it may hold fewer characters. col is the column
// of l[i].
func (y *simple) scalar(l []byte, i, j, col int, flow bool) *yaml.Node {
	s := bytes.TrimRight(l[i:j], " ")
	if len(s) == 0 || string(s) == "<<" {
		return nil
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return nil
	}
	if s[len(s)-1] == ':' || bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte(" #")) {
		return nil
	}
	if flow && bytes.ContainsAny(s, ":#,?[]{}'\"") {
		return nil
	}
	return y.plain(i, i+len(s), col)
}

// quoted reads the quoted scalar that starts at l[i], without escapes,
// and returns the offset after its closing quote.
func (y *simple) quoted(l []byte, i int) (*yaml.Node, int) {
	q := l[i]
	j := bytes.IndexByte(l[i+1:], q)
	if j < 0 || bytes.IndexByte(l[i+1:i+1+j], '\\') >= 0 {
		return nil, 0
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	return y.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: y.str(i+1, i+1+j), Line: y.line, Column: y.column(l, i)}), i + j + 2
}

// list reads the flow list that starts at l[i] and ends the line.
func (y *simple) list(l []byte, i int) *yaml.Node {
	seq := y.node(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: y.line, Column: y.column(l, i)})
	i++
	for {
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return nil
		}
		if l[i] == ']' && len(seq.Content) == 0 {
			break
		}
		var item *yaml.Node
		if l[i] == '"' || l[i] == '\'' {
			item, i = y.quoted(l, i)
		} else {
			end := i
			for end < len(l) && l[end] != ',' && l[end] != ']' {
				end++
			}
			item = y.scalar(l, i, end, y.column(l, i), true)
			i = end
		}
		if item == nil {
			return nil
		}
		seq.Content = append(seq.Content, item)
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return nil
		}
		if l[i] == ']' {
			break
		}
		if l[i] != ',' {
			return nil
		}
		i++
	}
	if !blank(l[i+1:]) {
		return nil
	}
	return seq
}

// column is the 1-based column of l[i], line y.line, in characters, as
// yaml.v3 counts. Counting resumes from the last call on the same line, so
// a long flow list costs time linear in its length.
func (y *simple) column(l []byte, i int) int {
	if y.colLine != y.line || y.colAt > i {
		y.colLine, y.colAt, y.col = y.line, 0, 1
	}
	y.col += utf8.RuneCount(l[y.colAt:i])
	y.colAt = i
	return y.col
}

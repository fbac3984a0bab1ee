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
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var nested *yaml.Node // the mapping being filled below a key, or nil
	indent := 0           // its indentation
	open := false         // the last top-level key has no value yet
	for line := 1; len(text) > 0; line++ {
		var l []byte
		l, text, _ = bytes.Cut(text, []byte("\n"))
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
			nested = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: n + 1}
			indent = n
			root.Content = append(root.Content, nested)
			open = false
		case nested == nil || n != indent:
			return nil
		}
		k, v, ok := simpleEntry(l, n, line)
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
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
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

// simpleEntry reads "key: value" from line l, whose key starts at byte n.
// A key with nothing after it has a nil value.
func simpleEntry(l []byte, n, line int) (k, v *yaml.Node, ok bool) {
	i := n
	for i < len(l) && i-n < 64 && (isKeyByte(l[i]) || i > n && l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == n || i == len(l) || l[i] != ':' {
		return nil, nil, false
	}
	k = simplePlain(string(l[n:i]), line, n+1)
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
		v = simpleList(l, i, line)
	case '"', '\'':
		var end int
		v, end = simpleQuoted(l, i, line)
		if v != nil && !blank(l[end:]) {
			v = nil
		}
	default:
		v = simpleScalar(l[i:], line, i+1, false)
	}
	return k, v, v != nil
}

func isKeyByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

func blank(s []byte) bool {
	return len(bytes.TrimLeft(s, " ")) == 0
}

// simplePlain makes the node of a plain scalar, tagged as yaml.v3 tags it.
func simplePlain(s string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: s, Line: line, Column: col}
	n.Tag = n.ShortTag()
	return n
}

// simpleScalar reads a plain scalar that is all of s but trailing spaces;
// in a flow list (flow) it may hold fewer characters. col is the column of
// its first byte.
func simpleScalar(s []byte, line, col int, flow bool) *yaml.Node {
	s = bytes.TrimRight(s, " ")
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
	return simplePlain(string(s), line, col)
}

// simpleQuoted reads the quoted scalar that starts at l[i], without
// escapes, and returns the offset after its closing quote.
func simpleQuoted(l []byte, i, line int) (*yaml.Node, int) {
	q := l[i]
	j := bytes.IndexByte(l[i+1:], q)
	if j < 0 {
		return nil, 0
	}
	s := l[i+1 : i+1+j]
	if bytes.IndexByte(s, '\\') >= 0 {
		return nil, 0
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: string(s), Line: line, Column: column(l, i)}, i + j + 2
}

// simpleList reads the flow list that starts at l[i] and ends the line.
func simpleList(l []byte, i, line int) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: column(l, i)}
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
			item, i = simpleQuoted(l, i, line)
		} else {
			end := i
			for end < len(l) && l[end] != ',' && l[end] != ']' {
				end++
			}
			item = simpleScalar(l[i:end], line, column(l, i), true)
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

// column is the 1-based column of l[i] in characters, as yaml.v3 counts.
func column(l []byte, i int) int {
	return utf8.RuneCount(l[:i]) + 1
}

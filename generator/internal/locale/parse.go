package locale

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/yamlerr"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gopkg.in/yaml.v3"
)

// reserved are the keys of a go-i18n message map (compared in lower case).
var reserved = []string{
	"id", "description", "hash", "leftdelim", "rightdelim",
	"zero", "one", "two", "few", "many", "other", "translation",
}

func isReservedKey(k string) bool { return slices.Contains(reserved, strings.ToLower(k)) }

func isForm(k string) bool { return slices.Contains(pluralOrder[:], k) }

// fileParser turns one message file into entries, keeping positions.
type fileParser struct {
	path    string
	entries []*entry
	errs    []error
	seen    map[string]int // id → line of its first definition
}

// parseFile parses one go-i18n YAML message file. It returns the messages
// that are fine and a diagnostic for each problem.
func parseFile(path string, buf []byte) ([]*entry, []error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(buf, &doc); err != nil {
		return nil, []error{yamlDiag(path, buf, err)}
	}
	p := &fileParser{path: path, seen: map[string]int{}}
	if len(doc.Content) == 0 {
		return nil, nil // empty file
	}
	root := resolve(doc.Content[0])
	switch {
	case root.Kind == yaml.MappingNode:
		p.namespace(root, "")
	case root.Kind == yaml.SequenceNode:
		p.list(root)
	case root.Kind == yaml.ScalarNode && root.Tag == "!!null":
		// only comments
	default:
		p.say(root, msgNotMap)
	}
	return p.entries, p.errs
}

// yamlDiag says what is wrong with the YAML of a file, in plain words
// where package yamlerr can.
func yamlDiag(path string, buf []byte, err error) error {
	return yamlerr.Explain(path, buf, 0, err, msgInvalidYAML)
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// say records the error m at n, its arguments given as name, value pairs.
func (p *fileParser) say(n *yaml.Node, m diag.Message, args ...any) {
	p.errs = append(p.errs, m.At(p.path, n.Line, n.Column, args...))
}

// namespace walks a map whose keys are message IDs or namespaces.
func (p *fileParser) namespace(m *yaml.Node, prefix string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.say(k, msgKeyNotText)
			continue
		}
		if k.Value == "" {
			p.say(k, msgEmptyKey)
			continue
		}
		id := prefix + k.Value
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				p.say(k, msgNoText, "ID", strconv.Quote(id))
				continue
			}
			p.add(k, id, []formNode{{name: "other", node: v}}, i18n.Message{})
		case yaml.MappingNode:
			isMsg, err := p.isMessage(v, id)
			switch {
			case err:
			case isMsg:
				p.message(k, id, v)
			default:
				p.namespace(v, id+".")
			}
		default:
			p.say(k, msgList, "ID", strconv.Quote(id))
		}
	}
}

// list walks a top-level list of long-form messages, each with an id.
func (p *fileParser) list(s *yaml.Node) {
	for _, item := range s.Content {
		item = resolve(item)
		if item.Kind != yaml.MappingNode {
			p.say(item, msgListItem)
			continue
		}
		isMsg, bad := p.isMessage(item, "")
		if bad {
			continue
		}
		var id string
		for i := 0; i+1 < len(item.Content); i += 2 {
			if strings.EqualFold(item.Content[i].Value, "id") {
				id = resolve(item.Content[i+1]).Value
			}
		}
		if !isMsg || id == "" {
			p.say(item, msgListItem)
			continue
		}
		p.message(item, id, item)
	}
}

// isMessage tells a message map (reserved keys only) from a namespace (none
// of them), as go-i18n does: a key counts as reserved when its value is text,
// or when it is "translation". Mixing both is an error, reported here.
func (p *fileParser) isMessage(m *yaml.Node, id string) (isMsg, bad bool) {
	var res, other []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if k.Kind == yaml.ScalarNode && isReservedKey(k.Value) &&
			(v.Kind == yaml.ScalarNode || strings.EqualFold(k.Value, "translation")) {
			res = append(res, k.Value)
		} else {
			other = append(other, k.Value)
		}
	}
	if len(res) > 0 && len(other) > 0 {
		slices.Sort(res)
		slices.Sort(other)
		var what any = msgMessageMap
		if id != "" {
			what = strconv.Quote(id)
		}
		p.say(m, msgMixed, "What", what, "Keys", fmt.Sprint(res), "IDs", fmt.Sprint(other))
		return false, true
	}
	return len(res) > 0, false
}

type formNode struct {
	name string // plural form, lower case
	node *yaml.Node
}

// message reads a long-form message map; at is where it is defined.
func (p *fileParser) message(at *yaml.Node, id string, m *yaml.Node) {
	f := &messageFields{p: p, id: id, keys: map[string]bool{}, ok: true}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		key := strings.ToLower(k.Value)
		switch {
		case isForm(key):
			f.addForm(k, v, key)
		case key == "translation":
			f.translation(k, v)
		default:
			f.field(key, k, v)
		}
	}
	if !f.ok {
		return
	}
	if len(f.forms) == 0 {
		p.say(at, msgNoText, "ID", strconv.Quote(id))
		return
	}
	p.add(at, id, f.forms, f.meta)
}

// messageFields collects the fields of message id; ok is false once one
// of them was wrong.
type messageFields struct {
	p     *fileParser
	id    string
	forms []formNode
	meta  i18n.Message
	keys  map[string]bool
	ok    bool
}

// text returns a field's text, false if it is null or (an error) not text.
func (f *messageFields) text(k, v *yaml.Node) (string, bool) {
	p, id := f.p, f.id
	if v.Kind != yaml.ScalarNode {
		p.say(k, msgFormNotText, "ID", strconv.Quote(id), "Key", k.Value)
		f.ok = false
		return "", false
	}
	if v.Tag == "!!null" {
		return "", false
	}
	return v.Value, true
}

// addForm adds the plural form name.
func (f *messageFields) addForm(k, v *yaml.Node, name string) {
	p, id := f.p, f.id
	if f.keys[name] {
		p.say(k, msgFormTwice, "ID", strconv.Quote(id), "Form", strconv.Quote(name))
		f.ok = false
		return
	}
	f.keys[name] = true
	if _, has := f.text(k, v); has {
		f.forms = append(f.forms, formNode{name: name, node: v})
	}
}

// translation reads the translation field: text, or a map of plural forms.
func (f *messageFields) translation(k, v *yaml.Node) {
	p, id := f.p, f.id
	switch v.Kind {
	case yaml.ScalarNode:
		f.addForm(k, v, "other")
	case yaml.MappingNode:
		for j := 0; j+1 < len(v.Content); j += 2 {
			fk, fv := v.Content[j], resolve(v.Content[j+1])
			if !isForm(strings.ToLower(fk.Value)) {
				p.say(fk, msgNotForm, "ID", strconv.Quote(id), "Form", strconv.Quote(fk.Value))
				f.ok = false
				continue
			}
			f.addForm(fk, fv, strings.ToLower(fk.Value))
		}
	default:
		p.say(k, msgBadTranslation, "ID", strconv.Quote(id))
		f.ok = false
	}
}

// field reads a field other than the text: id, description, hash and the
// delimiters.
func (f *messageFields) field(key string, k, v *yaml.Node) {
	p, id := f.p, f.id
	s, _ := f.text(k, v)
	switch key {
	case "id":
		if s != id {
			p.say(v, msgIDMismatch, "ID", strconv.Quote(id), "Other", strconv.Quote(s))
			f.ok = false
		}
	case "description":
		f.meta.Description = s
	case "hash":
		f.meta.Hash = s
	case "leftdelim":
		f.meta.LeftDelim = s
	case "rightdelim":
		f.meta.RightDelim = s
	}
}

// add checks the templates of a message and records it.
func (p *fileParser) add(at *yaml.Node, id string, forms []formNode, meta i18n.Message) {
	if line, dup := p.seen[id]; dup {
		p.say(at, msgTwice, "ID", strconv.Quote(id), "Line", line)
		return
	}
	p.seen[id] = at.Line
	ld, rd := meta.LeftDelim, meta.RightDelim
	if ld == "" {
		ld = "{{"
	}
	if rd == "" {
		rd = "}}"
	}
	e := &entry{
		msg: Message{
			ID: id, Path: p.path, Line: at.Line, Col: at.Column,
			Forms: map[string]string{}, Description: meta.Description,
		},
		i18n: &meta,
	}
	meta.ID = id
	ok := true
	for _, f := range forms {
		src := f.node.Value
		if src == "" {
			continue // go-i18n treats an empty form as absent
		}
		// go-i18n parses only text that contains the left delimiter, with
		// missingkey=default and no functions: do the same.
		if strings.Contains(src, ld) {
			if _, err := template.New("").Delims(ld, rd).Option("missingkey=default").Parse(src); err != nil {
				p.say(f.node, msgTemplate, "ID", strconv.Quote(id), "Form", strconv.Quote(f.name), "Problem", templateErr(err))
				ok = false
				continue
			}
		}
		e.msg.Forms[f.name] = src
		if f.name == "other" && !strings.Contains(src, ld) {
			e.plain, e.isPlain = src, true
		}
		switch f.name {
		case "zero":
			meta.Zero = src
		case "one":
			meta.One = src
		case "two":
			meta.Two = src
		case "few":
			meta.Few = src
		case "many":
			meta.Many = src
		case "other":
			meta.Other = src
		}
	}
	if !ok {
		return
	}
	if len(e.msg.Forms) == 0 {
		e.msg.Forms["other"] = ""
		e.empty = true
	}
	p.entries = append(p.entries, e)
}

var templateErrRE = regexp.MustCompile(`^template: [^:]*:\d+:(\d+:)? ?`)

// templateErr drops text/template's "template: name:line:" prefix.
func templateErr(err error) string {
	return templateErrRE.ReplaceAllString(err.Error(), "")
}

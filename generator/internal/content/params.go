package content

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// maxParamValues bounds what params may expand to through YAML aliases.
const maxParamValues = 10000

// params decodes the params mapping as yaml.v3 decodes YAML into Go values,
// so a merge key ("<<: *defaults", "<<: {x: 1}", "<<: [*a, *b]") merges by
// yaml.v3's own rules. Before that it reports, each at its line and column,
// what yaml.v3 would take silently or report without one: a repeated name,
// a name that is not text, a merge of something that is not a mapping, a
// value that contains itself and more than maxParamValues values once
// aliases are expanded. Names stay text (1: x is the name "1"), and so does
// any value that is not null, true or false, or a number: a YAML timestamp
// is not turned into a time, whose zone would be a guess.
//
// The nodes are retagged in place, "!!str" on names and on what must stay
// text: the document is decoded once and not kept.
func (d *decoder) params(v *yaml.Node) map[string]any {
	if v.Kind != yaml.MappingNode {
		d.say(v, msgParamsNotMapping, "Value", describe(v))
		return nil
	}
	errs := len(d.errs)
	c := paramCheck{d: d, sizes: map[*yaml.Node]int{}}
	if c.size(v, &paramPath{key: "params"}) > maxParamValues {
		d.say(v, msgParamsTooMany)
	}
	if len(d.errs) > errs {
		return nil
	}
	var m map[string]any
	if err := v.Decode(&m); err != nil {
		d.say(v, msgParamsInvalid, "Problem", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	return m
}

// paramPath names a mapping in messages ("params.venue"); it is joined
// only for a message, so deep nesting costs no more than its depth.
type paramPath struct {
	parent *paramPath
	key    string
}

func (p *paramPath) String() string {
	if p.parent == nil {
		return p.key
	}
	return p.parent.String() + "." + p.key
}

// paramCheck walks the params nodes once each, however many aliases lead
// to them.
type paramCheck struct {
	d *decoder
	// sizes holds, for each node seen, the number of values it expands
	// to (at most maxParamValues+1), or inProgress while it is walked.
	sizes map[*yaml.Node]int
}

const inProgress = -1

// size checks n and returns the number of values it expands to, aliases
// followed, at most maxParamValues+1.
func (c *paramCheck) size(n *yaml.Node, at *paramPath) int {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1
		}
		if c.sizes[n.Alias] == inProgress {
			c.d.say(n, msgParamsSelfAlias, "At", at, "Alias", n.Value)
			return 0
		}
		return c.size(n.Alias, at)
	}
	if s, ok := c.sizes[n]; ok {
		return s
	}
	c.sizes[n] = inProgress
	s := 1
	switch n.Kind {
	case yaml.MappingNode:
		c.names(n, at)
		for i := 0; i+1 < len(n.Content); i += 2 {
			sub := at
			if k := n.Content[i]; !isMergeKey(k) {
				sub = &paramPath{at, k.Value}
			}
			s = min(s+c.size(n.Content[i+1], sub), maxParamValues+1)
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			s = min(s+c.size(e, at), maxParamValues+1)
		}
	case yaml.ScalarNode:
		keepText(n)
	}
	c.sizes[n] = s
	return s
}

// names checks the names of mapping m: text, each written once, and a
// merge key's value a mapping or a list of them (as yaml.v3 requires). A
// name written as an alias becomes a copy of its text.
func (c *paramCheck) names(m *yaml.Node, at *paramPath) {
	first := make(map[string]*yaml.Node, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if r := resolve(k); k.Kind == yaml.AliasNode && r.Kind == yaml.ScalarNode {
			k = &yaml.Node{Kind: yaml.ScalarNode, Value: r.Value, Line: k.Line, Column: k.Column}
			m.Content[i] = k
		}
		if k.Kind != yaml.ScalarNode {
			c.d.say(k, msgParamsNameNotText, "At", at, "Kind", kindOf(resolve(k)))
			continue
		}
		if prev := first[k.Value]; prev != nil {
			c.d.say(k, msgDuplicateKey, "What", at, "Key", k.Value, "Line", prev.Line+1)
			continue
		}
		first[k.Value] = k
		if isMergeKey(k) {
			c.mergeable(m.Content[i+1], at)
			continue
		}
		k.Tag = "!!str"
	}
}

// isMergeKey reports whether k is a merge key, as yaml.v3 tells: a plain
// "<<" without a tag; a quoted "<<" is a name.
func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// mergeable reports a merge key's value that yaml.v3 cannot merge: it
// must be a mapping, an alias of one, or a list of such.
func (c *paramCheck) mergeable(v *yaml.Node, at *paramPath) {
	bad := v
	switch r := resolve(v); {
	case r.Kind == yaml.MappingNode:
		return
	case v.Kind == yaml.SequenceNode:
		bad = nil
		for _, e := range v.Content {
			if resolve(e).Kind != yaml.MappingNode {
				bad = e
				break
			}
		}
		if bad == nil {
			return
		}
	}
	what := describe(resolve(bad))
	if bad.Kind == yaml.AliasNode && resolve(bad).Kind == yaml.SequenceNode {
		what = msgKindAliasList
	}
	c.d.say(bad, msgParamsMerge, "At", at, "What", what)
}

// keepText tags a scalar "!!str" unless it decodes to null, a boolean or
// a number.
func keepText(n *yaml.Node) {
	switch n.ShortTag() {
	case "!!str":
		return
	case "!!null", "!!bool", "!!int", "!!float":
		var v any
		if n.Decode(&v) == nil {
			return
		}
	}
	n.Tag = "!!str"
}

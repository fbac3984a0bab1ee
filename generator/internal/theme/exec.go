package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
)

// A compiled template runs the parse trees html/template has escaped, as
// text/template would run them, without re-interpreting each node on every
// page: fields and methods are looked up once per type, escapers and the
// comparison built-ins are plain Go calls, constants are converted once.
//
// Rules:
//   - A template is compiled only after html/template has executed it once
//     without error: its trees, and those of every template it calls, are
//     then escaped and no longer change.
//   - Only what text/template's semantics are reproduced for is compiled.
//     A template that uses anything else (break, continue, range over a
//     map, a built-in or an escaper not listed in exec.go or escape.go)
//     stays with html/template.
//   - At run time, any error, panic or value outside those semantics makes
//     the page render again through html/template, whose output or error
//     is then the page's. A compiled template never writes anything
//     html/template would not.

// errInterpret says a compiled template cannot go on; the caller renders
// through html/template instead.
var errInterpret = errors.New("theme: left to html/template")

// maxDepth bounds nested template calls; text/template's own limit is
// higher, and a page that goes deeper is left to it.
const maxDepth = 1000

var (
	stringType  = reflect.TypeFor[string]()
	errorType   = reflect.TypeFor[error]()
	stringerTyp = reflect.TypeFor[fmt.Stringer]()
	valueType   = reflect.TypeFor[reflect.Value]()
	anyType     = reflect.TypeFor[any]()
	timeType    = reflect.TypeFor[time.Time]()
	eventType   = reflect.TypeFor[*content.Event]()
)

// compiled is one template's program.
type compiled struct {
	root cnode
}

type cnode func(s *cstate, dot reflect.Value) error

// cexpr evaluates a command; final is the previous command's value when
// has is true.
type cexpr func(s *cstate, dot reflect.Value, final reflect.Value, has bool) (reflect.Value, error)

// carg evaluates an argument for a parameter of type typ (nil: a built-in's
// reflect.Value parameter: the value itself, which must be valid).
type carg func(s *cstate, dot reflect.Value, typ reflect.Type) (reflect.Value, error)

type cvar struct {
	name string
	val  reflect.Value
}

type cstate struct {
	w     *bytes.Buffer
	vars  []cvar
	base  int // first variable of the running template
	depth int
}

// run executes t with data into w. On errInterpret (or any error) w may
// hold part of a page; the caller truncates it.
func (t *compiled) run(s *cstate, w *bytes.Buffer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errInterpret
		}
	}()
	dot, ok := data.(reflect.Value)
	if !ok {
		dot = reflect.ValueOf(data)
	}
	*s = cstate{w: w, vars: append(s.vars[:0], cvar{"$", dot})}
	return t.root(s, dot)
}

func (s *cstate) lookup(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].val, nil
		}
	}
	return reflect.Value{}, errInterpret
}

func (s *cstate) set(name string, v reflect.Value) error {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].val = v
			return nil
		}
	}
	return errInterpret
}

// fastSet holds the compiled templates of one clone set (a layout in one
// language).
type fastSet struct {
	text   *texttemplate.Template
	funcs  map[string]any
	mu     sync.Mutex // serialises compiling
	ready  sync.Map   // name → *compiled, or nil when it cannot be compiled
	states sync.Pool  // *cstate, for reuse

	runs, fallbacks atomic.Int64 // for tests
}

func newFastSet(text *texttemplate.Template, funcs map[string]any) *fastSet {
	if text == nil {
		return nil
	}
	return &fastSet{text: text, funcs: funcs}
}

// get returns the compiled template called name, if one is ready.
func (f *fastSet) get(name string) *compiled {
	if f == nil {
		return nil
	}
	if c, ok := f.ready.Load(name); ok {
		return c.(*compiled)
	}
	return nil
}

// learn compiles name, which html/template has just executed without
// error. It does so once; a template that cannot be compiled is remembered
// as such.
func (f *fastSet) learn(name string) {
	if f == nil {
		return
	}
	if _, ok := f.ready.Load(name); ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.ready.Load(name); ok {
		return
	}
	c := &compiler{set: f, tmpls: map[string]*compiled{}}
	p, err := c.template(name)
	if err != nil {
		f.ready.Store(name, (*compiled)(nil))
		return
	}
	f.ready.Store(name, p)
}

// execute runs name compiled into w, if it is ready; ok is false when the
// caller must use html/template (w is then as it was).
func (f *fastSet) execute(w *bytes.Buffer, name string, data any) (ok bool) {
	p := f.get(name)
	if p == nil {
		return false
	}
	n := w.Len()
	s, _ := f.states.Get().(*cstate)
	if s == nil {
		s = &cstate{vars: make([]cvar, 0, 16)}
	}
	err := p.run(s, w, data)
	clear(s.vars[:cap(s.vars)]) // keep no page alive
	*s = cstate{vars: s.vars[:0]}
	f.states.Put(s)
	if err != nil {
		w.Truncate(n)
		f.fallbacks.Add(1)
		return false
	}
	f.runs.Add(1)
	return true
}

type compiler struct {
	set   *fastSet
	tmpls map[string]*compiled
}

func (c *compiler) template(name string) (*compiled, error) {
	if p, ok := c.tmpls[name]; ok {
		return p, nil
	}
	t := c.set.text.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	p := &compiled{}
	c.tmpls[name] = p // before the body: a template may call itself
	root, err := c.list(t.Tree.Root)
	if err != nil {
		return nil, err
	}
	p.root = root
	return p, nil
}

func (c *compiler) list(l *parse.ListNode) (cnode, error) {
	if l == nil {
		return func(*cstate, reflect.Value) error { return nil }, nil
	}
	var nodes []cnode
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn != nil {
			nodes = append(nodes, cn)
		}
	}
	switch len(nodes) {
	case 0:
		return func(*cstate, reflect.Value) error { return nil }, nil
	case 1:
		return nodes[0], nil
	}
	return func(s *cstate, dot reflect.Value) error {
		for _, n := range nodes {
			if err := n(s, dot); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func (c *compiler) node(n parse.Node) (cnode, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *cstate, _ reflect.Value) error {
			s.w.Write(text)
			return nil
		}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ListNode:
		return c.list(n)
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			if p, err := c.escapedAction(n.Pipe); p != nil || err != nil {
				return p, err
			}
		}
		pipe, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		if len(n.Pipe.Decl) > 0 {
			return func(s *cstate, dot reflect.Value) error {
				_, err := pipe(s, dot)
				return err
			}, nil
		}
		return func(s *cstate, dot reflect.Value) error {
			v, err := pipe(s, dot)
			if err != nil {
				return err
			}
			return s.print(v)
		}, nil
	case *parse.IfNode:
		return c.ifOrWith(&n.BranchNode, false)
	case *parse.WithNode:
		return c.ifOrWith(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	}
	return nil, fmt.Errorf("cannot compile %s", n)
}

// escapedAction compiles an action that prints a value through the
// escapers html/template appended, as strings from one to the next; an
// action on a string constant becomes text. It returns nil for another
// action.
func (c *compiler) escapedAction(p *parse.PipeNode) (cnode, error) {
	k := 0
	for k < len(p.Cmds)-1 {
		id, ok := p.Cmds[len(p.Cmds)-1-k].Args[0].(*parse.IdentifierNode)
		if !ok || !strings.HasPrefix(id.Ident, "_html_template_") || len(p.Cmds[len(p.Cmds)-1-k].Args) > 1 {
			break
		}
		k++
	}
	if k == 0 {
		return nil, nil
	}
	var escs escapers
	for _, cmd := range p.Cmds[len(p.Cmds)-k:] {
		name := cmd.Args[0].(*parse.IdentifierNode).Ident
		e, es := escaperFor(name), escaperForString(name)
		if e == nil || es == nil {
			return nil, fmt.Errorf("escaper %s is not implemented", cmd.Args[0])
		}
		escs.any = append(escs.any, e)
		escs.str = append(escs.str, es)
	}
	head := p.Cmds[:len(p.Cmds)-k]
	if len(head) == 1 && len(head[0].Args) == 1 {
		if str, ok := head[0].Args[0].(*parse.StringNode); ok {
			text := []byte(escs.string(str.Text))
			return func(s *cstate, _ reflect.Value) error {
				s.w.Write(text)
				return nil
			}, nil
		}
	}
	pipe, err := c.pipe(&parse.PipeNode{NodeType: parse.NodePipe, Pos: p.Pos, Cmds: head})
	if err != nil {
		return nil, err
	}
	return func(s *cstate, dot reflect.Value) error {
		v, err := pipe(s, dot)
		if err != nil {
			return err
		}
		if v.IsValid() && v.Type() == stringType {
			s.w.WriteString(escs.string(v.String()))
			return nil
		}
		var in any
		if v.IsValid() {
			in = v.Interface()
		}
		out, ok := escs.any[0](in)
		if !ok {
			return errInterpret
		}
		s.w.WriteString(escs.string1(out))
		return nil
	}, nil
}

// escapers are the escapers of an action, in turn: each takes the
// previous one's string.
type escapers struct {
	any []func(any) (string, bool)
	str []func(string) string
}

func (e escapers) string(s string) string { return e.from(0, s) }

// string1 continues after the first escaper.
func (e escapers) string1(s string) string { return e.from(1, s) }

func (e escapers) from(i int, s string) string {
	for _, f := range e.str[i:] {
		s = f(s)
	}
	return s
}

// print writes v as text/template's printValue does.
func (s *cstate) print(v reflect.Value) error {
	if v.IsValid() && v.Type() == stringType {
		s.w.WriteString(v.String())
		return nil
	}
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		s.w.WriteString("<no value>")
		return nil
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(stringerTyp) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(stringerTyp)) {
			v = v.Addr()
		} else if k := v.Kind(); k == reflect.Chan || k == reflect.Func {
			return errInterpret
		}
	}
	fmt.Fprint(s.w, v.Interface())
	return nil
}

// branch compiles the parts of an if, with or range.
func (c *compiler) branch(b *parse.BranchNode) (pipe cpipe, list, elseList cnode, err error) {
	if pipe, err = c.pipe(b.Pipe); err != nil {
		return nil, nil, nil, err
	}
	if list, err = c.list(b.List); err != nil {
		return nil, nil, nil, err
	}
	if b.ElseList != nil {
		if elseList, err = c.list(b.ElseList); err != nil {
			return nil, nil, nil, err
		}
	}
	return pipe, list, elseList, nil
}

func (c *compiler) ifOrWith(b *parse.BranchNode, with bool) (cnode, error) {
	pipe, list, elseList, err := c.branch(b)
	if err != nil {
		return nil, err
	}
	return func(s *cstate, dot reflect.Value) error {
		mark := len(s.vars)
		val, err := pipe(s, dot)
		if err != nil {
			return err
		}
		truth, ok := isTrue(indirectInterface(val))
		switch {
		case !ok:
			err = errInterpret
		case truth && with:
			err = list(s, val)
		case truth:
			err = list(s, dot)
		case elseList != nil:
			err = elseList(s, dot)
		}
		s.vars = s.vars[:mark]
		return err
	}, nil
}

func (c *compiler) rangeNode(r *parse.RangeNode) (cnode, error) {
	pipe, list, elseList, err := c.branch(&r.BranchNode)
	if err != nil {
		return nil, err
	}
	decl := r.Pipe.Decl
	assign := r.Pipe.IsAssign
	return func(s *cstate, dot reflect.Value) error {
		outer := len(s.vars)
		err := s.rangeOver(dot, pipe, list, elseList, decl, assign)
		s.vars = s.vars[:outer]
		return err
	}, nil
}

func (s *cstate) rangeOver(dot reflect.Value, pipe cpipe, list, elseList cnode, decl []*parse.VariableNode, assign bool) error {
	pv, err := pipe(s, dot)
	if err != nil {
		return err
	}
	val, _ := indirect(pv)
	mark := len(s.vars)
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			elem := val.Index(i)
			index := reflect.ValueOf(i)
			if len(decl) > 0 {
				if assign {
					v := elem
					if len(decl) > 1 {
						v = index
					}
					if err := s.set(decl[0].Ident[0], v); err != nil {
						return err
					}
				} else {
					s.vars[mark-1].val = elem
				}
			}
			if len(decl) > 1 {
				if assign {
					if err := s.set(decl[1].Ident[0], elem); err != nil {
						return err
					}
				} else {
					s.vars[mark-2].val = index
				}
			}
			err := list(s, elem)
			s.vars = s.vars[:mark]
			if err != nil {
				return err
			}
		}
		return nil
	case reflect.Invalid:
		// Nothing to range over: the else branch, as text/template.
	case reflect.Map:
		if val.Len() > 0 {
			return errInterpret
		}
	default:
		return errInterpret
	}
	if elseList != nil {
		return elseList(s, dot)
	}
	return nil
}

func (c *compiler) templateNode(t *parse.TemplateNode) (cnode, error) {
	pipe := func(*cstate, reflect.Value) (reflect.Value, error) { return reflect.Value{}, nil }
	if t.Pipe != nil {
		var err error
		if pipe, err = c.pipe(t.Pipe); err != nil {
			return nil, err
		}
	}
	callee, err := c.template(t.Name)
	if err != nil {
		return nil, err
	}
	return func(s *cstate, dot reflect.Value) error {
		if s.depth >= maxDepth {
			return errInterpret
		}
		d, err := pipe(s, dot)
		if err != nil {
			return err
		}
		base := s.base
		s.base = len(s.vars)
		s.vars = append(s.vars, cvar{"$", d})
		s.depth++
		err = callee.root(s, d)
		s.depth--
		s.vars = s.vars[:s.base]
		s.base = base
		return err
	}, nil
}

type cpipe func(s *cstate, dot reflect.Value) (reflect.Value, error)

func (c *compiler) pipe(p *parse.PipeNode) (cpipe, error) {
	if p == nil {
		return func(*cstate, reflect.Value) (reflect.Value, error) { return reflect.Value{}, nil }, nil
	}
	cmds := make([]cexpr, len(p.Cmds))
	for i, cmd := range p.Cmds {
		e, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		cmds[i] = e
	}
	var decl []string
	for _, v := range p.Decl {
		if len(v.Ident) != 1 {
			return nil, errors.New("declaration of a field")
		}
		decl = append(decl, v.Ident[0])
	}
	assign := p.IsAssign
	return func(s *cstate, dot reflect.Value) (reflect.Value, error) {
		var value reflect.Value
		has := false
		for _, cmd := range cmds {
			v, err := cmd(s, dot, value, has)
			if err != nil {
				return reflect.Value{}, err
			}
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = reflect.ValueOf(v.Interface())
			}
			value, has = v, true
		}
		for _, name := range decl {
			if assign {
				if err := s.set(name, value); err != nil {
					return reflect.Value{}, err
				}
			} else {
				s.vars = append(s.vars, cvar{name, value})
			}
		}
		return value, nil
	}, nil
}

func (c *compiler) command(cmd *parse.CommandNode) (cexpr, error) {
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.fieldChain(nil, n.Ident, args)
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return nil, errors.New("indirection through nil")
		}
		recv, err := c.arg(n.Node)
		if err != nil {
			return nil, err
		}
		return c.fieldChain(func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			return recv(s, dot, nil)
		}, n.Field, args)
	case *parse.VariableNode:
		name := n.Ident[0]
		recv := func(s *cstate, _ reflect.Value) (reflect.Value, error) { return s.lookup(name) }
		if len(n.Ident) == 1 {
			return notAFunction(args, func(s *cstate, dot reflect.Value) (reflect.Value, error) { return recv(s, dot) }), nil
		}
		return c.fieldChain(recv, n.Ident[1:], args)
	case *parse.IdentifierNode:
		return c.function(n.Ident, args)
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		return notAFunction(args, p), nil
	case *parse.DotNode:
		return notAFunction(args, func(_ *cstate, dot reflect.Value) (reflect.Value, error) { return dot, nil }), nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := constant(n)
		if err != nil {
			return nil, err
		}
		return notAFunction(args, func(*cstate, reflect.Value) (reflect.Value, error) { return v, nil }), nil
	}
	return nil, fmt.Errorf("cannot compile command %s", cmd)
}

// notAFunction is a command that takes no arguments and no piped value.
func notAFunction(args []parse.Node, f func(*cstate, reflect.Value) (reflect.Value, error)) cexpr {
	return func(s *cstate, dot, _ reflect.Value, has bool) (reflect.Value, error) {
		if len(args) > 0 || has {
			return reflect.Value{}, errInterpret
		}
		return f(s, dot)
	}
}

// constant is the value text/template gives a literal with no type to
// convert to (idealConstant, evalEmptyInterface).
func constant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
			return reflect.Value{}, errors.New("complex constant")
		case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), nil
		case n.IsInt:
			i := int(n.Int64)
			if int64(i) != n.Int64 {
				return reflect.Value{}, errors.New("overflow")
			}
			return reflect.ValueOf(i), nil
		}
		return reflect.Value{}, errors.New("number out of range")
	}
	return reflect.Value{}, fmt.Errorf("not a constant: %s", n)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// arg compiles an argument (text/template's evalArg).
func (c *compiler) arg(n parse.Node) (carg, error) {
	var eval func(s *cstate, dot reflect.Value) (reflect.Value, error)
	switch n := n.(type) {
	case *parse.DotNode:
		eval = func(_ *cstate, dot reflect.Value) (reflect.Value, error) { return dot, nil }
	case *parse.NilNode:
		return func(_ *cstate, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
			if typ != nil && canBeNil(typ) {
				return reflect.Zero(typ), nil
			}
			return reflect.Value{}, errInterpret
		}, nil
	case *parse.FieldNode:
		e, err := c.fieldChain(nil, n.Ident, nil)
		if err != nil {
			return nil, err
		}
		eval = func(s *cstate, dot reflect.Value) (reflect.Value, error) { return e(s, dot, reflect.Value{}, false) }
	case *parse.VariableNode:
		e, err := c.command(&parse.CommandNode{Args: []parse.Node{n}})
		if err != nil {
			return nil, err
		}
		eval = func(s *cstate, dot reflect.Value) (reflect.Value, error) { return e(s, dot, reflect.Value{}, false) }
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		eval = p
	case *parse.IdentifierNode:
		e, err := c.function(n.Ident, nil)
		if err != nil {
			return nil, err
		}
		eval = func(s *cstate, dot reflect.Value) (reflect.Value, error) { return e(s, dot, reflect.Value{}, false) }
	case *parse.ChainNode:
		e, err := c.command(&parse.CommandNode{Args: []parse.Node{n}})
		if err != nil {
			return nil, err
		}
		eval = func(s *cstate, dot reflect.Value) (reflect.Value, error) { return e(s, dot, reflect.Value{}, false) }
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		return constArg(n)
	default:
		return nil, fmt.Errorf("cannot compile argument %s", n)
	}
	return func(s *cstate, dot reflect.Value, typ reflect.Type) (reflect.Value, error) {
		v, err := eval(s, dot)
		if err != nil {
			return reflect.Value{}, err
		}
		return validateType(v, typ)
	}, nil
}

// constArg converts a literal to the parameter's type as text/template
// does (evalBool, evalString, evalInteger...; evalEmptyInterface for any).
func constArg(n parse.Node) (carg, error) {
	ideal, err := constant(n)
	if err != nil {
		return nil, err
	}
	return func(_ *cstate, _ reflect.Value, typ reflect.Type) (reflect.Value, error) {
		if typ == nil {
			return ideal, nil
		}
		switch typ.Kind() {
		case reflect.Bool:
			if b, ok := n.(*parse.BoolNode); ok {
				v := reflect.New(typ).Elem()
				v.SetBool(b.True)
				return v, nil
			}
		case reflect.String:
			if s, ok := n.(*parse.StringNode); ok {
				if typ == stringType {
					return ideal, nil
				}
				v := reflect.New(typ).Elem()
				v.SetString(s.Text)
				return v, nil
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
				v := reflect.New(typ).Elem()
				v.SetInt(num.Int64)
				return v, nil
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if num, ok := n.(*parse.NumberNode); ok && num.IsUint {
				v := reflect.New(typ).Elem()
				v.SetUint(num.Uint64)
				return v, nil
			}
		case reflect.Float32, reflect.Float64:
			if num, ok := n.(*parse.NumberNode); ok && num.IsFloat {
				v := reflect.New(typ).Elem()
				v.SetFloat(num.Float64)
				return v, nil
			}
		case reflect.Interface:
			if typ.NumMethod() == 0 {
				return ideal, nil
			}
		}
		return reflect.Value{}, errInterpret
	}, nil
}

// validateType is text/template's for a parameter of type typ. For typ nil
// (a built-in's reflect.Value parameter, or the receiver of a chain) it
// differs: the value must be valid and is returned as it is, neither
// wrapped nor unwrapped; builtin and and/or refuse a value that is itself a
// reflect.Value (plainArg).
func validateType(v reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if typ == nil {
		if !v.IsValid() {
			return reflect.Value{}, errInterpret
		}
		return v, nil
	}
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, errInterpret
	}
	if v.Type().AssignableTo(typ) {
		return v, nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v, nil
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			return reflect.Value{}, errInterpret
		}
		return v, nil
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		return v.Addr(), nil
	}
	return reflect.Value{}, errInterpret
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == valueType
	}
	return false
}

// indirect goes through pointers and interfaces to a value, stopping at a
// nil one.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// fieldChain compiles .A.B.C (on dot, or on what recv gives); args go to
// the last step.
func (c *compiler) fieldChain(recv func(*cstate, reflect.Value) (reflect.Value, error), idents []string, args []parse.Node) (cexpr, error) {
	cargs, err := c.args(args)
	if err != nil {
		return nil, err
	}
	steps := make([]*fieldStep, len(idents))
	for i, name := range idents {
		steps[i] = &fieldStep{name: name, key: reflect.ValueOf(name)}
	}
	last := steps[len(steps)-1]
	steps = steps[:len(steps)-1]
	return func(s *cstate, dot, final reflect.Value, has bool) (reflect.Value, error) {
		r := dot
		if recv != nil {
			var err error
			if r, err = recv(s, dot); err != nil {
				return reflect.Value{}, err
			}
		}
		for _, st := range steps {
			var err error
			if r, err = st.eval(s, dot, r, nil, reflect.Value{}, false); err != nil {
				return reflect.Value{}, err
			}
		}
		return last.eval(s, dot, r, cargs, final, has)
	}, nil
}

func (c *compiler) args(nodes []parse.Node) ([]carg, error) {
	var out []carg
	for _, n := range nodes {
		a, err := c.arg(n)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// fieldStep is one name of a field chain, with what it found on the last
// type it met.
type fieldStep struct {
	name  string
	key   reflect.Value // name, as a map key
	cache atomic.Pointer[fieldHit]
}

type fieldHit struct {
	typ    reflect.Type // of the value methods are looked up on
	method int          // -1: not a method
	field  []int        // struct field index, or nil
	isMap  bool
}

func (f *fieldStep) hit(ptr, recv reflect.Value) *fieldHit {
	if h := f.cache.Load(); h != nil && h.typ == ptr.Type() {
		return h
	}
	h := &fieldHit{typ: ptr.Type(), method: -1}
	if m, ok := ptr.Type().MethodByName(f.name); ok {
		h.method = m.Index
	} else {
		switch recv.Kind() {
		case reflect.Struct:
			if sf, ok := recv.Type().FieldByName(f.name); ok && sf.IsExported() {
				h.field = sf.Index
			}
		case reflect.Map:
			h.isMap = stringType.AssignableTo(recv.Type().Key())
		}
	}
	if recv.Kind() != reflect.Pointer { // a nil pointer's type says nothing of its fields
		f.cache.Store(h)
	}
	return h
}

// eval is text/template's evalField.
func (f *fieldStep) eval(s *cstate, dot, recv reflect.Value, args []carg, final reflect.Value, has bool) (reflect.Value, error) {
	if !recv.IsValid() {
		return reflect.Value{}, nil
	}
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, errInterpret
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	h := f.hit(ptr, recv)
	if h.method >= 0 {
		return call(s, dot, ptr.Method(h.method), args, final, has)
	}
	hasArgs := len(args) > 0 || has
	switch {
	case h.field != nil && recv.Kind() == reflect.Struct:
		if hasArgs {
			return reflect.Value{}, errInterpret
		}
		v, err := recv.FieldByIndexErr(h.field)
		if err != nil {
			return reflect.Value{}, errInterpret
		}
		return v, nil
	case h.isMap && recv.Kind() == reflect.Map:
		if hasArgs {
			return reflect.Value{}, errInterpret
		}
		return recv.MapIndex(f.key), nil
	}
	return reflect.Value{}, errInterpret
}

// call is text/template's evalCall for a function or method that is not a
// built-in.
func call(s *cstate, dot, fun reflect.Value, args []carg, final reflect.Value, has bool) (reflect.Value, error) {
	typ := fun.Type()
	numIn := len(args)
	if has {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return reflect.Value{}, errInterpret
		}
	} else if numIn != typ.NumIn() {
		return reflect.Value{}, errInterpret
	}
	switch typ.NumOut() {
	case 1:
	case 2:
		if typ.Out(1) != errorType {
			return reflect.Value{}, errInterpret
		}
	default:
		return reflect.Value{}, errInterpret
	}
	var buf [4]reflect.Value
	argv := buf[:0]
	if numIn > len(buf) {
		argv = make([]reflect.Value, 0, numIn)
	}
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		v, err := args[i](s, dot, typ.In(i))
		if err != nil {
			return reflect.Value{}, err
		}
		argv = append(argv, v)
	}
	if typ.IsVariadic() {
		et := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			v, err := args[i](s, dot, et)
			if err != nil {
				return reflect.Value{}, err
			}
			argv = append(argv, v)
		}
	}
	if has {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		v, err := validateType(final, t)
		if err != nil {
			return reflect.Value{}, err
		}
		argv = append(argv, v)
	}
	out, err := safeCall(fun, argv)
	if err != nil {
		return reflect.Value{}, errInterpret
	}
	if out.Type() == valueType {
		out = out.Interface().(reflect.Value)
	}
	return out, nil
}

func safeCall(fun reflect.Value, args []reflect.Value) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errInterpret
		}
	}()
	out := fun.Call(args)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], errInterpret
	}
	return out[0], nil
}

// function compiles a call of a named function: the set's own, an escaper
// html/template inserted, or a built-in this file implements.
func (c *compiler) function(name string, args []parse.Node) (cexpr, error) {
	// html/template's own functions win over a theme's of the same name,
	// as they do when html/template runs the trees.
	reserved := strings.HasPrefix(name, "_html_template_") || name == "_eval_args_"
	fn, ok := c.set.funcs[name]
	if !ok || reserved {
		fn, ok = plainBuiltins[name]
	}
	if ok {
		fun := reflect.ValueOf(fn)
		if fun.Kind() != reflect.Func {
			return nil, fmt.Errorf("%s is not a function", name)
		}
		cargs, err := c.args(args)
		if err != nil {
			return nil, err
		}
		if fast := fastCall(fn, cargs); fast != nil {
			return fast, nil
		}
		return func(s *cstate, dot, final reflect.Value, has bool) (reflect.Value, error) {
			return call(s, dot, fun, cargs, final, has)
		}, nil
	}
	if strings.HasPrefix(name, "_html_template_") {
		// html/template puts escapers only at the end of an action, which
		// escapedAction compiles.
		return nil, fmt.Errorf("escaper %s inside a pipeline", name)
	}
	cargs, err := c.args(args)
	if err != nil {
		return nil, err
	}
	switch name {
	case "and", "or":
		or := name == "or"
		return func(s *cstate, dot, final reflect.Value, has bool) (reflect.Value, error) {
			if len(cargs) == 0 && !has {
				return reflect.Value{}, errInterpret
			}
			var v reflect.Value
			for _, a := range cargs {
				w, err := a(s, dot, nil)
				if err != nil {
					return reflect.Value{}, err
				}
				if !plainArg(w) {
					return reflect.Value{}, errInterpret
				}
				v = w
				if truth(v) == or {
					return v, nil
				}
			}
			if has {
				if !plainArg(final) {
					return reflect.Value{}, errInterpret
				}
				v = final
			}
			return v, nil
		}, nil
	case "not":
		return builtin(cargs, 1, 1, func(v []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(!truth(v[0])), nil
		}), nil
	case "eq":
		return builtin(cargs, 1, -1, func(v []reflect.Value) (reflect.Value, error) {
			if len(v) < 2 {
				return reflect.Value{}, errInterpret
			}
			for _, w := range v[1:] {
				eq, err := equal(v[0], w)
				if err != nil {
					return reflect.Value{}, err
				}
				if eq {
					return reflect.ValueOf(true), nil
				}
			}
			return reflect.ValueOf(false), nil
		}), nil
	case "ne":
		return builtin(cargs, 2, 2, func(v []reflect.Value) (reflect.Value, error) {
			eq, err := equal(v[0], v[1])
			return reflect.ValueOf(!eq), err
		}), nil
	case "lt", "le", "gt", "ge":
		return builtin(cargs, 2, 2, func(v []reflect.Value) (reflect.Value, error) {
			c, err := compare(v[0], v[1])
			if err != nil {
				return reflect.Value{}, err
			}
			var r bool
			switch name {
			case "lt":
				r = c < 0
			case "le":
				r = c <= 0
			case "gt":
				r = c > 0
			case "ge":
				r = c >= 0
			}
			return reflect.ValueOf(r), nil
		}), nil
	case "len":
		return builtin(cargs, 1, 1, func(v []reflect.Value) (reflect.Value, error) {
			x := indirectInterface(v[0])
			switch x.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(x.Len()), nil
			}
			return reflect.Value{}, errInterpret
		}), nil
	case "index":
		return builtin(cargs, 1, -1, func(v []reflect.Value) (reflect.Value, error) {
			item := indirectInterface(v[0])
			if !item.IsValid() {
				return reflect.Value{}, errInterpret
			}
			for _, ix := range v[1:] {
				ix = indirectInterface(ix)
				item, _ = indirect(item)
				switch item.Kind() {
				case reflect.Map:
					if !ix.IsValid() || !ix.Type().AssignableTo(item.Type().Key()) {
						return reflect.Value{}, errInterpret
					}
					if x := item.MapIndex(ix); x.IsValid() {
						item = x
					} else {
						item = reflect.Zero(item.Type().Elem())
					}
				case reflect.Slice, reflect.Array:
					if !ix.IsValid() || ix.Kind() != reflect.Int {
						return reflect.Value{}, errInterpret
					}
					i := ix.Int()
					if i < 0 || i >= int64(item.Len()) {
						return reflect.Value{}, errInterpret
					}
					item = item.Index(int(i))
				default:
					return reflect.Value{}, errInterpret
				}
			}
			return item, nil
		}), nil
	}
	return nil, fmt.Errorf("function %q is not compiled", name)
}

// plainBuiltins are the built-ins that are plain functions, called as
// text/template calls them; "_eval_args_" is html/template's.
var plainBuiltins = map[string]any{
	"print":       fmt.Sprint,
	"printf":      fmt.Sprintf,
	"println":     fmt.Sprintln,
	"html":        texttemplate.HTMLEscaper,
	"js":          texttemplate.JSEscaper,
	"urlquery":    texttemplate.URLQueryEscaper,
	"_eval_args_": evalArgs,
}

// evalArgs is html/template's: the arguments of a predefined escaper
// ({{ html .A .B }}) as one string.
func evalArgs(args ...any) string {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s
		}
	}
	for i, a := range args {
		args[i] = escIndirectToStringerOrError(a)
	}
	return fmt.Sprint(args...)
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// builtin calls f with the arguments, and the piped value last, as
// text/template passes them to a built-in taking reflect.Values: each must
// be a valid value. max < 0 means any number from min.
func builtin(cargs []carg, min, max int, f func([]reflect.Value) (reflect.Value, error)) cexpr {
	return func(s *cstate, dot, final reflect.Value, has bool) (reflect.Value, error) {
		n := len(cargs)
		if has {
			n++
		}
		if n < min || (max >= 0 && n > max) {
			return reflect.Value{}, errInterpret
		}
		var buf [4]reflect.Value
		v := buf[:0]
		for _, a := range cargs {
			w, err := a(s, dot, nil)
			if err != nil {
				return reflect.Value{}, err
			}
			if !plainArg(w) {
				return reflect.Value{}, errInterpret
			}
			v = append(v, w)
		}
		if has {
			if !plainArg(final) {
				return reflect.Value{}, errInterpret
			}
			v = append(v, final)
		}
		return f(v)
	}
}

// plainArg reports whether v reaches a built-in as it is: valid, and not
// itself a reflect.Value, which text/template would unwrap first.
func plainArg(v reflect.Value) bool { return v.IsValid() && v.Type() != valueType }

type basic int

const (
	notBasic basic = iota
	boolKind
	intKind
	uintKind
	floatKind
	stringKind
)

func kindOf(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.String:
		return stringKind
	}
	return notBasic
}

// equal is eq for two values of the same basic kind; anything else is
// left to text/template.
func equal(a, b reflect.Value) (bool, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	k := kindOf(a)
	if k == notBasic || k != kindOf(b) {
		return false, errInterpret
	}
	switch k {
	case boolKind:
		return a.Bool() == b.Bool(), nil
	case intKind:
		return a.Int() == b.Int(), nil
	case uintKind:
		return a.Uint() == b.Uint(), nil
	case floatKind:
		return a.Float() == b.Float(), nil
	}
	return a.String() == b.String(), nil
}

// compare orders two values of the same kind: integers, floats or
// strings.
func compare(a, b reflect.Value) (int, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	k := kindOf(a)
	if k != kindOf(b) {
		return 0, errInterpret
	}
	switch k {
	case intKind:
		return cmp3(a.Int(), b.Int()), nil
	case uintKind:
		return cmp3(a.Uint(), b.Uint()), nil
	case floatKind:
		x, y := a.Float(), b.Float()
		if x != x || y != y {
			return 0, errInterpret
		}
		return cmp3(x, y), nil
	case stringKind:
		return strings.Compare(a.String(), b.String()), nil
	}
	return 0, errInterpret
}

func cmp3[T int64 | uint64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// fastCall calls functions of the theme's commonest signatures without
// reflect.Call, when no value is piped into them; the arguments are fitted
// to the parameters as text/template fits them. It returns nil for any
// other function.
func fastCall(fn any, args []carg) cexpr {
	var direct func(s *cstate, dot reflect.Value) (reflect.Value, error)
	switch f := fn.(type) {
	case func(string) string:
		if len(args) != 1 {
			return nil
		}
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			a, err := args[0](s, dot, stringType)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(f(a.String())), nil
		}
	case func(time.Time) string:
		if len(args) != 1 {
			return nil
		}
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			a, err := args[0](s, dot, timeType)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(f(a.Interface().(time.Time))), nil
		}
	case func(string, ...any) string:
		if len(args) < 1 {
			return nil
		}
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			id, rest, err := stringThenAny(s, dot, args)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(f(id, rest...)), nil
		}
	case func(string, any, ...any) (template.HTML, error):
		if len(args) < 2 {
			return nil
		}
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			name, rest, err := stringThenAny(s, dot, args)
			if err != nil {
				return reflect.Value{}, err
			}
			h, err := f(name, rest[0], rest[1:]...)
			if err != nil {
				return reflect.Value{}, errInterpret
			}
			return reflect.ValueOf(h), nil
		}
	case func(...any) (map[string]any, error):
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			all, err := anyArgs(s, dot, args)
			if err != nil {
				return reflect.Value{}, err
			}
			m, err := f(all...)
			if err != nil {
				return reflect.Value{}, errInterpret
			}
			return reflect.ValueOf(m), nil
		}
	case func(*content.Event) template.HTML:
		if len(args) != 1 {
			return nil
		}
		direct = func(s *cstate, dot reflect.Value) (reflect.Value, error) {
			a, err := args[0](s, dot, eventType)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.ValueOf(f(a.Interface().(*content.Event))), nil
		}
	default:
		return nil
	}
	fun := reflect.ValueOf(fn)
	return func(s *cstate, dot, final reflect.Value, has bool) (reflect.Value, error) {
		if has {
			return call(s, dot, fun, args, final, has)
		}
		return direct(s, dot)
	}
}

// stringThenAny evaluates a string argument followed by arguments of type
// any.
func stringThenAny(s *cstate, dot reflect.Value, args []carg) (string, []any, error) {
	a, err := args[0](s, dot, stringType)
	if err != nil {
		return "", nil, err
	}
	rest, err := anyArgs(s, dot, args[1:])
	return a.String(), rest, err
}

// anyArgs evaluates arguments for parameters of type any.
func anyArgs(s *cstate, dot reflect.Value, args []carg) ([]any, error) {
	out := make([]any, len(args))
	for i, a := range args {
		v, err := a(s, dot, anyType)
		if err != nil {
			return nil, err
		}
		out[i] = v.Interface()
	}
	return out, nil
}

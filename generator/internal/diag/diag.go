// Package diag owns the errors and warnings a user sees.
//
// Rules:
//   - A diagnostic reads "path:line:col: message": path relative to the site
//     root with forward slashes, line and column 1-based and omitted when
//     unknown, message in lower case without a final period.
//   - A run collects every diagnostic instead of stopping at the first; List
//     sorts them by path, line, column, then message, so output is stable.
//   - Severity is Error (fails the build, exit status 1) or Warning.
//   - A message is declared once as a Message: a stable ID ("link.missing")
//     and its English text, a template with {{.Name}} for each argument.
//     A diagnostic made from one carries the ID and the arguments besides
//     the English text (Msg), so that it can be said in another language
//     (package speak, or Localize) without touching the place that
//     reports it. A Message is the only way to make a diagnostic (tests
//     aside), so every message gen prints has an ID. diag itself knows
//     no language but English.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Severity says whether a diagnostic fails the run.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one message tied to a place in the site's files.
type Diagnostic struct {
	Path     string // relative to the site root, slash-separated; may be empty
	Line     int    // 1-based; 0 when unknown
	Col      int    // 1-based; 0 when unknown
	Severity Severity
	Code     string // stable machine name, e.g. "frontmatter.unknown-key"; may be empty
	Msg      string // the message in English
	// ID names the message in message bundles ("link.missing"), and Args
	// are its arguments, in the order the English text names them; both
	// are empty for a message not yet declared as a Message.
	ID   string
	Args []Arg
}

// Arg is one named argument of a message.
type Arg struct {
	Name  string
	Value any
}

// Message is a message a user reads, declared once: ID names it in
// message bundles, Text is its English template, with {{.Name}} for each
// argument (go-i18n's template syntax, so a bundle can say it in another
// language with the same names).
type Message struct {
	ID   string
	Text string
}

// At returns an error diagnostic saying m, its arguments given as name,
// value pairs ("Dest", dest, "File", file).
func (m Message) At(path string, line, col int, args ...any) *Diagnostic {
	d := &Diagnostic{Path: path, Line: line, Col: col, ID: m.ID, Args: pairs(m.ID, args)}
	d.Msg = Fill(m.Text, d.Args)
	return d
}

// Warn returns a warning diagnostic saying m (see At).
func (m Message) Warn(path string, line, col int, args ...any) *Diagnostic {
	d := m.At(path, line, col, args...)
	d.Severity = Warning
	return d
}

// Format returns m's English text with its arguments (see At).
func (m Message) Format(args ...any) string {
	return Fill(m.Text, pairs(m.ID, args))
}

// pairs turns name, value pairs into Args. A name that is not a string or
// a missing value is a mistake in the program, not in the site.
func pairs(id string, args []any) []Arg {
	if len(args)%2 != 0 {
		panic("diag: message " + id + ": arguments must be name, value pairs")
	}
	out := make([]Arg, 0, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			panic(fmt.Sprintf("diag: message %s: argument name %v is not a string", id, args[i]))
		}
		out = append(out, Arg{name, args[i+1]})
	}
	return out
}

// Fill puts the arguments into a template: each {{.Name}} becomes the
// argument's value (fmt's %v; a []string is a list, "a, b and c"; a
// Message is its text, such as a word said in the reader's language);
// names without an argument stay as written.
func Fill(template string, args []Arg) string {
	if !strings.Contains(template, "{{") {
		return template
	}
	var b strings.Builder
	for {
		i := strings.Index(template, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(template[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(template[:i])
		name := template[i+3 : i+j]
		if v, ok := lookup(args, name); ok {
			writeValue(&b, v)
		} else {
			b.WriteString(template[i : i+j+2])
		}
		template = template[i+j+2:]
	}
	b.WriteString(template)
	return b.String()
}

func writeValue(b *strings.Builder, v any) {
	if m, ok := v.(Message); ok {
		b.WriteString(m.Text)
		return
	}
	list, ok := v.([]string)
	if !ok {
		fmt.Fprint(b, v)
		return
	}
	for i, s := range list {
		switch {
		case i == 0:
		case i == len(list)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
}

func lookup(args []Arg, name string) (any, bool) {
	for _, a := range args {
		if a.Name == name {
			return a.Value, true
		}
	}
	return nil, false
}

// Data returns the arguments by name, as go-i18n's TemplateData.
func (d *Diagnostic) Data() map[string]any {
	m := make(map[string]any, len(d.Args))
	for _, a := range d.Args {
		m[a.Name] = a.Value
	}
	return m
}

// Localize returns the message in another language: text gives the
// template of an ID in that language (false when it has none), which is
// filled in with the diagnostic's arguments. Without an ID or a template
// it is the English Msg.
func (d *Diagnostic) Localize(text func(id string) (string, bool)) string {
	if d.ID == "" || text == nil {
		return d.Msg
	}
	t, ok := text(d.ID)
	if !ok {
		return d.Msg
	}
	return Fill(t, d.Args)
}

// Where returns "path:line:col: " (the known parts), or "" without a path.
func (d *Diagnostic) Where() string {
	if d.Path == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	return b.String()
}

// Error formats the diagnostic as path:line:col: message.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Where())
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List collects diagnostics; it is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []*Diagnostic
}

// Add appends diagnostics. A plain error that is not a *Diagnostic (nor joins
// them) is kept as an error without a position.
func (l *List) Add(errs ...error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, err := range errs {
		l.items = appendFlat(l.items, err)
	}
}

func appendFlat(dst []*Diagnostic, err error) []*Diagnostic {
	if err == nil {
		return dst
	}
	var d *Diagnostic
	if errors.As(err, &d) && d == err {
		return append(dst, d)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			dst = appendFlat(dst, e)
		}
		return dst
	}
	if errors.As(err, &d) {
		return append(dst, d)
	}
	return append(dst, &Diagnostic{Msg: err.Error()})
}

// Sorted returns all diagnostics in a stable order without duplicates.
func (l *List) Sorted() []*Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, Compare)
	return slices.CompactFunc(out, Same)
}

// Same reports whether two diagnostics say the same thing at the same
// place.
func Same(a, b *Diagnostic) bool {
	return a.Path == b.Path && a.Line == b.Line && a.Col == b.Col && a.Severity == b.Severity && a.Code == b.Code && a.Msg == b.Msg
}

// Compare orders diagnostics by path, line, column, message.
func Compare(a, b *Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Msg, b.Msg),
	)
}

// Errors returns the diagnostics of severity Error.
func (l *List) Errors() []*Diagnostic {
	return filter(l.Sorted(), Error)
}

// Warnings returns the diagnostics of severity Warning.
func (l *List) Warnings() []*Diagnostic {
	return filter(l.Sorted(), Warning)
}

func filter(ds []*Diagnostic, s Severity) []*Diagnostic {
	var out []*Diagnostic
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err joins the errors (not warnings) sorted, or returns nil.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return Join(errs)
}

// Join returns an error whose message is one diagnostic per line and which
// unwraps to the diagnostics.
func Join(ds []*Diagnostic) error {
	errs := make([]error, len(ds))
	for i, d := range ds {
		errs[i] = d
	}
	return errors.Join(errs...)
}

// Flatten returns the diagnostics inside err, sorted.
func Flatten(err error) []*Diagnostic {
	var l List
	l.Add(err)
	return l.Sorted()
}

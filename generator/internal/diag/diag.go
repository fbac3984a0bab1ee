// Package diag owns the errors and warnings a user sees.
//
// Rules:
//   - A diagnostic reads "path:line:col: message": path relative to the site
//     root with forward slashes, line and column 1-based and omitted when
//     unknown, message in lower case without a final period.
//   - A run collects every diagnostic instead of stopping at the first; List
//     sorts them by path, line, column, then message, so output is stable.
//   - Severity is Error (fails the build, exit status 1) or Warning.
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
	Msg      string
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

// At returns an error diagnostic.
func At(path string, line, col int, format string, args ...any) *Diagnostic {
	return &Diagnostic{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warn returns a warning diagnostic.
func Warn(path string, line, col int, format string, args ...any) *Diagnostic {
	d := At(path, line, col, format, args...)
	d.Severity = Warning
	return d
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
	return slices.CompactFunc(out, func(a, b *Diagnostic) bool { return *a == *b })
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

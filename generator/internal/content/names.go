package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Names under content/ become URLs and output files (package site writes
// each as one URL segment, percent-encoded where a URL needs it, so "q?x"
// or "100%" make good URLs). A name that no URL or host can carry is an
// error naming the folder or file, and what is under a refused folder is
// not read.

// The messages of names. A problem names its subject ({{.Subject}}: the
// file name, the folder name "x") and what to rename ({{.Object}}), each
// said in the reader's language.
var (
	msgNameNotUTF8   = diag.Message{ID: "name.not-utf8", Text: "{{.Subject}} is not valid UTF-8: rename the {{.Object}} in UTF-8"}
	msgNameControl   = diag.Message{ID: "name.control", Text: "{{.Subject}} holds a control character ({{.Char}}), which no URL may carry: rename the {{.Object}} without it"}
	msgNameBackslash = diag.Message{ID: "name.backslash", Text: `{{.Subject}} holds "\", which browsers read as "/" in a URL: rename the {{.Object}} without it`}
	msgNameDots      = diag.Message{ID: "name.dots", Text: "{{.Subject}} {{.Name}} is not a name a URL can hold: rename the {{.Object}}"}
	msgNameEndsDot   = diag.Message{ID: "name.ends-dot", Text: `{{.Subject}} ends in ".", which Windows and some hosts drop: rename the {{.Object}} without it`}
	msgNameEndsSpace = diag.Message{ID: "name.ends-space", Text: "{{.Subject}} ends in a space, which Windows and some hosts drop: rename the {{.Object}} without it"}

	msgSubjectFile   = diag.Message{ID: "name.subject-file", Text: "the file name"}
	msgSubjectFolder = diag.Message{ID: "name.subject-folder", Text: "the folder name"}
	msgSubjectDir    = diag.Message{ID: "name.subject-folder-named", Text: "the folder name {{.Name}}"}
	msgSubjectPage   = diag.Message{ID: "name.subject-page-named", Text: "the page name {{.Name}}"}
	msgObjectFile    = diag.Message{ID: "name.object-file", Text: "file"}
	msgObjectFolder  = diag.Message{ID: "name.object-folder", Text: "folder"}
)

// nameProblem says what keeps name (a folder or file name, or the page
// name a file gives) from being a URL segment and a file on any host: the
// message and its arguments besides Subject and Object; ok is false when
// nothing does.
func nameProblem(name string) (m diag.Message, args []any, ok bool) {
	switch {
	case !utf8.ValidString(name):
		return msgNameNotUTF8, nil, true
	case strings.ContainsFunc(name, unicode.IsControl):
		i := strings.IndexFunc(name, unicode.IsControl)
		r, _ := utf8.DecodeRuneInString(name[i:])
		return msgNameControl, []any{"Char", fmt.Sprintf("%U", r)}, true
	case strings.ContainsRune(name, '\\'):
		return msgNameBackslash, nil, true
	case name == "." || name == "..":
		return msgNameDots, []any{"Name", strconv.Quote(name)}, true
	case strings.HasSuffix(name, "."):
		return msgNameEndsDot, nil, true
	}
	if r, _ := utf8.DecodeLastRuneInString(name); unicode.IsSpace(r) {
		return msgNameEndsSpace, nil, true
	}
	return diag.Message{}, nil, false
}

// goodName reports whether name can be a URL segment and a file on any
// host.
func goodName(name string) bool {
	_, _, bad := nameProblem(name)
	return !bad
}

// badName returns the error at path p when name cannot be a URL segment,
// or nil. subject names it in the message (a diag.Message, or a
// diagnostic without a place when it has arguments), object is what to
// rename.
func badName(p, name string, subject any, object diag.Message) *diag.Diagnostic {
	m, args, bad := nameProblem(name)
	if !bad {
		return nil
	}
	return m.At(printable(p), 0, 0, append([]any{"Subject", subject, "Object", object}, args...)...)
}

// printable is a path as a message can show it: as it is, or, when it
// holds control characters or invalid UTF-8, with those written as Go
// escapes ("content/a\x07b").
func printable(p string) string {
	if utf8.ValidString(p) && !strings.ContainsFunc(p, unicode.IsControl) {
		return p
	}
	q := strconv.Quote(p)
	return q[1 : len(q)-1]
}

package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names under content/ become URLs and output files (package site writes
// each as one URL segment, percent-encoded where a URL needs it, so "q?x"
// or "100%" make good URLs). A name that no URL or host can carry is an
// error naming the folder or file, and what is under a refused folder is
// not read.

// nameProblem says what keeps name (a folder or file name, or the page
// name a file gives) from being a URL segment and a file on any host, or
// "" when nothing does. subject is how the message names it ("the
// folder name"), what is "folder" or "file", for the fix.
func nameProblem(name, subject, what string) string {
	fix := "rename the " + what + " without it"
	switch {
	case !utf8.ValidString(name):
		return subject + " is not valid UTF-8: rename the " + what + " in UTF-8"
	case strings.ContainsFunc(name, unicode.IsControl):
		i := strings.IndexFunc(name, unicode.IsControl)
		r, _ := utf8.DecodeRuneInString(name[i:])
		return fmt.Sprintf("%s holds a control character (%U), which no URL may carry: %s", subject, r, fix)
	case strings.ContainsRune(name, '\\'):
		return subject + ` holds "\", which browsers read as "/" in a URL: ` + fix
	case name == "." || name == "..":
		return fmt.Sprintf("%s %q is not a name a URL can hold: rename the %s", subject, name, what)
	case strings.HasSuffix(name, "."):
		return subject + ` ends in ".", which Windows and some hosts drop: ` + fix
	}
	if r, _ := utf8.DecodeLastRuneInString(name); unicode.IsSpace(r) {
		return subject + " ends in a space, which Windows and some hosts drop: " + fix
	}
	return ""
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

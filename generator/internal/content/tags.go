package content

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/eventnews/gen/generator/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// IsTagKey reports whether a tag is a key: lower-case Latin letters and
// digits in runs joined by single hyphens ("trade", "expo-2024"). A key
// shows its label (message tag.<key>) in each language, and its pages in
// the languages are translations of one another. Any other tag is a term
// of its page's language (see TagName).
func IsTagKey(tag string) bool {
	if tag == "" || tag[0] == '-' || tag[len(tag)-1] == '-' {
		return false
	}
	for i := 0; i < len(tag); i++ {
		switch c := tag[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && tag[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// TagName is the name a tag has in URLs, /<lang>/tags/<name>/, before
// package site escapes it (escape.Segment): a key as it is; a term the way
// Hugo's urlize makes a term's name, which keeps the characters of every
// script: in Unicode normal form C, lower-cased ("Туризм" → "туризм",
// "Harbin Expo" → "harbin expo" → "harbin-expo"), white space and hyphens
// between words one hyphen, and only letters, digits, combining marks and
// "_", ".", "~", "+" kept otherwise (Hugo also keeps "/", "\", "#", "%" and
// "@", which would make a folder or an escape of a URL). It has no hyphen
// or dot at either end. Two tags with one name are one tag. A term made of
// nothing it keeps has the name "", which package content refuses.
func TagName(tag string) string {
	if IsTagKey(tag) {
		return tag
	}
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(norm.NFC.String(tag)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("_.~+", r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '-' || unicode.IsSpace(r):
			hyphen = true
		}
	}
	return strings.Trim(b.String(), ".")
}

// checkTag returns what is wrong with a tag, a message with the arguments
// it needs besides Key and Value, or a message without an ID. Any tag
// with a name is a key or a term; with strict, only keys are.
func checkTag(tag string, strict bool) (diag.Message, []any) {
	switch {
	case IsTagKey(tag):
		return diag.Message{}, nil
	case strict:
		if fix := TagName(tag); IsTagKey(fix) {
			return msgTagNotKeyLike, []any{"Fix", fmt.Sprintf("%q", fix)}
		}
		return msgTagNotKey, nil
	case TagName(tag) == "":
		return msgTagNoName, nil
	}
	return diag.Message{}, nil
}

// sameTag says why a tag is one the list already has (first).
func sameTag(tag, first string) (diag.Message, []any) {
	if tag == first {
		return msgTagTwice, []any{"Value", fmt.Sprintf("%q", tag)}
	}
	return msgTagAgain, []any{"Value", fmt.Sprintf("%q", tag), "First", fmt.Sprintf("%q", first), "Name", TagName(tag)}
}

// keyTags returns the keys among tags: what a translation inherits, since
// a term is a word of its own language.
func keyTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if IsTagKey(t) {
			out = append(out, t)
		}
	}
	return out
}

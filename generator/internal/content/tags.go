package content

import (
	"fmt"
	"strings"
	"unicode"

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

// checkTag returns what is wrong with a tag, or "". Any tag with a name is
// a key or a term; with strict, only keys are.
func checkTag(tag string, strict bool) string {
	switch {
	case IsTagKey(tag):
		return ""
	case strict:
		msg := "is not a tag key: use lower-case letters, digits and hyphens"
		if fix := TagName(tag); IsTagKey(fix) {
			msg += fmt.Sprintf(", like %q", fix)
		}
		return msg + "; this site takes only keys (tags: {strict: true} in site.yaml), each with a label in i18n/<lang>.yaml"
	case TagName(tag) == "":
		return `has no letter or digit to make its web address of: write a word, or a tag key like "trade"`
	}
	return ""
}

// sameTag says why a tag is one the list already has (first), or "".
func sameTag(tag, first string) string {
	if tag == first {
		return fmt.Sprintf("%q is listed twice: it is shown once; delete one", tag)
	}
	return fmt.Sprintf("%q is the tag %q again (one address, tags/%s/): it is shown once; delete one", tag, first, TagName(tag))
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

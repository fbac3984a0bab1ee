// Escapers re-implemented from html/template ($GOROOT/src/html/template:
// stringify and indirect in content.go, htmlEscaper, attrEscaper,
// rcdataEscaper, htmlNospaceEscaper and htmlReplacer in html.go, urlFilter,
// urlEscaper, urlNormalizer and processURLOnto in url.go). The rule: for one
// argument each function returns exactly, byte for byte, what html/template's
// function of the same name returns; where it cannot be sure of that (a
// template.HTML value that would go through stripTags) it returns ok=false and
// the caller falls back to html/template itself. Nothing here is mutable at
// package level; the tables are read only.

package theme

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// escaperFor returns html/template's escaping function of that name
// ("_html_template_htmlescaper", ...), re-implemented, or nil for one this
// package does not implement. The function takes the single argument the
// escaper would receive in a pipeline (nil for a missing value or untyped
// nil) and returns what html/template's function returns; ok is false for an
// input it does not handle exactly, and the caller then falls back to
// html/template itself.
func escaperFor(name string) func(arg any) (s string, ok bool) {
	switch name {
	case "_html_template_htmlescaper":
		return escHTMLEscaper
	case "_html_template_attrescaper":
		return escAttrEscaper
	case "_html_template_rcdataescaper":
		return escRCDATAEscaper
	case "_html_template_nospaceescaper":
		return escNospaceEscaper
	case "_html_template_urlfilter":
		return escURLFilter
	case "_html_template_urlnormalizer":
		return escURLNormalizer
	case "_html_template_urlescaper":
		return escURLEscaper
	}
	return nil
}

// escaperForString is escaperFor's function for a plain string argument,
// taken as it is rather than in an interface; it never declines one.
func escaperForString(name string) func(string) string {
	switch name {
	case "_html_template_htmlescaper", "_html_template_attrescaper", "_html_template_rcdataescaper":
		return func(s string) string { return escReplace(s, &escHTMLTable) }
	case "_html_template_nospaceescaper":
		return func(s string) string {
			if s == "" {
				return escFailsafe
			}
			return escNospaceReplace(s, &escNospaceTable)
		}
	case "_html_template_urlfilter":
		return func(s string) string {
			if !escIsSafeURL(s) {
				return "#" + escFailsafe
			}
			return s
		}
	case "_html_template_urlnormalizer":
		return func(s string) string { return escProcessURL(s, true) }
	case "_html_template_urlescaper":
		return func(s string) string { return escProcessURL(s, false) }
	}
	return nil
}

// escContent is html/template's contentType, as far as the escapers here
// look at it.
type escContent uint8

const (
	escPlain escContent = iota
	escCSS
	escHTML
	escHTMLAttr
	escJS
	escJSStr
	escURL
	escSrcset
)

// escFailsafe is html/template's filterFailsafe.
const escFailsafe = "ZgotmplZ"

// escStringify is html/template's stringify for a single argument.
func escStringify(arg any) (string, escContent) {
	if s, ok := arg.(string); ok { // the hot path: no reflect, no fmt
		return s, escPlain
	}
	if arg == nil {
		// stringify skips an untyped nil: fmt.Sprint() of nothing.
		return "", escPlain
	}
	switch v := escIndirect(arg).(type) {
	case string:
		return v, escPlain
	case template.CSS:
		return string(v), escCSS
	case template.HTML:
		return string(v), escHTML
	case template.HTMLAttr:
		return string(v), escHTMLAttr
	case template.JS:
		return string(v), escJS
	case template.JSStr:
		return string(v), escJSStr
	case template.URL:
		return string(v), escURL
	case template.Srcset:
		return string(v), escSrcset
	// Shortcuts for fmt.Sprint(indirectToStringerOrError(arg)): when the
	// pointers end in exactly int, int64 or bool, no pointer on the way has
	// a method (a method of *T is one of T's and named pointer types have
	// none), so indirectToStringerOrError ends there too, and fmt prints
	// these types as strconv does.
	case int:
		return strconv.Itoa(v), escPlain
	case int64:
		return strconv.FormatInt(v, 10), escPlain
	case bool:
		return strconv.FormatBool(v), escPlain
	}
	return fmt.Sprint(escIndirectToStringerOrError(arg)), escPlain
}

// escIndirect is html/template's indirect.
func escIndirect(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

var (
	escErrorType    = reflect.TypeFor[error]()
	escStringerType = reflect.TypeFor[fmt.Stringer]()
)

// escIndirectToStringerOrError is html/template's indirectToStringerOrError.
func escIndirectToStringerOrError(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	for !v.Type().Implements(escStringerType) && !v.Type().Implements(escErrorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// Replacement tables of html.go, indexed by byte. Only ASCII entries are
// set: html.go's tables are shorter than 0x80, and a byte below 0x80 always
// decodes as a rune of its own, so replacing by byte is replacing by rune.
var (
	// htmlReplacementTable
	escHTMLTable = [256]string{
		0:    "\uFFFD",
		'"':  "&#34;",
		'&':  "&amp;",
		'\'': "&#39;",
		'+':  "&#43;",
		'<':  "&lt;",
		'>':  "&gt;",
	}
	// htmlNormReplacementTable: no '&', so entities stay as they are.
	escHTMLNormTable = [256]string{
		0:    "\uFFFD",
		'"':  "&#34;",
		'\'': "&#39;",
		'+':  "&#43;",
		'<':  "&lt;",
		'>':  "&gt;",
	}
	// htmlNospaceReplacementTable
	escNospaceTable = [256]string{
		0:    "&#xfffd;",
		'\t': "&#9;",
		'\n': "&#10;",
		'\v': "&#11;",
		'\f': "&#12;",
		'\r': "&#13;",
		' ':  "&#32;",
		'"':  "&#34;",
		'&':  "&amp;",
		'\'': "&#39;",
		'+':  "&#43;",
		'<':  "&lt;",
		'=':  "&#61;",
		'>':  "&gt;",
		'`':  "&#96;",
	}
	// htmlNospaceNormReplacementTable
	escNospaceNormTable = [256]string{
		0:    "&#xfffd;",
		'\t': "&#9;",
		'\n': "&#10;",
		'\v': "&#11;",
		'\f': "&#12;",
		'\r': "&#13;",
		' ':  "&#32;",
		'"':  "&#34;",
		'\'': "&#39;",
		'+':  "&#43;",
		'<':  "&lt;",
		'=':  "&#61;",
		'>':  "&gt;",
		'`':  "&#96;",
	}
)

// escReplace is htmlReplacer(s, table, true): other runes pass unchanged.
// It returns s itself when nothing is replaced.
func escReplace(s string, table *[256]string) string {
	i := 0
	for i < len(s) && table[s[i]] == "" {
		i++
	}
	if i == len(s) {
		return s
	}
	n := len(s)
	for _, c := range []byte(s[i:]) {
		if r := table[c]; r != "" {
			n += len(r) - 1
		}
	}
	var b strings.Builder
	b.Grow(n)
	written := 0
	for ; i < len(s); i++ {
		if r := table[s[i]]; r != "" {
			b.WriteString(s[written:i])
			b.WriteString(r)
			written = i + 1
		}
	}
	b.WriteString(s[written:])
	return b.String()
}

// escNospaceReplace is htmlReplacer(s, table, false): besides the table's
// ASCII, the runes U+FDD0..U+FDEF and U+FFF0..U+FFFF become "&#x....;" (so
// does each byte of invalid UTF-8, which decodes as U+FFFD of width 1).
func escNospaceReplace(s string, table *[256]string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if r := table[c]; r != "" {
				if written == 0 {
					b.Grow(len(s) + 16)
				}
				b.WriteString(s[written:i])
				b.WriteString(r)
				written = i + 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff {
			if written == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[written:i])
			// fmt's "&#x%x;": these runes have exactly four hex digits.
			const hex = "0123456789abcdef"
			b.WriteString("&#x")
			b.WriteByte(hex[r>>12&0xf])
			b.WriteByte(hex[r>>8&0xf])
			b.WriteByte(hex[r>>4&0xf])
			b.WriteByte(hex[r&0xf])
			b.WriteByte(';')
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// escHTMLEscaper is htmlEscaper.
func escHTMLEscaper(arg any) (string, bool) {
	s, t := escStringify(arg)
	if t == escHTML {
		return s, true
	}
	return escReplace(s, &escHTMLTable), true
}

// escAttrEscaper is attrEscaper.
func escAttrEscaper(arg any) (string, bool) {
	s, t := escStringify(arg)
	if t == escHTML {
		if !escStripTagsIsIdentity(s) {
			return "", false
		}
		return escReplace(s, &escHTMLNormTable), true
	}
	return escReplace(s, &escHTMLTable), true
}

// escRCDATAEscaper is rcdataEscaper.
func escRCDATAEscaper(arg any) (string, bool) {
	s, t := escStringify(arg)
	if t == escHTML {
		return escReplace(s, &escHTMLNormTable), true
	}
	return escReplace(s, &escHTMLTable), true
}

// escNospaceEscaper is htmlNospaceEscaper ("_html_template_nospaceescaper").
func escNospaceEscaper(arg any) (string, bool) {
	s, t := escStringify(arg)
	if s == "" {
		return escFailsafe, true
	}
	if t == escHTML {
		if !escStripTagsIsIdentity(s) {
			return "", false
		}
		return escNospaceReplace(s, &escNospaceNormTable), true
	}
	return escNospaceReplace(s, &escNospaceTable), true
}

// escStripTagsIsIdentity reports a case where stripTags(s) is s for certain:
// with no '<', stripTags' first transition (tText) consumes all of s as text.
// Anything else needs html/template's tokenizer.
func escStripTagsIsIdentity(s string) bool {
	return strings.IndexByte(s, '<') < 0
}

// escURLFilter is urlFilter.
func escURLFilter(arg any) (string, bool) {
	s, t := escStringify(arg)
	if t == escURL {
		return s, true
	}
	if !escIsSafeURL(s) {
		return "#" + escFailsafe, true
	}
	return s, true
}

// escIsSafeURL is isSafeURL.
func escIsSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// escURLNormalizer is urlNormalizer.
func escURLNormalizer(arg any) (string, bool) {
	s, _ := escStringify(arg)
	return escProcessURL(s, true), true
}

// escURLEscaper is urlEscaper.
func escURLEscaper(arg any) (string, bool) {
	s, t := escStringify(arg)
	return escProcessURL(s, t == escURL), true
}

// processURLOnto keeps a byte marked in escURLKeep (unreserved: ASCII
// letters and digits, "-._~") and, when normalizing, one marked in
// escURLKeepNorm (also the reserved "!#$&*+,/:;=?@[]"), and a '%' followed by
// two hex digits. It percent-encodes every other byte.
var escURLKeep, escURLKeepNorm = func() (keep, norm [256]bool) {
	for i := range keep {
		c := byte(i)
		keep[i] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
		norm[i] = keep[i] || strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0
	}
	return keep, norm
}()

func escIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// escURLKept is whether processURLOnto leaves s[i] as it is.
func escURLKept(s string, i int, norm bool, keep *[256]bool) bool {
	return keep[s[i]] || norm && s[i] == '%' && i+2 < len(s) && escIsHex(s[i+1]) && escIsHex(s[i+2])
}

// escProcessURL is urlProcessor after stringify: processURLOnto's result,
// or s itself when that changes nothing.
func escProcessURL(s string, norm bool) string {
	keep := &escURLKeep
	if norm {
		keep = &escURLKeepNorm
	}
	i := 0
	for i < len(s) && escURLKept(s, i, norm, keep) {
		i++
	}
	if i == len(s) {
		return s
	}
	n := len(s)
	for j := i; j < len(s); j++ {
		if !escURLKept(s, j, norm, keep) {
			n += 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	written := 0
	for ; i < len(s); i++ {
		if escURLKept(s, i, norm, keep) {
			continue
		}
		const hex = "0123456789abcdef" // fmt's "%%%02x"
		c := s[i]
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xf])
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

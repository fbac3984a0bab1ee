package escape

import "strings"

const hex = "0123456789ABCDEF"

// URI percent-encodes what may not appear in a URI (RFC 3986): bytes
// outside ASCII, so Chinese or Cyrillic slugs, spaces, controls and
// "<>\"{}|\\^`. Feeds, sitemaps and calendars need URIs, not IRIs.
func URI(u string) string {
	return percent(u, func(s string, i int) bool {
		c := s[i]
		return c > ' ' && c < 0x7f && strings.IndexByte("<>\"{}|\\^`", c) < 0
	})
}

// Segment writes name as one segment of a URL path: the characters a URL
// path may not hold, or gives a meaning ("?" starts a query, "#" a
// fragment, "%" an escape, "/" a new segment), are percent-encoded, and so
// are spaces, controls and "+", which some hosts (Amazon S3) read as a
// space. Other characters stay as written: letters of any script, so a
// URL remains readable, digits and "-._~!$&'()*,;=:@".
func Segment(name string) string {
	return percent(name, func(s string, i int) bool { return !escapes(s[i]) })
}

// escapes reports whether Segment percent-encodes c.
func escapes(c byte) bool {
	return c <= ' ' || c == 0x7f || strings.IndexByte("\"#%+/<>?[\\]^`{|}", c) >= 0
}

// percent returns s with every byte that keep(s, i) does not keep written
// as %XX (upper-case hexadecimal), and s itself when it keeps them all.
func percent(s string, keep func(s string, i int) bool) string {
	i := 0
	for i < len(s) && keep(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; keep(s, i) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// Path writes a slash-separated relative file path ("img/a b.png") as a
// URL path, each name with Segment.
func Path(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = Segment(s)
	}
	return strings.Join(parts, "/")
}

package escape

import "strings"

const hex = "0123456789ABCDEF"

// URI percent-encodes what may not appear in a URI (RFC 3986): bytes
// outside ASCII, so Chinese or Cyrillic slugs, spaces, controls and
// "<>\"{}|\\^`. Feeds, sitemaps and calendars need URIs, not IRIs.
func URI(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c > ' ' && c < 0x7f && strings.IndexByte("<>\"{}|\\^`", c) < 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// Segment writes name as one segment of a URL path: the characters a URL
// path may not hold, or gives a meaning ("?" starts a query, "#" a
// fragment, "%" an escape, "/" a new segment), are percent-encoded, and so
// are spaces, controls and "+", which some hosts (Amazon S3) read as a
// space. Other characters stay as written: letters of any script, so a
// URL remains readable, digits and "-._~!$&'()*,;=:@".
func Segment(name string) string {
	i := 0
	for i < len(name) && !escapes(name[i]) {
		i++
	}
	if i == len(name) {
		return name
	}
	var b strings.Builder
	b.Grow(len(name) + 8)
	b.WriteString(name[:i])
	for ; i < len(name); i++ {
		c := name[i]
		if !escapes(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// escapes reports whether Segment percent-encodes c.
func escapes(c byte) bool {
	return c <= ' ' || c == 0x7f || strings.IndexByte("\"#%+/<>?[\\]^`{|}", c) >= 0
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

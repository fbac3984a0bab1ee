package site

import (
	"net/url"
	"strings"
)

// URLs from names. A page's URL is made of names: folders and files under
// content/, slugs, section and tag keys. Each name is one path segment,
// written into the URL with Segment, so a name may hold any character a
// file name may hold and still give one unambiguous URL; the page's
// output path is its URL decoded (FilePath), which is the file a static
// host looks for, since it decodes the path of a request before looking.
// Names no URL or host can carry (control characters, "\", a trailing dot
// or space) are refused by package content before they get here.

// Segment writes name as one segment of a URL path: the characters a URL
// path may not hold, or gives a meaning ("?" starts a query, "#" a
// fragment, "%" an escape, "/" a new segment), are percent-encoded, and so
// are spaces, controls and "+", which some hosts (Amazon S3) read as a
// space. Other characters stay as written: letters of any script, so a
// URL remains readable, digits and "-._~!$&'()*,;=:@".
func Segment(name string) string {
	const hex = "0123456789ABCDEF"
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

// EscapePath writes a slash-separated relative file path ("img/a b.png")
// as a URL path, each name with Segment.
func EscapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = Segment(s)
	}
	return strings.Join(parts, "/")
}

// DecodedPath is a site-relative URL with its percent-escapes decoded, as
// a host reads it: "/zh/news/q%3Fx/" → "/zh/news/q?x/". A URL that is
// not validly escaped is returned as it is.
func DecodedPath(u string) string {
	if !strings.Contains(u, "%") {
		return u
	}
	if d, err := url.PathUnescape(u); err == nil {
		return d
	}
	return u
}

// FilePath is the output path of a site-relative URL: its decoded path
// without the leading "/", and index.html for a URL that ends in "/":
// "/zh/news/q%3Fx/" → "zh/news/q?x/index.html".
func FilePath(u string) string {
	p := strings.TrimPrefix(DecodedPath(u), "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

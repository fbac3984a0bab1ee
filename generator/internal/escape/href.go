package escape

import "strings"

// Href percent-encodes what may not stand in a URL, as html/template does
// for an href before it escapes the attribute: letters and digits of
// ASCII, "-._~!#$&*+,/:;=?@[]" and a valid %XX escape stay as they are,
// every other byte is %XX, with upper-case hexadecimal digits (where
// html/template writes lower case). Go writes the head's links with it.
func Href(s string) string { return percent(s, hrefKeeps) }

// hrefKeeps reports whether Href keeps s[i] as it is.
func hrefKeeps(s string, i int) bool {
	c := s[i]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0 ||
		c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

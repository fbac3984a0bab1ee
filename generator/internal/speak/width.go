package speak

import (
	"strings"

	"golang.org/x/text/width"
)

// Width is how many columns a terminal gives s: two for a wide or
// full-width character (East Asian Width W or F, as Chinese is), one for
// any other. Columns of text in any language line up by it.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// Pad returns s with spaces after it up to columns wide (Width).
func Pad(s string, columns int) string {
	if n := columns - Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

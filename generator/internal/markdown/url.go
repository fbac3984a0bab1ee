package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/util"
)

// dangerousSchemes run code or read local files when followed.
var dangerousSchemes = [...]string{"javascript", "vbscript", "livescript", "data", "file"}

// DangerousURL reports whether a link destination, as written in Markdown
// or front matter, would run script or open a local file: its scheme is
// javascript:, vbscript:, livescript:, data: or file:. The destination is
// read as written, with character references and backslash escapes
// resolved (as goldmark writes it), and with entities decoded as loosely
// as a browser decodes them (without a semicolon, say); each is
// checked the way a browser parses a URL: leading spaces and control
// characters dropped, tabs and newlines removed, case ignored.
func DangerousURL(dest string) bool {
	if dangerousScheme(dest) {
		return true
	}
	if strings.ContainsAny(dest, "&\\") {
		if dangerousScheme(string(util.URLEscape([]byte(dest), true))) {
			return true
		}
		// A browser also takes references without their semicolon
		// ("&#106avascript:"), which CommonMark leaves as text: check
		// the scheme decoded that loosely too.
		loose := html.UnescapeString(string(util.UnescapePunctuations([]byte(dest))))
		if dangerousScheme(loose) {
			return true
		}
	}
	return false
}

func dangerousScheme(u string) bool {
	var scheme [16]byte
	n := 0
	started := false
	for i := 0; i < len(u); i++ {
		c := u[i]
		if !started && c <= ' ' {
			continue
		}
		started = true
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			s := string(scheme[:n])
			for _, d := range dangerousSchemes {
				if s == d {
					return true
				}
			}
			return false
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '-', c == '.':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return false // not a scheme character: a relative URL
		}
		if n == len(scheme) {
			return false
		}
		scheme[n] = c
		n++
	}
	return false
}

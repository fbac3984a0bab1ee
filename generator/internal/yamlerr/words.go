package yamlerr

import (
	"strings"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
)

// The parser's own words (yaml.v3 writes them in English, for
// programmers), said plainly, each with its fix.
var (
	msgFlowList     = diag.Message{ID: "yaml.unclosed-list", Text: "a list in [ ] is not closed: end it with ]"}
	msgFlowMap      = diag.Message{ID: "yaml.unclosed-group", Text: "a group in { } is not closed: end it with }"}
	msgEndOfText    = diag.Message{ID: "yaml.unclosed-quote", Text: "the text ends inside quotes: close the quotes where the value ends"}
	msgColonHere    = diag.Message{ID: "yaml.stray-colon", Text: "a \":\" stands where YAML does not expect one: put a value that holds \": \" in quotes, or check how far the line is indented"}
	msgReserved     = diag.Message{ID: "yaml.reserved-character", Text: "a value starts with a character YAML keeps for itself (@, `, % and others): put the value in quotes"}
	msgNoColon      = diag.Message{ID: "yaml.no-colon", Text: "a line has no \":\": write it as key: value, or check how far it is indented"}
	msgExpectedKey  = diag.Message{ID: "yaml.expected-key", Text: "this line does not read as key: value: put a value with quotes or brackets wholly in quotes, and check how far the line is indented"}
	msgListItem     = diag.Message{ID: "yaml.list-item", Text: "a line in a list does not start with \"- \" like the others: start it with \"- \", or check how far it is indented"}
	msgDashHere     = diag.Message{ID: "yaml.dash-here", Text: "a list item \"- \" stands on the line of its key: put each item on a line of its own below the key, starting with \"- \""}
	msgEscape       = diag.Message{ID: "yaml.escape", Text: "a \\ in double quotes is followed by a letter YAML does not know: write \\\\ for a backslash, or use single quotes"}
	msgControl      = diag.Message{ID: "yaml.control-character", Text: "the text holds an invisible control character: type the line again"}
	msgAfterValue   = diag.Message{ID: "yaml.after-value", Text: "something follows the closing quote or bracket on the same line: remove it, or put the whole value in quotes"}
	msgNoValue      = diag.Message{ID: "yaml.no-value", Text: "a value is missing or starts with a character YAML keeps for itself: put the value in quotes"}
	msgUnknownAlias = diag.Message{ID: "yaml.unknown-alias", Text: "a value starts with \"*\", which YAML reads as a reference to something named earlier: put the value in quotes"}
)

// plain gives the parser's problem in plain words, when it is one of
// those known.
func plain(problem string) (diag.Message, bool) {
	switch problem {
	case "did not find expected ',' or ']'":
		return msgFlowList, true
	case "did not find expected ',' or '}'":
		return msgFlowMap, true
	case "found unexpected end of stream":
		return msgEndOfText, true
	case "mapping values are not allowed in this context":
		return msgColonHere, true
	case "found character that cannot start any token":
		return msgReserved, true
	case "could not find expected ':'":
		return msgNoColon, true
	case "did not find expected key":
		return msgExpectedKey, true
	case "did not find expected '-' indicator":
		return msgListItem, true
	case "block sequence entries are not allowed in this context":
		return msgDashHere, true
	case "found unknown escape character":
		return msgEscape, true
	case "control characters are not allowed":
		return msgControl, true
	case "did not find expected comment or line break":
		return msgAfterValue, true
	case "did not find expected node content":
		return msgNoValue, true
	}
	if strings.HasPrefix(problem, "unknown anchor") {
		return msgUnknownAlias, true
	}
	return diag.Message{}, false
}

// opener returns where the bracket or quote that m says is not closed
// opens, or 0, 0.
func opener(m diag.Message, text []byte) (int, int) {
	switch m {
	case msgFlowList, msgFlowMap:
		return unclosed(text)
	case msgEndOfText:
		return unclosedQuote(text)
	}
	return 0, 0
}

// unclosed returns the line and column (1-based, the column in
// characters) of the bracket that opens the last flow collection of text
// left open, or 0, 0. Comments and quoted text are skipped.
func unclosed(text []byte) (int, int) {
	line, col, depth := 0, 0, 0
	var quote rune
	for i, raw := range strings.Split(string(text), "\n") {
		quote = 0 // a quote does not span lines in the values gen reads
		c := 0
	chars:
		for _, r := range raw {
			c++
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '#' && depth == 0:
				break chars
			case r == '"' || r == '\'':
				quote = r
			case r == '[' || r == '{':
				if depth == 0 {
					line, col = i+1, c
				}
				depth++
			case r == ']' || r == '}':
				depth = max(depth-1, 0)
			}
		}
	}
	if depth == 0 {
		return 0, 0
	}
	return line, col
}

// unclosedQuote returns the line and column (1-based, the column in
// characters) of the quote that opens a value left open, or 0, 0: the
// first line whose value starts with a quote that the line does not
// close. A value in quotes can go on over lines; one that does is taken
// for the mistake, which it almost always is in front matter.
func unclosedQuote(text []byte) (int, int) {
	for i, raw := range strings.Split(string(text), "\n") {
		v := strings.TrimLeft(raw, " -")
		if k := strings.Index(v, ": "); k >= 0 && !strings.ContainsAny(v[:k], `"'`) {
			v = v[k+2:]
		}
		v = strings.TrimSpace(v)
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		if !closes(v[1:], v[0]) {
			col := utf8.RuneCountInString(raw[:strings.Index(raw, v)]) + 1
			return i + 1, col
		}
	}
	return 0, 0
}

// closes reports whether rest, the text after an opening quote q, holds
// the quote that closes it (inside single quotes, two of them are one
// quote; inside double ones, a backslash escapes the next character).
func closes(rest string, q byte) bool {
	for i := 0; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == q:
			return true
		}
	}
	return false
}

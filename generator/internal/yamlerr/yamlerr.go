// Package yamlerr says in plain words what is wrong with YAML text that
// yaml.v3 could not read (front matter, site.yaml), at the line and column
// to fix, for people who have never heard of YAML.
//
// Explain reads the text line by line as far as yaml.v3's error (whose
// line is that of the mistake or the one before; for a tab, anywhere
// after it) and reports the first of these mistakes it finds there:
//
//   - a tab in the indentation of a line: "line 7 is indented with a tab;
//     YAML needs spaces", at the tab;
//   - a line indented more than the lines of its block (the line after a
//     key with a value, say) or between the columns of two blocks: the
//     line, where it starts, and the column (or the two columns) where it
//     can start, naming a line that starts there;
//   - a value without quotes that holds ": " or ends with ":" (title: Expo:
//     day one), which YAML takes for another key: the value in quotes, as
//     it should be written.
//
// Otherwise it gives yaml.v3's message in the caller's words, at its
// line: in plain words with the fix when it is one of the parser's common
// messages (an unclosed list, quote or group, a stray ":", a reserved
// first character, ...; an unclosed [, { or quote at the character that opens it; a quote
// left open before the line yaml.v3 names is taken for the mistake), which package speak then says in the reader's
// language; else as yaml.v3 wrote it. Lines and columns are 1-based, columns in characters.
package yamlerr

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
)

// The messages of this package, in English.
var (
	msgTab     = diag.Message{ID: "yaml.tab", Text: "line {{.Line}} is indented with a tab; YAML needs spaces"}
	msgDeeper  = diag.Message{ID: "yaml.indent", Text: "line {{.Line}} starts at column {{.Col}}, but the lines of its block start at column {{.Want}}, like line {{.Like}}: move it to column {{.Want}}"}
	msgBetween = diag.Message{ID: "yaml.indent-between", Text: "line {{.Line}} starts at column {{.Col}}, between two blocks: move it to column {{.Inner}}, like line {{.InnerLike}}, or to column {{.Outer}}, like line {{.OuterLike}}"}
	msgColon   = diag.Message{ID: "yaml.colon", Text: `{{.Key}}: the text holds ":", which YAML takes for another key: put it in quotes, {{.Key}}: {{.Quoted}}`}
)

// Messages returns every message of this package, for message bundles.
func Messages() []diag.Message { return []diag.Message{msgTab, msgDeeper, msgBetween, msgColon} }

var lineOf = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// Explain returns the diagnostic for err, the error yaml.v3 gave for
// text, which starts on line first+1 of the file path. When it cannot say
// better, it is other (whose template takes the parser's words as
// {{.Problem}}) at yaml.v3's line.
func Explain(path string, text []byte, first int, err error, other diag.Message) *diag.Diagnostic {
	line, problem := 0, err.Error()
	if m := lineOf.FindStringSubmatch(problem); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = m[2]
	}
	upTo := max(line, 1) + 1
	if strings.Contains(problem, "tab character") {
		// In a block scalar yaml.v3 names the line of its key.
		upTo = len(text)
	}
	if d := scan(path, text, first, upTo); d != nil {
		return d
	}
	if m, ok := plain(problem); ok {
		if l, c := unclosedQuote(text); l > 0 && l <= max(line, 1) {
			// A quote left open on a line before swallows what follows,
			// and yaml.v3 stumbles later: the quote is the mistake.
			return other.At(path, first+l, c, "Problem", msgEndOfText)
		}
		if l, c := opener(m, text); l > 0 {
			return other.At(path, first+l, c, "Problem", m)
		}
		return other.At(path, first+max(line, 1), 0, "Problem", m)
	}
	return other.At(path, first+max(line, 1), 0, "Problem", problem)
}

// scan returns the first mistake of text on its lines up to upTo, or nil.
func scan(path string, text []byte, first, upTo int) *diag.Diagnostic {
	s := newScanner()
	for i, raw := range strings.Split(string(text), "\n") {
		n := i + 1
		if n > upTo {
			break
		}
		if d := s.line(raw, n, first, path); d != nil {
			return d
		}
	}
	return nil
}

// level is a block: the column (0-based) its lines start at, the last
// line read that starts there, and whether it is a list ("- ").
type level struct {
	indent, line int
	seq          bool
}

// scanner follows the blocks of YAML text, line by line, as far as a
// reader of its indentation can without parsing it: block scalars and
// flow collections that span lines are skipped.
type scanner struct {
	stack       []level
	expectChild bool // the last line opened a block ("key:", "- key:", "-")
	plain       bool // the last line ended in a plain value, which may go on
	blockIndent int  // inside a block scalar: the indent of its key; -1 outside
	flow        int  // open [ and { of a flow collection
}

func newScanner() *scanner { return &scanner{blockIndent: -1} }

// line reads one line (number n of the text) and returns its mistake.
func (s *scanner) line(raw string, n, first int, path string) *diag.Diagnostic {
	lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
	if i := strings.IndexByte(raw[:lead], '\t'); i >= 0 {
		return msgTab.At(path, first+n, i+1, "Line", first+n)
	}
	content := strings.TrimRight(raw[lead:], " \t")
	indent := lead
	if content == "" || strings.HasPrefix(content, "#") {
		return nil
	}
	if s.blockIndent >= 0 {
		if indent > s.blockIndent {
			return nil
		}
		s.blockIndent = -1
	}
	if s.flow > 0 {
		s.flow += brackets(content)
		return nil
	}
	if d := s.indentation(content, indent, n, first, path); d != nil {
		return d
	}
	return s.after(content, indent, n, first, path)
}

// indentation checks where a line starts against the open blocks.
func (s *scanner) indentation(content string, indent, n, first int, path string) *diag.Diagnostic {
	item := content == "-" || strings.HasPrefix(content, "- ")
	if len(s.stack) == 0 {
		s.stack = append(s.stack, level{indent, n, item})
		return nil
	}
	top := s.stack[len(s.stack)-1]
	switch {
	case s.expectChild && indent > top.indent:
		s.stack = append(s.stack, level{indent, n, item})
		return nil
	case s.expectChild && indent == top.indent && item && !top.seq:
		// A list may start at the column of its key.
		s.stack = append(s.stack, level{indent, n, true})
		return nil
	case indent > top.indent:
		if k, _ := key(content); s.plain && !item && k == "" {
			return nil // the value of the line before goes on
		}
		return msgDeeper.At(path, first+n, indent+1, "Line", first+n, "Col", indent+1, "Want", top.indent+1, "Like", first+top.line)
	}
	var inner level
	for len(s.stack) > 0 && s.stack[len(s.stack)-1].indent > indent {
		inner = s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
	}
	if len(s.stack) == 0 || s.stack[len(s.stack)-1].indent < indent {
		outer := level{indent: 0, line: 1}
		if len(s.stack) > 0 {
			outer = s.stack[len(s.stack)-1]
		}
		return msgBetween.At(path, first+n, indent+1, "Line", first+n, "Col", indent+1,
			"Inner", inner.indent+1, "InnerLike", first+inner.line, "Outer", outer.indent+1, "OuterLike", first+outer.line)
	}
	if t := s.stack[len(s.stack)-1]; t.seq && !item && len(s.stack) > 1 && s.stack[len(s.stack)-2].indent == indent {
		s.stack = s.stack[:len(s.stack)-1] // a list at its key's column ends
	}
	s.stack[len(s.stack)-1].line = n // the nearest line of the block, for messages
	return nil
}

// after notes what a line opens for the lines after it, and checks its
// value.
func (s *scanner) after(content string, indent, n, first int, path string) *diag.Diagnostic {
	s.expectChild, s.plain = false, false
	if content == "-" {
		s.expectChild = true
		return nil
	}
	if rest, ok := strings.CutPrefix(content, "- "); ok {
		// The item's own text starts two columns further: a mapping in
		// it has its keys there.
		lead := len(rest) - len(strings.TrimLeft(rest, " "))
		indent += 2 + lead
		content = rest[lead:]
		if k, _ := key(content); k != "" {
			s.stack = append(s.stack, level{indent, n, false})
		}
	}
	k, at := key(content)
	if k == "" {
		s.plain = true
		return nil
	}
	at += len(content[at:]) - len(strings.TrimLeft(content[at:], " "))
	value := content[at:]
	switch {
	case value == "" || strings.HasPrefix(value, "#"):
		s.expectChild = true
	case strings.ContainsRune("|>", rune(value[0])):
		s.blockIndent = indent
	case value[0] == '[' || value[0] == '{':
		s.flow = max(brackets(value), 0)
	case strings.ContainsRune(`"'&*!`, rune(value[0])):
	default:
		s.plain = true
		return colon(path, first+n, indent+utf8.RuneCountInString(content[:at]), k, value)
	}
	return nil
}

// colon reports a plain value, which starts at column col (0-based),
// that holds ": " or ends with ":".
func colon(path string, line, col int, k, value string) *diag.Diagnostic {
	if i := strings.Index(value, " #"); i >= 0 {
		value = strings.TrimRight(value[:i], " ")
	}
	at := strings.Index(value, ": ")
	if at < 0 && strings.HasSuffix(value, ":") {
		at = len(value) - 1
	}
	if at < 0 {
		return nil
	}
	return msgColon.At(path, line, col+utf8.RuneCountInString(value[:at])+1, "Key", k, "Quoted", quote(value))
}

// keyPattern finds a key at the start of a line's text: a plain or
// quoted name, then ":" and a space or the end.
var keyPattern = regexp.MustCompile(`^("[^"]*"|'[^']*'|[^\s"'#\[\]{}&*!|>%@` + "`" + `,?:-][^:#]*?)\s*:(?:\s|$)`)

// key returns the key the text starts with and where its value starts,
// or "" and 0.
func key(content string) (string, int) {
	m := keyPattern.FindStringSubmatch(content)
	if m == nil {
		return "", 0
	}
	return m[1], len(m[0])
}

// brackets counts the [ and { a text opens minus those it closes, outside
// quotes.
func brackets(s string) int {
	n := 0
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[' || r == '{':
			n++
		case r == ']' || r == '}':
			n--
		}
	}
	return n
}

// quote writes text as a YAML string in quotes: double quotes, or single
// ones when it holds a double quote and no single one.
func quote(text string) string {
	if strings.Contains(text, `"`) && !strings.Contains(text, "'") {
		return "'" + text + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text) + `"`
}

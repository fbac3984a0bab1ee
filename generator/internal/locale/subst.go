package locale

import (
	"cmp"
	"strconv"
	"strings"
)

// form is one plural form of a message, split at Load so that T can fill it
// in without executing a template.
//
// Only two shapes are split: text without the left delimiter, which go-i18n
// returns as it is, and, with the default delimiters, literal text and
// actions {{.Name}} (spaces allowed inside the braces). text/template prints
// such a field as fmt.Fprint prints the map value; fill does the same for
// strings and integers, the only types it accepts.
type form struct {
	// lits and fields alternate, lits first and last:
	// lits[0] {{.fields[0]}} lits[1] … lits[len(fields)]. lits is nil when
	// the form has any other action: go-i18n renders it.
	lits   []string
	fields []string
}

func compileForm(src, leftDelim, rightDelim string) *form {
	ld, rd := cmp.Or(leftDelim, "{{"), cmp.Or(rightDelim, "}}")
	if !strings.Contains(src, ld) {
		return &form{lits: []string{src}}
	}
	if ld != "{{" || rd != "}}" {
		return &form{}
	}
	var f form
	rest := src
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			f.lits = append(f.lits, rest)
			return &f
		}
		f.lits = append(f.lits, rest[:i])
		// A "{{-" trim marker, a comment or anything but a dot stops here.
		rest = strings.TrimLeft(rest[i+len("{{"):], " ")
		if !strings.HasPrefix(rest, ".") {
			return &form{}
		}
		n := fieldLen(rest[1:])
		if n == 0 {
			return &form{}
		}
		f.fields = append(f.fields, rest[1:1+n])
		rest = strings.TrimLeft(rest[1+n:], " ")
		if !strings.HasPrefix(rest, "}}") {
			return &form{}
		}
		rest = rest[len("}}"):]
	}
}

// fieldLen is the length of the ASCII identifier that s starts with.
func fieldLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return i
	}
	return len(s)
}

// fill renders f with the values of c; false if f was not split, or a field
// is missing, nil or of another type than string and integers.
func (f *form) fill(c *call) (string, bool) {
	if f.lits == nil {
		return "", false
	}
	if len(f.fields) == 0 {
		return f.lits[0], true
	}
	var stack [256]byte
	buf := append(stack[:0], f.lits[0]...)
	for i, name := range f.fields {
		var ok bool
		if buf, ok = c.appendValue(buf, name); !ok {
			return "", false
		}
		buf = append(buf, f.lits[i+1]...)
	}
	return string(buf), true
}

// appendValue appends what {{.name}} prints for c's template data (see
// call.data), if fill reproduces it.
func (c *call) appendValue(buf []byte, name string) ([]byte, bool) {
	if c.strData != nil {
		if s, ok := c.strData[name]; ok {
			return append(buf, s...), true
		}
	}
	v, ok := c.anyData[name]
	if !ok && c.hasArg && name == "Count" {
		v, ok = c.count, true
	}
	if !ok {
		return buf, false
	}
	switch v := v.(type) {
	case string:
		return append(buf, v...), true
	case int:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int8:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int16:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int32:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int64:
		return strconv.AppendInt(buf, v, 10), true
	case uint:
		return strconv.AppendUint(buf, uint64(v), 10), true
	case uint8:
		return strconv.AppendUint(buf, uint64(v), 10), true
	case uint16:
		return strconv.AppendUint(buf, uint64(v), 10), true
	case uint32:
		return strconv.AppendUint(buf, uint64(v), 10), true
	case uint64:
		return strconv.AppendUint(buf, v, 10), true
	case uintptr:
		return strconv.AppendUint(buf, uint64(v), 10), true
	}
	return buf, false
}

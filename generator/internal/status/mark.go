package status

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
)

// markKey matches a top-level translatedFrom key at the start of a line.
var markKey = regexp.MustCompile(`^(?:translatedFrom|"translatedFrom"|'translatedFrom')[ \t]*:(?:[ \t]|$)`)

// SetMark returns data with translatedFrom set to value. p names the file
// (relative to the site root, for content.Parse) and opts are the content
// options. Only the lines of the translatedFrom key change; a file without
// the key gets a new line before the closing "---", ended like the file's
// first line. The result must decode to the same front matter except
// translatedFrom, or SetMark fails and nothing should be written.
func SetMark(p string, data []byte, value string, opts content.Options) ([]byte, error) {
	before, err := content.Parse(p, data, opts)
	if err != nil {
		return nil, errors.Join(msgUnreadable.At("", 0, 0, "File", p), err)
	}
	out, problem := setLine(data, "translatedFrom: "+strconv.Quote(value))
	if problem != nil {
		return nil, problem.At(p, 0, 0)
	}
	after, err := content.Parse(p, out, opts)
	if err != nil || after.Front.TranslatedFrom != value || !sameExceptMark(before, after) {
		return nil, msgCannotSet.At(p, 0, 0, "Value", value)
	}
	return out, nil
}

func sameExceptMark(a, b *content.File) bool {
	fa, fb := a.Front, b.Front
	fa.TranslatedFrom, fb.TranslatedFrom = "", ""
	fa.Pos, fb.Pos = nil, nil
	return reflect.DeepEqual(fa, fb) && bytes.Equal(a.Body, b.Body) && a.Key == b.Key
}

// setLine replaces the translatedFrom line (and any indented lines that
// continue its value) with line, or inserts line at the end of the front
// matter. A file it cannot change gets the problem instead.
func setLine(data []byte, line string) ([]byte, *diag.Message) {
	start := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	type span struct{ start, end, next int } // content [start,end), next line at next
	var lines []span
	for off := start; off < len(data); {
		nl := bytes.IndexByte(data[off:], '\n')
		s := span{start: off}
		if nl < 0 {
			s.end, s.next = len(data), len(data)
		} else {
			s.end, s.next = off+nl, off+nl+1
		}
		if s.end > s.start && data[s.end-1] == '\r' {
			s.end--
		}
		lines = append(lines, s)
		off = s.next
	}
	text := func(s span) []byte { return data[s.start:s.end] }
	if len(lines) == 0 || string(bytes.TrimRight(text(lines[0]), " \t")) != "---" {
		return nil, &msgNoFront
	}
	eol := data[lines[0].end:lines[0].next]
	if len(eol) == 0 {
		eol = []byte("\n")
	}
	closing := -1
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(text(lines[i]), " \t")) == "---" {
			closing = i
			break
		}
	}
	if closing < 0 {
		return nil, &msgNotClosed
	}
	found := -1
	for i := 1; i < closing; i++ {
		if markKey.Match(text(lines[i])) {
			found = i
			break
		}
	}
	var out bytes.Buffer
	if found < 0 {
		at := lines[closing].start
		out.Write(data[:at])
		out.WriteString(line)
		out.Write(eol)
		out.Write(data[at:])
		return out.Bytes(), nil
	}
	last := found
	for last+1 < closing {
		t := text(lines[last+1])
		if len(t) > 0 && t[0] != ' ' && t[0] != '\t' {
			break
		}
		if len(bytes.TrimSpace(t)) == 0 {
			break
		}
		last++
	}
	out.Write(data[:lines[found].start])
	out.WriteString(line)
	out.Write(data[lines[last].end:])
	return out.Bytes(), nil
}

// MarkFile sets translatedFrom in the file p (relative to the site root
// dir) to value and reports whether the file changed. The new content is
// written to a temporary file in the same directory and renamed over the
// old one, keeping its permissions, so the file is never half written.
func MarkFile(dir, p, value string, opts content.Options) (bool, error) {
	name := filepath.Join(dir, filepath.FromSlash(p))
	if real, err := filepath.EvalSymlinks(name); err == nil {
		name = real // replace the file a link points to, not the link
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	out, err := SetMark(p, data, value, opts)
	if err != nil {
		return false, err
	}
	if bytes.Equal(out, data) {
		return false, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".gen-mark-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Chmod(tmp.Name(), st.Mode().Perm()); err != nil {
		return false, err
	}
	return true, os.Rename(tmp.Name(), name)
}

// Package status tells which translations are up to date, out of date
// (stale) or missing.
//
// Rules:
//   - The revision of a file is the first 12 hex digits of the SHA-256 of
//     its text as written in that file: title, summary, body, event name,
//     city and venue, image alt and caption. Line ends are LF, white space at
//     the end of each line and blank lines at the start and end of each field
//     are dropped. Everything else (dates, tags, draft, front matter layout
//     and quoting, values inherited from another language) is not text and
//     does not change the revision.
//   - A translation records the revision it was translated from in front
//     matter: translatedFrom: "zh@1a2b3c4d5e6f". It is up to date while the
//     source in that language still has that revision, and stale once the
//     source's text changed. A translation without the key is unmarked: its
//     state is unknown. A file in the default language without the key is
//     the source.
//   - A translation whose own text is still the text it names as its
//     original (its revision equals the one in translatedFrom) is a
//     placeholder waiting for its translation, such as gen new writes: it
//     counts as missing, never as up to date or stale.
//   - SetMark edits only the translatedFrom line of a file's front matter
//     (or inserts one before the closing "---"), keeping every other byte,
//     and refuses when the result would decode to anything else.
package status

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
)

// RevLen is the number of hex digits of a revision.
const RevLen = 12

// Revision returns the revision of f's text.
func Revision(f *content.File) string {
	sum := sha256.Sum256(Text(f))
	return hex.EncodeToString(sum[:])[:RevLen]
}

// Text returns the normalised text a revision is computed from: each field
// written in the file, as "name\x00value\x00".
func Text(f *content.File) []byte {
	fm := &f.Front
	var b bytes.Buffer
	field := func(name, value string) {
		b.WriteString(name)
		b.WriteByte(0)
		b.WriteString(normalize(value))
		b.WriteByte(0)
	}
	written := func(key, value string) {
		if fm.Has(key) {
			field(key, value)
		}
	}
	written("title", fm.Title)
	written("summary", fm.Summary)
	if e := fm.Event; e != nil {
		written("event.name", e.Name)
		written("event.city", e.City)
		written("event.venue", e.Venue)
	}
	if im := fm.Image; im != nil {
		written("image.alt", im.Alt)
		written("image.caption", im.Caption)
	}
	field("body", string(f.Body))
	return b.Bytes()
}

// normalize makes line ends LF, drops white space at line ends and blank
// lines at both ends.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0\u3000")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// Mark is the value of translatedFrom: the source language and revision.
type Mark struct {
	Lang string
	Rev  string
}

func (m Mark) String() string { return m.Lang + "@" + m.Rev }

var markForm = regexp.MustCompile(`^([a-z]{2,3}(?:-[a-z0-9]+)*)@([0-9a-f]{12})$`)

// ParseMark reads a translatedFrom value such as "zh@1a2b3c4d5e6f".
func ParseMark(s string) (Mark, error) {
	m := markForm.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Mark{}, msgMarkForm.At("", 0, 0, "Value", s)
	}
	return Mark{Lang: m[1], Rev: m[2]}, nil
}

// State is what is known about one language version of a page.
type State string

const (
	Source   State = "source"   // the original, in the default language
	OK       State = "ok"       // translated from the source's current text
	Stale    State = "stale"    // the source's text changed since
	Missing  State = "missing"  // no file in this language, or one whose text is still its original's
	Unmarked State = "unmarked" // a translation that does not say what it was translated from
)

// Cell is one language version of one page.
type Cell struct {
	Lang  string `json:"-"`
	State State  `json:"state"`
	Draft bool   `json:"draft,omitempty"`
	// Path is the file, "" when missing.
	Path string `json:"path,omitempty"`
	// Revision is the file's own revision.
	Revision string `json:"revision,omitempty"`
	// From is the translatedFrom value, if valid; Current the source's
	// revision now (stale: differs from From's).
	From    string `json:"translatedFrom,omitempty"`
	Current string `json:"current,omitempty"`
	// SourceLang and SourcePath name the version it was translated from.
	SourceLang string `json:"sourceLang,omitempty"`
	SourcePath string `json:"sourcePath,omitempty"`
	// Problem says why the translatedFrom value cannot be used, or that its
	// source is gone.
	Problem string `json:"problem,omitempty"`

	file *content.File
}

// File returns the cell's file, nil when missing.
func (c *Cell) File() *content.File { return c.file }

// Row is one page (or section) in every language.
type Row struct {
	Key     string           `json:"key"`
	Section bool             `json:"section,omitempty"`
	Cells   map[string]*Cell `json:"languages"`
}

// Matrix is every page by language.
type Matrix struct {
	Languages []string `json:"languages"`
	Default   string   `json:"defaultLanguage"`
	Rows      []*Row   `json:"pages"`
}

// Build computes the matrix for files (as content.Load returns them) in the
// languages langs (site order); def is the default language.
func Build(files []*content.File, langs []string, def string) *Matrix {
	m := &Matrix{Languages: slices.Clone(langs), Default: def}
	type rowKey struct {
		key     string
		section bool
	}
	rows := map[rowKey]*Row{}
	for _, f := range files {
		k := rowKey{f.Key, f.Kind == content.KindSection}
		r := rows[k]
		if r == nil {
			r = &Row{Key: f.Key, Section: k.section, Cells: map[string]*Cell{}}
			rows[k] = r
			m.Rows = append(m.Rows, r)
		}
		if _, dup := r.Cells[f.Lang]; !dup {
			r.Cells[f.Lang] = &Cell{Lang: f.Lang, Path: f.Path, Draft: f.Front.Draft, Revision: Revision(f), file: f}
		}
	}
	for _, r := range m.Rows {
		for _, l := range langs {
			c := r.Cells[l]
			if c == nil {
				r.Cells[l] = &Cell{Lang: l, State: Missing}
				continue
			}
			judge(c, r, def)
		}
	}
	slices.SortFunc(m.Rows, func(a, b *Row) int {
		return cmp.Or(boolCmp(a.Section, b.Section), strings.Compare(a.Key, b.Key))
	})
	return m
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func judge(c *Cell, r *Row, def string) {
	fm := &c.file.Front
	if fm.TranslatedFrom == "" {
		if c.Lang == def {
			c.State = Source
		} else {
			c.State = Unmarked
		}
		return
	}
	mark, err := ParseMark(fm.TranslatedFrom)
	if err == nil && mark.Lang == c.Lang {
		err = msgMarkOwn.At("", 0, 0, "Value", fm.TranslatedFrom)
	}
	if err != nil {
		c.State, c.Problem = Unmarked, err.Error()
		if c.Lang == def {
			c.State = Source
		}
		return
	}
	c.From, c.SourceLang = mark.String(), mark.Lang
	if c.Revision == mark.Rev {
		// Its text is still the text it names as its original: a copy
		// waiting for its translation (gen new writes such placeholders).
		c.State = Missing
		c.Problem = fmt.Sprintf("not translated yet: its text is still the %s text it was copied from", mark.Lang)
		return
	}
	src := r.Cells[mark.Lang]
	if src == nil || src.file == nil {
		c.State = Stale
		c.Problem = fmt.Sprintf("it was translated from the %s version, which no longer exists", mark.Lang)
		return
	}
	c.SourcePath, c.Current = src.Path, src.Revision
	if src.Revision == mark.Rev {
		c.State = OK
	} else {
		c.State = Stale
	}
}

// Row returns the row of a page key (not a section), or nil.
func (m *Matrix) Row(key string) *Row {
	for _, r := range m.Rows {
		if r.Key == key && !r.Section {
			return r
		}
	}
	return nil
}

// Out says why a translation is out of date: the source it was translated
// from changed since (Source is that file), or it no longer exists (Source
// is nil). Lang is the source's language.
type Out struct {
	Lang   string
	Source *content.File
}

// Outdated returns the translations that are out of date, by file: those
// whose translatedFrom names a source that changed or is gone. Only the
// sources that translations name are hashed.
func Outdated(files []*content.File) map[*content.File]Out {
	type langKey struct {
		lang, key string
		kind      content.Kind
	}
	byLangKey := map[langKey]*content.File{}
	marks := map[*content.File]Mark{}
	for _, f := range files {
		k := langKey{f.Lang, f.Key, f.Kind}
		if _, dup := byLangKey[k]; !dup {
			byLangKey[k] = f
		}
		if f.Front.TranslatedFrom == "" {
			continue
		}
		if m, err := ParseMark(f.Front.TranslatedFrom); err == nil && m.Lang != f.Lang {
			marks[f] = m
		}
	}
	out := map[*content.File]Out{}
	revs := map[*content.File]string{}
	for f, m := range marks {
		src := byLangKey[langKey{m.Lang, f.Key, f.Kind}]
		if src == nil {
			out[f] = Out{Lang: m.Lang}
			continue
		}
		if _, ok := revs[src]; !ok {
			revs[src] = Revision(src)
		}
		if revs[src] != m.Rev && Revision(f) != m.Rev {
			out[f] = Out{Lang: m.Lang, Source: src} // changed since, and not a placeholder copy
		}
	}
	return out
}

// StaleOf returns, for the page stale notice, a function that reports
// whether f is a translation whose source exists and changed since, and the
// source's language (see Outdated).
func StaleOf(files []*content.File) func(*content.File) (string, bool) {
	return StaleIn(Outdated(files))
}

// StaleIn is StaleOf of what Outdated found.
func StaleIn(out map[*content.File]Out) func(*content.File) (string, bool) {
	return func(f *content.File) (string, bool) {
		o, ok := out[f]
		if !ok || o.Source == nil {
			return "", false
		}
		return o.Lang, true
	}
}

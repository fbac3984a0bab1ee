package check

import (
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/theme"
)

func (c *checker) checkI18n() {
	if c.locales == nil {
		return
	}
	codes := c.locales.Codes()
	msgs := map[string]map[string]locale.Message{} // id → lang → message
	var ids []string
	for _, l := range codes {
		for _, m := range c.locales.Messages(l) {
			if msgs[m.ID] == nil {
				msgs[m.ID] = map[string]locale.Message{}
				ids = append(ids, m.ID)
			}
			msgs[m.ID][l] = m
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		byLang := msgs[id]
		var first locale.Message
		for _, l := range codes {
			if m, ok := byLang[l]; ok {
				first = m
				break
			}
		}
		for _, l := range codes {
			if _, ok := byLang[l]; !ok {
				c.add(diag.At(first.Path, first.Line, first.Col, "message %q is missing in %s: add it to %s", id, l, path.Join(path.Dir(first.Path), l+locale.FileExt)), CodeI18n)
			}
		}
		if !counts(byLang) {
			continue
		}
		for _, l := range codes {
			m, ok := byLang[l]
			if !ok {
				continue
			}
			need := c.locales.For(l).PluralForms()
			var lack []string
			for _, form := range need {
				if _, ok := m.Forms[form]; !ok {
					lack = append(lack, form)
				}
			}
			if len(lack) > 0 {
				c.add(diag.At(m.Path, m.Line, m.Col, "message %q counts things but has no %s %s: %s needs %s", id, quoteList(lack), plural(len(lack), "form", "forms"), l, strings.Join(need, ", ")), CodeI18n)
			}
		}
	}
	c.checkTemplates(msgs)
}

// counts reports whether a message takes a count in any language: it has
// a plural form other than "other", or its text uses .Count.
func counts(byLang map[string]locale.Message) bool {
	for _, m := range byLang {
		for form, text := range m.Forms {
			if form != "other" || strings.Contains(text, ".Count") {
				return true
			}
		}
	}
	return false
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// tCall finds T "id" (or T `id`) inside a template action.
var (
	action = regexp.MustCompile(`(?s){{.*?}}`)
	tCall  = regexp.MustCompile("(?:^|[\\s({|])T\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
)

// checkTemplates reports layouts that ask for a message no language has.
// Only the layout that wins for each name (the site's over the theme's) is
// read.
func (c *checker) checkTemplates(msgs map[string]map[string]locale.Message) {
	winners, _ := theme.Files(c.fsys, theme.Dirs(c.cfg)) // theme.Load reports unreadable layouts
	rels := slices.Sorted(maps.Keys(winners))
	var files []string
	for _, l := range c.cfg.Codes() {
		files = append(files, "i18n/"+l+locale.FileExt)
	}
	for _, rel := range rels {
		p := winners[rel]
		src, err := fs.ReadFile(c.fsys, p)
		if err != nil {
			continue
		}
		for _, a := range action.FindAllIndex(src, -1) {
			body := src[a[0]:a[1]]
			for _, m := range tCall.FindAllSubmatchIndex(body, -1) {
				lit := string(body[m[2]:m[3]])
				id, err := strconv.Unquote(lit)
				if err != nil || msgs[id] != nil {
					continue
				}
				line, col := position(src, a[0]+m[2])
				c.add(diag.At(p, line, col, "the layout asks for message %q, which no language defines: add it to %s", id, joinAnd(files)), CodeI18n)
			}
		}
	}
}

func joinAnd(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

// position returns the 1-based line and column (in characters) of off.
func position(src []byte, off int) (int, int) {
	line := 1 + strings.Count(string(src[:off]), "\n")
	start := strings.LastIndexByte(string(src[:off]), '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

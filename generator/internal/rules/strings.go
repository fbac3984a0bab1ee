package rules

import (
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/theme"
)

// Strings checks the message files and the layouts that ask for messages
// (see the package doc) and returns the diagnostics, sorted. Only the
// layout that wins for each name (the site's over the theme's) is read.
func Strings(fsys fs.FS, cfg *config.Site, locales *locale.Set) []*diag.Diagnostic {
	if locales == nil {
		return nil
	}
	var list diag.List
	add := func(d *diag.Diagnostic) {
		d.Code = CodeI18n
		list.Add(d)
	}
	codes := locales.Codes()
	msgs := map[string]map[string]locale.Message{} // id → lang → message
	var ids []string
	for _, l := range codes {
		for _, m := range locales.Messages(l) {
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
		if !strings.HasPrefix(id, "tag.") {
			// A tag's label missing in a language is a warning where the
			// tag is used (checkTags).
			first := byLang[firstLang(codes, byLang)]
			for _, l := range codes {
				if _, ok := byLang[l]; !ok {
					add(msgStringMissing.At(first.Path, first.Line, first.Col, "Message", id, "Lang", l, "File", path.Join(path.Dir(first.Path), l+locale.FileExt)))
				}
			}
		}
		if counts(byLang) {
			checkForms(id, byLang, codes, locales, add)
		}
	}
	checkLayouts(fsys, cfg, msgs, add)
	return list.Sorted()
}

func firstLang(codes []string, byLang map[string]locale.Message) string {
	for _, l := range codes {
		if _, ok := byLang[l]; ok {
			return l
		}
	}
	return ""
}

// checkForms reports the plural forms a counting message lacks.
func checkForms(id string, byLang map[string]locale.Message, codes []string, locales *locale.Set, add func(*diag.Diagnostic)) {
	for _, l := range codes {
		m, ok := byLang[l]
		if !ok {
			continue
		}
		need := locales.For(l).PluralForms()
		var lack []string
		for _, form := range need {
			if _, ok := m.Forms[form]; !ok {
				lack = append(lack, strconv.Quote(form))
			}
		}
		if len(lack) > 0 {
			add(pick(len(lack) == 1, msgStringForm, msgStringForms).At(m.Path, m.Line, m.Col, "Message", id, "Forms", lack, "Lang", l, "Need", strings.Join(need, ", ")))
		}
	}
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

// tCall finds T "id" (or T `id`) inside a template action.
var (
	action = regexp.MustCompile(`(?s){{.*?}}`)
	tCall  = regexp.MustCompile("(?:^|[\\s({|])T\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
)

// checkLayouts reports layouts that ask for a message no language has.
func checkLayouts(fsys fs.FS, cfg *config.Site, msgs map[string]map[string]locale.Message, add func(*diag.Diagnostic)) {
	winners, _ := theme.Files(fsys, theme.Dirs(cfg)) // theme.Load reports unreadable layouts
	var files []string
	for _, l := range cfg.Codes() {
		files = append(files, "i18n/"+l+locale.FileExt)
	}
	for _, rel := range slices.Sorted(maps.Keys(winners)) {
		p := winners[rel]
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			continue
		}
		for _, a := range action.FindAllIndex(src, -1) {
			body := src[a[0]:a[1]]
			for _, m := range tCall.FindAllSubmatchIndex(body, -1) {
				id, err := strconv.Unquote(string(body[m[2]:m[3]]))
				if err != nil || msgs[id] != nil {
					continue
				}
				line, col := position(src, a[0]+m[2])
				add(msgStringUndefined.At(p, line, col, "Message", id, "Files", files))
			}
		}
	}
}

// position returns the 1-based line and column (in characters) of off.
func position(src []byte, off int) (int, int) {
	line := 1 + strings.Count(string(src[:off]), "\n")
	start := strings.LastIndexByte(string(src[:off]), '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/newrelease"
	"github.com/eventnews/gen/generator/internal/status"
)

// SummaryLimit is how much of a summary feed readers show: characters in
// Chinese, Japanese and Korean, words elsewhere (counted like
// markdown.WordCount).
func SummaryLimit(lang string) (limit int, unit string) {
	l := strings.ToLower(lang)
	if strings.HasPrefix(l, "zh") || strings.HasPrefix(l, "ja") || strings.HasPrefix(l, "ko") {
		return markdown.SummaryChars, "characters"
	}
	return markdown.SummaryWords, "words"
}

func (c *checker) at(f *content.File, key string) (int, int) {
	if p, ok := f.Front.Pos[key]; ok {
		return p.Line, p.Col
	}
	return 1, 1
}

func (c *checker) checkSense() {
	labelled := map[string]bool{}
	for _, l := range c.cfg.Languages {
		for _, m := range c.locales.Messages(l.Code) {
			if key, ok := strings.CutPrefix(m.ID, "tag."); ok {
				labelled[key] = true
			}
		}
	}
	for _, f := range c.files {
		fm := &f.Front
		if e := fm.Event; e != nil && !e.Start.IsZero() && !e.End.IsZero() && e.End.Before(e.Start) && (fm.Has("event.start") || fm.Has("event.end")) {
			key := "event.end"
			if !fm.Has(key) {
				key = "event.start"
			}
			line, col := c.at(f, key)
			c.add(diag.At(f.Path, line, col, "event.end %s is before event.start %s", c.when(e.End, e.AllDay), c.when(e.Start, e.AllDay)), CodeContent)
		}
		if e := fm.Event; e != nil && fm.Has("event") && strings.TrimSpace(e.Name) == "" {
			key := "event"
			if fm.Has("event.name") {
				key = "event.name"
			}
			line, col := c.at(f, key)
			c.add(diag.Warn(f.Path, line, col, "event.name is empty: name the event, or delete the event block if there is none"), CodeContent)
		}
		if fm.Has("summary") {
			limit, unit := SummaryLimit(f.Lang)
			if n := markdown.WordCount(fm.Summary); n > limit {
				line, col := c.at(f, "summary")
				c.add(diag.Warn(f.Path, line, col, "summary has %d %s; feed readers show about %d, so the end is cut off", n, unit, limit), CodeContent)
			}
		}
		if fm.Has("tags") {
			for _, t := range fm.Tags {
				line, col := c.at(f, "tags")
				switch {
				case !content.IsTagKey(t) && labelled[content.TagName(t)]:
					key := content.TagName(t)
					c.add(diag.Warn(f.Path, line, col, "tag %q is the key %s written otherwise: write %s, so that the page shows its label in each language and links to its pages in the others", t, key, key), CodeTagTerm)
				case !content.IsTagKey(t):
					c.add(diag.Warn(f.Path, line, col, "%s", c.termNote(f, t)), CodeTagTerm)
				case !labelled[t]:
					c.add(diag.Warn(f.Path, line, col, "tag %q has no label in any language, so pages show %q: add tag.%s to i18n/<lang>.yaml", t, t, t), CodeContent)
				}
			}
		}
		if fm.TranslatedFrom != "" {
			line, col := c.at(f, "translatedFrom")
			m, err := status.ParseMark(fm.TranslatedFrom)
			switch {
			case err != nil:
				c.add(diag.At(f.Path, line, col, "%v", err), CodeContent)
			case m.Lang == f.Lang:
				c.add(diag.At(f.Path, line, col, "translatedFrom: %q names the file's own language; name the language it was translated from", fm.TranslatedFrom), CodeContent)
			default:
				if _, ok := c.cfg.Language(m.Lang); !ok {
					c.add(diag.At(f.Path, line, col, "translatedFrom: %q names %s, which is not a language of this site (%s)", fm.TranslatedFrom, m.Lang, strings.Join(c.cfg.Codes(), ", ")), CodeContent)
				}
			}
		}
	}
}

// termNote says that a tag written as a word of its page's language (a
// term) is linked to no other language, and how to link it: with a key,
// which TagName already is for a Latin term ("Harbin Expo" →
// harbin-expo), and a label in each language.
func (c *checker) termNote(f *content.File, term string) string {
	var others []string
	for _, l := range c.cfg.Codes() {
		if l != f.Lang {
			others = append(others, "i18n/"+l+".yaml")
		}
	}
	key := content.TagName(term)
	how := "write a key instead (lower-case Latin letters, digits and hyphens)"
	if content.IsTagKey(key) {
		how = "write the key " + key + " instead"
	} else {
		key = "<key>"
	}
	return fmt.Sprintf("tag %q is a term of %s only: its page, /%s/tags/%s/, is linked to no other language; to link it, %s and give it a label in each language: tag.%s: %s in i18n/%s.yaml, and in %s",
		term, f.Lang, f.Lang, content.TagName(term), how, key, term, f.Lang, strings.Join(others, " and "))
}

// when writes an event's time as its front matter does: in the event's
// own zone, where package content put it.
func (c *checker) when(t time.Time, allDay bool) string {
	if allDay {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

// checkTranslations reports stale translations and pages missing in a
// language, for published pages only.
func (c *checker) checkTranslations() {
	m := status.Build(c.files, c.cfg.Codes(), c.cfg.DefaultLanguage)
	ix := map[string]bool{}
	for _, p := range c.site.Pages {
		if p.File != nil {
			ix[p.File.Path] = true
		}
	}
	for _, r := range m.Rows {
		var source *content.File
		for _, l := range m.Languages {
			if f := r.Cells[l].File(); f != nil {
				if source == nil || l == m.Default {
					source = f
				}
			}
		}
		for _, l := range m.Languages {
			cell := r.Cells[l]
			f := cell.File()
			switch {
			case cell.State == status.Stale && f != nil && ix[f.Path]:
				line, col := c.at(f, "translatedFrom")
				msg := fmt.Sprintf("out of date: %s changed since this was translated; update the translation, then run gen status --mark %s %s", cell.SourcePath, l, r.Key)
				if cell.SourcePath == "" {
					msg = "out of date: " + cell.Problem
				}
				c.add(diag.Warn(f.Path, line, col, "%s", msg), CodeTranslationStale)
			case cell.State == status.Missing && !r.Section && source != nil && ix[source.Path] && !c.unreadable(source, l):
				c.add(diag.Warn(source.Path, 1, 1, "no %s translation yet (%s)", l, startTranslation(source, r.Key, l)), CodeTranslationGap)
			}
		}
	}
}

// unreadable reports whether the version of f in lang exists as a file that
// could not be read: it is not missing, it has errors of its own.
func (c *checker) unreadable(f *content.File, lang string) bool {
	var cands []string
	if f.Bundle != "" {
		cands = append(cands, f.Bundle+"/index."+lang+".md")
		if lang == c.cfg.DefaultLanguage {
			cands = append(cands, f.Bundle+"/index.md")
		}
	} else {
		stem := strings.TrimSuffix(f.Path, ".md")
		stem = strings.TrimSuffix(stem, "."+f.Lang)
		cands = append(cands, stem+"."+lang+".md")
		if lang == c.cfg.DefaultLanguage {
			cands = append(cands, stem+".md")
		}
	}
	for _, p := range cands {
		if c.all[p] {
			return true
		}
	}
	return false
}

// startTranslation says how to start the translation into lang of the
// page of f, whose key is key: with gen new, unless gen new refuses the
// name (as it does names that are not lower-case Latin letters, digits and
// hyphens, or a shell would misread), by writing its file.
func startTranslation(f *content.File, key, lang string) string {
	if newrelease.ValidatePath(key) == nil {
		return fmt.Sprintf("gen new %s --lang %s starts one", key, lang)
	}
	p := strings.TrimSuffix(strings.TrimSuffix(f.Path, ".md"), "."+f.Lang)
	return "write " + p + "." + lang + ".md"
}

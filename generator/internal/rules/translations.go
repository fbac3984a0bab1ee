package rules

import (
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/newrelease"
)

// checkTranslations reports out-of-date translations and pages missing in
// a language, for published pages only.
func (c *checker) checkTranslations() {
	for _, f := range c.in.Files {
		out, ok := c.in.Outdated[f]
		if !ok || !c.published(f) {
			continue
		}
		line, col := at(f, "translatedFrom")
		if out.Source == nil {
			c.add(msgStaleGone.Warn(f.Path, line, col, "Lang", out.Lang), CodeTranslationStale)
			continue
		}
		c.add(msgStale.Warn(f.Path, line, col, "Source", out.Source.Path, "Lang", f.Lang, "Key", f.Key), CodeTranslationStale)
	}
	def := c.in.Config.DefaultLanguage
	codes := c.in.Config.Codes()
	for _, f := range c.in.Files {
		if f.Kind != content.KindPage || c.ix.byKey[fileKey{f.Key, f.Kind, f.Lang}] != f {
			continue
		}
		// The source of a page is its file in the default language, else
		// in the first language of the site that has one.
		if src := c.source(f.Key, def, codes); src != f || !c.published(f) {
			continue
		}
		for _, l := range codes {
			if c.ix.byKey[fileKey{f.Key, f.Kind, l}] == nil && !c.unreadVersion(f, l) {
				c.missing(f, l)
			}
		}
	}
}

func (c *checker) source(key, def string, codes []string) *content.File {
	if f := c.ix.byKey[fileKey{key, content.KindPage, def}]; f != nil {
		return f
	}
	for _, l := range codes {
		if f := c.ix.byKey[fileKey{key, content.KindPage, l}]; f != nil {
			return f
		}
	}
	return nil
}

// missing reports that the page of f has no version in lang, saying how
// to start one: with gen new, unless gen new refuses the name (as it does
// names that are not lower-case Latin letters, digits and hyphens, or a
// shell would misread), by writing its file.
func (c *checker) missing(f *content.File, lang string) {
	if newrelease.ValidatePath(f.Key) == nil {
		c.add(msgMissingNew.Warn(f.Path, 1, 1, "Lang", lang, "Key", f.Key), CodeTranslationGap)
		return
	}
	p := strings.TrimSuffix(strings.TrimSuffix(f.Path, ".md"), "."+f.Lang)
	c.add(msgMissingWrite.Warn(f.Path, 1, 1, "Lang", lang, "File", p+"."+lang+".md"), CodeTranslationGap)
}

// unreadVersion reports whether the version of f in lang exists as a
// file that could not be read: it is not missing, it has errors of its
// own.
func (c *checker) unreadVersion(f *content.File, lang string) bool {
	if c.in.Unread == nil {
		return false
	}
	var cands []string
	if f.Bundle != "" {
		cands = append(cands, f.Bundle+"/index."+lang+".md")
		if lang == c.in.Config.DefaultLanguage {
			cands = append(cands, f.Bundle+"/index.md")
		}
	} else {
		stem := strings.TrimSuffix(f.Path, ".md")
		stem = strings.TrimSuffix(stem, "."+f.Lang)
		cands = append(cands, stem+"."+lang+".md")
		if lang == c.in.Config.DefaultLanguage {
			cands = append(cands, stem+".md")
		}
	}
	for _, p := range cands {
		if c.in.Unread(p) {
			return true
		}
	}
	return false
}

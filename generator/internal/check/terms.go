package check

import (
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
)

// The messages of tag terms.
var (
	msgTagTerm         = diag.Message{ID: "tag.term", Text: `tag "{{.Tag}}" is a term of {{.Lang}} only: its page, {{.URL}}, is linked to no other language; to link it, write a key instead (lower-case Latin letters, digits and hyphens) and give it a label in each language: tag.<key>: {{.Tag}} in {{.File}}, and in {{.Others}}`}
	msgTagTermKey      = diag.Message{ID: "tag.term-key", Text: `tag "{{.Tag}}" is a term of {{.Lang}} only: its page, {{.URL}}, is linked to no other language; to link it, write the key {{.Key}} instead and give it a label in each language: tag.{{.Key}}: {{.Tag}} in {{.File}}, and in {{.Others}}`}
	msgTagTermLabelled = diag.Message{ID: "tag.term-labelled", Text: `tag "{{.Tag}}" is the key {{.Key}} written otherwise: write {{.Key}}, so that the page shows its label in each language and links to its pages in the others`}
)

// Messages returns the messages of this package, for message bundles.
func Messages() []diag.Message {
	return []diag.Message{msgTagTerm, msgTagTermKey, msgTagTermLabelled}
}

// checkTagTerms notes every tag a file writes as a term, a word of its
// language (see the package doc): how to link it, with the key its name
// already is for a Latin term ("Harbin Expo" → harbin-expo), or the
// labelled key it spells otherwise ("Trade" → trade).
func (c *checker) checkTagTerms() {
	if c.locales == nil {
		c.locales, _ = build.LoadLocales(c.fsys, c.cfg)
	}
	labelled := func(key string) bool {
		for _, l := range c.cfg.Codes() {
			if loc := c.locales.For(l); loc != nil && loc.Has("tag."+key) {
				return true
			}
		}
		return false
	}
	for _, f := range c.files {
		if !f.Front.Has("tags") {
			continue // a translation inherits keys only
		}
		var others []string
		for _, l := range c.cfg.Codes() {
			if l != f.Lang {
				others = append(others, "i18n/"+l+locale.FileExt)
			}
		}
		p := f.Front.Pos["tags"]
		for _, t := range f.Front.Tags {
			if content.IsTagKey(t) {
				continue
			}
			name := content.TagName(t)
			url := "/" + f.Lang + "/tags/" + name + "/"
			args := []any{"Tag", t, "Lang", f.Lang, "URL", url, "File", "i18n/" + f.Lang + locale.FileExt, "Others", others}
			switch {
			case content.IsTagKey(name) && labelled(name):
				c.add(msgTagTermLabelled.Warn(f.Path, p.Line, p.Col, "Tag", t, "Key", name), CodeTagTerm)
			case content.IsTagKey(name):
				c.add(msgTagTermKey.Warn(f.Path, p.Line, p.Col, append(args, "Key", name)...), CodeTagTerm)
			default:
				c.add(msgTagTerm.Warn(f.Path, p.Line, p.Col, args...), CodeTagTerm)
			}
		}
	}
}

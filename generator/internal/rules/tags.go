package rules

import (
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
)

// unlabelled is a tag written in one file that some languages show
// without a label.
type unlabelled struct {
	file *content.File
	tag  string
}

// checkTags reports, once per tag and file that writes it, the languages
// of the pages showing it (the file's own, and those of translations that
// inherit its tags) whose strings have no label for it.
func (c *checker) checkTags() {
	if c.in.Locales == nil {
		return
	}
	var order []unlabelled
	langs := map[unlabelled][]string{}
	for _, f := range c.in.Files {
		src := c.tagsOf(f)
		if src == nil {
			continue
		}
		loc := c.in.Locales.For(f.Lang)
		for _, t := range f.Front.Tags {
			if !content.IsTagKey(t) || loc != nil && loc.Has("tag."+t) {
				continue // a term is shown as written (gen check notes it)
			}
			u := unlabelled{src, t}
			if langs[u] == nil {
				order = append(order, u)
			}
			if !slices.Contains(langs[u], f.Lang) {
				langs[u] = append(langs[u], f.Lang)
			}
		}
	}
	if len(order) == 0 {
		return
	}
	known := c.labelledTags()
	for _, u := range order {
		c.reportTag(u, langs[u], known)
	}
}

// tagsOf returns the file that writes f's tags: f, or the file of the
// default language it inherits them from; nil without tags.
func (c *checker) tagsOf(f *content.File) *content.File {
	if len(f.Front.Tags) == 0 {
		return nil
	}
	if f.Front.Has("tags") {
		return f
	}
	if src := c.ix.byKey[fileKey{f.Key, f.Kind, c.in.Config.DefaultLanguage}]; src != nil && src.Front.Has("tags") {
		return src
	}
	return f
}

// labelledTags returns the tag keys with a label in some language, sorted.
func (c *checker) labelledTags() []string {
	var keys []string
	for _, l := range c.in.Locales.Codes() {
		for _, m := range c.in.Locales.Messages(l) {
			if key, ok := strings.CutPrefix(m.ID, "tag."); ok {
				keys = append(keys, key)
			}
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func (c *checker) reportTag(u unlabelled, langs []string, known []string) {
	codes := c.in.Config.Codes()
	slices.SortFunc(langs, func(a, b string) int { return slices.Index(codes, a) - slices.Index(codes, b) })
	files := make([]string, len(langs))
	for i, l := range langs {
		files[i] = "i18n/" + l + locale.FileExt
	}
	line, col := at(u.file, "tags")
	nowhere := !slices.Contains(known, u.tag)
	if nowhere {
		files = files[:0]
		for _, l := range codes {
			files = append(files, "i18n/"+l+locale.FileExt)
		}
	}
	near, ok := diag.Nearest(u.tag, known)
	args := []any{"Tag", u.tag, "Files", files}
	if ok {
		args = append(args, "Near", near)
	}
	switch {
	case nowhere && ok:
		c.add(msgTagUnknownNear.Warn(u.file.Path, line, col, args...), CodeContent)
	case nowhere:
		c.add(msgTagUnknown.Warn(u.file.Path, line, col, args...), CodeContent)
	case ok:
		c.add(msgTagNoLabelNear.Warn(u.file.Path, line, col, append(args, "Langs", langs)...), CodeContent)
	default:
		c.add(msgTagNoLabel.Warn(u.file.Path, line, col, append(args, "Langs", langs)...), CodeContent)
	}
}

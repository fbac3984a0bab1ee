package site

import (
	"slices"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/escape"
)

// tagsOf groups the tags of one language's pages (newest first) into
// tags, each with its pages in that order, and makes each page's Tags
// name them as the group does. Tags are one when they have one name
// (content.TagName): a key written on any page of the language is that
// key, and a term beside it ("Trade" beside "trade") is too; terms alone
// ("Туризм", "туризм") are the spelling that sorts first. A page's Tags
// are replaced by a new slice only when a spelling changes, as the file's
// may be shared.
func tagsOf(pages []*Page) map[string][]*Page {
	names := map[string]string{} // name → the tag of its group
	for _, p := range pages {
		for _, t := range p.Tags {
			n := content.TagName(t)
			c, ok := names[n]
			switch {
			case !ok, content.IsTagKey(t):
				names[n] = t
			case !content.IsTagKey(c) && t < c:
				names[n] = t
			}
		}
	}
	byTag := map[string][]*Page{}
	for _, p := range pages {
		copied := false
		for i, t := range p.Tags {
			if c := names[content.TagName(t)]; c != t {
				if !copied {
					p.Tags, copied = slices.Clone(p.Tags), true
				}
				p.Tags[i] = c
			}
			byTag[p.Tags[i]] = append(byTag[p.Tags[i]], p)
		}
	}
	return byTag
}

// tagKey is the translation key of the pages of a tag: "tag:trade" for a
// key, which every language shares; for a term, a key of its language
// alone ("tag@ru:туризм"), so that its page has no translations.
func tagKey(lang, tag string) string {
	if content.IsTagKey(tag) {
		return "tag:" + tag
	}
	return "tag@" + lang + ":" + content.TagName(tag)
}

// TagURL is the URL of the first page of a tag in a language whose tags
// index is at tagsURL: tagsURL + the tag's name (content.TagName) as one
// URL segment + "/": /zh/tags/旅游/, /en/tags/harbin-expo/.
func TagURL(tagsURL, tag string) string {
	return tagsURL + escape.Segment(content.TagName(tag)) + "/"
}

// Package search writes the search index of every language: static files
// that the default theme's script (themes/default/static/js/search.js)
// queries in the browser, with no server and no other host. It writes
// nothing to disk: Files returns render.Files.
//
// What is indexed:
//   - The published regular pages of the language (releases and pages such
//     as about): never drafts, pages dated after the build clock or
//     expired, nor a page whose front matter says search: false. Lists,
//     tag pages, the events page and the home only repeat what releases
//     say, so they are left out and a release is its own best result.
//   - A document has three fields: its title; its body, the visible text
//     (the summary; the body, read from the page's rendered HTML with its
//     markup, scripts and comments left out (htmlText): what the build
//     holds anyway, so indexing keeps no second copy of every text; the
//     event's name, city and venue; never a front matter key); and its
//     tags' labels in the page's language, which say less about it than
//     its own words.
//
// Terms (analyze.go; the script does the same to a query):
//   - Every character is folded (Fold): lower case, "ё" as "е", full-width
//     ASCII as ASCII, typographic apostrophes as "'".
//   - A run of CJK characters (Han, kana) gives every character and every
//     pair of neighbouring characters (unigrams and bigrams), so any
//     substring of the text is found: 博览 in 博览会, a single character too.
//   - Any other run of letters, numbers and marks is a word, indexed under
//     its Snowball stem (github.com/kljensen/snowball): Russian for a word
//     with a Cyrillic letter, English (Porter2) for one with a Latin letter,
//     the word itself otherwise. So выставке, выставки and выставка share
//     the term выставк, expos and expo share expo. Each word form of the
//     site whose stem differs from it is kept beside the terms, leading to
//     its stem, so that a prefix typed in the browser finds every stem of
//     the words it begins (cooperati → cooper).
//
// Files, under the language's search page (/<lang>/search/ under the base
// path; output path <lang>/search/):
//   - index.json, the entry point, with a fixed name (hosts revalidate it):
//     the number of documents, the names of the files describing them, the
//     term index's chunks (the first key and hash of each), the years (each
//     a range of document ids, since ids go newest first), the tags (key,
//     label, count) and the name of the tag postings file.
//   - t.<hash>.json: one chunk of the term index, the keys in code point
//     order cut into files of about ChunkSize bytes, so a query fetches
//     the one chunk that holds each of its terms, and a prefix the few
//     that hold its range.
//   - d.<hash>.json: what the results list shows of DocsPerFile documents
//     (ids k×DocsPerFile on): URL, title, date in the page's language and
//     in ISO form, tag keys. The text is not copied: the script takes the
//     snippet of a result from its page, which the reader is likely to
//     open next, so the index stays a fraction of the site's size.
//   - f.<hash>.json: the documents of each tag, for the tag filter.
//
// Every name but index.json holds a hash of its bytes, so hosts may keep
// those files for a year (gen deploy does). Document ids go newest first
// (date, then path), so "newer first" among equal scores is the order of
// ids. Output is byte-identical for the same site on any machine.
package search

import (
	"cmp"
	"path"
	"slices"
	"strconv"
	"time"

	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// Version is the format of the files, written in index.json.
const Version = 1

// DocsPerFile is the number of documents described by one d.<hash>.json.
const DocsPerFile = 64

// Files returns the search index of every language of s. The languages
// are indexed one after the other: a build runs this beside rendering,
// which keeps every core busy, and one language's terms at a time keep
// the peak of memory low.
func Files(s *site.Site, locales *locale.Set) []render.File {
	var out []render.File
	for _, l := range s.Languages {
		if l.Search != nil {
			out = append(out, language(s, l, locales.For(l.Code))...)
		}
	}
	return out
}

// Indexed reports whether p belongs in the search index (see the package
// doc).
func Indexed(p *site.Page, now time.Time) bool {
	if p.Kind != site.KindPage || p.Draft || p.File == nil {
		return false
	}
	fm := p.File.Front
	if fm.Search != nil && !*fm.Search {
		return false
	}
	return !p.Date.After(now) && !fm.PublishDate.After(now)
}

// language makes the files of one language.
func language(s *site.Site, l *site.Language, loc *locale.Locale) []render.File {
	var pages []*site.Page
	for _, p := range l.Regular {
		if Indexed(p, s.Now) {
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	})
	dir := path.Dir(l.Search.Path) + "/"
	b := newBuilder()
	for i, p := range pages {
		b.doc = uint32(i)
		b.text(p.Title, inTitle)
		if p.File.Front.Summary != "" {
			// A summary the front matter does not give is the body's start.
			b.text(p.File.Front.Summary, inBody)
		}
		htmlText(p.Body, func(t string) { b.text(t, inBody) })
		if e := p.Event; e != nil {
			b.text(e.Name, inBody)
			b.text(e.City, inBody)
			b.text(e.Venue, inBody)
		}
		for _, t := range p.Tags {
			b.text(loc.Tag(t), inMeta)
		}
	}
	var out []render.File
	var docFiles []string
	for i := 0; i < len(pages); i += DocsPerFile {
		data := describe(pages[i:min(i+DocsPerFile, len(pages))], s, loc)
		h := hashOf(data, 10)
		docFiles = append(docFiles, h)
		out = append(out, render.File{Path: dir + "d." + h + ".json", Bytes: data})
	}
	chunks := b.chunks()
	for _, c := range chunks {
		out = append(out, render.File{Path: dir + "t." + c.hash + ".json", Bytes: c.bytes})
	}
	tags, tagFile := tagsOf(pages, loc)
	filters := hashOf(tagFile, 10)
	out = append(out, render.File{Path: dir + "f." + filters + ".json", Bytes: tagFile})
	out = append(out, render.File{Path: dir + "index.json", Bytes: meta(pages, s, docFiles, chunks, tags, filters)})
	slices.SortFunc(out, func(a, b render.File) int { return cmp.Compare(a.Path, b.Path) })
	return out
}

// describe writes what the results list shows of pages: a JSON array of
// {"url","title","date","iso","tags"}, the date in the page's language and
// in ISO form, "" without one.
func describe(pages []*site.Page, s *site.Site, loc *locale.Locale) []byte {
	var buf []byte
	for i, p := range pages {
		if i == 0 {
			buf = append(buf, '[')
		} else {
			buf = append(buf, ",\n"...)
		}
		buf = append(buf, `{"url":`...)
		buf = appendString(buf, p.URL)
		buf = append(buf, `,"title":`...)
		buf = appendString(buf, p.Title)
		date, iso := "", ""
		if !p.Date.IsZero() {
			date, iso = loc.DateLong(p.Date), p.Date.In(s.Config.Location).Format(time.DateOnly)
		}
		buf = append(buf, `,"date":`...)
		buf = appendString(buf, date)
		buf = append(buf, `,"iso":`...)
		buf = appendString(buf, iso)
		buf = append(buf, `,"tags":[`...)
		for j, t := range p.Tags {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = appendString(buf, t)
		}
		buf = append(buf, "]}"...)
	}
	return append(buf, "]\n"...)
}

// tag is one tag of the indexed documents.
type tag struct {
	key, label string
	docs       []int
}

// tagsOf lists the tags of docs by key, and writes the tag postings file:
// {key:[gaps],…} (appendDocs).
func tagsOf(pages []*site.Page, loc *locale.Locale) ([]tag, []byte) {
	byKey := map[string]*tag{}
	var tags []*tag
	for i, p := range pages {
		for _, k := range p.Tags {
			t := byKey[k]
			if t == nil {
				t = &tag{key: k, label: loc.Tag(k)}
				byKey[k] = t
				tags = append(tags, t)
			}
			if n := len(t.docs); n == 0 || t.docs[n-1] != i {
				t.docs = append(t.docs, i)
			}
		}
	}
	slices.SortFunc(tags, func(a, b *tag) int { return cmp.Compare(a.key, b.key) })
	out := make([]tag, len(tags))
	buf := []byte{'{'}
	for i, t := range tags {
		out[i] = *t
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, t.key)
		buf = append(buf, ':')
		buf = appendDocs(buf, t.docs)
	}
	return out, append(buf, "}\n"...)
}

// meta writes index.json (see the package doc).
func meta(pages []*site.Page, s *site.Site, docFiles []string, chunks []chunk, tags []tag, filters string) []byte {
	buf := []byte(`{"version":`)
	buf = strconv.AppendInt(buf, Version, 10)
	buf = append(buf, `,"docs":`...)
	buf = strconv.AppendInt(buf, int64(len(pages)), 10)
	buf = append(buf, `,"docsPerFile":`...)
	buf = strconv.AppendInt(buf, DocsPerFile, 10)
	buf = append(buf, `,"docFiles":[`...)
	for i, h := range docFiles {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, h)
	}
	buf = append(buf, `],"chunks":[`...)
	for i, c := range chunks {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		buf = appendString(buf, c.first)
		buf = append(buf, ',')
		buf = appendString(buf, c.hash)
		buf = append(buf, ']')
	}
	buf = append(buf, `],"years":[`...)
	year := func(i int) int {
		if pages[i].Date.IsZero() {
			return 0
		}
		return pages[i].Date.In(s.Config.Location).Year()
	}
	for i, start := 0, 0; i <= len(pages); i++ {
		if i < len(pages) && year(i) == year(start) {
			continue
		}
		if start < i && year(start) != 0 {
			if buf[len(buf)-1] == ']' {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			buf = strconv.AppendInt(buf, int64(year(start)), 10)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(start), 10)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(i), 10)
			buf = append(buf, ']')
		}
		start = i
	}
	buf = append(buf, `],"tags":[`...)
	for i, t := range tags {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		buf = appendString(buf, t.key)
		buf = append(buf, ',')
		buf = appendString(buf, t.label)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(len(t.docs)), 10)
		buf = append(buf, ']')
	}
	buf = append(buf, `],"filters":`...)
	buf = appendString(buf, "f."+filters+".json")
	return append(buf, "}\n"...)
}

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
//     (the summary, the body as plain text: no markup, no front matter
//     keys; the event's name, city and venue); and its tags' labels in the
//     page's language, which say less about it than its own words.
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
//     the number of documents, their fragment hashes as one string of
//     fixed-width hex digits, the term index's chunks (the first key and
//     hash of each), the years (each a range of document ids, since ids go
//     newest first) and the tags (key, label, count), and the name of the
//     tag postings file.
//   - t.<hash>.json: one chunk of the term index, the keys in code point
//     order cut into files of about ChunkSize bytes, so a query fetches
//     the one chunk that holds each of its terms, and a prefix the few
//     that hold its range.
//   - d.<hash>.json: one document's fragment: URL, title, date in the
//     page's language and in ISO form, tag keys and text (at most MaxText
//     bytes), fetched for the results shown.
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
	"sync"
	"time"

	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// Version is the format of the files, written in index.json.
const Version = 1

// MaxText is the most bytes of a document's text its fragment carries for
// snippets; the whole text is indexed.
const MaxText = 20000

// Files returns the search index of every language of s.
func Files(s *site.Site, locales *locale.Set) []render.File {
	parts := make([][]render.File, len(s.Languages))
	var wg sync.WaitGroup
	for i, l := range s.Languages {
		if l.Search == nil {
			continue
		}
		wg.Go(func() { parts[i] = language(s, l, locales.For(l.Code)) })
	}
	wg.Wait()
	return slices.Concat(parts...)
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

// doc is one indexed page.
type doc struct {
	page *site.Page
	year int
	hash string // of its fragment
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
	docs := make([]doc, len(pages))
	var out []render.File
	for i, p := range pages {
		b.doc = uint32(i)
		b.text(p.Title, inTitle)
		for _, t := range bodyTexts(p) {
			b.text(t, inBody)
		}
		for _, t := range p.Tags {
			b.text(loc.Tag(t), inMeta)
		}
		frag := fragment(p, s, loc)
		docs[i] = doc{page: p, hash: hashOf(frag, 64)}
		if !p.Date.IsZero() {
			docs[i].year = p.Date.In(s.Config.Location).Year()
		}
		out = append(out, render.File{Path: dir + "d.", Bytes: frag})
	}
	width := hashWidth(docs)
	for i := range docs {
		docs[i].hash = docs[i].hash[:width]
		out[i].Path += docs[i].hash + ".json"
	}
	chunks := b.chunks()
	for _, c := range chunks {
		out = append(out, render.File{Path: dir + "t." + c.hash + ".json", Bytes: c.bytes})
	}
	tags, tagFile := tagsOf(docs, loc)
	filters := hashOf(tagFile, 10)
	out = append(out, render.File{Path: dir + "f." + filters + ".json", Bytes: tagFile})
	out = append(out, render.File{Path: dir + "index.json", Bytes: meta(docs, width, chunks, tags, filters)})
	slices.SortFunc(out, func(a, b render.File) int { return cmp.Compare(a.Path, b.Path) })
	return out
}

// bodyTexts are the parts of p's body field (see the package doc).
func bodyTexts(p *site.Page) []string {
	texts := []string{p.Summary}
	if p.Doc != nil {
		texts = append(texts, p.Doc.PlainText)
	}
	if e := p.Event; e != nil {
		texts = append(texts, e.Name, e.City, e.Venue)
	}
	return texts
}

// hashWidth is the fewest hex digits, at least 8, that tell the
// fragments of a language apart.
func hashWidth(docs []doc) int {
	for w := 8; ; w++ {
		seen := make(map[string]bool, len(docs))
		unique := true
		for _, d := range docs {
			if seen[d.hash[:w]] {
				unique = false
				break
			}
			seen[d.hash[:w]] = true
		}
		if unique || w == 64 {
			return w
		}
	}
}

// fragment is what the results list shows of p.
func fragment(p *site.Page, s *site.Site, loc *locale.Locale) []byte {
	text := p.Summary
	if p.Doc != nil && p.Doc.PlainText != "" {
		text = p.Doc.PlainText
	}
	text = truncate(text, MaxText)
	buf := make([]byte, 0, len(text)+len(p.Title)+len(p.URL)+128)
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
	for i, t := range p.Tags {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, t)
	}
	buf = append(buf, `],"text":`...)
	buf = appendString(buf, text)
	return append(buf, "}\n"...)
}

// truncate cuts s to at most n bytes, at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// tag is one tag of the indexed documents.
type tag struct {
	key, label string
	docs       []int
}

// tagsOf lists the tags of docs by key, and writes the tag postings file:
// {key:[gaps],…} (appendDocs).
func tagsOf(docs []doc, loc *locale.Locale) ([]tag, []byte) {
	byKey := map[string]*tag{}
	var tags []*tag
	for i, d := range docs {
		for _, k := range d.page.Tags {
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
func meta(docs []doc, width int, chunks []chunk, tags []tag, filters string) []byte {
	buf := []byte(`{"version":`)
	buf = strconv.AppendInt(buf, Version, 10)
	buf = append(buf, `,"docs":`...)
	buf = strconv.AppendInt(buf, int64(len(docs)), 10)
	buf = append(buf, `,"width":`...)
	buf = strconv.AppendInt(buf, int64(width), 10)
	buf = append(buf, `,"hashes":"`...)
	for _, d := range docs {
		buf = append(buf, d.hash...)
	}
	buf = append(buf, `","chunks":[`...)
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
	for i, start := 0, 0; i <= len(docs); i++ {
		if i < len(docs) && docs[i].year == docs[start].year {
			continue
		}
		if start < i && docs[start].year != 0 {
			if buf[len(buf)-1] == ']' {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			buf = strconv.AppendInt(buf, int64(docs[start].year), 10)
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

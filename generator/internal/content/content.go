// Package content reads the Markdown files under content/ into Files: the
// language, translation key, kind and bundle of each file, its decoded front
// matter with positions, and its body. It renders nothing.
//
// # File names
//
//   - content/news/harbin-expo/index.ru.md is a page bundle: Bundle is
//     "content/news/harbin-expo", Name "harbin-expo", Key "news/harbin-expo".
//     Its Resources are the other files under the bundle directory (not .md,
//     not inside a nested bundle), relative to it and sorted. A directory is a
//     bundle if it holds index.md or index.<lang>.md. content/index.md is an
//     error: the home page is content/_index.md.
//   - content/about.ru.md is a single page: Name "about", Key "about".
//   - _index.<lang>.md describes a section (KindSection), the folder it
//     lies in: content/news/_index.ru.md has Key and Section "news";
//     content/_index.md is the home, Key "". In a nested folder it describes
//     that folder, a nested section: content/news/archive/_index.en.md has
//     Key "news/archive" and Section "news". A page bundle is not a section:
//     an _index file in a bundle's folder, or in any folder below it, is an
//     error naming the file, and the file is left out.
//   - The suffix before .md is the language. A file without one is in the
//     default language. A suffix of two or three letters that is not a
//     configured language is an error ("index.fr.md"), never part of a name.
//   - Section is the first directory under content/ that is not the page's own
//     bundle: "news" for content/news/x/index.md and content/news/a.md, "" for
//     content/about.md and content/about/index.md.
//   - Names become URLs (package site percent-encodes "?", "#", "%", spaces
//     and the like, so such names work). A folder or file name, or the page
//     name a file gives ("about." of "about..md"), that holds a control
//     character or "\", is not UTF-8, or ends in "." or a space is an error
//     naming it, with nothing under a refused folder read.
//   - Hidden files and directories (".name"), and editor leftovers (names
//     ending in "~", ".swp", ".swo", ".swx", "#name#", and vim's "4913"), are
//     skipped.
//
// # Translations
//
// Files that differ only in the language suffix share a translation key;
// front matter translationKey replaces the key derived from the path. Two
// files with the same key and language are an error on the later path.
//
// # Front matter
//
// The file may start with a line "---"; the YAML up to the next line "---" is
// the front matter, the rest is the body. A UTF-8 byte order mark is dropped;
// CRLF and CR line ends become LF. yaml.v3 reads the front matter into its
// nodes, and every problem is reported at the line and column yaml.v3 gives
// the key or value; an alias stays a node pointing at its anchor, so only
// params expand aliases (within the budget below). Decoding is strict: an
// unknown key is an error at its line and column with the nearest known key
// suggested. A key written with an empty value ("date:" or "date: ~") counts
// as not written. Text that yaml.v3 cannot read is explained in plain
// words (package yamlerr: a tab, a line indented wrongly, a colon in a
// value without quotes), and a list written as text ("tags: trade, expo")
// is an error that shows it in brackets ("write [trade, expo]").
//
//	title           required, text
//	date            required for pages (not sections) unless inherited
//	summary, slug   text; slug is one URL segment, not ending in "."
//	draft, sitemap, search  true or false
//	publishDate, expiryDate  dates
//	tags            list of tags: keys or terms (see Tags below)
//	event           name, start, end, timeZone, city, venue, url (no other keys)
//	image           src (bundle file or http(s) URL), alt (required with src), caption,
//	                original (true or false: publish the picture's file as it is)
//	source          name, url
//	aliases         list of site paths starting with "/"; a %-escape may
//	                not hide "/", a dot segment, a control character or "\"
//	translationKey, translatedFrom  text
//	weight          whole number
//	layout          letters, digits, "-" and "_"
//	params          anything; YAML timestamps stay text (see below)
//
// params is decoded by yaml.v3's own rules, so a merge key ("<<: *defaults",
// "<<: {x: 1}", "<<: [*a, *b]") merges; a name written twice in one mapping,
// at any depth, is an error at the second naming the line of the first, as
// for every other key. Names are text (1: x is the name "1"); values are
// text, whole numbers, decimals, true or false, null, lists and mappings;
// any other scalar, a YAML timestamp included, stays the text written.
// params that expand through aliases to more than 10,000 values, or that
// contain themselves, are an error.
//
// A NUL character, which YAML writes "\0" in double quotes, becomes U+FFFD
// in every value, as it does in the Markdown body.
//
// URLs (event.url, source.url) are http or https URLs or site paths
// starting with a single "/"; javascript: and other schemes are errors.
//
// Dates are written 2024-05-17, 2024-05-17 10:00, 2024-05-17T10:00:00 (read
// in Options.Location) or with a zone, 2024-05-17T10:00:00+08:00 or ...Z
// (kept in that zone). An event whose start is a date without time is
// AllDay; start and end must then both be dates, or both have times.
//
// An event has a zone of its own, in which its pages show its times:
//
//   - event.timeZone, an IANA name ("Asia/Vladivostok"): start and end
//     written without an offset are read in it. A time written with an
//     offset must have that zone's offset at that moment (else an error),
//     and a time of day that the zone skips when it puts its clocks
//     forward is an error naming the time after the change. A name that
//     is none is an error with the nearest known name (nearestZone).
//   - else the offset written on start, or on end: "start:
//     2024-09-05T10:00:00+10:00, end: 2024-09-05 18:00" ends at 18:00 at
//     +10:00, as its writer meant.
//   - else the site's zone (Options.Location), as for every other date.
//
// Event.Start and End are expressed in that zone (their Location), so what
// shows them needs no other setting; an instant is never changed by it.
//
// # Tags
//
// A tag is a key or a term. A key is lower-case Latin letters and digits
// joined by hyphens ("trade", "expo-2024", IsTagKey): each language shows
// its label (message tag.<key>), and its tag pages in the languages are
// translations of one another. Any other tag ("旅游", "туризм", "Harbin
// Expo") is a term of its file's language only: shown as written, at
// /<lang>/tags/<name>/ with the name TagName gives ("harbin-expo",
// "туризм", "旅游"), linked to no other language. A term needs a letter or
// a digit to make a name of; with Options.StrictTags (site.yaml tags:
// {strict: true}) every tag must be a key, and a term is an error saying
// so. A tag written twice in one list, or two with one name ("Туризм",
// "туризм"), is a warning in File.Warnings, and the list keeps the first.
//
// # Shared fields
//
// Load fills what a translation does not write from the default-language
// file with the same key: date, tags (the keys among them: a term is a word
// of the default language), aliases, image.src (with
// image.original, unless the translation writes it), event.url, and the
// event times (start, end, AllDay and timeZone, taken together when the
// translation writes neither start nor end; a translation that writes
// only timeZone shows the inherited times in its own zone). The times keep
// their zone, so every language shows the event at the same local time. A translation without any event or image
// gets a copy of the default language's, names and alt text included, so
// nothing is lost; templates see text in the default language. Other fields
// (title, summary, city, venue, alt, caption, draft, publishDate, ...) are
// never inherited. Without a default-language file nothing is inherited.
//
// # Errors
//
// Every message reads "path:line:col: message" and the line is a line of the
// file, not of the front matter; YAML syntax errors have no column, problems
// with the file name no position. A required key that is missing is
// reported at 1:1, the front matter's opening line; a missing image.alt at
// image.src, or at the image value when src is inherited; a missing
// event.start at the event value. Load collects the errors of
// all files, sorted by path; a file whose front matter cannot be read at all
// is not also blamed, nor are its translations, for missing keys.
package content

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/parallel"
	"github.com/eventnews/gen/generator/internal/sitefs"
)

// contentDir is the content directory at the site root.
const contentDir = "content"

// Options say what Load needs from the configuration.
type Options struct {
	Languages []string       // configured codes in site order, e.g. zh, ru, en
	Default   string         // default language code
	Location  *time.Location // zone for dates written without one
	// StrictTags takes only tag keys: a term is an error
	// (site.yaml tags: {strict: true}).
	StrictTags bool
	// Cache, if set, keeps parsed files between Loads (see Cache).
	Cache *Cache
	// Parsed, if set, is called for every file read without a problem, as
	// soon as it is parsed, from the goroutine that parsed it (so, at the
	// same time for several files), before inheritance: work on the body
	// overlaps reading. Without a Cache its argument is the File that Load
	// returns (with a Cache, possibly a copy).
	Parsed func(*File)
}

func (o Options) normalized() Options {
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Default == "" && len(o.Languages) > 0 {
		o.Default = o.Languages[0]
	}
	return o
}

// Load walks "content" in fsys (fsys is rooted at the site root), parses every
// .md file, applies shared-field inheritance, and returns all good files sorted
// by Path, plus an error joining every diagnostic (diag.Join; sorted) or nil.
// Files that failed to parse are left out of the slice but other files are
// still returned. A site without a content directory has no files.
func Load(fsys fs.FS, opts Options) ([]*File, error) {
	opts = opts.normalized()
	var errs diag.List
	pages, others, ok := opts.Cache.lastWalk(fsys)
	if !ok {
		var ds []*diag.Diagnostic
		pages, others, ds = walk(fsys)
		for _, d := range ds {
			errs.Add(d)
		}
		opts.Cache.walked(pages, others, len(ds) == 0)
	}

	bundles := map[string]string{} // bundle directory → its first index file
	for _, p := range pages {
		if dir := path.Dir(p); isBundleIndex(path.Base(p), opts) && bundles[dir] == "" {
			bundles[dir] = p
		}
	}
	pages = sectionsOutsideBundles(pages, bundles, opts, &errs)
	resources := map[string][]string{}
	for _, p := range others {
		for dir := path.Dir(p); dir != contentDir && dir != "."; dir = path.Dir(dir) {
			if bundles[dir] != "" {
				resources[dir] = append(resources[dir], p[len(dir)+1:])
				break
			}
		}
	}
	for _, r := range resources {
		slices.Sort(r)
	}

	reads := readAll(fsys, pages, opts)
	for _, r := range reads {
		for _, d := range r.ds {
			errs.Add(d)
		}
	}
	// Files with parse errors still take part, so that their translations
	// inherit what could be read and no error is reported twice.
	good, ds := opts.Cache.inheritAll(reads, resources, opts)
	for _, d := range ds {
		errs.Add(d)
	}
	opts.Cache.keep(pages)
	slices.SortFunc(good, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	return good, errs.Err()
}

// sectionsOutsideBundles reports the _index files in or below a page
// bundle's folder and returns pages without them.
func sectionsOutsideBundles(pages []string, bundles map[string]string, opts Options, errs *diag.List) []string {
	var kept []string // nil while every page is kept
	for i, p := range pages {
		stem, _, _ := splitName(path.Base(p), opts)
		bundle := ""
		for dir := path.Dir(p); stem == "_index" && bundle == "" && dir != contentDir && dir != "."; dir = path.Dir(dir) {
			bundle = bundles[dir]
		}
		switch {
		case bundle == "":
			if kept != nil {
				kept = append(kept, p)
			}
			continue
		case path.Dir(bundle) == path.Dir(p):
			errs.Add(msgBundleNotSection.At(p, 0, 0, "Dir", path.Dir(p), "Index", path.Base(bundle)))
		default:
			errs.Add(msgSectionInBundle.At(p, 0, 0, "Dir", path.Dir(bundle)))
		}
		if kept == nil {
			kept = append(make([]string, 0, len(pages)), pages[:i]...)
		}
	}
	if kept == nil {
		return pages
	}
	return kept
}

// walk lists the Markdown files (pages) and the other files under content.
func walk(fsys fs.FS) (pages, others []string, ds []*diag.Diagnostic) {
	err := fs.WalkDir(fsys, contentDir, func(p string, d fs.DirEntry, err error) error {
		if le := sitefs.LinkOf(err); le != nil {
			ds = append(ds, le.Diagnostic(le.Path))
			return fs.SkipDir
		}
		if err != nil {
			if p == contentDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			ds = append(ds, msgCannotRead.At(p, 0, 0, "Err", unwrapPathErr(err)))
			return nil
		}
		if p != contentDir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if le := sitefs.Unfollowed(p, d); le != nil {
			ds = append(ds, le.Diagnostic(p))
			return nil
		}
		if p != contentDir {
			subject, object := msgSubjectFile, msgObjectFile
			if d.IsDir() {
				subject, object = msgSubjectFolder, msgObjectFolder
			}
			if bad := badName(p, d.Name(), subject, object); bad != nil {
				ds = append(ds, bad)
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		}
		switch {
		case d.IsDir():
		case !d.Type().IsRegular():
		case strings.HasSuffix(p, ".md"):
			pages = append(pages, p)
		default:
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		ds = append(ds, msgCannotRead.At(contentDir, 0, 0, "Err", unwrapPathErr(err)))
	}
	return pages, others, ds
}

// read is what readAll learned of one file.
type read struct {
	f      *File
	unread bool
	ds     []*diag.Diagnostic
	shared bool // f is the cache's: copy it before changing it
	hit    bool // f was taken from a trusting cache without reading
}

// readAll reads and parses pages on every core; the result is in the
// order of pages.
func readAll(fsys fs.FS, pages []string, opts Options) []read {
	key := optsKey(opts)
	// What a trusting cache holds is taken first, under one lock; the
	// rest is read on every core.
	out, todo := opts.Cache.unchangedAll(pages, key)
	parallel.Each(context.Background(), 0, len(todo), func(n int) {
		i := todo[n]
		p := pages[i]
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			opts.Cache.forget(p)
			out[i].ds = []*diag.Diagnostic{msgCannotRead.At(p, 0, 0, "Err", unwrapPathErr(err))}
			return
		}
		f, unread, ds := opts.Cache.parse(p, key, data, opts)
		out[i] = read{f: f, unread: unread, ds: ds, shared: opts.Cache != nil}
		if opts.Parsed != nil && f != nil && len(ds) == 0 {
			opts.Parsed(f)
		}
	})
	if opts.Parsed != nil {
		for _, r := range out {
			if r.hit && r.f != nil && len(r.ds) == 0 {
				opts.Parsed(r.f)
			}
		}
	}
	return out
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swo") ||
		strings.HasSuffix(name, ".swx") ||
		name == "4913" ||
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}

// Parse parses one file; path is relative to the site root
// ("content/news/x/index.ru.md"). It checks the file alone: inheritance and
// the checks that depend on other files (date, duplicates) are Load's.
// On error the File is nil.
func Parse(path string, data []byte, opts Options) (*File, error) {
	f, _, ds := parse(path, data, opts.normalized())
	if len(ds) > 0 {
		slices.SortStableFunc(ds, diag.Compare)
		return nil, diag.Join(ds)
	}
	f.Body = bytes.Clone(f.Body) // the caller keeps data
	return f, nil
}

// parse returns what it could read (nil if the path itself is wrong), whether
// the front matter was unreadable as a whole, and the problems found.
func parse(p string, data []byte, opts Options) (*File, bool, []*diag.Diagnostic) {
	f, d := fileFromPath(p, opts)
	if d != nil {
		return nil, true, []*diag.Diagnostic{d}
	}
	var unreadable bool
	var ds []*diag.Diagnostic
	f.Front, f.Body, f.BodyLine, unreadable, ds, f.Warnings = parseFile(p, data, opts)
	if f.Front.TranslationKey != "" {
		f.Key = f.Front.TranslationKey
	}
	return f, unreadable, ds
}

// langLike matches a file name suffix that can only be meant as a language.
var langLike = regexp.MustCompile(`^[A-Za-z]{2,3}$`)

// splitName splits "index.ru.md" into "index" and "ru". A suffix that looks
// like a language but is not configured yields unknown set to it.
func splitName(base string, opts Options) (stem, lang, unknown string) {
	stem = strings.TrimSuffix(base, ".md")
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return stem, opts.Default, ""
	}
	suffix := stem[i+1:]
	if slices.Contains(opts.Languages, suffix) {
		return stem[:i], suffix, ""
	}
	if langLike.MatchString(suffix) {
		return stem[:i], "", suffix
	}
	return stem, opts.Default, ""
}

func isBundleIndex(base string, opts Options) bool {
	stem, _, _ := splitName(base, opts)
	return stem == "index"
}

func fileFromPath(p string, opts Options) (*File, *diag.Diagnostic) {
	rel, ok := strings.CutPrefix(p, contentDir+"/")
	if !ok || !strings.HasSuffix(p, ".md") {
		return nil, msgNotMarkdown.At(p, 0, 0, "Dir", contentDir)
	}
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	stem, lang, unknown := splitName(base, opts)
	if unknown != "" {
		if slices.Contains(opts.Languages, strings.ToLower(unknown)) {
			return nil, msgLangCase.At(p, 0, 0, "Lang", unknown, "Lower", strings.ToLower(unknown))
		}
		return nil, msgLangUnknown.At(p, 0, 0, "Lang", unknown, "Langs", strings.Join(opts.Languages, ", "))
	}
	if stem == "" {
		return nil, msgNoStem.At(p, 0, 0, "Ext", strings.TrimPrefix(base, "."))
	}
	if dir != "" {
		for _, name := range strings.Split(dir, "/") {
			if bad := badName(p, name, msgSubjectDir.At("", 0, 0, "Name", strconv.Quote(name)), msgObjectFolder); bad != nil {
				return nil, bad
			}
		}
	}
	if stem != "index" && stem != "_index" {
		if bad := badName(p, stem, msgSubjectPage.At("", 0, 0, "Name", strconv.Quote(stem)), msgObjectFile); bad != nil {
			return nil, bad
		}
	}
	first, _, _ := strings.Cut(dir, "/")
	f := &File{Path: p, Lang: lang, Section: first}
	switch stem {
	case "_index":
		f.Kind = KindSection
		f.Key = dir
		if dir != "" {
			f.Name = path.Base(dir)
		}
	case "index":
		if dir == "" {
			return nil, msgHomeBundle.At(p, 0, 0, "Dir", contentDir)
		}
		f.Key = dir
		f.Name = path.Base(dir)
		f.Bundle = contentDir + "/" + dir
		if !strings.Contains(dir, "/") {
			f.Section = ""
		}
	default:
		f.Key = path.Join(dir, stem)
		f.Name = stem
	}
	return f, nil
}

package rules

import (
	"path"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/site"
)

// linkIndex knows every page and file a link can lead to, by map. The
// maps that only some links need are made on first use.
type linkIndex struct {
	in       Input
	byPath   map[string]*content.File // content file path → file
	byKey    map[fileKey]*content.File
	pageOf   map[string]*site.Page    // content file path → its (first) page
	byURL    map[string]*site.Page    // URL without the base path, decoded (site.SitePath, DecodedPath) → page; see url
	wouldBe  map[string]*content.File // URL an unpublished file would have, decoded → file; see unpublishedAt
	files    map[string]bool          // bundle files: "content/news/x/photo.jpg"; see bundleFile
	sections map[[2]string]*site.Page // {lang, section folder} → list page
	homes    map[string]*site.Page    // lang → home
	langs    map[string]bool
	codes    []string // the languages, sorted
	base     string   // the base path, as page URLs hold it
}

// fileKey finds the file of a page or section in a language.
type fileKey struct {
	key  string
	kind content.Kind
	lang string
}

func newIndex(in Input) *linkIndex {
	ix := &linkIndex{
		in:     in,
		byPath: make(map[string]*content.File, len(in.Files)), byKey: make(map[fileKey]*content.File, len(in.Files)),
		pageOf:   make(map[string]*site.Page, len(in.Files)),
		sections: map[[2]string]*site.Page{}, homes: map[string]*site.Page{},
		langs: map[string]bool{}, base: in.Config.BasePath(),
	}
	for _, l := range in.Config.Languages {
		ix.langs[l.Code] = true
		ix.codes = append(ix.codes, l.Code)
	}
	slices.Sort(ix.codes)
	for _, f := range in.Files {
		ix.byPath[f.Path] = f
		k := fileKey{f.Key, f.Kind, f.Lang}
		if old := ix.byKey[k]; old == nil || f.Path < old.Path {
			ix.byKey[k] = f
		}
	}
	for _, p := range in.Site.Pages {
		if p.File != nil && ix.pageOf[p.File.Path] == nil && (p.Kind == site.KindPage || p.Kind == site.KindSection || p.Kind == site.KindHome) && (p.Pager == nil || p.Pager.Number == 1) {
			ix.pageOf[p.File.Path] = p
		}
	}
	for _, l := range in.Site.Languages {
		ix.homes[l.Code] = l.Home
		for sec, p := range l.Sections {
			ix.sections[[2]string{l.Code, sec}] = p
		}
	}
	return ix
}

// url returns the page at a URL (without the base path, decoded).
func (ix *linkIndex) url(u string) *site.Page {
	if ix.byURL == nil {
		ix.byURL = make(map[string]*site.Page, len(ix.in.Site.Pages))
		for _, p := range ix.in.Site.Pages {
			if p.Pager == nil || p.Pager.Number == 1 {
				ix.byURL[site.DecodedPath(site.SitePath(ix.base, p.URL))] = p
			}
		}
	}
	return ix.byURL[u]
}

// unpublishedAt returns the file that would have a URL (decoded) if it
// were published.
func (ix *linkIndex) unpublishedAt(u string) *content.File {
	if ix.wouldBe == nil {
		ix.wouldBe = map[string]*content.File{}
		for _, f := range ix.in.Files {
			if ix.pageOf[f.Path] == nil && f.Kind == content.KindPage {
				ix.wouldBe[pageURL(f)] = f
			}
		}
	}
	return ix.wouldBe[u]
}

// bundleFile reports whether a path is a file of a page bundle.
func (ix *linkIndex) bundleFile(p string) bool {
	if ix.files == nil {
		ix.files = map[string]bool{}
		bundles := map[string]bool{}
		for _, f := range ix.in.Files {
			if f.Bundle != "" && !bundles[f.Bundle] {
				bundles[f.Bundle] = true // every language file lists the same resources
				for _, r := range f.Resources {
					ix.files[f.Bundle+"/"+r] = true
				}
			}
		}
	}
	return ix.files[p]
}

// pageURL is the URL a file has, or would have if it were published,
// decoded: its names as they are, as url.Parse gives a link's path.
func pageURL(f *content.File) string {
	u := "/" + f.Lang + "/"
	if f.Kind == content.KindSection {
		if dir := f.Dir(); dir != "" {
			u += dir + "/"
		}
		return u
	}
	if f.Section != "" {
		u += f.Section + "/"
	}
	slug := f.Front.Slug
	if slug == "" {
		slug = f.Name
	}
	return u + slug + "/"
}

// resolveMD finds the content file a .md link names, in lang: the file
// itself when it is in lang, else the same page's version in lang. A path
// without a language suffix (index.md, about.md) names the page in any
// language. other is a version in another language when lang has none:
// in lang, then def, then the others in order.
func (ix *linkIndex) resolveMD(file, lang, def string) (same, other *content.File) {
	if to := ix.byPath[file]; to != nil {
		if to.Lang == lang {
			return to, to
		}
		return ix.byKey[fileKey{to.Key, to.Kind, lang}], to
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	dir, base := path.Split(rel)
	if i := strings.LastIndexByte(base, '.'); i > 0 && ix.langs[base[i+1:]] {
		base = base[:i]
	}
	kind := content.KindPage
	key := path.Join(dir, base)
	switch base {
	case "index":
		key = path.Clean(dir)
	case "_index":
		kind, key = content.KindSection, strings.TrimSuffix(dir, "/")
	}
	for _, l := range append([]string{lang, def}, ix.codes...) {
		if found := ix.byKey[fileKey{key, kind, l}]; found != nil {
			if found.Lang == lang {
				return found, found
			}
			return nil, found
		}
	}
	return nil, nil
}

// otherLang finds the file of a language-less site path in any language.
func (ix *linkIndex) otherLang(p string) *content.File {
	for _, l := range ix.codes {
		if pg := ix.url("/" + l + p); pg != nil && pg.File != nil {
			return pg.File
		}
		if f := ix.unpublishedAt("/" + l + p); f != nil {
			return f
		}
	}
	return nil
}

// underBase returns a root-relative path that starts with the base path
// (decoded, as url.Parse gives a link's path) without it.
func (ix *linkIndex) underBase(p string) (string, bool) {
	if ix.base == "/" {
		return p, false
	}
	base := site.DecodedPath(ix.base)
	if p+"/" == base {
		return "/", true
	}
	if rest, ok := strings.CutPrefix(p, base); ok {
		return "/" + rest, true
	}
	return p, false
}

func firstSegment(p string) string {
	s, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return s
}

// Package aliases writes a small redirect page at each old URL listed in a
// page's front matter aliases. It writes nothing to disk: Files returns
// render.Files.
//
// Rules:
//   - An alias is a site path. One ending in "/", or whose last segment has
//     no extension, becomes <path>/index.html; "/ru/old.html" is written as
//     is. Percent-escapes are decoded for the file name, so "/%E6%96%B0/"
//     and "/新/" are the same file, as a web server sees them. Under a base
//     path (baseURL https://example.org/press/) "/ru/old/" is still written
//     to ru/old/index.html, so it answers at /press/ru/old/, and the
//     redirect leads to the page's URL under the base path.
//   - The redirect page is in the page's language (<html lang>), carries a
//     meta refresh to the page's absolute URL, a canonical link to it, a
//     robots noindex, and a visible link with the page's title for readers
//     whose browser does not follow the refresh. It is not in the sitemap.
//   - Translations inherit aliases from the default-language file, so one
//     old URL is often claimed by every language of a release: the redirect
//     then leads to the translation whose file writes the alias, the default
//     language first, then in site order.
//   - An alias that is the path of a page or of another output file (or of
//     a directory holding one, or lies under such a file) is an error at the
//     aliases line of the file that writes it; so is an alias claimed by two
//     different pages, reported on both.
package aliases

import (
	"bytes"
	"cmp"
	"html/template"
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

var page = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .URL }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .URL }}">
</head>
<body>
<p><a href="{{ .URL }}">{{ .Title }}</a></p>
</body>
</html>
`))

// claim is one page asking for an alias.
type claim struct {
	page  *site.Page
	alias string
	wrote bool // the page's own file writes the alias (not inherited)
}

// Files returns the redirect pages of s. taken are the other output files
// (feeds, sitemap, calendars), which an alias must not replace.
func Files(s *site.Site, taken []render.File) ([]render.File, error) {
	owner, dirs := owners(s, taken)

	claims := map[string][]claim{}
	for _, p := range s.Pages {
		if p.File == nil || (p.Pager != nil && p.Pager.Number > 1) {
			continue
		}
		for _, a := range p.File.Front.Aliases {
			out := Path(a)
			claims[out] = append(claims[out], claim{p, a, p.File.Front.Has("aliases")})
		}
	}

	var errs diag.List
	var out []render.File
	for _, file := range slices.Sorted(maps.Keys(claims)) {
		cs := claims[file]
		slices.SortStableFunc(cs, func(a, b claim) int { return better(a, b, s) })
		win := cs[0]
		conflict := conflictOf(file, owner, dirs)
		if conflict.msg.ID != "" {
			for _, c := range representatives(cs) {
				errs.Add(at(c, conflict.msg, "Alias", strconv.Quote(c.alias), "Owner", conflict.owner))
			}
			continue
		}
		if reps := representatives(cs); len(reps) > 1 {
			var files []string
			for _, c := range reps {
				files = append(files, c.page.File.Path)
			}
			slices.Sort(files)
			for _, c := range reps {
				errs.Add(at(c, msgClaimed, "Alias", strconv.Quote(c.alias), "Files", strings.Join(files, ", ")))
			}
			continue
		}
		var b bytes.Buffer
		err := page.Execute(&b, map[string]string{
			"Lang":  win.page.Language.Locale,
			"Title": win.page.Title,
			"URL":   escape.URI(s.Config.AbsURL(win.page.URL)),
		})
		if err != nil {
			errs.Add(at(win, msgCannotWrite, "Alias", strconv.Quote(win.alias), "Err", err))
			continue
		}
		out = append(out, render.File{Path: file, Bytes: b.Bytes()})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// owners maps each output path to who makes it, for messages (a
// diagnostic without a place, said in the reader's language), and each
// directory of one to a file under it.
func owners(s *site.Site, taken []render.File) (owner map[string]*diag.Diagnostic, dirs map[string]string) {
	owner = map[string]*diag.Diagnostic{}
	for _, p := range s.Pages {
		owner[p.Path] = describe(p)
	}
	if s.Root != nil {
		owner[s.Root.Path] = msgOwnerRoot.At("", 0, 0)
	}
	for _, f := range s.Files {
		owner[f.Dest] = msgOwnerFile.At("", 0, 0, "File", f.Src)
	}
	for _, f := range taken {
		owner[f.Path] = msgOwnerGenerated.At("", 0, 0, "File", f.Path)
	}
	dirs = map[string]string{} // directory → a file under it
	for p := range owner {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if _, ok := dirs[d]; !ok || p < dirs[d] {
				dirs[d] = p
			}
		}
	}
	return owner, dirs
}

// conflict is why an alias cannot be written: a message with an Alias
// and an Owner.
type conflict struct {
	msg   diag.Message
	owner any
}

// conflictOf says why an alias cannot be written to file; its msg is
// empty when nothing keeps it.
func conflictOf(file string, owner map[string]*diag.Diagnostic, dirs map[string]string) conflict {
	switch {
	case owner[file] != nil:
		return conflict{msgIsURL, owner[file]}
	case dirs[file] != "":
		return conflict{msgIsFolder, dirs[file]}
	}
	for d := path.Dir(file); d != "."; d = path.Dir(d) {
		if owner[d] != nil {
			return conflict{msgUnderFile, owner[d]}
		}
	}
	return conflict{}
}

// Path returns the output path of an alias: "/old/" → "old/index.html".
func Path(alias string) string {
	p := alias
	if u, err := url.PathUnescape(alias); err == nil {
		p = u
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" || strings.HasSuffix(alias, "/") || !strings.Contains(path.Base(p), ".") {
		return path.Join(p, "index.html")
	}
	return p
}

// better orders claims on one path: the file that writes the alias, the
// default language, site order, then path.
func better(a, b claim, s *site.Site) int {
	order := func(c claim) int {
		for i, l := range s.Languages {
			if l.Code == c.page.Lang {
				if c.page.Lang == s.Config.DefaultLanguage {
					return -1
				}
				return i
			}
		}
		return len(s.Languages)
	}
	wrote := func(c claim) int {
		if c.wrote {
			return 0
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(wrote(a), wrote(b)),
		cmp.Compare(order(a), order(b)),
		strings.Compare(a.page.File.Path, b.page.File.Path),
	)
}

// representatives are the best claim of each translation key, which is
// the file that writes the alias when one does.
func representatives(sorted []claim) []claim {
	var out []claim
	for _, c := range sorted {
		if !slices.ContainsFunc(out, func(o claim) bool { return o.page.Key == c.page.Key }) {
			out = append(out, c)
		}
	}
	return out
}

func at(c claim, m diag.Message, args ...any) *diag.Diagnostic {
	pos := c.page.File.Front.Pos["aliases"]
	return m.At(c.page.File.Path, pos.Line, pos.Col, args...)
}

// describe names the page p in messages.
func describe(p *site.Page) *diag.Diagnostic {
	if p.File != nil && p.Kind == site.KindPage {
		return msgOwnerPage.At("", 0, 0, "File", p.File.Path)
	}
	if m, ok := ownerKinds[p.Kind]; ok {
		return m.At("", 0, 0, "URL", p.URL)
	}
	return msgOwnerOther.At("", 0, 0, "Kind", string(p.Kind), "URL", p.URL)
}

// The messages of this package, in English; package speak says them in
// other languages.
var (
	msgIsURL       = diag.Message{ID: "alias.is-url", Text: "alias {{.Alias}} is the URL of {{.Owner}}"}
	msgIsFolder    = diag.Message{ID: "alias.is-folder", Text: "alias {{.Alias}} is a directory holding {{.Owner}}"}
	msgUnderFile   = diag.Message{ID: "alias.under-file", Text: "alias {{.Alias}} lies under {{.Owner}}, which is a file"}
	msgClaimed     = diag.Message{ID: "alias.claimed", Text: "alias {{.Alias}} is claimed by more than one page: {{.Files}}"}
	msgCannotWrite = diag.Message{ID: "alias.cannot-write", Text: "alias {{.Alias}}: cannot write its redirect page: {{.Err}}"}

	msgOwnerPage      = diag.Message{ID: "alias.owner-page", Text: "the page {{.File}}"}
	msgOwnerRoot      = diag.Message{ID: "alias.owner-root", Text: "the root page"}
	msgOwnerFile      = diag.Message{ID: "alias.owner-file", Text: "the file {{.File}}"}
	msgOwnerGenerated = diag.Message{ID: "alias.owner-generated", Text: "the generated file {{.File}}"}
	msgOwnerOther     = diag.Message{ID: "alias.owner-other", Text: "the {{.Kind}} page {{.URL}}"}
)

// ownerKinds name the pages without a file of their own, by kind.
var ownerKinds = map[site.Kind]diag.Message{
	site.KindHome:    diag.Message{ID: "alias.owner-home", Text: "the home page {{.URL}}"},
	site.KindSection: diag.Message{ID: "alias.owner-section", Text: "the section page {{.URL}}"},
	site.KindPage:    diag.Message{ID: "alias.owner-page-url", Text: "the page {{.URL}}"},
	site.KindTags:    diag.Message{ID: "alias.owner-tags", Text: "the tags page {{.URL}}"},
	site.KindTag:     diag.Message{ID: "alias.owner-tag", Text: "the tag page {{.URL}}"},
	site.KindEvents:  diag.Message{ID: "alias.owner-events", Text: "the events page {{.URL}}"},
	site.KindSearch:  diag.Message{ID: "alias.owner-search", Text: "the search page {{.URL}}"},
	site.Kind404:     diag.Message{ID: "alias.owner-404", Text: "the 404 page {{.URL}}"},
}

package check

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/site"
)

// linkIndex knows every page and file a link can lead to.
type linkIndex struct {
	byPath   map[string]*content.File    // content file path → file
	byKey    map[[2]string]*content.File // {key, lang} → page file (not sections)
	pageOf   map[string]*site.Page       // content file path → its (first) page
	byURL    map[string]*site.Page       // URL without the base path, decoded (site.SitePath, DecodedPath) → page
	wouldBe  map[string]*content.File    // URL an unpublished file would have, decoded → file
	sections map[[2]string]*site.Page    // {lang, section folder} → list page
	homes    map[string]*site.Page       // lang → home
	ids      map[string]map[string]bool  // output path → ids, filled on demand
	langs    map[string]bool
	base     string // the base path, as page URLs hold it
}

func (c *checker) index() *linkIndex {
	ix := &linkIndex{
		byPath: map[string]*content.File{}, byKey: map[[2]string]*content.File{},
		pageOf: map[string]*site.Page{}, byURL: map[string]*site.Page{}, wouldBe: map[string]*content.File{},
		sections: map[[2]string]*site.Page{}, homes: map[string]*site.Page{}, ids: map[string]map[string]bool{},
		langs: map[string]bool{}, base: c.cfg.BasePath(),
	}
	for _, l := range c.cfg.Languages {
		ix.langs[l.Code] = true
	}
	for _, f := range c.files {
		ix.byPath[f.Path] = f
		if f.Kind == content.KindPage {
			k := [2]string{f.Key, f.Lang}
			if ix.byKey[k] == nil {
				ix.byKey[k] = f
			}
		}
	}
	for _, p := range c.site.Pages {
		if p.Pager != nil && p.Pager.Number > 1 {
			continue
		}
		ix.byURL[site.DecodedPath(site.SitePath(ix.base, p.URL))] = p
		if p.File != nil && ix.pageOf[p.File.Path] == nil && (p.Kind == site.KindPage || p.Kind == site.KindSection || p.Kind == site.KindHome) {
			ix.pageOf[p.File.Path] = p
		}
	}
	for _, l := range c.site.Languages {
		ix.homes[l.Code] = l.Home
		for sec, p := range l.Sections {
			ix.sections[[2]string{l.Code, sec}] = p
		}
	}
	for _, f := range c.files {
		if ix.pageOf[f.Path] == nil && f.Kind == content.KindPage {
			ix.wouldBe[pageURL(f)] = f
		}
	}
	return ix
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

func (c *checker) checkLinks() {
	ix := c.index()
	for _, f := range c.files {
		doc := c.docs[f.Path]
		if doc == nil {
			continue
		}
		for _, l := range doc.Links {
			c.checkLink(ix, f, l)
		}
	}
}

// target is where a link leads.
type target struct {
	page *site.Page    // a page, or nil for another output file
	file *content.File // the content file of the page, if any
}

func (c *checker) checkLink(ix *linkIndex, f *content.File, l markdown.Link) {
	line, col := f.BodyLine-1+l.Line, l.Col
	what := "link to " + l.Dest
	if l.Image {
		what = "image " + l.Dest
	}
	errorf := func(format string, args ...any) {
		c.add(diag.At(f.Path, line, col, "%s: %s", what, fmt.Sprintf(format, args...)), CodeLink)
	}
	warnf := func(format string, args ...any) {
		c.add(diag.Warn(f.Path, line, col, "%s: %s", what, fmt.Sprintf(format, args...)), CodeLink)
	}
	dest := strings.TrimSpace(l.Dest)
	if dest == "" {
		errorf("the link has no address")
		return
	}
	if markdown.DangerousURL(dest) {
		errorf("such links are removed from the page; link to an http or https address")
		return
	}
	u, err := url.Parse(dest)
	if err != nil {
		errorf("not a valid address")
		return
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return
	}
	self := ix.pageOf[f.Path]
	published := self != nil
	p := u.Path

	var t target
	switch {
	case p == "":
		t = target{page: self, file: f}
	case strings.HasSuffix(p, ".md"):
		file := path.Clean(path.Join(path.Dir(f.Path), p))
		if strings.HasPrefix(p, "/") {
			file = path.Clean("content" + p)
		}
		if !strings.HasPrefix(file, "content/") {
			errorf("%s is outside content/", file)
			return
		}
		same, other := ix.resolveMD(file, f.Lang, c.cfg.DefaultLanguage)
		switch {
		case same != nil:
		case other != nil:
			c.fallback(ix, warnf, other, f.Lang)
			return
		case c.all[file]:
			return // it could not be read; its own errors say why
		default:
			errorf("there is no %s", file)
			return
		}
		t = target{page: ix.pageOf[same.Path], file: same}
		if t.page == nil {
			if published {
				errorf("%s is %s, so the link leads nowhere", same.Path, c.unpublished(same))
			}
			return
		}
	default:
		if !strings.HasPrefix(p, "/") {
			if file := path.Clean(path.Join(path.Dir(f.Path), p)); f.Bundle != "" && strings.HasPrefix(file, f.Bundle+"/") {
				// A file of the page bundle, published beside the page.
				if !c.all[file] {
					errorf("there is no %s", file)
				}
				return
			}
			base := &url.URL{Path: pageURL(f)}
			p = base.ResolveReference(&url.URL{Path: p}).Path
		} else if under, ok := ix.underBase(p); ok {
			// A site path that already holds the base path: the page
			// links it as it is (config.Site.RelURL).
			p = under
		} else if !ix.langs[firstSegment(p)] {
			// A site path without a language means the page in this language.
			inLang := "/" + f.Lang + p
			if pg := ix.byURL[inLang]; pg != nil {
				p = inLang
			} else if to := ix.wouldBe[inLang]; to != nil {
				if published {
					errorf("%s is %s, so the link leads nowhere", to.Path, c.unpublished(to))
				}
				return
			} else if other := ix.otherLang(p); other != nil && !c.outputExists(p) {
				c.fallback(ix, warnf, other, f.Lang)
				return
			} else if strings.HasSuffix(p, "/") && !c.outputExists(p) {
				p = inLang
			}
		}
		if pg := ix.byURL[p]; pg != nil {
			t = target{page: pg, file: pg.File}
			break
		}
		if to := ix.wouldBe[p]; to != nil {
			if published {
				errorf("%s is %s, so the link leads nowhere", to.Path, c.unpublished(to))
			}
			return
		}
		if c.outputExists(p) {
			return
		}
		if c.complete || strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") {
			if l.Image && !strings.HasPrefix(u.Path, "/") {
				errorf("there is no %s", path.Clean(path.Join(path.Dir(f.Path), u.Path)))
				return
			}
			hint := ""
			if u.RawQuery != "" || u.ForceQuery {
				hint = ` ("?" starts a query: a name with "?" is written "%3F" in a link)`
			}
			errorf("nothing is published at %s%s", p, hint)
		}
		return
	}

	if u.Fragment == "" || t.file == nil && t.page == nil {
		return
	}
	ids := c.idsOf(ix, t)
	if ids == nil || ids[u.Fragment] || u.Fragment == "top" {
		return
	}
	where := "this page"
	if t.file != f && t.file != nil {
		where = t.file.Path
	} else if t.file != f && t.page != nil {
		where = t.page.URL
	}
	msg := fmt.Sprintf("%s has no heading with the id %q", where, u.Fragment)
	if hs := headingIDs(c.docs[pathOf(t.file)]); len(hs) > 0 {
		msg += " (headings: " + strings.Join(hs, ", ") + ")"
	}
	errorf("%s", msg)
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

func pathOf(f *content.File) string {
	if f == nil {
		return ""
	}
	return f.Path
}

func firstSegment(p string) string {
	s, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return s
}

// resolveMD finds the content file a .md link names, in lang: the file
// itself when it is in lang, else the same page's version in lang. A path
// without a language suffix (index.md, about.md) names the page in any
// language. other is a version in another language when lang has none.
func (ix *linkIndex) resolveMD(file, lang, def string) (same, other *content.File) {
	if to := ix.byPath[file]; to != nil {
		if to.Lang == lang {
			return to, to
		}
		if s := ix.sameLang(to, lang); s != nil {
			return s, to
		}
		return nil, to
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
	var found *content.File
	for _, l := range append([]string{lang, def}, ix.codes()...) {
		for _, f := range ix.byPath {
			if f.Key == key && f.Kind == kind && f.Lang == l && (found == nil || f.Path < found.Path) {
				found = f
			}
		}
		if found != nil {
			if found.Lang == lang {
				return found, found
			}
			return nil, found
		}
	}
	return nil, nil
}

func (ix *linkIndex) codes() []string {
	var codes []string
	for l := range ix.langs {
		codes = append(codes, l)
	}
	slices.Sort(codes)
	return codes
}

// sameLang returns the version of to's page in lang.
func (ix *linkIndex) sameLang(to *content.File, lang string) *content.File {
	if to.Kind == content.KindSection {
		for _, f := range ix.byPath {
			if f.Kind == content.KindSection && f.Key == to.Key && f.Lang == lang {
				return f
			}
		}
		return nil
	}
	return ix.byKey[[2]string{to.Key, lang}]
}

// otherLang finds the file of a language-less site path in any language.
func (ix *linkIndex) otherLang(p string) *content.File {
	for _, l := range ix.codes() {
		if pg := ix.byURL["/"+l+p]; pg != nil && pg.File != nil {
			return pg.File
		}
		if f := ix.wouldBe["/"+l+p]; f != nil {
			return f
		}
	}
	return nil
}

// fallback reports a link to a page that has no version in lang, naming
// where the language switcher would lead instead: the list of its section
// (for a section's own file, that section's list), else the home.
func (c *checker) fallback(ix *linkIndex, warnf func(string, ...any), other *content.File, lang string) {
	key, section := other.Key, other.Section
	if other.Kind == content.KindSection {
		section = other.Dir()
	}
	to := ix.homes[lang]
	if s := ix.sections[[2]string{lang, section}]; section != "" && s != nil {
		to = s
	}
	where := "/" + lang + "/"
	if to != nil {
		where = to.URL
	}
	warnf("%s has no %s version yet, so readers land on %s", key, lang, where)
}

func (c *checker) unpublished(f *content.File) string {
	fm := &f.Front
	switch {
	case fm.Draft:
		return "a draft"
	case !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(c.opts.Now):
		return "expired (expiryDate " + fm.ExpiryDate.In(c.cfg.Location).Format("2006-01-02") + ")"
	case !fm.PublishDate.IsZero() && fm.PublishDate.After(c.opts.Now):
		return "not published until " + fm.PublishDate.In(c.cfg.Location).Format("2006-01-02")
	case fm.Date.After(c.opts.Now):
		return "not published until " + fm.Date.In(c.cfg.Location).Format("2006-01-02")
	}
	return "not published"
}

// outputExists reports whether a site path names an output file, or a
// directory with an index.html.
func (c *checker) outputExists(p string) bool {
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		_, ok := c.outputs[rel+"index.html"]
		return ok
	}
	if _, ok := c.outputs[rel]; ok {
		return true
	}
	if _, ok := c.outputs[rel+"/index.html"]; ok {
		return true
	}
	return c.staticExists(rel)
}

func (c *checker) staticExists(rel string) bool {
	for _, dir := range []string{"static", "themes/" + c.cfg.Theme + "/static"} {
		if st, err := fs.Stat(c.fsys, dir+"/"+rel); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// idsOf returns the ids a fragment may name on the target: its headings
// and, when it was rendered, every id of the page. nil means unknown.
func (c *checker) idsOf(ix *linkIndex, t target) map[string]bool {
	ids := map[string]bool{}
	known := false
	if t.file != nil {
		if doc := c.docs[t.file.Path]; doc != nil {
			known = true
			for _, h := range doc.Headings {
				ids[h.ID] = true
			}
		}
	}
	if t.page != nil {
		if out, ok := c.outputs[t.page.Path]; ok && out != nil {
			known = true
			cached := ix.ids[t.page.Path]
			if cached == nil {
				cached = map[string]bool{}
				for _, m := range idAttr.FindAllSubmatch(out, -1) {
					cached[html.UnescapeString(string(m[1]))] = true
				}
				ix.ids[t.page.Path] = cached
			}
			for id := range cached {
				ids[id] = true
			}
		}
	}
	if !known {
		return nil
	}
	return ids
}

func headingIDs(doc *markdown.Result) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for _, h := range doc.Headings {
		out = append(out, h.ID)
	}
	return out
}

// checkOutputLinks checks the links of the built site with package
// linkcheck, when the build succeeded (see the package doc). A problem
// that many built files share (a theme's link on every page) is one
// diagnostic, naming the first of them and how many there are; it names
// a content file when all of them are its pages.
func (c *checker) checkOutputLinks() {
	if !c.complete {
		return
	}
	pageAt := map[string]*site.Page{}
	for _, p := range c.site.Pages {
		pageAt[p.Path] = p
	}
	var msgs []string
	byMsg := map[string][]linkcheck.Problem{}
	where := map[string]string{} // message → the content file of all its pages, or ""
	for _, pr := range linkcheck.Check(c.outputs, linkcheck.Options{BaseURL: c.cfg.BaseURL}) {
		file := ""
		if p := pageAt[pr.Path]; p != nil && p.File != nil {
			if c.inBody(p, pr.Line) {
				continue
			}
			file = p.File.Path
		}
		if byMsg[pr.Msg] == nil {
			msgs = append(msgs, pr.Msg)
			where[pr.Msg] = file
		} else if where[pr.Msg] != file {
			where[pr.Msg] = ""
		}
		byMsg[pr.Msg] = append(byMsg[pr.Msg], pr)
	}
	for _, msg := range msgs {
		prs := byMsg[msg]
		in := fmt.Sprintf("in the built file %s, line %d", prs[0].Path, prs[0].Line)
		if len(prs) > 1 {
			in = fmt.Sprintf("in %d built files, the first %s, line %d", len(prs), prs[0].Path, prs[0].Line)
		}
		c.add(diag.At(where[msg], 0, 0, "%s (%s)", msg, in), CodeLink)
	}
}

// inBody reports whether line of p's output lies in the HTML of its
// Markdown body, whose links checkLink checks, knowing their lines.
func (c *checker) inBody(p *site.Page, line int) bool {
	out := c.outputs[p.Path]
	i := bytes.Index(out, []byte(p.Body))
	if p.Body == "" || i < 0 {
		return false
	}
	start := 1 + bytes.Count(out[:i], []byte("\n"))
	return start <= line && line <= start+strings.Count(p.Body, "\n")
}

package rules

import (
	"net/url"
	"path"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/site"
)

// link is one link of a body being checked.
type link struct {
	f         *content.File
	l         markdown.Link
	line, col int // in the file
	u         *url.URL
}

// target is where a link leads.
type target struct {
	page *site.Page    // a page, or nil for another output file
	file *content.File // the content file of the page, if any
}

// fragment is a #fragment to look for on a rendered page, as it names no
// heading of its target.
type fragment struct {
	lk *link
	t  target
}

func (c *checker) checkLinks() {
	var frags []fragment
	for _, f := range c.in.Files {
		doc := c.in.Doc(f)
		if doc == nil {
			continue
		}
		for _, l := range doc.Links {
			lk := &link{f: f, l: l, line: f.BodyLine - 1 + l.Line, col: l.Col}
			if l.Image && l.NoAlt && strings.TrimSpace(l.Dest) != "" {
				c.add(msgImageNoAlt.At(f.Path, lk.line, lk.col, "Dest", l.Dest), CodeImage)
			}
			if t, ok := c.checkLink(lk); ok && lk.u.Fragment != "" {
				if fr, ok := c.checkFragment(lk, t); !ok {
					frags = append(frags, fr)
				}
			}
		}
	}
	c.onRenderedPages(frags)
}

// report records an error about a link, as an image's message when the
// link is an image.
func (c *checker) report(lk *link, linkMsg, imageMsg diag.Message, args ...any) {
	m, code := linkMsg, CodeLink
	if lk.l.Image {
		m, code = imageMsg, CodeImage
	}
	c.add(m.At(lk.f.Path, lk.line, lk.col, append([]any{"Dest", lk.l.Dest}, args...)...), code)
}

// checkLink reports a link that leads nowhere, and returns where it leads
// when that is a page whose fragment can be checked.
func (c *checker) checkLink(lk *link) (target, bool) {
	dest := strings.TrimSpace(lk.l.Dest)
	if dest == "" {
		c.report(lk, msgLinkEmpty, msgImageEmpty)
		return target{}, false
	}
	if markdown.DangerousURL(dest) {
		c.report(lk, msgLinkUnsafe, msgImageUnsafe)
		return target{}, false
	}
	u, err := url.Parse(dest)
	if err != nil {
		c.report(lk, msgLinkInvalid, msgImageInvalid)
		return target{}, false
	}
	lk.u = u
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return target{}, false
	}
	switch p := u.Path; {
	case p == "":
		return target{page: c.ix.pageOf[lk.f.Path], file: lk.f}, true
	case strings.HasSuffix(p, ".md"):
		return c.contentLink(lk, p)
	}
	return c.pathLink(lk)
}

// contentLink checks a link to a content file.
func (c *checker) contentLink(lk *link, p string) (target, bool) {
	f := lk.f
	file := path.Clean(path.Join(path.Dir(f.Path), p))
	if strings.HasPrefix(p, "/") {
		file = path.Clean("content" + p)
	}
	if !strings.HasPrefix(file, "content/") {
		c.add(msgLinkOutside.At(f.Path, lk.line, lk.col, "Dest", lk.l.Dest, "File", file), CodeLink)
		return target{}, false
	}
	same, other := c.ix.resolveMD(file, f.Lang, c.in.Config.DefaultLanguage)
	switch {
	case same != nil:
	case other != nil:
		return c.untranslated(lk, other)
	case c.unread(file):
		return target{}, false // it could not be read; its own errors say why
	default:
		c.add(msgLinkMissing.At(f.Path, lk.line, lk.col, "Dest", lk.l.Dest, "File", file), CodeLink)
		return target{}, false
	}
	t := target{page: c.ix.pageOf[same.Path], file: same}
	if t.page == nil {
		c.unpublished(lk, same)
		return target{}, false
	}
	return t, true
}

func (c *checker) unread(p string) bool {
	return c.in.Unread != nil && c.in.Unread(p)
}

// pathLink checks a link that is a site path or a relative URL.
func (c *checker) pathLink(lk *link) (target, bool) {
	f, p := lk.f, lk.u.Path
	switch {
	case !strings.HasPrefix(p, "/"):
		if file, ok := site.ContentFile(f, lk.l.Dest); ok && site.IsPicture(file) && c.ix.bundleFile(file) {
			return target{}, false // a picture of another bundle: its one copy
		}
		if file := path.Clean(path.Join(path.Dir(f.Path), p)); f.Bundle != "" && strings.HasPrefix(file, f.Bundle+"/") {
			// A file of the page bundle, published beside the page.
			if !c.ix.bundleFile(file) && !c.unread(file) {
				c.report(lk, msgLinkMissing, msgImageMissing, "File", file)
			}
			return target{}, false
		}
		base := &url.URL{Path: pageURL(f)}
		p = base.ResolveReference(&url.URL{Path: p}).Path
	default:
		if under, ok := c.ix.underBase(p); ok {
			// A site path that already holds the base path: the page
			// links it as it is (config.Site.RelURL).
			p = under
		} else if !c.ix.langs[firstSegment(p)] {
			var done bool
			if p, done = c.inLanguage(lk, p); done {
				return target{}, false
			}
		}
	}
	if pg := c.ix.url(p); pg != nil {
		return target{page: pg, file: pg.File}, true
	}
	if to := c.ix.unpublishedAt(p); to != nil {
		c.unpublished(lk, to)
		return target{}, false
	}
	if c.outputExists(p) {
		return target{}, false
	}
	if c.in.Complete || strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") {
		c.nothingAt(lk, p)
	}
	return target{}, false
}

// inLanguage reads a site path without a language as the page in the
// linking file's language. done says the link was dealt with.
func (c *checker) inLanguage(lk *link, p string) (string, bool) {
	inLang := "/" + lk.f.Lang + p
	if pg := c.ix.url(inLang); pg != nil {
		return inLang, false
	}
	if to := c.ix.unpublishedAt(inLang); to != nil {
		c.unpublished(lk, to)
		return "", true
	}
	if other := c.ix.otherLang(p); other != nil && !c.outputExists(p) {
		c.untranslated(lk, other)
		return "", true
	}
	if strings.HasSuffix(p, "/") && !c.outputExists(p) {
		return inLang, false
	}
	return p, false
}

// nothingAt reports a link to a site path that nothing is published at.
func (c *checker) nothingAt(lk *link, p string) {
	if lk.l.Image && !strings.HasPrefix(lk.u.Path, "/") {
		c.report(lk, msgImageMissing, msgImageMissing, "File", path.Clean(path.Join(path.Dir(lk.f.Path), lk.u.Path)))
		return
	}
	if lk.u.RawQuery != "" || lk.u.ForceQuery {
		c.report(lk, msgLinkQuery, msgLinkQuery, "Path", p)
		return
	}
	c.report(lk, msgLinkNothing, msgImageNothing, "Path", p)
}

// untranslated reports a link to a page that has no version in the
// linking file's language, naming where readers would land instead (the
// language switcher's fallback: the list of its section, else the home)
// and the URL of the version that exists. A section's list exists in
// every language: a link to it is fine.
func (c *checker) untranslated(lk *link, other *content.File) (target, bool) {
	lang := lk.f.Lang
	section := other.Section
	if other.Kind == content.KindSection {
		section = other.Dir()
		if section == "" {
			return target{page: c.ix.homes[lang]}, c.ix.homes[lang] != nil
		}
		if s := c.ix.sections[[2]string{lang, section}]; s != nil {
			return target{page: s}, true
		}
	}
	to := c.ix.homes[lang]
	if s := c.ix.sections[[2]string{lang, section}]; section != "" && s != nil {
		to = s
	}
	where := "/" + lang + "/"
	if to != nil {
		where = to.URL
	}
	page := c.ix.pageOf[other.Path]
	if page == nil {
		c.unpublished(lk, other)
		return target{}, false
	}
	c.add(msgLinkNoLang.At(lk.f.Path, lk.line, lk.col, "Dest", lk.l.Dest, "Key", other.Key, "Lang", lang, "Fallback", where, "URL", page.URL), CodeLink)
	return target{}, false
}

// unpublished reports a link from a published page to a file that is not
// published, saying why.
func (c *checker) unpublished(lk *link, to *content.File) {
	if !c.published(lk.f) {
		return
	}
	fm, loc := &to.Front, c.in.Config.Location
	args := []any{"Dest", lk.l.Dest, "File", to.Path}
	m := msgLinkHidden
	switch now := c.in.Now; {
	case fm.Draft:
		m = msgLinkDraft
	case !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(now):
		m, args = msgLinkExpired, append(args, "Date", fm.ExpiryDate.In(loc).Format("2006-01-02"))
	case !fm.PublishDate.IsZero() && fm.PublishDate.After(now):
		m, args = msgLinkFuture, append(args, "Date", fm.PublishDate.In(loc).Format("2006-01-02"))
	case fm.Date.After(now):
		m, args = msgLinkFuture, append(args, "Date", fm.Date.In(loc).Format("2006-01-02"))
	}
	c.add(m.At(lk.f.Path, lk.line, lk.col, args...), CodeLink)
}

// outputExists reports whether a site path names an output file, or a
// folder with an index.html.
func (c *checker) outputExists(p string) bool {
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		return c.in.Outputs(rel + "index.html")
	}
	return c.in.Outputs(rel) || c.in.Outputs(rel+"/index.html")
}

// checkFragment checks a link's #fragment against the headings of its
// target. When they do not have it, ok is false and the fragment is left
// for the rendered page (onRenderedPages).
func (c *checker) checkFragment(lk *link, t target) (fragment, bool) {
	frag := lk.u.Fragment
	if frag == "top" || t.file == nil && t.page == nil {
		return fragment{}, true
	}
	if t.file != nil {
		if doc := c.in.Doc(t.file); doc != nil {
			for _, h := range doc.Headings {
				if h.ID == frag {
					return fragment{}, true
				}
			}
		} else if t.page == nil {
			return fragment{}, true // nothing is known of the target
		}
	}
	return fragment{lk: lk, t: t}, false
}

// onRenderedPages looks for fragments that name no heading among all the
// ids of their rendered pages, and reports those it does not find.
func (c *checker) onRenderedPages(frags []fragment) {
	var ids map[string]map[string]bool
	if c.in.IDs != nil && len(frags) > 0 {
		var paths []string
		for _, fr := range frags {
			if fr.t.page != nil {
				paths = append(paths, fr.t.page.Path)
			}
		}
		ids = c.in.IDs(paths)
	}
	for _, fr := range frags {
		if fr.t.page != nil && ids[fr.t.page.Path][fr.lk.u.Fragment] {
			continue
		}
		c.noFragment(fr)
	}
}

func (c *checker) noFragment(fr fragment) {
	lk, t := fr.lk, fr.t
	var headings []string
	if t.file != nil {
		if doc := c.in.Doc(t.file); doc != nil {
			for _, h := range doc.Headings {
				headings = append(headings, h.ID)
			}
		}
	}
	args := []any{"Dest", lk.l.Dest, "Fragment", lk.u.Fragment}
	if len(headings) > 0 {
		args = append(args, "Headings", strings.Join(headings, ", "))
	}
	var m diag.Message
	switch {
	case t.file == lk.f || t.file == nil && t.page == nil:
		m = pick(len(headings) > 0, msgFragmentHereHs, msgFragmentHere)
	default:
		where := t.page.URL
		if t.file != nil {
			where = t.file.Path
		}
		args = append(args, "Target", where)
		m = pick(len(headings) > 0, msgFragmentHs, msgFragment)
	}
	c.add(m.At(lk.f.Path, lk.line, lk.col, args...), CodeLink)
}

func pick(cond bool, yes, no diag.Message) diag.Message {
	if cond {
		return yes
	}
	return no
}

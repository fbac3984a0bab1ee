package check

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/linkcheck"
	"github.com/eventnews/gen/generator/internal/site"
)

// checkOutputLinks checks the links of the built site with package
// linkcheck, when the build rendered it (see the package doc). A problem
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
			if c.inBody(p, pr.Line) || leadImage(p, pr.URL) {
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
		first := prs[0]
		if len(prs) > 1 {
			c.add(msgBuiltLinks.At(where[msg], 0, 0, "Problem", first.Said, "Count", len(prs), "File", first.Path, "Line", first.Line), CodeLink)
		} else {
			c.add(msgBuiltLink.At(where[msg], 0, 0, "Problem", first.Said, "File", first.Path, "Line", first.Line), CodeLink)
		}
	}
}

// The messages of links in the built site: linkcheck's problem, and where.
var (
	msgBuiltLink  = diag.Message{ID: "check.built-link", Text: "{{.Problem}} (in the built file {{.File}}, line {{.Line}})"}
	msgBuiltLinks = diag.Message{ID: "check.built-links", Text: "{{.Problem}} (in {{.Count}} built files, the first {{.File}}, line {{.Line}})"}
)

// leadImage reports whether a link of p's output is its lead image, which
// the rules check where image.src is written.
func leadImage(p *site.Page, link string) bool {
	im := p.File.Front.Image
	if im == nil || im.Src == "" || strings.Contains(im.Src, ":") {
		return false
	}
	base, err := url.Parse(p.URL)
	u, err2 := url.Parse(link)
	if err != nil || err2 != nil {
		return false
	}
	return site.DecodedPath(base.ResolveReference(u).Path) == site.DecodedPath(p.URL)+im.Src
}

// inBody reports whether line of p's output lies in the HTML of its
// Markdown body, whose links the rules check, knowing their lines.
func (c *checker) inBody(p *site.Page, line int) bool {
	out := c.outputs[p.Path]
	i := bytes.Index(out, []byte(p.Body))
	if p.Body == "" || i < 0 {
		return false
	}
	start := 1 + bytes.Count(out[:i], []byte("\n"))
	return start <= line && line <= start+strings.Count(p.Body, "\n")
}

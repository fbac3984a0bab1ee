// Package linkcheck checks that every internal link of a built site leads to
// a file the build wrote, and every #fragment to an element in it.
//
// Rules:
//   - The input is the output tree: paths relative to its root,
//     slash-separated ("ru/news/x/index.html"); .html, .xml and .ics files
//     are read.
//   - Checked in HTML: href, src, srcset, poster, action, cite and data
//     attributes, and the content of <meta property="og:url|og:image"> and
//     <meta name="twitter:image">. In XML (sitemaps, RSS and Atom feeds):
//     every href attribute, and the text of loc, link, guid (unless
//     isPermaLink="false"), id and uri elements. In iCalendar: URL
//     properties.
//   - The output root is served at the path of Options.BaseURL, the base
//     path ("/press/" for https://example.org/press/, else "/"): a file
//     ru/news/x/index.html is at /press/ru/news/x/.
//   - A URL is internal when it is relative ("../x/", "#top"), root-relative
//     ("/press/ru/news/x/") or absolute under Options.BaseURL. A relative or
//     root-relative URL that leads outside the base path ("/ru/news/x/"
//     under "/press/") is a problem: the site cannot have a file there.
//     Other schemes and other hosts (http, https, mailto, tel, data,
//     javascript, //host), and absolute URLs outside the base path, are
//     external and not checked.
//   - A path resolves to the file itself, or, when it ends in "/" or names a
//     directory, to its index.html, as static hosts serve it. Query strings
//     are ignored; paths and fragments are percent-decoded before they are
//     looked up, as a host decodes them, so "/news/q%3Fx/" needs the file
//     news/q?x/index.html and "/news/q?x/" (a query) needs news/q.
//   - A fragment must match an id (or <a name>) in the target HTML page; an
//     empty fragment and "#top" need none, as browsers scroll to the top.
//   - Problems are sorted by path, line, column and URL.
package linkcheck

import (
	"bytes"
	"cmp"
	"context"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/parallel"
)

// Options tune a check.
type Options struct {
	// BaseURL makes absolute URLs under it internal (canonical and hreflang
	// links, og:url), and its path is where the output root is served.
	// Empty, or without a host: every absolute URL is external.
	BaseURL string
}

// Problem is one link that leads nowhere.
type Problem struct {
	Path      string // the output file with the link
	Line, Col int    // where its tag starts, 1-based
	URL       string // as written
	Msg       string // what is wrong, in English
	// Said is what is wrong as a diagnostic without a place, which
	// package speak says in the reader's language (its Msg is Msg).
	Said *diag.Diagnostic
}

// The messages of this package, in English; package speak says them in
// other languages.
var (
	msgUnreadable = diag.Message{ID: "linkcheck.unreadable", Text: "link {{.URL}} cannot be read: {{.Err}}"}
	msgOutside    = diag.Message{ID: "linkcheck.outside", Text: "link {{.URL}} leads outside the site, which baseURL puts under {{.Root}}"}
	msgNoFile     = diag.Message{ID: "linkcheck.no-file", Text: "link {{.URL}} leads nowhere: the build wrote no {{.File}}"}
	msgNoFileQ    = diag.Message{ID: "linkcheck.no-file-query", Text: `link {{.URL}} leads nowhere: the build wrote no {{.File}} ("?" starts a query: a name with "?" is written "%3F" in a link)`}
	msgNoID       = diag.Message{ID: "linkcheck.no-id", Text: "link {{.URL}} leads nowhere: {{.File}} has no element with id {{.ID}}"}
)

// String formats the problem as path:line:col: message.
func (p Problem) String() string { return p.Diagnostic().Error() }

// Diagnostic returns the problem as an error diagnostic.
func (p Problem) Diagnostic() *diag.Diagnostic {
	if p.Said == nil {
		return &diag.Diagnostic{Path: p.Path, Line: p.Line, Col: p.Col, Msg: p.Msg}
	}
	d := *p.Said
	d.Path, d.Line, d.Col = p.Path, p.Line, p.Col
	return &d
}

// link is one URL found in a page.
type link struct {
	url       string
	line, col int
}

// page is what the check needs of one HTML file.
type page struct {
	links []link
	ids   map[string]bool
}

// Check checks the links of every HTML, XML and iCalendar file in files,
// which maps each output path to its content (the content of other files
// may be nil). Files are read and checked on every core.
func Check(files map[string][]byte, opts Options) []Problem {
	base, _ := url.Parse(opts.BaseURL)
	root := "/"
	if base != nil && strings.HasPrefix(base.Path, "/") {
		root = strings.TrimSuffix(base.Path, "/") + "/"
	}
	if base != nil && (base.Scheme == "" || base.Host == "") {
		base = nil
	}
	at := &site{root: root, base: base}
	var names []string
	for name := range files {
		if isHTML(name) || strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".ics") {
			names = append(names, name)
		}
	}
	read := make([]*page, len(names))
	parallel.Each(context.Background(), 0, len(names), func(i int) {
		switch data := files[names[i]]; {
		case isHTML(names[i]):
			read[i] = parse(data)
		case strings.HasSuffix(names[i], ".xml"):
			read[i] = &page{links: parseXML(data)}
		default:
			read[i] = &page{links: parseICS(data)}
		}
	})
	pages := map[string]*page{} // HTML files, whose ids fragments name
	for i, name := range names {
		if isHTML(name) {
			pages[name] = read[i]
		}
	}
	found := make([][]Problem, len(names))
	parallel.Each(context.Background(), 0, len(names), func(i int) {
		self := &url.URL{Path: root + names[i]}
		for _, l := range read[i].links {
			if d := at.resolve(l.url, self, files, pages); d != nil {
				found[i] = append(found[i], Problem{Path: names[i], Line: l.line, Col: l.col, URL: l.url, Msg: d.Msg, Said: d})
			}
		}
	})
	problems := slices.Concat(found...)
	slices.SortFunc(problems, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.URL, b.URL))
	})
	return problems
}

// CheckFS reads every file of fsys (an output tree) and checks it.
func CheckFS(fsys fs.FS, opts Options) ([]Problem, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var data []byte
		if isHTML(p) || strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".ics") {
			if data, err = fs.ReadFile(fsys, p); err != nil {
				return err
			}
		}
		files[p] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Check(files, opts), nil
}

// Links returns the URLs of one output file as written, in the order
// they appear: the links Check checks in an HTML, XML or iCalendar file
// (see the package doc), nothing for other files. Tests that follow a
// site's links over HTTP use it.
func Links(name string, data []byte) []string {
	var links []link
	switch {
	case isHTML(name):
		links = parse(data).links
	case strings.HasSuffix(name, ".xml"):
		links = parseXML(data)
	case strings.HasSuffix(name, ".ics"):
		links = parseICS(data)
	}
	out := make([]string, len(links))
	for i, l := range links {
		out[i] = l.url
	}
	return out
}

func isHTML(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// site is where the output is served.
type site struct {
	root string   // the base path, decoded: "/press/" or "/"
	base *url.URL // the base URL, nil without a host
}

// resolve returns nil when raw leads somewhere, else what is wrong, as a
// diagnostic without a place.
func (s *site) resolve(raw string, self *url.URL, files map[string][]byte, pages map[string]*page) *diag.Diagnostic {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return msgUnreadable.At("", 0, 0, "URL", strconv.Quote(raw), "Err", errOf(err))
	}
	if u.Scheme != "" || u.Host != "" {
		base := s.base
		if base == nil || !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(u.Host, base.Host) ||
			!strings.HasPrefix(u.Path+"/", s.root) {
			return nil // external
		}
		u = &url.URL{Path: u.Path, Fragment: u.Fragment, RawQuery: u.RawQuery}
	}
	target := self.ResolveReference(u)
	rel, inside := strings.CutPrefix(target.Path, s.root)
	if !inside {
		if target.Path+"/" != s.root {
			return msgOutside.At("", 0, 0, "URL", raw, "Root", s.root)
		}
		rel = "" // the base path without its final "/": a host redirects
	}
	p := strings.TrimPrefix(path.Clean("/"+rel), "/")
	if strings.HasSuffix(target.Path, "/") || p == "." || p == "" {
		p = path.Join(p, "index.html")
	}
	if _, ok := files[p]; !ok {
		if _, dir := files[path.Join(p, "index.html")]; !dir {
			if u.RawQuery != "" || u.ForceQuery {
				return msgNoFileQ.At("", 0, 0, "URL", raw, "File", p)
			}
			return msgNoFile.At("", 0, 0, "URL", raw, "File", p)
		}
		p = path.Join(p, "index.html")
	}
	frag := u.Fragment
	if frag == "" || frag == "top" {
		return nil
	}
	pg := pages[p]
	if pg == nil || pg.ids[frag] {
		return nil
	}
	return msgNoID.At("", 0, 0, "URL", raw, "File", p, "ID", strconv.Quote(frag))
}

// errOf is the error of net/url without the URL, which the message
// quotes.
func errOf(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// urlAttrs are the attributes whose value is one URL.
var urlAttrs = map[string]bool{"href": true, "src": true, "poster": true, "action": true, "cite": true, "data": true}

// metaURLs are the <meta property|name> values whose content is a URL.
var metaURLs = map[string]bool{"og:url": true, "og:image": true, "og:image:url": true, "twitter:image": true}

func parse(data []byte) *page {
	pg := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line, col := 1, 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return pg
		}
		raw := z.Raw()
		tagLine, tagCol := line, col
		for _, r := range string(raw) {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		var metaKey, metaContent string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			key, val := string(k), string(v)
			switch {
			case key == "id" || (key == "name" && string(name) == "a"):
				pg.ids[val] = true
			case key == "srcset":
				for _, cand := range strings.Split(val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						pg.links = append(pg.links, link{f[0], tagLine, tagCol})
					}
				}
			case urlAttrs[key] && string(name) != "meta":
				pg.links = append(pg.links, link{val, tagLine, tagCol})
			case string(name) == "meta" && (key == "property" || key == "name"):
				metaKey = val
			case string(name) == "meta" && key == "content":
				metaContent = val
			}
		}
		if metaURLs[metaKey] {
			pg.links = append(pg.links, link{metaContent, tagLine, tagCol})
		}
	}
}

package site

import (
	htmlpkg "html"
	"net/url"
	"path"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/yuin/goldmark/util"
)

// Content links: a Markdown link (a URL, percent-decoded to find the file)
// to another content file ("../other/index.md", "../other/index.ru.md#facts",
// "/about.md", "../_index.md" for a section's list) or to a site path
// without a language ("/news/other/", "/news/archive/") leads to that page in the
// linking page's language; when that translation does not exist, to the
// same fallback the language switcher uses (and the build's rules fail
// the run on it). Other links and images that
// start with one "/" are site paths: under a base path they get it
// (config.Site.RelURL: "/img/logo.png" → "/press/img/logo.png"), unless
// they already start with it. Relative links and links with a scheme or
// a host are left alone. The build's rules (package rules) report links
// that lead nowhere.

// contentKeys maps a content file path without language suffix and ".md"
// ("content/news/x/index") to the translation key of its page.
type contentKeys map[string]string

func newContentKeys(files []*content.File) contentKeys {
	m := contentKeys{}
	for _, f := range files {
		m[stripLang(f.Path, f.Lang)] = pageKey(f)
	}
	return m
}

// pageKey is the translation key of the page a file makes: the file's
// key, or for an _index file its section's list ("section:news/archive")
// or the home.
func pageKey(f *content.File) string {
	switch {
	case f.Kind != content.KindSection:
		return f.Key
	case f.Dir() == "":
		return "home"
	}
	return "section:" + f.Dir()
}

func stripLang(p, lang string) string {
	p = strings.TrimSuffix(p, ".md")
	return strings.TrimSuffix(p, "."+lang)
}

// resolveLinks sets p.Body: the page's HTML with content links rewritten,
// and site paths under the base path (rel is config.Site.RelURL, nil for
// a site at the root of its host).
func resolveLinks(p *Page, keys contentKeys, langs []string, byKey map[string]map[string]*Page, fallback func(key string, l *Language) string, lang *Language, rel func(string) string) {
	if p.Doc == nil {
		return
	}
	html := p.Doc.HTML
	p.Body = html
	if p.File == nil {
		return
	}
	for _, l := range p.Doc.Links {
		target, frag, ok := contentTarget(p.File, l.Dest, keys, langs)
		if !ok {
			if rel != nil {
				html = underBase(html, l, rel)
			}
			continue
		}
		url := ""
		if t := byKey[target][p.Lang]; t != nil {
			url = t.URL + frag
		} else if _, exists := byKey[target]; exists {
			url = fallback(target, lang)
		} else {
			continue // a link to nothing: the build's rules report it
		}
		for _, written := range []string{l.Dest, string(util.EscapeHTML(util.URLEscape([]byte(l.Dest), true)))} {
			html = strings.ReplaceAll(html, `href="`+written+`"`, `href="`+htmlpkg.EscapeString(url)+`"`)
		}
	}
	p.Body = html
}

// underBase gives a link or image of html that is a site path ("/x/") the
// base path: rel(l.Dest). The attribute is found as goldmark writes it.
func underBase(html string, l markdown.Link, rel func(string) string) string {
	if !strings.HasPrefix(l.Dest, "/") || strings.HasPrefix(l.Dest, "//") {
		return html
	}
	to := rel(l.Dest)
	if to == l.Dest {
		return html
	}
	attr := `href="`
	if l.Image {
		attr = `src="`
	}
	written := func(u string) string { return string(util.EscapeHTML(util.URLEscape([]byte(u), true))) }
	return strings.ReplaceAll(html, attr+written(l.Dest)+`"`, attr+written(to)+`"`)
}

// contentTarget returns the translation key a link points to, if it is a
// content link, and its "#fragment".
func contentTarget(f *content.File, dest string, keys contentKeys, langs []string) (key, frag string, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return "", "", false
	}
	p := dest
	if i := strings.IndexByte(p, '#'); i >= 0 {
		p, frag = p[:i], p[i:]
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		return "", "", false
	}
	// A link is a URL: a file or folder named "q?x" is written "q%3Fx".
	p, err := url.PathUnescape(p)
	if err != nil {
		return "", "", false
	}
	if strings.HasSuffix(p, ".md") {
		var full string
		if strings.HasPrefix(p, "/") {
			full = path.Join("content", p)
		} else {
			full = path.Join(path.Dir(f.Path), p)
		}
		full = strings.TrimSuffix(full, ".md")
		for _, l := range langs {
			full = strings.TrimSuffix(full, "."+l)
		}
		k, found := keys[full]
		return k, frag, found
	}
	if strings.HasPrefix(p, "/") {
		trimmed := strings.Trim(p, "/")
		first, _, _ := strings.Cut(trimmed, "/")
		for _, l := range langs {
			if first == l {
				return "", "", false
			}
		}
		for _, cand := range []string{"content/" + trimmed + "/index", "content/" + trimmed + "/_index", "content/" + trimmed} {
			if k, found := keys[cand]; found {
				return k, frag, true
			}
		}
	}
	return "", "", false
}

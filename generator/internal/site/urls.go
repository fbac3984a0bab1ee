package site

import (
	"net/url"
	"strings"
)

// URLs from names. A page's URL is the base path (config.Site.BasePath:
// "/press/" for baseURL https://example.org/press/, else "/") followed by
// names: folders and files under content/, slugs, section and tag keys.
// Each name is one path segment, written into the URL with escape.Segment, so a
// name may hold any character a file name may hold and still give one
// unambiguous URL; the page's output path is its URL without the base
// path, decoded (FilePath), which is the file a static host serving the
// output at the base path looks for, since it decodes the path of a
// request before looking.
// Names no URL or host can carry (control characters, "\", a trailing dot
// or space) are refused by package content before they get here.

// SitePath is a URL path without the base path, from its "/": the path
// the page would have on a site at the root of its host ("/press/zh/news/"
// → "/zh/news/" under the base path "/press/"). A path outside the base
// path is returned as it is.
func SitePath(base, u string) string {
	if rest, ok := strings.CutPrefix(u, base); ok && base != "/" {
		return "/" + rest
	}
	return u
}

// DecodedPath is a URL path with its percent-escapes decoded, as a host
// reads it: "/zh/news/q%3Fx/" → "/zh/news/q?x/". A URL that is not validly
// escaped is returned as it is.
func DecodedPath(u string) string {
	if !strings.Contains(u, "%") {
		return u
	}
	if d, err := url.PathUnescape(u); err == nil {
		return d
	}
	return u
}

// FilePath is the output path of a URL path under the base path: its
// SitePath decoded, without the leading "/", and index.html for a URL that
// ends in "/": "/press/zh/news/q%3Fx/" → "zh/news/q?x/index.html" under
// the base path "/press/".
func FilePath(base, u string) string {
	p := strings.TrimPrefix(DecodedPath(SitePath(base, u)), "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

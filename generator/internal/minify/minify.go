// Package minify makes output files smaller for gen build --minify, with
// github.com/tdewolff/minify: HTML, CSS, JavaScript, SVG, XML (feeds, the
// sitemap) and JSON.
//
// Rules:
//   - A file's type is its extension: .html, .css, .js and .mjs, .svg,
//     .xml, .json. Other files (images, calendars, text) pass unchanged.
//   - HTML keeps its document and end tags (<html>, </p>, …) and the
//     quotes that are needed: the markup stays valid and readable by any
//     parser; what goes is white space between tags, comments and default
//     attribute values.
//   - The same input gives the same bytes on every run and machine.
//   - A file that cannot be minified is an error naming it: gen does not
//     publish it half-changed.
package minify

import (
	"bytes"
	"path"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/render"
	tdminify "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// msgCannotMinify is the error of a file that cannot be minified, in
// English; package speak says it in other languages.
var msgCannotMinify = diag.Message{ID: "minify.cannot", Text: "cannot minify it ({{.Err}}): fix the file, or build without --minify"}

// Minifier minifies files; it is safe for concurrent use.
type Minifier struct{ m *tdminify.M }

// New returns a Minifier.
func New() *Minifier {
	m := tdminify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	m.AddFunc("application/json", json.Minify)
	return &Minifier{m: m}
}

// mediaType is the type a file is minified as, or "".
func mediaType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "text/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "text/xml"
	case ".json":
		return "application/json"
	}
	return ""
}

// File returns f minified if its type is one of the package's. A file
// copied from the site (Src) is read with read, and comes back holding its
// minified bytes instead.
func (m *Minifier) File(f render.File, read func(name string) ([]byte, error)) (render.File, error) {
	mt := mediaType(f.Path)
	if mt == "" {
		return f, nil
	}
	data := f.Bytes
	if f.Src != "" {
		var err error
		if data, err = read(f.Src); err != nil {
			return f, err
		}
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		name := f.Path
		if f.Src != "" {
			name = f.Src
		}
		return f, msgCannotMinify.At(name, 0, 0, "Err", err)
	}
	f.Bytes, f.Src = out.Bytes(), ""
	return f, nil
}

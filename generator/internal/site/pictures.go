package site

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/escape"
)

// Picture is a file of a page bundle that a published page shows as a
// picture: named by its front matter image.src, or by a Markdown image or
// link. Package images processes it; it is published once for every
// language under Dir (see the package doc), never beside each page.
type Picture struct {
	Src string // the file: content/news/x/hall.jpg
	// Dir is the output folder of its files ("images/news/x/"), URLDir the
	// same folder as a URL under the base path ("/press/images/news/x/").
	Dir, URLDir string
	// Original is set when a page asks for the file as it is
	// (image.original).
	Original bool
	// Thumb is set on the lead picture (image.src) of a release: lists
	// show its thumbnail (Page.Thumb).
	Thumb bool
	// Lead is set when a page names it as its lead picture (image.src):
	// it gets a share picture too (images.Job.Share).
	Lead bool
	// Refs are the places that name it, sorted: for messages about it.
	Refs []Ref
}

// Ref is a place in a content file.
type Ref struct {
	File      string
	Line, Col int
}

// pictureExts are the names of the files that are pictures.
var pictureExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true}

// IsPicture reports whether a file name is a picture's: JPEG, PNG, GIF,
// WebP or SVG, by its extension in any case.
func IsPicture(name string) bool { return pictureExts[strings.ToLower(path.Ext(name))] }

// BundleFile resolves a link or image of f's body, a URL, to a file of f's
// page bundle ("content/news/x/hall.jpg"): a relative path without a
// query, percent-decoded; ok is false for anything else.
func BundleFile(f *content.File, dest string) (file string, ok bool) {
	p, ok := bodyPath(dest)
	if !ok {
		return "", false
	}
	return BundleName(f, p)
}

// ContentFile resolves a link or image of f's body, a URL, to the file
// under content/ it names relative to f's folder, in its own bundle or in
// another ("../harbin-expo/hall.jpg"), whether or not it exists; ok is
// false for anything else. A picture of another bundle shows as that
// bundle's one copy.
func ContentFile(f *content.File, dest string) (file string, ok bool) {
	p, ok := bodyPath(dest)
	if !ok || f == nil || strings.HasPrefix(p, "/") {
		return "", false
	}
	file = path.Join(path.Dir(f.Path), p)
	return file, strings.HasPrefix(file, "content/")
}

// bodyPath is the path of a relative URL without a query, percent-decoded.
func bodyPath(dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.ContainsAny(dest, "?:") {
		return "", false
	}
	dest, _, _ = strings.Cut(dest, "#")
	p, err := url.PathUnescape(dest)
	return p, err == nil
}

// BundleName resolves a file name relative to f's page bundle, as front
// matter image.src is written (not a URL: "100%.svg" is that file), to a
// file of the bundle; ok is false for anything else.
func BundleName(f *content.File, name string) (file string, ok bool) {
	if f == nil || f.Bundle == "" || name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "://") {
		return "", false
	}
	file = path.Join(f.Bundle, name)
	if !strings.HasPrefix(file, f.Bundle+"/") {
		return "", false
	}
	rel := file[len(f.Bundle)+1:]
	if _, found := slices.BinarySearch(f.Resources, rel); !found {
		return "", false
	}
	return file, true
}

// pictures lists the pictures the published pages show, by file: files
// of their own bundles, or of another bundle they name.
func pictures(pages []*Page, files []*content.File, base string) []*Picture {
	resources := map[string]bool{}
	for _, f := range files {
		for _, r := range f.Resources {
			resources[f.Bundle+"/"+r] = true
		}
	}
	byFile := map[string]*Picture{}
	add := func(file string, ok bool, ref Ref, original, thumb, lead bool) {
		if !ok || !IsPicture(file) {
			return
		}
		pic := byFile[file]
		if pic == nil {
			dir := "images/" + strings.TrimPrefix(path.Dir(file), "content/") + "/"
			pic = &Picture{Src: file, Dir: dir, URLDir: base + escape.Path(dir)}
			byFile[file] = pic
		}
		pic.Original = pic.Original || original
		pic.Thumb = pic.Thumb || thumb
		pic.Lead = pic.Lead || lead
		if ref.Line > 0 {
			pic.Refs = append(pic.Refs, ref)
		}
	}
	for _, p := range pages {
		f := p.File
		if f == nil || f.Bundle == "" {
			continue
		}
		if im := f.Front.Image; im != nil && im.Src != "" {
			pos := f.Front.Pos["image.src"]
			file, ok := BundleName(f, im.Src)
			add(file, ok, Ref{File: f.Path, Line: pos.Line, Col: pos.Col}, im.Original, p.Kind == KindPage && p.Section != "", true)
		}
		if p.Doc == nil {
			continue
		}
		for _, l := range p.Doc.Links {
			file, ok := ContentFile(f, l.Dest)
			add(file, ok && resources[file], Ref{File: f.Path, Line: f.BodyLine - 1 + l.Line, Col: l.Col}, false, false, false)
		}
	}
	out := make([]*Picture, 0, len(byFile))
	for _, pic := range byFile {
		slices.SortFunc(pic.Refs, func(a, b Ref) int {
			if c := strings.Compare(a.File, b.File); c != 0 {
				return c
			}
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		})
		pic.Refs = slices.Compact(pic.Refs)
		out = append(out, pic)
	}
	slices.SortFunc(out, func(a, b *Picture) int { return strings.Compare(a.Src, b.Src) })
	return out
}

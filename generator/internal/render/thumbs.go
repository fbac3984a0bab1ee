package render

import (
	"html/template"

	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/site"
)

// ThumbSizes is the sizes attribute of a thumbnail: how wide the default
// theme shows it in a list (.item .thumb in its main.css).
const ThumbSizes = "(max-width: 36rem) 6.5rem, 10rem"

// ShowThumb sets p.Thumb, the thumbnail lists show, when p is a release
// whose lead picture (image.src) was processed with one (site.Picture.Thumb):
// its thumbnail files with the page's image.alt (images.Picture.ThumbHTML).
// A release without a picture of its bundle keeps none.
func ShowThumb(p *site.Page, pics map[string]*images.Picture) {
	if p.File == nil || p.File.Front.Image == nil || p.Kind != site.KindPage || p.Section == "" {
		return
	}
	im := p.File.Front.Image
	file, ok := site.BundleName(p.File, im.Src)
	if !ok || pics[file] == nil {
		return
	}
	p.Thumb = template.HTML(pics[file].ThumbHTML(im.Alt, ThumbSizes))
}

package render

import (
	"io"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/site"
	nethtml "golang.org/x/net/html"
)

// ShowPictures rewrites the body of p (site.Page.Body) for the processed
// pictures of its bundle: a Markdown image of one becomes its <picture>
// (every width as WebP and as the fallback, width and height, loading
// when it comes near the screen: images.Picture.HTML) with its alt text
// and title; a link to one leads to its original when that is published,
// else to its widest fallback file. Everything else stays byte for byte.
// Feeds, which take the body as it is, get the same markup.
func ShowPictures(p *site.Page, pics map[string]*images.Picture, cfg *config.Site) {
	if p.File == nil || p.File.Bundle == "" || p.Doc == nil || !namesPicture(p, pics) {
		return
	}
	z := nethtml.NewTokenizer(strings.NewReader(p.Body))
	var b strings.Builder
	b.Grow(len(p.Body) + 1024)
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			if z.Err() != io.EOF {
				return // leave a body the tokenizer cannot read as it is
			}
			break
		}
		raw := z.Raw()
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		tok := z.Token()
		switch {
		case tok.Data == "img":
			if pic := pictureOf(p, pics, attr(tok, "src")); pic != nil {
				b.WriteString(pic.HTML(images.Show{Alt: attr(tok, "alt"), Title: attr(tok, "title"), Sizes: sizes(cfg)}))
				continue
			}
		case tok.Data == "a":
			if pic := pictureOf(p, pics, attr(tok, "href")); pic != nil {
				to := pic.Original
				if to == nil {
					to = pic.Largest()
				}
				for i := range tok.Attr {
					if tok.Attr[i].Key == "href" {
						tok.Attr[i].Val = to.URL
					}
				}
				b.WriteString(tok.String())
				continue
			}
		}
		b.Write(raw)
	}
	p.Body = b.String()
}

// namesPicture reports whether a link or image of p's body leads to a
// processed picture.
func namesPicture(p *site.Page, pics map[string]*images.Picture) bool {
	for _, l := range p.Doc.Links {
		if file, ok := site.ContentFile(p.File, l.Dest); ok && pics[file] != nil {
			return true
		}
	}
	return false
}

func pictureOf(p *site.Page, pics map[string]*images.Picture, dest string) *images.Picture {
	if dest == "" {
		return nil
	}
	file, ok := site.ContentFile(p.File, dest)
	if !ok {
		return nil
	}
	return pics[file]
}

func attr(tok nethtml.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

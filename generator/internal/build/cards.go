package build

import (
	"context"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/parallel"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/sharecard"
	"github.com/eventnews/gen/generator/internal/site"
)

// makeCards draws the share card (package sharecard) of every release
// with no picture to share: without a lead image, or with an SVG one. A
// card shows the site's name in the release's language and its title,
// is kept in opts.Images like a picture (so a warm rebuild draws
// nothing) and is published at images/share/<the page's folder>.png.
// A title with characters the font lacks is a warning (cardChars).
func (r *Result) makeCards(ctx context.Context, opts Options) error {
	var pages []*site.Page
	for _, p := range r.Site.Pages {
		if r.needsCard(p) {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	r.cardChars = cardCharacters(pages)
	cache := opts.Images
	if cache == nil {
		cache = images.NewCache("")
	}
	// The font's hash, once: hashing 820 KB for each of 3,000 cards took
	// half a second.
	fingerprint := sharecard.Fingerprint()
	cards := make([]*images.Variant, len(pages))
	errs := make([]error, len(pages))
	parallel.Each(ctx, 0, len(pages), func(i int) {
		cards[i], errs[i] = r.card(cache, pages[i], fingerprint)
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	r.cards = make(map[string]*images.Variant, len(pages))
	for i, p := range pages {
		if errs[i] != nil {
			return errs[i]
		}
		r.cards[p.Path] = cards[i]
		v := cards[i]
		r.picFiles = append(r.picFiles, render.File{Path: v.Path, Bytes: v.Bytes, Disk: v.Disk})
	}
	return nil
}

// msgCardChars is a title with characters the cards' font lacks.
var msgCardChars = diag.Message{ID: "card.missing-characters", Text: "the share card of this release leaves out {{.Chars}}, which gen's font does not have: it shows the rest of the title (give the release a lead image to share that instead)"}

// cardCharacters warns, at its title, of each release among pages whose
// title has characters the cards' font lacks, which its card leaves out.
func cardCharacters(pages []*site.Page) []*diag.Diagnostic {
	cov, err := sharecard.NewCoverage()
	if err != nil {
		return nil
	}
	var out []*diag.Diagnostic
	for _, p := range pages {
		pos, ok := p.File.Front.Pos["title"]
		if !ok {
			continue // a title from another language, which warns there
		}
		if missing := cov.Missing(p.Title); len(missing) > 0 {
			out = append(out, msgCardChars.Warn(p.File.Path, pos.Line, pos.Col, "Chars", string(missing)))
		}
	}
	return out
}

// needsCard reports whether p is a release with no picture to share.
func (r *Result) needsCard(p *site.Page) bool {
	if p.Kind != site.KindPage || p.Section == "" || p.File == nil {
		return false
	}
	img := p.File.Front.Image
	if img == nil || img.Src == "" {
		return true
	}
	file, ok := site.BundleName(p.File, img.Src)
	pic := r.pictures[file]
	return ok && pic != nil && pic.ShareFile == nil // an SVG
}

// card is p's share card, from the cache or drawn.
func (r *Result) card(cache *images.Cache, p *site.Page, fingerprint string) (*images.Variant, error) {
	c := sharecard.Card{Site: p.Language.Title, Title: p.Title}
	folder := strings.TrimSuffix(strings.TrimSuffix(p.Path, ".html"), "/index")
	file := "images/share/" + folder + ".png"
	return cache.Keep(images.Made{
		Of:    fingerprint + "\x00" + c.Site + "\x00" + c.Title,
		Width: sharecard.Width, Height: sharecard.Height, Type: "image/png", Ext: "png",
		Path: file, URL: r.Config.RelURL(escape.Path(file)),
	}, c.PNG)
}

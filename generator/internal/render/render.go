// Package render turns the page graph and a theme into output files in
// memory. It writes nothing to disk.
//
// Rules:
//   - Every page is rendered with the first layout of theme.Candidates for
//     its kind, section and layout, in its own language.
//   - Pages render in parallel on every core; the result is sorted by path,
//     so output never depends on scheduling.
//   - Bundle resources become files that name their source instead of
//     carrying bytes; publish copies them.
package render

import (
	"bytes"
	"context"
	"html/template"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/theme"
)

// File is one output file.
type File struct {
	Path  string // relative to the output root, slash-separated
	Bytes []byte // the content, or nil when Src is set
	Src   string // a source file (relative to the site root) to copy
	// Page is the page the file renders, if any.
	Page *site.Page
}

// Data is what a layout sees as dot. The page's fields are promoted, so a
// layout writes {{ .Title }} and {{ .Site.Config.BaseURL }}.
type Data struct {
	*site.Page
	Site      *site.Site
	Config    *config.Site
	Lang      *site.Language
	Content   template.HTML
	Now       time.Time
	Canonical string
}

// Options tune rendering.
type Options struct {
	Workers int // default GOMAXPROCS
	// Only, if set, limits rendering to pages for which it returns true.
	Only func(*site.Page) bool
}

// Render renders every page of s.
func Render(ctx context.Context, s *site.Site, th *theme.Theme, opts Options) ([]File, error) {
	langs := map[string]*site.Language{}
	for _, l := range s.Languages {
		langs[l.Code] = l
	}
	pages := s.Pages
	if opts.Only != nil {
		pages = slices.DeleteFunc(slices.Clone(pages), func(p *site.Page) bool { return !opts.Only(p) })
	}
	out := make([]File, len(pages))
	var errs diag.List
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				p := pages[i]
				buf.Reset()
				if err := renderPage(&buf, th, s, langs[p.Lang], p); err != nil {
					errs.Add(err)
					continue
				}
				out[i] = File{Path: p.Path, Bytes: bytes.Clone(buf.Bytes()), Page: p}
			}
		}()
	}
feed:
	for i := range pages {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if opts.Only == nil {
		var b bytes.Buffer
		root := s.Root
		if err := th.Execute(&b, []string{"root.html", "_default/root.html"}, root.Lang, &Data{Page: root, Site: s, Config: s.Config, Lang: langs[root.Lang], Now: s.Now, Canonical: s.Config.AbsURL("/")}); err != nil {
			return nil, err
		}
		out = append(out, File{Path: root.Path, Bytes: b.Bytes(), Page: root})
		for _, f := range s.Files {
			out = append(out, File{Path: f.Dest, Src: f.Src})
		}
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

func renderPage(buf *bytes.Buffer, th *theme.Theme, s *site.Site, lang *site.Language, p *site.Page) error {
	d := &Data{Page: p, Site: s, Config: s.Config, Lang: lang, Now: s.Now, Canonical: s.Config.AbsURL(p.URL)}
	if p.Doc != nil {
		d.Content = template.HTML(p.Doc.HTML)
	}
	section := p.Section
	cands := theme.Candidates(string(p.Kind), section, p.Layout)
	if err := th.Execute(buf, cands, p.Lang, d); err != nil {
		if _, ok := err.(*diag.Diagnostic); ok {
			return err
		}
		where := p.Path
		if p.File != nil {
			where = p.File.Path
		}
		return diag.At(where, 0, 0, "%s: %v", p.Path, err)
	}
	return nil
}

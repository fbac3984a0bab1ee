package build

import (
	"context"
	"html"
	"regexp"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/rules"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/status"
)

// checked is what the rules need of a run besides its Result.
type checked struct {
	files    []*content.File
	docs     map[*content.File]*markdown.Result
	outdated map[*content.File]status.Out
	opts     *Options
}

// checkRules runs the rules every build keeps (package rules) over the
// run, once r.Files holds every output: it sets r.Warnings (with those of
// the pictures) and returns the errors, joined, or nil.
func (r *Result) checkRules(ctx context.Context, in checked) error {
	ds := rules.Content(rules.Input{
		Config:   r.Config,
		Files:    in.files,
		Doc:      func(f *content.File) *markdown.Result { return in.docs[f] },
		Site:     r.Site,
		Locales:  r.locales,
		Now:      in.opts.Now,
		Outputs:  r.hasFile,
		Complete: true,
		IDs:      func(paths []string) map[string]map[string]bool { return r.ids(ctx, paths) },
		Outdated: in.outdated,
	})
	var list diag.List
	for _, d := range slices.Concat(ds, r.strings, r.bigPics, r.cardChars) {
		list.Add(d)
	}
	r.Warnings = list.Warnings()
	return list.Err()
}

// hasFile reports whether the run made a file at an output path.
func (r *Result) hasFile(p string) bool {
	_, ok := slices.BinarySearchFunc(r.Files, p, func(f render.File, p string) int { return strings.Compare(f.Path, p) })
	return ok
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// ids returns the ids on the rendered pages at paths: from their bytes,
// or when the run wrote them to disk, from rendering them again.
func (r *Result) ids(ctx context.Context, paths []string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	again := map[string]bool{}
	for _, p := range paths {
		i, ok := slices.BinarySearchFunc(r.Files, p, func(f render.File, p string) int { return strings.Compare(f.Path, p) })
		switch {
		case !ok:
		case r.Files[i].Bytes != nil:
			out[p] = idsIn(r.Files[i].Bytes)
		default:
			again[p] = true
		}
	}
	if len(again) > 0 {
		files, err := render.Render(ctx, r.Site, r.theme, render.Options{Only: func(p *site.Page) bool { return again[p.Path] }})
		if err == nil {
			for _, f := range files {
				out[f.Path] = idsIn(f.Bytes)
			}
		}
	}
	return out
}

func idsIn(page []byte) map[string]bool {
	ids := map[string]bool{}
	for _, m := range idAttr.FindAllSubmatch(page, -1) {
		ids[html.UnescapeString(string(m[1]))] = true
	}
	return ids
}

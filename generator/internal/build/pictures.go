package build

import (
	"context"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/render"
)

// processPictures makes the pictures the pages show (site.Site.Pictures)
// with package images, from opts.Images where it holds them, lists their
// files, and rewrites the pages' bodies to show them (render.ShowPictures).
// A picture that cannot be made is an error at every place that names it.
func (r *Result) processPictures(ctx context.Context, opts Options) error {
	s, cfg := r.Site, r.Config
	if len(s.Pictures) == 0 {
		return nil
	}
	cache := opts.Images
	if cache == nil {
		cache = images.NewCache("")
	}
	jobs := make([]images.Job, len(s.Pictures))
	for i, p := range s.Pictures {
		jobs[i] = images.Job{Src: p.Src, Dir: p.Dir, URLDir: p.URLDir, Original: p.Original || cfg.Images.Original, Share: p.Lead}
	}
	pics, fails, err := cache.Process(ctx, r.fsys, jobs, images.Options{Settings: images.SettingsOf(cfg), Progress: opts.Progress})
	if err != nil {
		return err
	}
	var errs diag.List
	for _, f := range fails {
		refs := 0
		for _, p := range s.Pictures {
			if p.Src != f.Src {
				continue
			}
			for _, ref := range p.Refs {
				errs.Add(diag.At(ref.File, ref.Line, ref.Col, "picture %s", f.Error()))
				refs++
			}
		}
		if refs == 0 {
			errs.Add(diag.At(f.Src, 0, 0, "this picture %s", f.Err))
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	r.pictures = pics
	for _, p := range s.Pictures {
		for _, v := range pics[p.Src].Files() {
			r.picFiles = append(r.picFiles, render.File{Path: v.Path, Bytes: v.Bytes, Src: v.Src, Disk: v.Disk})
		}
	}
	for _, p := range s.Pages {
		render.ShowPictures(p, pics, cfg)
	}
	return nil
}

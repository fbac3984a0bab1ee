package build

import (
	"context"
	"io/fs"
	"strconv"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// processPictures makes the pictures the pages show (site.Site.Pictures)
// with package images, from opts.Images where it holds them, lists their
// files, and rewrites the pages' bodies to show them (render.ShowPictures).
// A picture that cannot be made is an error at every place that names it;
// a file over images.maxBytes is a warning there (oversized).
func (r *Result) processPictures(ctx context.Context, opts Options) error {
	s, cfg := r.Site, r.Config
	if len(s.Pictures) == 0 {
		return nil
	}
	r.bigPics = oversized(r.fsys, s.Pictures, cfg.Images.MaxBytes)
	cache := opts.Images
	if cache == nil {
		cache = images.NewCache("")
	}
	jobs := make([]images.Job, len(s.Pictures))
	for i, p := range s.Pictures {
		jobs[i] = images.Job{Src: p.Src, Dir: p.Dir, URLDir: p.URLDir, Original: p.Original || cfg.Images.Original, Thumb: p.Thumb, Share: p.Lead}
	}
	pics, fails, err := cache.Process(ctx, r.fsys, jobs, images.Options{Settings: images.SettingsOf(cfg), Progress: opts.Progress, Speaker: opts.Speaker})
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
				errs.Add(f.At(ref.File, ref.Line, ref.Col))
				refs++
			}
		}
		if refs == 0 {
			errs.Add(f.At(f.Src, 0, 0))
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
		render.ShowThumb(p, pics)
	}
	return nil
}

// oversized warns of every picture file bigger than limit bytes (a
// config.Site made by hand, limit 0, has gen's default), at each place
// that names it: it is still published, but a camera file that big was
// most likely not meant for the web. A file that cannot be read is left
// to processing, which says so.
func oversized(fsys fs.FS, pics []*site.Picture, limit int64) []*diag.Diagnostic {
	if limit <= 0 {
		limit = config.DefaultMaxBytes
	}
	var out []*diag.Diagnostic
	for _, p := range pics {
		info, err := fs.Stat(fsys, p.Src)
		if err != nil || info.Size() <= limit {
			continue
		}
		args := []any{"File", p.Src, "Size", megabytes(info.Size()), "Limit", megabytes(limit)}
		for _, ref := range p.Refs {
			out = append(out, msgOversized.Warn(ref.File, ref.Line, ref.Col, args...))
		}
		if len(p.Refs) == 0 {
			out = append(out, msgOversized.Warn(p.Src, 0, 0, args...))
		}
	}
	return out
}

// The words of a picture file that is too big, in English; package speak
// says them in other languages. A size is a message of its own, which the
// warning takes as an argument and speak says in the same language.
var (
	msgOversized = diag.Message{ID: "picture.oversized", Text: "picture {{.File}} is {{.Size}}, more than images.maxBytes ({{.Limit}}): export it smaller (a photo for the web needs a few MB at most), or raise images.maxBytes in site.yaml"}
	msgMB        = diag.Message{ID: "size.mb", Text: "{{.MB}} MB"}
	msgBytes     = diag.Message{ID: "size.bytes", Text: "{{.Count}} bytes"}
)

// megabytes says a size in MB (10⁶ bytes), to one decimal when it has
// one: "20 MB", "23.4 MB"; under 0.1 MB, in bytes.
func megabytes(n int64) *diag.Diagnostic {
	if n < 100_000 {
		return msgBytes.At("", 0, 0, "Count", n)
	}
	s := strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
	return msgMB.At("", 0, 0, "MB", strings.TrimSuffix(s, ".0"))
}

package images

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/parallel"
	"github.com/eventnews/gen/generator/internal/speak"
)

// Job is one picture a site uses.
type Job struct {
	Src string // the file, a path in the site's file system: content/news/x/hall.jpg
	// Dir is the output folder of its files ("images/news/x/") and URLDir
	// the same folder as a URL under the base path ("/press/images/news/x/",
	// names escaped).
	Dir, URLDir string
	// Original publishes the file as it is, beside the resized ones.
	Original bool
	// Thumb makes its thumbnail too (Picture.Thumbs): it is the lead
	// picture of a release that lists show.
	Thumb bool
	// Share makes the share picture too (Picture.ShareFile): for a
	// page's lead picture.
	Share bool
}

// Picture is a processed picture: what a page needs to show it.
type Picture struct {
	Src    string
	Format string // JPEG, PNG, GIF, WebP or SVG
	// Width and Height are the picture's size upright; 0 for an SVG
	// without a size of its own.
	Width, Height int
	// Variants are the resized files, narrowest first, each width as WebP
	// then as its fallback (JPEG, or PNG); an SVG has none.
	Variants []Variant
	// Original is the file as given, when it is published (always for
	// an SVG), else nil.
	Original *Variant
	// Thumbs are the files of its thumbnail (Job.Thumb) at ThumbWidths,
	// as Variants are; a width that is both shares the file.
	Thumbs []Variant
	// ShareFile is the share picture, ShareWidth × ShareHeight, when the
	// job asked for it (never for an SVG), else nil.
	ShareFile *Variant
}

// Variant is one file of a picture.
type Variant struct {
	Width, Height int
	Type          string // MIME type: image/webp, image/jpeg, image/png
	Path          string // output path: images/news/x/hall-800.webp
	URL           string // under the base path, escaped
	// The content is one of: Disk, a file of the cache folder; Bytes;
	// Src, a file of the site.
	Disk  string
	Bytes []byte
	Src   string
}

// Failure is a picture that could not be processed.
type Failure struct {
	Src string
	// Err says what is wrong in words, naming the file: a
	// *diag.Diagnostic without a place, which At places.
	Err error
}

func (f *Failure) Error() string { return f.Err.Error() }

// At returns the failure as a diagnostic at a place that names the
// picture (path:line:col).
func (f *Failure) At(path string, line, col int) *diag.Diagnostic {
	var d *diag.Diagnostic
	if !errors.As(f.Err, &d) {
		d = msgFailed.At("", 0, 0, "File", f.Src, "Err", f.Err)
	}
	placed := *d
	placed.Path, placed.Line, placed.Col = path, line, col
	return &placed
}

// Options tune Process.
type Options struct {
	Settings Settings
	// Workers is how many pictures are processed at once; default
	// GOMAXPROCS.
	Workers int
	// Progress, if set, is told how far processing is when it takes
	// longer than ProgressAfter (default a second), then every five times
	// that, in the language of Speaker (nil: English).
	Progress      io.Writer
	ProgressAfter time.Duration
	Speaker       *speak.Speaker
}

// Process makes every job's picture, in parallel, from the cache where it
// holds them. It returns the pictures by Src and the failures, sorted by
// Src; ctx stops it.
func (c *Cache) Process(ctx context.Context, fsys fs.FS, jobs []Job, opts Options) (map[string]*Picture, []*Failure, error) {
	s := opts.Settings
	fp := s.fingerprint()
	ts := s.withThumbs()
	tfp := ts.fingerprint()
	names := fileStems(jobs)
	out := make([]*Picture, len(jobs))
	fails := make([]*Failure, len(jobs))
	prog := startProgress(opts.Progress, opts.Speaker, opts.ProgressAfter, len(jobs))
	defer prog.stop()
	parallel.Each(ctx, opts.Workers, len(jobs), func(i int) {
		js, jfp := s, fp
		if jobs[i].Thumb {
			js, jfp = ts, tfp
		}
		p, err := c.one(fsys, jobs[i], names[i], js, jfp)
		prog.done()
		if err != nil {
			fails[i] = &Failure{Src: jobs[i].Src, Err: err}
			return
		}
		out[i] = p
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	pics := make(map[string]*Picture, len(jobs))
	for _, p := range out {
		if p != nil {
			pics[p.Src] = p
		}
	}
	fails = slices.DeleteFunc(fails, func(f *Failure) bool { return f == nil })
	slices.SortFunc(fails, func(a, b *Failure) int { return strings.Compare(a.Src, b.Src) })
	return pics, fails, nil
}

// one makes the picture of job, named stem in its folder.
func (c *Cache) one(fsys fs.FS, job Job, stem string, s Settings, fp string) (*Picture, error) {
	if strings.EqualFold(path.Ext(job.Src), ".svg") {
		return svgPicture(fsys, job)
	}
	info, err := fs.Stat(fsys, job.Src)
	if err != nil {
		return nil, msgCannotRead.At("", 0, 0, "File", job.Src, "Err", unwrap(err))
	}
	if job.Share {
		fp += " share=" + strconv.Itoa(ShareWidth) + "x" + strconv.Itoa(ShareHeight)
	}
	var data []byte
	key := c.knownKey(job.Src, info, fp)
	if key == "" {
		if data, err = fs.ReadFile(fsys, job.Src); err != nil {
			return nil, msgCannotRead.At("", 0, 0, "File", job.Src, "Err", unwrap(err))
		}
		key = keyOf(data, fp)
	}
	e := c.lookup(key)
	if e == nil {
		if data == nil {
			if data, err = fs.ReadFile(fsys, job.Src); err != nil {
				return nil, msgCannotRead.At("", 0, 0, "File", job.Src, "Err", unwrap(err))
			}
		}
		h, err := readHeader(job.Src, data, s.MaxPixels)
		if err != nil {
			return nil, err
		}
		outs, err := makeOutputs(job.Src, data, h, s, job.Share, c)
		if err != nil {
			return nil, err
		}
		uw, uh := upright(h)
		e = &entry{Format: h.format, Width: uw, Height: uh}
		if err := c.store(key, e, outs); err != nil {
			return nil, msgFailed.At("", 0, 0, "File", job.Src, "Err", err)
		}
	}
	c.remember(job.Src, info, fp, key)
	p := c.picture(job, stem, key, e)
	splitThumbs(p, e.Width, s)
	return p, nil
}

// picture describes the entry e of key as the files of job.
func (c *Cache) picture(job Job, stem, key string, e *entry) *Picture {
	p := &Picture{Src: job.Src, Format: e.Format, Width: e.Width, Height: e.Height}
	for i, o := range e.Outputs {
		name := stem + "-" + strconv.Itoa(o.Width) + "." + o.Ext
		if o.Share {
			name = stem + "-share." + o.Ext
		}
		v := Variant{Width: o.Width, Height: o.Height, Type: o.Type, Path: job.Dir + name, URL: job.URLDir + escapeName(name)}
		if c.dir != "" {
			v.Disk = filepath.Join(c.folder(key), o.file())
		} else {
			v.Bytes = e.data[i]
		}
		if o.Share {
			p.ShareFile = &v
			continue
		}
		p.Variants = append(p.Variants, v)
	}
	if job.Original {
		name := path.Base(job.Src)
		p.Original = &Variant{Width: e.Width, Height: e.Height, Type: mimeOf(e.Format), Path: job.Dir + name, URL: job.URLDir + escapeName(name), Src: job.Src}
	}
	return p
}

func mimeOf(format string) string {
	if format == SVG {
		return "image/svg+xml"
	}
	return "image/" + format
}

// fileStems names each job's files: its file name without the extension,
// or with it ("hall-png") when another picture of the same folder has the
// same stem.
func fileStems(jobs []Job) []string {
	count := map[string]int{}
	stem := func(j Job) string {
		b := path.Base(j.Src)
		return b[:len(b)-len(path.Ext(b))]
	}
	for _, j := range jobs {
		count[j.Dir+stem(j)]++
	}
	out := make([]string, len(jobs))
	for i, j := range jobs {
		out[i] = stem(j)
		if count[j.Dir+out[i]] > 1 {
			out[i] += "-" + strings.ToLower(strings.TrimPrefix(path.Ext(j.Src), "."))
		}
	}
	return out
}

// escapeName percent-encodes a file name for a URL path: as one segment
// (escape.Segment), with bytes outside ASCII encoded too.
func escapeName(name string) string { return escape.URI(escape.Segment(name)) }

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// progress tells how far processing is once it has taken a second, then
// every five seconds.
type progress struct {
	w           io.Writer
	sp          *speak.Speaker
	start       time.Time
	total, made atomic.Int64
	quit        chan struct{}
	stopped     sync.WaitGroup
	shown       atomic.Bool
}

func startProgress(w io.Writer, sp *speak.Speaker, every time.Duration, total int) *progress {
	if every <= 0 {
		every = time.Second
	}
	p := &progress{w: w, sp: sp, start: time.Now(), quit: make(chan struct{})}
	p.total.Store(int64(total))
	if w == nil {
		return p
	}
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for seconds := 1; ; seconds++ {
			select {
			case <-p.quit:
				return
			case <-tick.C:
				// At one second, then every five.
				if n := p.total.Load(); n > 0 && (seconds == 1 || seconds%5 == 0) {
					p.shown.Store(true)
					fmt.Fprintln(p.w, p.sp.Say(msgProgress, "Made", p.made.Load(), "Total", n, "Took", time.Since(p.start).Round(every)))
				}
			}
		}
	}()
	return p
}

func (p *progress) done() { p.made.Add(1) }

func (p *progress) stop() {
	close(p.quit)
	p.stopped.Wait()
	if p.shown.Load() {
		fmt.Fprintln(p.w, p.sp.Say(msgProgressEnd, "Made", p.made.Load(), "Took", time.Since(p.start).Round(100*time.Millisecond)))
	}
}

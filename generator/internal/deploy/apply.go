package deploy

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"

	"github.com/eventnews/gen/generator/internal/parallel"
)

// ApplyOptions change how a plan is carried out.
type ApplyOptions struct {
	Progress io.Writer        // where progress lines go; nil for none
	Now      func() time.Time // the clock of progress; default time.Now
	Backoff  []time.Duration  // the waits before each retry; default 0.5 s, then 1 s
}

// Failure is a file that could not be uploaded or deleted.
type Failure struct {
	Op   string // "upload" or "delete"
	Path string
	Err  string // what went wrong, in words (in the language of Options.Speak)
}

// Result is what a deploy changed.
type Result struct {
	Uploaded, Deleted int
	Failed            []Failure // sorted by path
	NotTried          int       // uploads never started: too many failures, or stopped
	DeletesSkipped    int       // deletions left out because an upload did not pass
}

// OK reports whether the whole plan was carried out.
func (r *Result) OK() bool {
	return len(r.Failed) == 0 && r.NotTried == 0 && r.DeletesSkipped == 0
}

// maxFailures is the number of failed files after which no further upload
// starts.
const maxFailures = 10

// errNotTried marks a file whose upload never started.
var errNotTried = errors.New("not tried")

// Apply carries out the plan: uploads, other files before pages, then
// deletions if every upload passed.
func (d *Deployment) Apply(ctx context.Context, o ApplyOptions) *Result {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Backoff == nil {
		o.Backoff = []time.Duration{500 * time.Millisecond, time.Second}
	}
	r := &Result{}
	var others, pages []Upload
	var total int64
	for _, u := range d.Plan.Uploads {
		total += u.Size
		if strings.HasSuffix(u.Path, ".html") {
			pages = append(pages, u)
		} else {
			others = append(others, u)
		}
	}
	p := newProgress(o.Progress, o.Now, d.speak, msgUploading, len(d.Plan.Uploads), total)
	var failed atomic.Int64
	for _, phase := range [][]Upload{others, pages} {
		errs := each(ctx, d.workers, len(phase), func(i int) error {
			err := retry(ctx, o.Backoff, func() error { return d.upload(ctx, phase[i].File) })
			if err != nil && ctx.Err() == nil {
				failed.Add(1)
			}
			p.done(phase[i].Size)
			return err
		}, func() bool { return failed.Load() >= maxFailures })
		for i, err := range errs {
			d.tally(ctx, r, "upload", phase[i].Path, err, &r.Uploaded)
		}
	}
	if len(r.Failed) > 0 || r.NotTried > 0 {
		r.DeletesSkipped = len(d.Plan.Deletes)
	} else {
		p = newProgress(o.Progress, o.Now, d.speak, msgDeleting, len(d.Plan.Deletes), 0)
		errs := each(ctx, d.workers, len(d.Plan.Deletes), func(i int) error {
			err := retry(ctx, o.Backoff, func() error { return d.delete(ctx, d.Plan.Deletes[i]) })
			p.done(0)
			return err
		}, nil)
		for i, err := range errs {
			d.tally(ctx, r, "delete", d.Plan.Deletes[i], err, &r.Deleted)
		}
	}
	slices.SortFunc(r.Failed, func(a, b Failure) int { return strings.Compare(a.Path, b.Path) })
	return r
}

// tally counts the outcome err of op on path into r.
func (d *Deployment) tally(ctx context.Context, r *Result, op, path string, err error, done *int) {
	switch {
	case err == nil:
		*done++
	case errors.Is(err, errNotTried) || (ctx.Err() != nil && errors.Is(err, context.Canceled)):
		if op == "upload" {
			r.NotTried++
		} else {
			r.DeletesSkipped++
		}
	default:
		r.Failed = append(r.Failed, Failure{op, path, d.speak.Error(describe(d.bucket, err))})
	}
}

// upload writes the file f to the target, whole or not at all.
func (d *Deployment) upload(ctx context.Context, f File) error {
	in, err := open(d.root, f.Path)
	if err != nil {
		return permanent{err}
	}
	defer in.Close()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := d.bucket.NewWriter(wctx, f.Path, &blob.WriterOptions{
		ContentType:     f.ContentType,
		CacheControl:    f.CacheControl,
		ContentEncoding: f.ContentEncoding,
		ContentMD5:      f.MD5, // the bytes scanned, or nothing is written
		Metadata:        map[string]string{md5Key: hex.EncodeToString(f.MD5)},
	})
	if err != nil {
		return err
	}
	if _, err := encode(w, in, f.ContentEncoding); err != nil {
		cancel() // abort: no partial object
		w.Close()
		return err
	}
	return w.Close()
}

// delete removes the object at key; one already gone is no error.
func (d *Deployment) delete(ctx context.Context, key string) error {
	err := d.bucket.Delete(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil
	}
	return err
}

// permanent is an error that trying again cannot mend.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// retry calls try until it passes, waiting backoff[i] before the i-th
// retry, as long as the error may pass by itself.
func retry(ctx context.Context, backoff []time.Duration, try func() error) error {
	for attempt := 0; ; attempt++ {
		err := try()
		if err == nil || attempt == len(backoff) || !transient(err) {
			return err
		}
		t := time.NewTimer(backoff[attempt])
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

// transient reports whether err may pass on another try.
func transient(err error) bool {
	var p permanent
	if errors.As(err, &p) || errors.Is(err, context.Canceled) {
		return false
	}
	switch gcerrors.Code(err) {
	case gcerrors.NotFound, gcerrors.PermissionDenied, gcerrors.InvalidArgument,
		gcerrors.FailedPrecondition, gcerrors.Unimplemented, gcerrors.AlreadyExists, gcerrors.Canceled:
		return false
	}
	return true
}

// each calls do(i) for every i below n, on at most workers goroutines at
// once, in order of i. It starts no further call once ctx is done or stop
// (if any) reports true. It returns the error of every call, errNotTried
// for those never started.
func each(ctx context.Context, workers, n int, do func(i int) error, stop func() bool) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = errNotTried
	}
	parallel.Each(ctx, workers, n, func(i int) {
		if stop == nil || !stop() {
			errs[i] = do(i)
		}
	})
	return errs
}

// progress prints how far a long run is: a line at most every second, from
// the first second on, and never for a run that ends sooner.
type progress struct {
	w                io.Writer
	now              func() time.Time
	speak            *speak.Speaker
	msg              diag.Message // "uploading: 3 of 6 files done"
	total, doneN     int
	bytes, doneBytes int64
	last             time.Time
	mu               sync.Mutex
}

func newProgress(w io.Writer, now func() time.Time, sp *speak.Speaker, msg diag.Message, total int, bytes int64) *progress {
	t := now()
	return &progress{w: w, now: now, speak: sp, msg: msg, total: total, bytes: bytes, last: t}
}

// done counts a file of size bytes as finished.
func (p *progress) done(size int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.doneN++
	p.doneBytes += size
	if p.w == nil {
		return
	}
	t := p.now()
	if t.Sub(p.last) < time.Second {
		return
	}
	p.last = t
	if p.bytes > 0 {
		fmt.Fprintln(p.w, p.speak.Say(msgUploadingMB, "Done", p.doneN, "Count", p.total, "DoneMB", megabytes(p.doneBytes), "TotalMB", megabytes(p.bytes)))
		return
	}
	fmt.Fprintln(p.w, p.speak.Say(p.msg, "Done", p.doneN, "Count", p.total))
}

// megabytes writes n bytes in MB, with one decimal.
func megabytes(n int64) string {
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

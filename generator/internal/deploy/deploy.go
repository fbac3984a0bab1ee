// Package deploy publishes a built site (the folder gen build wrote) to
// object storage or to a folder, through gocloud.dev/blob.
//
// Rules:
//   - A target is a URL: s3://bucket?region=… (Amazon S3; with
//     endpoint=…&use_path_style=true any S3-compatible store), gs://bucket
//     (Google Cloud Storage), azblob://container (Azure Blob Storage) or
//     file:///path (a folder). prefix=dir/ puts the site under a folder of
//     the bucket, and gen then touches nothing outside it. Credentials come
//     from the environment the cloud's own tools read (AWS_ACCESS_KEY_ID
//     and AWS_SECRET_ACCESS_KEY, GOOGLE_APPLICATION_CREDENTIALS,
//     AZURE_STORAGE_ACCOUNT and AZURE_STORAGE_KEY, …), never from site.yaml.
//   - Every file under the folder is deployed, its key being its path with
//     forward slashes, except .gen/ at the top (gen's own records) and
//     anything named .git at any depth (the folder, or the file of a git
//     worktree). A link that leads out of the folder, or to a folder, is an
//     error, and nothing is changed; so is a folder whose build has not
//     finished moving its files into place (it holds .gen/journal, see
//     package publish).
//   - A file is uploaded when the target has no object by its key, or one
//     whose size or MD5 differs from the bytes gen would upload (gzipped,
//     when gzip applies); --force uploads every file. The target's MD5
//     comes from its listing (S3 gives it as the ETag of an object uploaded
//     in one part; GCS, Azure and fileblob keep it); when the listing has
//     none (an S3 object uploaded in parts, a folder), from the gen-md5
//     metadata gen stores with every upload, else by reading the object
//     back. Nothing is stored in the target but the site's own files.
//   - Objects the site no longer has are deleted, after every upload
//     succeeded; NoDelete (--no-delete) keeps them. The caller refuses a
//     plan that deletes more than --max-deletes before anything changes.
//   - Content-Type comes from the file's extension, from a table of gen's
//     own (the same on every machine), with charset=utf-8 for text (html,
//     css, js, json, xml, txt, ics, svg, md, csv); a file of another kind
//     is recognised from its first bytes (http.DetectContentType).
//   - Cache-Control: the site's deploy.cacheControl rules first, in order,
//     the first that matches wins; then gen's: a year, immutable, for a
//     name holding a content hash (main.1a2b3c4d.css: 8 or more hex digits
//     with a letter among them, between dots or after a hyphen); a day for
//     pictures, fonts, stylesheets, scripts, PDF, audio and video (gen's
//     stylesheet keeps its name when it changes); no-cache (ask every time;
//     cheap with the ETag) for pages, feeds, sitemap, calendars and the rest.
//   - With deploy.gzip, text files are stored gzipped (best compression, no
//     name or time in the header, so the same bytes give the same object)
//     with Content-Encoding: gzip. Off by default.
//   - Order: every upload before any deletion; pages (.html) only once
//     every other upload has ended, so a new page does not link a file
//     not yet there. Workers uploads run at once (default 10).
//   - An upload or deletion that fails is tried again after 0.5 s and
//     after 1 s, unless it cannot pass by itself (no such bucket, access
//     denied, the file changed while gen ran); then it is reported with
//     its path. After 10 failed files no further upload starts (the target
//     is likely out of reach) and the rest are counted as not tried.
//     Deletions are skipped when any upload failed.
//   - The plan and every list of paths are sorted by path.
//   - A folder target gets metadata=skip, no_tmp_dir=true and
//     create_dir=true unless its URL says otherwise: only the site's files
//     are written (no .attrs files beside them), each whole, through a
//     temporary file beside it (so a folder on another disk works), and
//     the folder is made if missing. A folder target may not be the site,
//     hold it, lie in its content/, themes/, … (the rules of gen build's
//     destination), nor be, hold or lie inside the folder deployed.
//   - The plan, its list, the progress and what went wrong are said in the
//     language of Options.Speak (package speak; English when nil); the
//     errors Prepare returns are diagnostics (a *Refused says itself as
//     one), for Speaker.Error.
package deploy

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gocloud.dev/blob"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/speak"
)

// Options say what to deploy where.
type Options struct {
	Dir      string // the built site, public/ by default
	Site     string // the site folder, for the refusals of a folder target
	Target   string // the target's URL
	Rules    Rules
	Force    bool // upload every file, changed or not
	NoDelete bool // keep objects the site no longer has
	Workers  int  // uploads at once; default 10
	// Speak says the plan, the progress and what went wrong in the
	// reader's language; nil is English. Errors are diagnostics, said
	// with Speak.Error.
	Speak *speak.Speaker
}

// Rules say which headers files get.
type Rules struct {
	CacheControl []config.CacheRule // the site's, before gen's own
	Gzip         bool
}

// A Deployment is a plan made against an open target, ready to apply.
type Deployment struct {
	Plan    Plan
	bucket  *blob.Bucket
	root    *os.Root
	workers int
	speak   *speak.Speaker
	release func() // the folder's lock
}

// Prepare reads the folder and the target and plans the deploy. Nothing
// is changed.
func Prepare(ctx context.Context, o Options) (*Deployment, error) {
	if o.Workers <= 0 {
		o.Workers = 10
	}
	root, err := os.OpenRoot(o.Dir)
	if err != nil {
		return nil, msgNoBuild.At("", 0, 0, "Dir", o.Dir, "Err", unwrapPath(err))
	}
	// No build may change the folder while it is read and sent.
	release, err := publish.Hold(o.Dir)
	if err != nil {
		root.Close()
		var f *publish.Failure
		if errors.As(err, &f) {
			err = f.Why()
		}
		return nil, msgBusy.At(o.Dir, 0, 0, "Err", err)
	}
	fail := func(err error) (*Deployment, error) {
		release()
		root.Close()
		return nil, err
	}
	if _, err := root.Stat(filepath.Join(".gen", "journal")); err == nil {
		return fail(msgUnfinished.At("", 0, 0, "Dir", o.Dir))
	}
	files, err := Scan(root, o.Dir, o.Rules)
	if err != nil {
		return fail(err)
	}
	bucket, err := openTarget(ctx, o.Target, o.Dir, o.Site)
	if err != nil {
		return fail(err)
	}
	d := &Deployment{bucket: bucket, root: root, workers: o.Workers, speak: o.Speak, release: release}
	remote, err := d.list(ctx, files)
	if err != nil {
		d.Close()
		return nil, msgCannotRead.At("", 0, 0, "Target", o.Target, "Why", describe(bucket, err))
	}
	d.Plan = Compare(files, remote, o.Force, o.NoDelete)
	d.Plan.speak = o.Speak
	return d, nil
}

// Close releases the target and the folder.
func (d *Deployment) Close() error {
	d.release()
	return errors.Join(d.bucket.Close(), d.root.Close())
}

// list returns the target's objects, sorted by key, with the MD5 of those
// the listing gave none for looked up when the site has a file of that
// size there.
func (d *Deployment) list(ctx context.Context, files []File) ([]Object, error) {
	var objs []Object
	it := d.bucket.List(nil)
	for {
		o, err := it.Next(ctx)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		if !o.IsDir {
			objs = append(objs, Object{Key: o.Key, Size: o.Size, MD5: o.MD5})
		}
	}
	slices.SortFunc(objs, func(a, b Object) int { return strings.Compare(a.Key, b.Key) })
	size := make(map[string]int64, len(files))
	for _, f := range files {
		size[f.Path] = f.Size
	}
	var unknown []int
	for i, o := range objs {
		if s, ok := size[o.Key]; ok && s == o.Size && len(o.MD5) == 0 {
			unknown = append(unknown, i)
		}
	}
	// One whose MD5 cannot be found keeps none, and is uploaded again.
	each(ctx, d.workers, len(unknown), func(j int) error {
		o := &objs[unknown[j]]
		o.MD5, _ = remoteMD5(ctx, d.bucket, o.Key)
		return nil
	}, nil)
	return objs, ctx.Err()
}

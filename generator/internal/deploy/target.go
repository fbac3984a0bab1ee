package deploy

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/aws/smithy-go"
	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/publish"

	// The kinds of target every gen publishes to: S3 and S3-compatible
	// storage, and folders. Each registers its scheme with
	// blob.DefaultURLMux. Google Cloud Storage (gs://) and Azure
	// (azblob://) come with the build tag deploycloud (cloud.go).
	_ "gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/s3blob"
)

// md5Key is the metadata gen stores with every upload: the MD5 of its
// bytes, in hex, for targets whose listing does not give it.
const md5Key = "gen-md5"

// openTarget opens the target at raw. dir is the folder deployed and
// site the site folder, which a folder target may not be.
func openTarget(ctx context.Context, raw, dir, site string) (*blob.Bucket, error) {
	if p := config.TargetURLProblem(raw); p != nil {
		return nil, p
	}
	u, _ := url.Parse(raw)
	if u.Scheme == "file" {
		if err := checkFolder(raw, u, dir, site); err != nil {
			return nil, err
		}
		q := u.Query()
		for k, v := range map[string]string{"metadata": "skip", "no_tmp_dir": "true", "create_dir": "true"} {
			if !q.Has(k) {
				q.Set(k, v)
			}
		}
		u.RawQuery = q.Encode()
	}
	if !blob.DefaultURLMux().ValidBucketScheme(u.Scheme) {
		if u.Scheme == "gs" {
			// The S3-compatible way into Google Cloud Storage.
			return nil, msgNoSchemeGS.At("", 0, 0, "Target", raw, "Scheme", u.Scheme, "Bucket", u.Host)
		}
		return nil, msgNoScheme.At("", 0, 0, "Target", raw, "Scheme", u.Scheme)
	}
	b, err := blob.DefaultURLMux().OpenBucketURL(ctx, u)
	if err != nil {
		return nil, msgCannotOpen.At("", 0, 0, "Target", raw, "Err", err)
	}
	return b, nil
}

// Refused is a folder target gen will not publish into. Nothing was
// touched. It is said as a diagnostic (Unwrap), in the reader's language
// with package speak.
type Refused struct {
	Target string // as the user wrote it
	Reason error  // why, a diagnostic without a place
}

func (e *Refused) Error() string { return e.diagnostic().Error() }

// Unwrap gives the refusal as a diagnostic.
func (e *Refused) Unwrap() []error { return []error{e.diagnostic()} }

func (e *Refused) diagnostic() *diag.Diagnostic {
	return msgRefused.At("", 0, 0, "Target", e.Target, "Reason", e.Reason)
}

// checkFolder refuses a folder target that gen build would refuse as its
// destination, and one that is, holds or lies in the folder deployed.
func checkFolder(raw string, u *url.URL, dir, site string) error {
	folder := filepath.FromSlash(u.Path)
	if u.Host == "." {
		folder = "." + folder
	}
	if err := publish.Check(folder, site, false); err != nil {
		var r *publish.Refused
		if errors.As(err, &r) {
			return &Refused{raw, r.Reason}
		}
		return err
	}
	f, err1 := filepath.Abs(folder)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return nil
	}
	switch {
	case f == d:
		return &Refused{raw, msgIsDir.At("", 0, 0, "Dir", dir)}
	case within(f, d):
		return &Refused{raw, msgInsideDir.At("", 0, 0, "Dir", dir)}
	case within(d, f):
		return &Refused{raw, msgHoldsDir.At("", 0, 0, "Dir", dir)}
	}
	return nil
}

// within reports whether p lies below dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// remoteMD5 finds the MD5 of an object whose listing gave none: from its
// attributes or the metadata gen stored, else by reading it.
func remoteMD5(ctx context.Context, b *blob.Bucket, key string) ([]byte, error) {
	a, err := b.Attributes(ctx, key)
	if err != nil {
		return nil, err
	}
	if len(a.MD5) > 0 {
		return a.MD5, nil
	}
	if sum, err := hex.DecodeString(a.Metadata[md5Key]); err == nil && len(sum) == md5.Size {
		return sum, nil
	}
	r, err := b.NewReader(ctx, key, nil)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	h := md5.New()
	if _, err := io.Copy(h, r); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// describe says in a few words what went wrong with the target: a
// message for what gen knows, else the store's own words.
func describe(b *blob.Bucket, err error) error {
	var op *net.OpError
	var dns *net.DNSError
	text := err.Error()
	switch {
	case errors.Is(err, context.Canceled):
		return msgStopped.At("", 0, 0)
	case errors.As(err, &dns) && dns.IsNotFound:
		return msgNoHost.At("", 0, 0, "Host", dns.Name)
	case strings.Contains(text, "Invalid region"):
		return msgNoRegion.At("", 0, 0)
	case strings.Contains(text, "get credentials") || strings.Contains(text, "failed to retrieve credentials"):
		return msgNoKeys.At("", 0, 0)
	case errors.As(err, &op):
		return msgUnreachable.At("", 0, 0, "Addr", op.Addr, "Err", op.Err)
	case gcerrors.Code(err) == gcerrors.NotFound && strings.Contains(err.Error(), "NoSuchBucket"):
		return msgNoBucket.At("", 0, 0)
	case gcerrors.Code(err) == gcerrors.FailedPrecondition && strings.Contains(err.Error(), "ContentMD5"):
		return msgFileChanged.At("", 0, 0)
	case gcerrors.Code(err) == gcerrors.PermissionDenied:
		return msgAccessDenied.At("", 0, 0, "Detail", plain(b, err))
	}
	return errors.New(plain(b, err))
}

// plain is err's message without gocloud's "blob (code=…): " prefix.
func plain(b *blob.Bucket, err error) string {
	var api smithy.APIError
	msg := err.Error()
	if b != nil && b.ErrorAs(err, &api) {
		msg = api.ErrorCode() + ": " + api.ErrorMessage()
	} else if i := strings.Index(msg, "): "); strings.HasPrefix(msg, "blob ") && i >= 0 {
		msg = msg[i+3:]
	}
	return strings.TrimRight(msg, ".: ")
}

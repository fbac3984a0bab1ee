package deploy

import (
	"bufio"
	"compress/gzip"
	"crypto/md5"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// errLinkToFolder is a link to a folder in the folder deployed.
var errLinkToFolder = errors.New("is a link to a folder")

// File is one file of the site as gen deploy uploads it.
type File struct {
	Path            string // its key: the path from the folder's top, with slashes
	Size            int64  // of the bytes uploaded (gzipped, when gzip applies)
	MD5             []byte // of the bytes uploaded
	ContentType     string
	CacheControl    string
	ContentEncoding string // "gzip" or ""
}

// Scan lists the files under root that a deploy uploads, sorted by path,
// with their headers. dir names root in messages. Every file that cannot
// be read is reported, all in one error.
func Scan(root *os.Root, dir string, r Rules) ([]File, error) {
	var files []File
	var errs []error
	fail := func(p string, err error) {
		var arg any = err
		if errors.Is(err, errLinkToFolder) {
			arg = msgLinkToFolder
		}
		errs = append(errs, msgFileError.At(filepath.Join(dir, filepath.FromSlash(p)), 0, 0, "Err", arg))
	}
	fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			fail(p, unwrapPath(err))
			return nil
		case skipped(p, d):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		}
		f, err := scanFile(root, p, r)
		if err != nil {
			fail(p, err)
			return nil
		}
		files = append(files, f)
		return nil
	})
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// skipped reports whether the entry at p is never deployed: gen's own
// .gen/ at the top, and anything named .git.
func skipped(p string, d fs.DirEntry) bool {
	return d.Name() == ".git" || (p == ".gen" && d.IsDir())
}

// scanFile reads the file at p once: its type, and the size and MD5 of
// the bytes an upload sends.
func scanFile(root *os.Root, p string, r Rules) (File, error) {
	in, err := open(root, p)
	if err != nil {
		return File{}, err
	}
	defer in.Close()
	br := bufio.NewReaderSize(in, 4096)
	head, _ := br.Peek(512)
	f := File{Path: p, ContentType: contentType(p, head), CacheControl: cacheControl(p, r.CacheControl)}
	if r.Gzip && isText(f.ContentType) {
		f.ContentEncoding = "gzip"
	}
	h := md5.New()
	if _, err := encode(countWriter{h, &f.Size}, br, f.ContentEncoding); err != nil {
		return File{}, unwrapPath(err)
	}
	f.MD5 = h.Sum(nil)
	return f, nil
}

// open opens the file at p for reading, refusing a link to a folder.
func open(root *os.Root, p string) (*os.File, error) {
	in, err := root.Open(filepath.FromSlash(p))
	if err != nil {
		return nil, unwrapPath(err)
	}
	info, err := in.Stat()
	if err == nil && info.IsDir() {
		err = errLinkToFolder
	}
	if err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// encode copies r into w as it is uploaded: gzipped when encoding says so.
// Gzip output is the same for the same bytes: best compression, and no
// name or time in the header.
func encode(w io.Writer, r io.Reader, encoding string) (int64, error) {
	if encoding != "gzip" {
		return io.Copy(w, r)
	}
	gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	n, err := io.Copy(gz, r)
	if cerr := gz.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// countWriter adds what it writes to *n.
type countWriter struct {
	w io.Writer
	n *int64
}

func (c countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// types are the content types gen knows, by extension. text types get
// charset=utf-8 and may be gzipped.
var types = map[string]string{
	".html": "text/html", ".htm": "text/html", ".css": "text/css",
	".js": "text/javascript", ".mjs": "text/javascript",
	".json": "application/json", ".map": "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml", ".txt": "text/plain", ".ics": "text/calendar",
	".svg": "image/svg+xml", ".md": "text/markdown", ".csv": "text/csv",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
	".pdf": "application/pdf", ".zip": "application/zip", ".wasm": "application/wasm",
	".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".mp4": "video/mp4", ".webm": "video/webm",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

var textTypes = []string{
	"text/html", "text/css", "text/javascript", "application/json", "application/manifest+json",
	"application/xml", "text/plain", "text/calendar", "image/svg+xml", "text/markdown", "text/csv",
}

// contentType is the Content-Type of the file at p, whose first bytes are
// head.
func contentType(p string, head []byte) string {
	t, ok := types[strings.ToLower(path.Ext(p))]
	if !ok {
		return http.DetectContentType(head)
	}
	if slices.Contains(textTypes, t) {
		t += "; charset=utf-8"
	}
	return t
}

// isText reports whether a file of type t is text, which gzip shrinks.
func isText(t string) bool {
	base, _, _ := strings.Cut(t, ";")
	return slices.Contains(textTypes, base) || strings.HasPrefix(base, "text/")
}

package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Refused is a destination gen will not write into. Nothing was touched.
// It is said as a diagnostic (Unwrap), in the reader's language with
// package speak.
type Refused struct {
	Dest   string // as the user wrote it
	Reason error  // why, a diagnostic without a place
}

func (e *Refused) Error() string { return e.diagnostic().Error() }

// Unwrap gives the refusal as a diagnostic.
func (e *Refused) Unwrap() []error { return []error{e.diagnostic()} }

func (e *Refused) diagnostic() *diag.Diagnostic {
	return msgRefused.At("", 0, 0, "Dest", e.Dest, "Reason", e.Reason)
}

// ownFolder is why, with the way out that ends most refusals.
func ownFolder(why diag.Message, args ...any) error {
	return msgOwnFolder.At("", 0, 0, "Why", why.At("", 0, 0, args...))
}

// sourceDirs are the site's folders no output may go into.
var sourceDirs = []string{"content", "themes", "i18n", "static", "layouts", "archetypes"}

// Check refuses a destination that is not the site's to fill (see the
// package documentation), before anything is read or written. source is
// the site directory, or "" when the site is not on disk. clean is
// --clean-destination, which a folder gen never wrote into refuses.
func Check(dest, source string, clean bool) error {
	refuse := func(reason error) error { return &Refused{Dest: dest, Reason: reason} }
	d, err := resolve(dest)
	if err != nil {
		return refuse(msgUnreadable.At("", 0, 0, "Err", err))
	}
	if info, err := os.Stat(d); err == nil && !info.IsDir() {
		return refuse(ownFolder(msgIsFile))
	}
	if filepath.Dir(d) == d {
		return refuse(ownFolder(msgDiskTop))
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := resolve(home); err == nil && h == d {
			return refuse(ownFolder(msgHome))
		}
	}
	if source != "" {
		if reason := againstSource(d, source); reason != nil {
			return refuse(reason)
		}
	}
	for _, name := range []string{"site.yaml", "content"} {
		if _, err := os.Lstat(filepath.Join(d, name)); err == nil {
			return refuse(ownFolder(msgLooksLikeSite, "Name", name))
		}
	}
	if clean {
		return checkClean(dest, d)
	}
	return nil
}

// againstSource returns why d, a resolved destination, may not be used
// with the site in source, or nil.
func againstSource(d, source string) error {
	s, err := resolve(source)
	if err != nil {
		return nil
	}
	switch {
	case d == s:
		return ownFolder(msgIsSite)
	case inside(s, d):
		return ownFolder(msgHoldsSite)
	}
	for _, dir := range sourceDirs {
		if sd := filepath.Join(s, dir); d == sd || inside(d, sd) {
			return ownFolder(msgInSource, "Dir", dir)
		}
	}
	return nil
}

// checkClean refuses --clean-destination on a folder that holds files but
// no record of a gen build: everything in it would be someone else's.
func checkClean(dest, d string) error {
	if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(manifestName))); err == nil {
		return nil
	}
	list, err := os.ReadDir(d)
	if err != nil || len(list) == 0 {
		return nil
	}
	return &Refused{Dest: dest, Reason: msgNotMadeByGen.At("", 0, 0, "Manifest", manifestName, "Count", len(list))}
}

// inside reports whether p lies below dir (not at it).
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns p absolute, with every link in the part that exists
// resolved, so that two names of one folder compare equal.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(cur) == cur {
			return "", err
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

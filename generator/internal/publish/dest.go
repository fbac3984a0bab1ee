package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Refused is a destination gen will not write into. Nothing was touched.
type Refused struct {
	Dest   string // as the user wrote it
	Reason string
}

func (e *Refused) Error() string {
	return fmt.Sprintf("--destination %s %s; nothing was changed", e.Dest, e.Reason)
}

// ownFolder ends every refusal: the way out.
const ownFolder = ": name a folder of its own for the site, such as public"

// sourceDirs are the site's folders no output may go into.
var sourceDirs = []string{"content", "themes", "i18n", "static", "layouts", "archetypes"}

// Check refuses a destination that is not the site's to fill (see the
// package documentation), before anything is read or written. source is
// the site directory, or "" when the site is not on disk. clean is
// --clean-destination, which a folder gen never wrote into refuses.
func Check(dest, source string, clean bool) error {
	refuse := func(reason string) error { return &Refused{Dest: dest, Reason: reason} }
	d, err := resolve(dest)
	if err != nil {
		return refuse("cannot be read: " + err.Error())
	}
	if info, err := os.Stat(d); err == nil && !info.IsDir() {
		return refuse("is a file, not a folder" + ownFolder)
	}
	if filepath.Dir(d) == d {
		return refuse("is the top of the disk" + ownFolder)
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := resolve(home); err == nil && h == d {
			return refuse("is your home folder" + ownFolder)
		}
	}
	if source != "" {
		if reason := againstSource(d, source); reason != "" {
			return refuse(reason)
		}
	}
	for _, name := range []string{"site.yaml", "content"} {
		if _, err := os.Lstat(filepath.Join(d, name)); err == nil {
			return refuse("holds " + name + ", so it looks like a site; gen never writes into one" + ownFolder)
		}
	}
	if clean {
		return checkClean(dest, d)
	}
	return nil
}

// againstSource returns why d, a resolved destination, may not be used
// with the site in source, or "".
func againstSource(d, source string) string {
	s, err := resolve(source)
	if err != nil {
		return ""
	}
	switch {
	case d == s:
		return "is the site itself" + ownFolder
	case inside(s, d):
		return "holds the site" + ownFolder
	}
	for _, dir := range sourceDirs {
		if sd := filepath.Join(s, dir); d == sd || inside(d, sd) {
			return "is inside the site's " + dir + "/, where gen reads from" + ownFolder
		}
	}
	return ""
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
	return &Refused{Dest: dest, Reason: fmt.Sprintf("was not made by gen (it has no %s) and holds %d entries gen did not write, so --clean-destination would delete them all: empty the folder yourself, or build once without --clean-destination", manifestName, len(list))}
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

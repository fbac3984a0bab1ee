package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// Check refuses every folder that is not the site's to fill, with a
// message that names it and the way out, and touches nothing.
func TestCheckRefusesFoldersThatAreNotTheSites(t *testing.T) {
	top := t.TempDir()
	src := filepath.Join(top, "site")
	for _, d := range []string{"content/news/x", "themes/default/layouts", "i18n", "static", "layouts"} {
		os.MkdirAll(filepath.Join(src, d), 0o755)
	}
	write(t, filepath.Join(src, "site.yaml"), "baseURL: https://example.org/\n")
	write(t, filepath.Join(top, "other", "site.yaml"), "")
	os.MkdirAll(filepath.Join(top, "old-site", "content"), 0o755)
	home := filepath.Join(top, "home")
	os.MkdirAll(home, 0o755)
	t.Setenv("HOME", home)
	if err := os.Symlink(src, filepath.Join(top, "link-to-site")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(src)

	own := ": name a folder of its own for the site, such as public; nothing was changed"
	for _, c := range []struct{ dest, msg string }{
		{".", "is the site itself" + own},
		{src, "is the site itself" + own},
		{filepath.Join(top, "link-to-site"), "is the site itself" + own},
		{"..", "holds the site" + own},
		{"content", "is inside the site's content/, where gen reads from" + own},
		{"content/news/x/out", "is inside the site's content/, where gen reads from" + own},
		{"themes/default", "is inside the site's themes/, where gen reads from" + own},
		{"i18n", "is inside the site's i18n/, where gen reads from" + own},
		{"static/public", "is inside the site's static/, where gen reads from" + own},
		{"layouts", "is inside the site's layouts/, where gen reads from" + own},
		{"site.yaml", "is a file, not a folder" + own},
		{"/", "is the top of the disk" + own},
		{home, "is your home folder" + own},
		{"../other", "holds site.yaml, so it looks like a site; gen never writes into one" + own},
		{"../old-site", "holds content, so it looks like a site; gen never writes into one" + own},
	} {
		err := Check(c.dest, ".", false)
		if want := "--destination " + c.dest + " " + c.msg; err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", c.dest, err, want)
		}
	}
	for _, ok := range []string{"public", "../public", filepath.Join(top, "new", "deeper"), filepath.Join(home, "site-out")} {
		if err := Check(ok, ".", false); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	if _, err := os.Stat(filepath.Join(top, "new")); !os.IsNotExist(err) {
		t.Error("Check created a folder")
	}
}

package publish

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// needRoot skips a test that needs root (to mount a small disk or act as
// another user), except under CI=true, where CI runs as root and the test
// must run.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("this test needs root (CI runs as root)")
	}
	t.Skip("needs root")
}

// mountDisk mounts a tmpfs of size bytes at a new folder and returns it.
func mountDisk(t *testing.T, size string) string {
	t.Helper()
	needRoot(t)
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("mount a tmpfs: %v", err)
		}
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// The destination is a mount point (a Docker volume): builds work, and a
// full disk leaves the previous site exactly as it was, with no leftovers.
func TestFullDiskOnAMountPoint(t *testing.T) {
	dest := mountDisk(t, "256k")
	mustPublish(t, dest, first, Options{})
	before := tree(t, dest)
	big := site{"index.html": strings.Repeat("x", 512<<10)}
	_, err := publish(t, dest, big, Options{})
	if want := dest + ": the disk is full: nothing was published; the previous site is unchanged"; err == nil || err.Error() != want {
		t.Errorf("full disk: %v\nwant %s", err, want)
	}
	equalTrees(t, "after a full disk", tree(t, dest), before)
	if _, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(stageName))); !errors.Is(err, os.ErrNotExist) {
		t.Error("the stage is left behind")
	}
	mustPublish(t, dest, second, Options{})
	equalTrees(t, "the next build", tree(t, dest), want(second, nil))
}

// A read-only destination says so, and changes nothing.
func TestReadOnlyDestination(t *testing.T) {
	dest := mountDisk(t, "1m")
	mustPublish(t, dest, first, Options{})
	before := tree(t, dest)
	if err := syscall.Mount("", dest, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatal(err)
	}
	_, err := publish(t, dest, second, Options{})
	if want := dest + ": the folder is on a read-only disk: nothing was published; the previous site is unchanged"; err == nil || err.Error() != want {
		t.Errorf("read-only: %v\nwant %s", err, want)
	}
	equalTrees(t, "read-only", tree(t, dest), before)
}

const nobody = 65534

// openDir makes a folder that another user can reach: in the temporary
// folder, or in /tmp when TMPDIR is closed to others (mktemp -d makes it
// so).
func openDir(t *testing.T) string {
	t.Helper()
	parent := os.TempDir()
	if st, err := os.Stat(parent); err != nil || st.Mode().Perm()&0o001 == 0 {
		parent = "/tmp"
	}
	dir, err := os.MkdirTemp(parent, "gen-publish-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// asNobody runs the named command as user nobody, with env added to the
// environment, and returns its output.
func asNobody(t *testing.T, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// A web server running as another user can read the whole site.
func TestAnotherUserCanReadTheSite(t *testing.T) {
	needRoot(t)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dest := filepath.Join(openDir(t), "public")
	mustPublish(t, dest, first, Options{})
	for _, p := range []string{"index.html", "ru/news/x/index.html", "ru/news/x/photo.jpg"} {
		out, err := asNobody(t, nil, "cat", filepath.Join(dest, p))
		if err != nil {
			t.Errorf("nobody cannot read %s: %v %s", p, err, out)
		}
	}
}

// Run by a user who cannot remove an old file, a build says the new site
// is published (it is) and which file stayed.
func TestUserWhoCannotRemoveTheOldOutput(t *testing.T) {
	needRoot(t)
	dir := openDir(t)
	dest := filepath.Join(dir, "public")
	mustPublish(t, dest, first, Options{})
	// nobody runs a copy of this test binary, where nobody may run it.
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	helper := filepath.Join(dir, "publish.test")
	if err := os.WriteFile(helper, self, 0o755); err != nil {
		t.Fatal(err)
	}
	// The build runs as nobody, who owns everything but ru/news/y.
	err = filepath.Walk(dest, func(p string, info os.FileInfo, err error) error {
		if err != nil || strings.Contains(p, filepath.Join("ru", "news", "y")) {
			return err
		}
		return os.Lchown(p, nobody, nobody)
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := asNobody(t, []string{"GEN_PUBLISH_DEST=" + dest}, helper, "-test.run=^TestHelperPublishSecond$")
	want := dest + ": the new site is published, but 1 file of the last build, no longer part of the site, could not be removed (permission denied): ru/news/y/index.html; the next build tries again"
	if err == nil || !strings.Contains(out, want) {
		t.Errorf("as nobody: %v\n%s\nwant %s", err, out, want)
	}
	got := tree(t, dest)
	if got["index.html"] != "root, new" || got["en/news/x/index.html"] != "news" {
		t.Errorf("the new site is not in place: %v", got)
	}
}

// TestHelperPublishSecond publishes second into GEN_PUBLISH_DEST, for
// tests that run it as another user.
func TestHelperPublishSecond(t *testing.T) {
	dest := os.Getenv("GEN_PUBLISH_DEST")
	if dest == "" {
		t.Skip("a helper of TestUserWhoCannotRemoveTheOldOutput")
	}
	if _, err := publish(t, dest, second, Options{}); err != nil {
		t.Fatal(err)
	}
}

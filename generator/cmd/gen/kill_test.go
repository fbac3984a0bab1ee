//go:build unix

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/publish"
)

// goBuild builds gen without the race detector (a 1,000-release build
// under it takes ten times as long) and returns the binary.
func goBuild(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "gen")
	cmd := exec.Command(goCmd, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// memDir is a new folder in memory (/dev/shm) where there is one, else on
// the disk: the test is about the order of steps, and the disk would make
// it take minutes.
func memDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("/dev/shm", "gen-kill-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// siteTree is every file of a built site but gen's own .gen folder.
func siteTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := tree(t, dir)
	for k := range m {
		if strings.HasPrefix(k, ".gen/") {
			delete(m, k)
		}
	}
	return m
}

// readManifest is gen's record of what it wrote in dir.
func readManifest(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ".gen", "manifest"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// A build killed at any moment, by SIGKILL, SIGTERM or SIGINT, leaves the
// destination holding the previous site or the new one, exactly, files and
// manifest; a kill after the commit point is finished by the next run, and
// nothing piles up.
func TestKilledBuildsLeaveTheOldSiteOrTheNew(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-release site two dozen times")
	}
	bin := goBuild(t)
	work := memDir(t)
	srcs := [2]string{filepath.Join(work, "a"), filepath.Join(work, "b")}
	refs := [2]map[string]string{}
	manifests := [2]string{}
	var took time.Duration
	for i, src := range srcs {
		if err := benchsite.Write(src, 1000, int64(i+1)); err != nil {
			t.Fatal(err)
		}
		ref := filepath.Join(work, fmt.Sprintf("ref%d", i))
		start := time.Now()
		if out, err := exec.Command(bin, "build", "--source", src, "--destination", ref, "--now", "2024-06-01", "--quiet").CombinedOutput(); err != nil {
			t.Fatalf("reference build: %v\n%s", err, out)
		}
		took = max(took, time.Since(start))
		refs[i] = siteTree(t, ref)
		manifests[i] = readManifest(t, ref)
	}
	dest := filepath.Join(work, "out", "public")
	if out, err := exec.Command(bin, "build", "--source", srcs[0], "--destination", dest, "--now", "2024-06-01", "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	cur := 0
	outcomes := map[string]int{}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		next := 1 - cur
		sig := []os.Signal{syscall.SIGKILL, syscall.SIGKILL, syscall.SIGKILL, syscall.SIGTERM, os.Interrupt}[trial%5]
		// Half the kills fall anywhere, half near the end, where the
		// files move into place.
		delay := time.Duration(rng.Int64N(int64(took)))
		if trial%2 == 1 {
			delay = took*7/10 + time.Duration(rng.Int64N(int64(took*4/10)))
		}
		cmd := exec.Command(bin, "build", "--source", srcs[next], "--destination", dest, "--now", "2024-06-01", "--quiet")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		timer := time.AfterFunc(delay, func() { cmd.Process.Signal(sig) })
		err := cmd.Wait()
		timer.Stop()
		what := fmt.Sprintf("trial %d: %v after %v", trial, sig, delay)
		journal := exists(filepath.Join(dest, ".gen", "journal"))
		if sig != syscall.SIGKILL && err != nil && !cmd.ProcessState.Sys().(syscall.WaitStatus).Signaled() {
			// Stopped by the signal it handles (not so early that the
			// handler was not yet in place): it tidies up and says so.
			if journal || exists(filepath.Join(dest, ".gen", "stage")) {
				t.Errorf("%s: a stopped build left its stage or journal behind", what)
			}
			if want := "gen build: stopped: nothing was published; the previous site in " + dest + " is unchanged\n"; stderr.String() != want {
				t.Errorf("%s: stderr %q, want %q", what, stderr.String(), want)
			}
		}
		if journal {
			// Killed between the commit point and the end: the next run
			// finishes it. Begin does that first of all.
			s, err := publish.Begin(dest, nil, publish.Options{})
			if err != nil {
				t.Fatalf("%s: recovery: %v", what, err)
			}
			s.Abort()
			if d := diffTrees(refs[next], siteTree(t, dest)); len(d) > 0 {
				t.Fatalf("%s: after recovery the site differs from the new one in %d files: %v", what, len(d), d[:min(5, len(d))])
			}
			if readManifest(t, dest) != manifests[next] {
				t.Fatalf("%s: after recovery the manifest is not the new site's", what)
			}
			outcomes["new, finished by the next run"]++
			cur = next
			continue
		}
		got, manifest := siteTree(t, dest), readManifest(t, dest)
		switch {
		case len(diffTrees(refs[cur], got)) == 0 && manifest == manifests[cur]:
			outcomes["old"]++
		case len(diffTrees(refs[next], got)) == 0 && manifest == manifests[next]:
			outcomes["new"]++
			cur = next
		default:
			d := diffTrees(refs[cur], got)
			t.Fatalf("%s: the destination is neither site: %d files differ from the old one, e.g. %v", what, len(d), d[:min(5, len(d))])
		}
	}
	t.Logf("outcomes of 20 interrupted builds: %v", outcomes)
	if out, err := exec.Command(bin, "build", "--source", srcs[0], "--destination", dest, "--now", "2024-06-01", "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, out)
	}
	if d := diffTrees(refs[0], siteTree(t, dest)); len(d) > 0 {
		t.Errorf("the last build differs from the reference in %v", d[:min(5, len(d))])
	}
	state, _ := os.ReadDir(filepath.Join(dest, ".gen"))
	beside, _ := os.ReadDir(filepath.Dir(dest))
	if len(state) == 3 && state[2].Name() == "stamps" {
		state = state[:2] // the stamps of the copied files, kept for the next build
	}
	if len(state) != 2 || len(beside) != 1 {
		t.Errorf("left behind: %v in .gen, %v beside the destination", state, beside)
	}
}

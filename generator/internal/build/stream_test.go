package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// A build to disk streams pages out as they are rendered: the result holds
// no page in memory, and the disk holds exactly what an in-memory build
// gives, byte for byte, with nothing else beside it.
func TestBuildToDiskStreamsEveryFile(t *testing.T) {
	mem, err := build.Run(context.Background(), build.Options{Source: sitetest.Root(t), Now: sampleNow, Images: sitetest.Pictures()})
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	disk, err := build.Run(context.Background(), build.Options{Source: sitetest.Root(t), Destination: dest, Now: sampleNow, Images: sitetest.Pictures()})
	if err != nil {
		t.Fatal(err)
	}
	if len(disk.Files) != len(mem.Files) {
		t.Fatalf("%d files written, %d in memory", len(disk.Files), len(mem.Files))
	}
	for i, f := range disk.Files {
		if f.Bytes != nil {
			t.Errorf("%s: still held in memory after it was written", f.Path)
		}
		if f.Path != mem.Files[i].Path {
			t.Fatalf("file %d is %s on disk, %s in memory", i, f.Path, mem.Files[i].Path)
		}
	}
	onDisk := 0
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(dest, ".gen") {
			return fs.SkipDir // gen's record of what it wrote
		}
		if err != nil || d.IsDir() {
			return err
		}
		onDisk++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if onDisk != len(mem.Files) {
		t.Errorf("%d files on disk, want %d", onDisk, len(mem.Files))
	}
	for _, f := range mem.Files {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Error(err)
			continue
		}
		want := f.Bytes
		switch {
		case f.Src != "":
			want, err = os.ReadFile(filepath.Join(sitetest.Root(t), filepath.FromSlash(f.Src)))
		case f.Disk != "": // a picture, in the picture cache
			want, err = os.ReadFile(f.Disk)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs on disk from the in-memory build", f.Path)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("beside the output: %d entries, want only public/ (no staging left)", len(entries))
	}
	var state []string
	entries, _ = os.ReadDir(filepath.Join(dest, ".gen"))
	for _, e := range entries {
		state = append(state, e.Name())
	}
	if !slices.Equal(state, []string{"lock", "manifest"}) && !slices.Equal(state, []string{"lock", "manifest", "stamps"}) {
		t.Errorf("public/.gen holds %v, want only the lock, the manifest and the stamps (no stage, no journal)", state)
	}
}

// Options.Log (gen build --verbose) gets one line per stage, in order.
func TestLogTimesEveryStage(t *testing.T) {
	var log bytes.Buffer
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: sitetest.Root(t), Destination: dest, Now: sampleNow, Images: sitetest.Pictures(), Log: &log}); err != nil {
		t.Fatal(err)
	}
	var stages []string
	for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || f[2] != "ms" {
			t.Errorf("line %q does not read: stage, time, ms, what", line)
			continue
		}
		stages = append(stages, f[0])
	}
	want := []string{"setup", "content", "site", "pictures", "render", "outputs", "rules", "publish"}
	if !slices.Equal(stages, want) {
		t.Errorf("stages %v, want %v", stages, want)
	}
	if !strings.Contains(log.String(), "files in "+dest) {
		t.Errorf("the publish line does not name the destination:\n%s", log.String())
	}
}

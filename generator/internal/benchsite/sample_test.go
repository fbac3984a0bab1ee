package benchsite_test

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// The sample site's drawn pictures are the ones SamplePictures draws
// ("genbench samplepics" writes them): byte for byte on amd64, where they
// were made; elsewhere a compiler may fuse floating-point operations
// differently, so the size alone is compared. At least one is a large,
// camera-sized photo, and none is big enough to bloat the repository.
func TestSamplePicturesAreCommitted(t *testing.T) {
	repo, err := benchsite.FindRepo()
	if err != nil {
		t.Fatal(err)
	}
	pics, err := benchsite.SamplePictures()
	if err != nil {
		t.Fatal(err)
	}
	large, total := false, 0
	for name, want := range pics {
		got, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%v: run go run ./generator/cmd/genbench samplepics", err)
			continue
		}
		total += len(got)
		g, _, err := image.DecodeConfig(bytes.NewReader(got))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		w, _, _ := image.DecodeConfig(bytes.NewReader(want))
		if g != w {
			t.Errorf("%s is %d × %d, SamplePictures draws %d × %d", name, g.Width, g.Height, w.Width, w.Height)
		}
		if runtime.GOARCH == "amd64" && !bytes.Equal(got, want) {
			t.Errorf("%s is not what SamplePictures draws: run go run ./generator/cmd/genbench samplepics", name)
		}
		large = large || g.Width*g.Height >= 10_000_000
	}
	if !large {
		t.Error("no picture of at least 10 megapixels")
	}
	if total > 3<<20 {
		t.Errorf("the drawn pictures weigh %d bytes, more than 3 MiB", total)
	}
}

package images_test

import (
	"bytes"
	"context"
	"image"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

// One 4000 × 3000 camera photo, from the JPEG to its 8 files (4 widths
// × WebP and JPEG), without a cache: the cost of a cold build per photo.
//
//	go test -run '^$' -bench ProcessPhoto -benchtime 5x ./generator/internal/images/
func BenchmarkProcessPhoto(b *testing.B) {
	photo := benchsite.Photo{Width: 4000, Height: 3000, Seed: 1, Private: true}.JPEG()
	fsys := fstest.MapFS{"content/x/a.jpg": {Data: photo, ModTime: time.Unix(1, 0)}}
	jobs := []images.Job{{Src: "content/x/a.jpg", Dir: "images/x/", URLDir: "/images/x/"}}
	images.NewCache("").Process(context.Background(), fsys, jobs, images.Options{Settings: defaults}) // the encoder's one-time start
	b.ResetTimer()
	for range b.N {
		if _, fails, err := images.NewCache("").Process(context.Background(), fsys, jobs, images.Options{Settings: defaults}); err != nil || len(fails) > 0 {
			b.Fatal(err, fails)
		}
	}
}

// The same photo from a warm cache folder: what a rebuild pays.
func BenchmarkProcessPhotoWarm(b *testing.B) {
	photo := benchsite.Photo{Width: 4000, Height: 3000, Seed: 1, Private: true}.JPEG()
	fsys := fstest.MapFS{"content/x/a.jpg": {Data: photo}}
	jobs := []images.Job{{Src: "content/x/a.jpg", Dir: "images/x/", URLDir: "/images/x/"}}
	dir := b.TempDir()
	images.NewCache(dir).Process(context.Background(), fsys, jobs, images.Options{Settings: defaults})
	b.ResetTimer()
	for range b.N {
		c := images.NewCache(dir)
		c.Process(context.Background(), fsys, jobs, images.Options{Settings: defaults})
		if c.Work() != (images.Work{}) {
			b.Fatal("work done from a warm cache")
		}
	}
}

// github.com/gen2brain/webp (libwebp in WebAssembly) on a 1600 × 1200
// photo at quality 75, the encoder gen uses for every WebP.
func BenchmarkWebPEncode1600(b *testing.B) {
	src := benchsite.Photo{Width: 1600, Height: 1200, Seed: 1}.Image()
	webp.Encode(&bytes.Buffer{}, src, webp.Options{Quality: 75, Method: webp.DefaultMethod})
	b.ResetTimer()
	for range b.N {
		var out bytes.Buffer
		if err := webp.Encode(&out, src, webp.Options{Quality: 75, Method: webp.DefaultMethod}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(out.Len())/1024, "KiB")
	}
}

// Catmull-Rom (golang.org/x/image/draw) from 4000 × 3000 to 1600 × 1200.
func BenchmarkResize4000To1600(b *testing.B) {
	src := benchsite.Photo{Width: 4000, Height: 3000, Seed: 1}.Image()
	dst := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	b.ResetTimer()
	for range b.N {
		draw.CatmullRom.Scale(dst, dst.Rect, src, src.Rect, draw.Src, nil)
	}
}

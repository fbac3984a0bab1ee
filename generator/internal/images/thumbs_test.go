package images_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/images"
)

// thumbOf makes one picture from data as a lead picture, with its
// thumbnail, in memory.
func thumbOf(t *testing.T, c *images.Cache, name string, data []byte) *images.Picture {
	t.Helper()
	src := "content/news/x/" + name
	fsys := fstest.MapFS{src: {Data: data, ModTime: time.Unix(1, 0)}}
	job := images.Job{Src: src, Dir: "images/news/x/", URLDir: "/press/images/news/x/", Thumb: true}
	pics, fails, err := c.Process(context.Background(), fsys, []images.Job{job}, images.Options{Settings: defaults})
	if err != nil || len(fails) > 0 {
		t.Fatal(err, fails)
	}
	return pics[src]
}

func thumbWidths(p *images.Picture) string {
	var out []string
	for _, v := range p.Thumbs {
		out = append(out, itoa(v.Width)+"x"+itoa(v.Height)+" "+v.Path)
	}
	return strings.Join(out, ", ")
}

// A lead picture gets a thumbnail at 320 and 640 pixels, WebP and
// fallback, beside its page widths, which stay as they are; every file is
// published once.
func TestThumbnailBesideThePageWidths(t *testing.T) {
	c := images.NewCache("")
	pic := thumbOf(t, c, "hall.jpg", benchsite.Photo{Width: 1000, Height: 750, Seed: 3}.JPEG())
	if got := widths(pic); got != "480 480 800 800" {
		t.Errorf("page widths %s", got)
	}
	want := "320x240 images/news/x/hall-320.webp, 320x240 images/news/x/hall-320.jpg, 640x480 images/news/x/hall-640.webp, 640x480 images/news/x/hall-640.jpg"
	if got := thumbWidths(pic); got != want {
		t.Errorf("thumbnail:\n%s\nwant:\n%s", got, want)
	}
	for _, v := range pic.Thumbs {
		if len(v.Bytes) == 0 {
			t.Errorf("%s is empty", v.Path)
		}
	}
	if n := len(pic.Files()); n != 8 {
		t.Errorf("%d files, want 8", n)
	}
	html := pic.ThumbHTML(`Hall & "pavilion"`, "8rem")
	for _, part := range []string{
		`<picture><source type="image/webp" srcset="/press/images/news/x/hall-320.webp 320w, /press/images/news/x/hall-640.webp 640w" sizes="8rem">`,
		`<img src="/press/images/news/x/hall-320.jpg" srcset="/press/images/news/x/hall-320.jpg 320w, /press/images/news/x/hall-640.jpg 640w" sizes="8rem" width="320" height="240" alt="Hall &amp; &#34;pavilion&#34;" loading="lazy" decoding="async"></picture>`,
	} {
		if !strings.Contains(html, part) {
			t.Errorf("thumbnail markup lacks\n%s\nin\n%s", part, html)
		}
	}
	// A picture without a thumbnail has no thumbnail markup.
	plain, _ := process(t, c, "plain.jpg", benchsite.Photo{Width: 1000, Height: 750, Seed: 3}.JPEG(), defaults)
	if len(plain.Thumbs) != 0 || plain.ThumbHTML("x", "8rem") != "" {
		t.Errorf("a picture made without a thumbnail has one: %v", plain.Thumbs)
	}
}

// A picture narrower than 640 pixels gets the thumbnail widths it reaches,
// one narrower than 320 its own width, shared with its page files.
func TestThumbnailOfASmallPicture(t *testing.T) {
	c := images.NewCache("")
	pic := thumbOf(t, c, "mid.png", pngOf(500, 250, false))
	if got, want := thumbWidths(pic), "320x160 images/news/x/mid-320.webp, 320x160 images/news/x/mid-320.png"; got != want {
		t.Errorf("500 wide: thumbnail %s, want %s", got, want)
	}
	if got := widths(pic); got != "480 480" {
		t.Errorf("500 wide: page widths %s", got)
	}
	pic = thumbOf(t, c, "small.png", pngOf(200, 100, false))
	if got, want := thumbWidths(pic), "200x100 images/news/x/small-200.webp, 200x100 images/news/x/small-200.png"; got != want {
		t.Errorf("200 wide: thumbnail %s, want %s", got, want)
	}
	if got := widths(pic); got != "200 200" || len(pic.Files()) != 2 {
		t.Errorf("200 wide: page widths %s, %d files", got, len(pic.Files()))
	}
}

// A thumbnail is the same bytes on every run, and the page files of a
// lead picture are those of the same picture made without a thumbnail.
func TestThumbnailIsDeterministic(t *testing.T) {
	photo := benchsite.Photo{Width: 1300, Height: 900, Seed: 11, Orientation: 8}.JPEG()
	a, b := thumbOf(t, images.NewCache(""), "a.jpg", photo), thumbOf(t, images.NewCache(""), "a.jpg", photo)
	for i := range a.Thumbs {
		if !bytes.Equal(a.Thumbs[i].Bytes, b.Thumbs[i].Bytes) {
			t.Errorf("%s differs between runs", a.Thumbs[i].Path)
		}
	}
	plain, _ := process(t, images.NewCache(""), "a.jpg", photo, defaults)
	for i := range plain.Variants {
		if !bytes.Equal(plain.Variants[i].Bytes, a.Variants[i].Bytes) {
			t.Errorf("%s differs with a thumbnail", plain.Variants[i].Path)
		}
	}
}

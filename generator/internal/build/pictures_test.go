package build_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// photoSite is a release in three languages whose lead image is a camera
// photo (stored sideways, orientation 6, with the GPS position and the
// camera's serial number), which every language also shows in its body.
const photoSite = sitetest.Config + `-- content/news/expo/index.zh.md --
---
title: 博览会
date: 2024-05-17
image:
  src: photo.jpg
  alt: 展馆
---
开幕。

![代表团](photo.jpg "合影")

[下载](photo.jpg)
-- content/news/expo/index.ru.md --
---
title: Выставка
image: {alt: Павильон}
---
Открылась.

![Делегация](photo.jpg)
-- content/news/expo/index.en.md --
---
title: Expo
image: {alt: Pavilion}
---
Opened.

![Delegation](photo.jpg)
-- content/news/expo/notes.pdf --
%PDF-1.4
`

// withPhoto adds the photo, 1700 × 1200 as stored, 1200 × 1700 upright.
func withPhoto(s *sitetest.Site) *sitetest.Site {
	s.FS["content/news/expo/photo.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1700, Height: 1200, Seed: 9, Orientation: 6, Private: true}.JPEG()}
	return s
}

// One copy for every language, at every width up to the photo's own, with
// srcset, sizes, width and height; the lead image first, the rest lazily;
// nothing of the camera file published. As the lead picture of a release
// it has a thumbnail too, at 320 and 640 pixels.
func TestPicturesAreSharedResponsiveAndPrivate(t *testing.T) {
	s := withPhoto(sitetest.New(t, photoSite)).Build(build.Options{}).OK()
	var pictures []string
	for name, data := range s.Files {
		if strings.HasPrefix(name, "images/") {
			pictures = append(pictures, name)
			if bytes.Contains(data, []byte("SN-4417")) || bytes.Contains(data, []byte("Harbin Optics")) {
				t.Errorf("%s keeps the camera's details", name)
			}
		}
		if strings.HasSuffix(name, "photo.jpg") {
			t.Errorf("the camera file is published at %s", name)
		}
	}
	want := []string{"320.jpg", "320.webp", "480.jpg", "480.webp", "640.jpg", "640.webp", "800.jpg", "800.webp", "1200.jpg", "1200.webp", "share.jpg"}
	if len(pictures) != len(want) {
		t.Errorf("picture files %v, want photo-{%s} once", pictures, strings.Join(want, ","))
	}
	for _, w := range want {
		s.File("images/news/expo/photo-" + w)
	}
	// Other bundle files are still beside each language's page.
	s.File("zh/news/expo/notes.pdf")
	s.File("en/news/expo/notes.pdf")

	const webp = `<source type="image/webp" srcset="/images/news/expo/photo-480.webp 480w, /images/news/expo/photo-800.webp 800w, /images/news/expo/photo-1200.webp 1200w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)">`
	const jpegs = `srcset="/images/news/expo/photo-480.jpg 480w, /images/news/expo/photo-800.jpg 800w, /images/news/expo/photo-1200.jpg 1200w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)" width="1200" height="1700"`
	for lang, alt := range map[string]string{"zh": "展馆", "ru": "Павильон", "en": "Pavilion"} {
		page := lang + "/news/expo/index.html"
		s.Assert(page,
			`<figure class="lead-image">`+"\n"+`<picture>`+webp+`<img src="/images/news/expo/photo-800.jpg" `+jpegs+` alt="`+alt+`" fetchpriority="high"></picture>`,
			`<meta property="og:image" content="https://news.example.org/images/news/expo/photo-share.jpg">`,
			`<meta property="og:image:width" content="1200">`,
			`<meta property="og:image:height" content="630">`,
			`<meta property="og:image:alt" content="`+alt+`">`,
			`<meta name="twitter:image" content="https://news.example.org/images/news/expo/photo-share.jpg">`,
		)
		if n := strings.Count(s.File(page), `loading="lazy" decoding="async"></picture>`); n != 1 {
			t.Errorf("%s: %d lazy pictures in the body, want 1", page, n)
		}
	}
	s.Assert("zh/news/expo/index.html",
		`<img src="/images/news/expo/photo-800.jpg" `+jpegs+` alt="代表团" title="合影" loading="lazy" decoding="async"></picture>`,
		// A link to the picture leads to its widest file.
		`<a href="/images/news/expo/photo-1200.jpg">下载</a>`,
	)
}

// The original is published when front matter or site.yaml asks for it,
// byte for byte, once.
func TestOriginalOnlyWhenAsked(t *testing.T) {
	s := withPhoto(sitetest.New(t, strings.Replace(photoSite, "  alt: 展馆\n", "  alt: 展馆\n  original: true\n", 1))).Build(build.Options{}).OK()
	if !bytes.Equal([]byte(s.File("images/news/expo/photo.jpg")), s.FS["content/news/expo/photo.jpg"].Data) {
		t.Error("the published original is not the file")
	}
	s.Assert("zh/news/expo/index.html", `<a href="/images/news/expo/photo.jpg">下载</a>`)

	s = withPhoto(sitetest.New(t, strings.Replace(photoSite, "timeZone:", "images: {original: true, widths: [300, 600]}\ntimeZone:", 1))).Build(build.Options{}).OK()
	s.File("images/news/expo/photo.jpg")
	s.File("images/news/expo/photo-300.webp")
	s.File("images/news/expo/photo-600.jpg")
	s.Missing("images/news/expo/photo-480.webp", "images/news/expo/photo-800.jpg")
}

// A warm cache folder makes a rebuild in a new process do no picture work
// at all, and give the same files.
func TestRebuildWithAWarmCacheDoesNoPictureWork(t *testing.T) {
	dir := t.TempDir()
	cold := images.NewCache(dir)
	first := withPhoto(sitetest.New(t, photoSite)).Build(build.Options{Images: cold}).OK()
	if w := cold.Work(); w.Decoded != 1 || w.Encoded != 11 {
		t.Errorf("cold build: %+v, want 1 picture decoded, 11 files encoded (6 for pages, 4 for the thumbnail, the share picture)", w)
	}
	warm := images.NewCache(dir)
	second := withPhoto(sitetest.New(t, photoSite)).Build(build.Options{Images: warm}).OK()
	if w := warm.Work(); w != (images.Work{}) {
		t.Errorf("warm build: %+v, want no decoding or encoding", w)
	}
	for name, data := range first.Files {
		if !bytes.Equal(second.Files[name], data) {
			t.Errorf("%s differs after a warm build", name)
		}
	}
}

// A decompression bomb and a cut JPEG fail the build with the file and
// line that name them, in plain words, and nothing is published.
func TestBadPicturesAreErrorsAtTheirLines(t *testing.T) {
	site := sitetest.Config + `-- content/news/bad/index.zh.md --
---
title: 坏图
date: 2024-05-17
image: {src: bomb.png, alt: 炸弹}
---
正文。

![截断](cut.jpg)
-- content/news/bad/index.en.md --
---
title: Bad
image: {alt: Bomb}
---
![Cut](cut.jpg)
`
	s := sitetest.New(t, site)
	s.FS["content/news/bad/bomb.png"] = &fstest.MapFile{Data: pngBomb(30000, 30000)}
	photo := benchsite.Photo{Width: 640, Height: 480, Seed: 2}.JPEG()
	s.FS["content/news/bad/cut.jpg"] = &fstest.MapFile{Data: photo[:len(photo)*2/3]}
	s.Build(build.Options{})
	if s.Err == nil {
		t.Fatal("the build succeeded")
	}
	got := regexp.MustCompile(`\(invalid JPEG format: [^)]*\)|\(unexpected EOF\)`).ReplaceAllString(s.Err.Error(), "(…)")
	want := strings.Join([]string{
		"content/news/bad/index.en.md:5:1: picture content/news/bad/cut.jpg cannot be read as JPEG (…): the file is damaged or cut short; export it again",
		"content/news/bad/index.zh.md:4:14: picture content/news/bad/bomb.png is 30000 × 30000 pixels (900 megapixels); gen reads pictures of up to 100 megapixels: make it smaller, or raise images.maxPixels in site.yaml",
		"content/news/bad/index.zh.md:8:1: picture content/news/bad/cut.jpg cannot be read as JPEG (…): the file is damaged or cut short; export it again",
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	// The same errors in the reader's language, Russian here.
	got = regexp.MustCompile(`\(invalid JPEG format: [^)]*\)|\(unexpected EOF\)`).ReplaceAllString(speak.New("ru").Error(s.Err), "(…)")
	want = strings.Join([]string{
		"content/news/bad/index.en.md:5:1: картинку content/news/bad/cut.jpg не удаётся прочитать как JPEG (…): файл повреждён или обрезан; экспортируйте её заново",
		"content/news/bad/index.zh.md:4:14: картинка content/news/bad/bomb.png слишком большая: 30000 × 30000 (900 Мп), а gen читает картинки до 100 Мп: уменьшите её или увеличьте images.maxPixels в site.yaml",
		"content/news/bad/index.zh.md:8:1: картинку content/news/bad/cut.jpg не удаётся прочитать как JPEG (…): файл повреждён или обрезан; экспортируйте её заново",
	}, "\n")
	if got != want {
		t.Errorf("in Russian:\n%s\nwant:\n%s", got, want)
	}
}

// pngBomb is a PNG whose header claims w × h pixels over a few bytes of
// data.
func pngBomb(w, h int) []byte {
	chunk := func(typ string, body []byte) []byte {
		out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
		out = append(append(out, typ...), body...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), body...)))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, uint32(w)), uint32(h))
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", ihdr)...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, chunk("IEND", nil)...)
}

// Published from the cache folder, pictures are written once: a second
// build into the same destination writes nothing, and a new photo only
// its own files.
func TestPublishWritesOnlyChangedPictures(t *testing.T) {
	dir := withPhoto(sitetest.New(t, photoSite)).OnDisk()
	cache := images.NewCache(t.TempDir())
	dest := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: dir, Destination: dest, Now: sitetest.Now, Images: cache}
	first, err := build.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Published.Written == 0 {
		t.Fatal("nothing written")
	}
	for _, f := range first.Files {
		if strings.HasPrefix(f.Path, "images/") && f.Disk == "" {
			t.Errorf("%s is not streamed from the cache folder", f.Path)
		}
	}
	again, err := build.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Published.Written != 0 {
		t.Errorf("the second build wrote %d files, want none", again.Published.Written)
	}
	os.WriteFile(filepath.Join(dir, "content", "news", "expo", "photo.jpg"), benchsite.Photo{Width: 1700, Height: 1200, Seed: 10, Orientation: 6}.JPEG(), 0o644)
	third, err := build.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if third.Published.Written != 11 {
		t.Errorf("a new photo: %d files written, want its 11", third.Published.Written)
	}
}

// A picture file over images.maxBytes is a warning at every place that
// shows it, naming the file and its size; the site is still published.
func TestPictureOverTheSizeLimitIsAWarning(t *testing.T) {
	s := withPhoto(sitetest.New(t, strings.Replace(photoSite, "timeZone:", "images: {maxBytes: 2000000}\ntimeZone:", 1)))
	// 2.5 MB: the photo, then bytes that JPEG readers leave after its end.
	photo := s.FS["content/news/expo/photo.jpg"]
	photo.Data = append(photo.Data, make([]byte, 2_500_000-len(photo.Data))...)
	s.Build(build.Options{}).OK()
	msg := "warning: picture content/news/expo/photo.jpg is 2.5 MB, more than images.maxBytes (2 MB): export it smaller (a photo for the web needs a few MB at most), or raise images.maxBytes in site.yaml"
	var got []string
	for _, w := range s.Result.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		"content/news/expo/index.en.md:7:1: " + msg,
		"content/news/expo/index.ru.md:7:1: " + msg,
		"content/news/expo/index.zh.md:5:8: " + msg,
		"content/news/expo/index.zh.md:10:1: " + msg,
		"content/news/expo/index.zh.md:12:1: " + msg,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// In the reader's language: the sizes too.
	said := map[string]string{
		"ru": "content/news/expo/index.en.md:7:1: предупреждение: картинка content/news/expo/photo.jpg весит 2.5 МБ, больше images.maxBytes (2 МБ): ",
		"zh": "content/news/expo/index.en.md:7:1: 警告：图片 content/news/expo/photo.jpg 有 2.5 MB，超过 images.maxBytes（2 MB）：",
	}
	for lang, want := range said {
		if got := speak.New(lang).Line(s.Result.Warnings[0]); !strings.HasPrefix(got, want) {
			t.Errorf("in %s: %s\nwant %s…", lang, got, want)
		}
	}
	s.File("images/news/expo/photo-480.webp")

	// Under the default limit, 20 MB, the same photo is no warning.
	if s = withPhoto(sitetest.New(t, photoSite)).Build(build.Options{}).OK(); len(s.Result.Warnings) != 0 {
		t.Errorf("warnings under the default limit: %v", s.Result.Warnings)
	}
}

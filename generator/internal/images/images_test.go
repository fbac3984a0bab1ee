package images_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bep/imagemeta"
	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/speak"
	xwebp "golang.org/x/image/webp"
)

var defaults = images.SettingsOf(&config.Site{})

// process makes one picture from data with settings s, in memory.
func process(t *testing.T, c *images.Cache, name string, data []byte, s images.Settings) (*images.Picture, []*images.Failure) {
	t.Helper()
	fsys := fstest.MapFS{"content/news/x/" + name: {Data: data, ModTime: time.Unix(1, 0)}}
	pics, fails, err := c.Process(context.Background(), fsys, []images.Job{{Src: "content/news/x/" + name, Dir: "images/news/x/", URLDir: "/images/news/x/"}}, images.Options{Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	return pics["content/news/x/"+name], fails
}

func contentOf(t *testing.T, v images.Variant) []byte {
	t.Helper()
	if v.Disk != "" {
		data, err := os.ReadFile(v.Disk)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	return v.Bytes
}

// A camera photo of 4000 × 3000 with the GPS position, the camera's serial
// number and orientation 6 (a portrait photo stored sideways) comes out at
// every width, upright, with no metadata at all.
func TestCameraPhotoComesOutUprightAndPrivate(t *testing.T) {
	photo := benchsite.Photo{Width: 4000, Height: 3000, Seed: 7, Orientation: 6, Private: true, Artist: "Li Wei", Copyright: "Xinhua", Marker: true}.JPEG()
	for _, secret := range []string{"SN-4417-2093-77", "Harbin Optics", "Li Wei"} {
		if !bytes.Contains(photo, []byte(secret)) {
			t.Fatalf("the test photo lacks %q", secret)
		}
	}
	if lat := gpsOf(t, photo, imagemeta.JPEG); lat == "" {
		t.Fatal("the test photo has no GPS position to remove")
	}
	pic, fails := process(t, images.NewCache(""), "hall.jpg", photo, defaults)
	if len(fails) > 0 {
		t.Fatal(fails[0])
	}
	if pic.Width != 3000 || pic.Height != 4000 {
		t.Errorf("upright size %d × %d, want 3000 × 4000", pic.Width, pic.Height)
	}
	want := []struct {
		w, h int
		typ  string
		path string
	}{
		{480, 640, "image/webp", "images/news/x/hall-480.webp"}, {480, 640, "image/jpeg", "images/news/x/hall-480.jpg"},
		{800, 1067, "image/webp", "images/news/x/hall-800.webp"}, {800, 1067, "image/jpeg", "images/news/x/hall-800.jpg"},
		{1200, 1600, "image/webp", "images/news/x/hall-1200.webp"}, {1200, 1600, "image/jpeg", "images/news/x/hall-1200.jpg"},
		{1600, 2133, "image/webp", "images/news/x/hall-1600.webp"}, {1600, 2133, "image/jpeg", "images/news/x/hall-1600.jpg"},
	}
	if len(pic.Variants) != len(want) {
		t.Fatalf("%d files, want %d", len(pic.Variants), len(want))
	}
	for i, w := range want {
		v := pic.Variants[i]
		if v.Width != w.w || v.Height != w.h || v.Type != w.typ || v.Path != w.path || v.URL != "/"+w.path {
			t.Errorf("file %d: %d × %d %s %s %s, want %d × %d %s %s", i, v.Width, v.Height, v.Type, v.Path, v.URL, w.w, w.h, w.typ, w.path)
		}
		data := contentOf(t, v)
		img := decodeAs(t, data, v.Type)
		if b := img.Bounds(); b.Dx() != w.w || b.Dy() != w.h {
			t.Errorf("%s decodes to %v, want %d × %d", v.Path, b, w.w, w.h)
		}
		// The marker is in the top-left corner of the photo as it is seen.
		if !reddish(img.At(w.w/32, w.h/40)) || reddish(img.At(w.w-1-w.w/32, w.h/40)) {
			t.Errorf("%s is not upright: top-left %v, top-right %v", v.Path, img.At(w.w/32, w.h/40), img.At(w.w-1-w.w/32, w.h/40))
		}
		if tags := metadataOf(t, data, v.Type); len(tags) > 0 {
			t.Errorf("%s keeps metadata: %v", v.Path, tags)
		}
		for _, secret := range []string{"Exif", "SN-4417", "Harbin Optics", "Li Wei", "Xinhua"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s holds %q", v.Path, secret)
			}
		}
	}
	if pic.Original != nil {
		t.Error("the original is published without being asked for")
	}
	if w := pic.Variants[5]; len(contentOf(t, pic.Variants[4])) > 200_000 {
		t.Errorf("the 1200-wide WebP weighs %d bytes, more than 200 KB (%s)", len(contentOf(t, pic.Variants[4])), w.Path)
	}
}

// With keepCredit the photographer and the copyright stay, as XMP, and
// nothing else does.
func TestKeepCreditKeepsCreatorAndCopyrightOnly(t *testing.T) {
	photo := benchsite.Photo{Width: 900, Height: 600, Seed: 3, Orientation: 1, Private: true, Artist: "Li Wei", Copyright: "© Xinhua 2024"}.JPEG()
	s := defaults
	s.KeepCredit = true
	pic, fails := process(t, images.NewCache(""), "a.jpg", photo, s)
	if len(fails) > 0 {
		t.Fatal(fails[0])
	}
	for _, v := range pic.Variants {
		data := contentOf(t, v)
		tags := metadataOf(t, data, v.Type)
		if tags["XMP/Creator"] != "Li Wei" || tags["XMP/Rights"] != "© Xinhua 2024" || len(tags) != 2 {
			t.Errorf("%s: metadata %v, want the creator and rights alone", v.Path, tags)
		}
		decodeAs(t, data, v.Type) // still a valid file
		if bytes.Contains(data, []byte("SN-4417")) || bytes.Contains(data, []byte("Harbin Optics")) {
			t.Errorf("%s keeps the camera's details", v.Path)
		}
	}
}

// Widths wider than the picture are not written: a picture is never
// made bigger. One narrower than every width is written at its own width.
func TestNeverUpscaled(t *testing.T) {
	c := images.NewCache("")
	pic, _ := process(t, c, "mid.png", pngOf(900, 300, false), defaults)
	if got := widths(pic); got != "480 480 800 800" {
		t.Errorf("900 wide: widths %s", got)
	}
	if pic.Variants[1].Type != "image/png" || pic.Variants[1].Path != "images/news/x/mid-480.png" {
		t.Errorf("a PNG's fallback is %s %s, want PNG", pic.Variants[1].Type, pic.Variants[1].Path)
	}
	pic, _ = process(t, c, "small.png", pngOf(300, 200, true), defaults)
	if got := widths(pic); got != "300 300" || pic.Variants[0].Height != 200 {
		t.Errorf("300 wide: widths %s, height %d", got, pic.Variants[0].Height)
	}
}

// GIF (its first frame) and WebP are read too; a transparent WebP keeps
// its transparency in a PNG fallback.
func TestGIFAndWebP(t *testing.T) {
	c := images.NewCache("")
	var g bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 600, 400), color.Palette{color.RGBA{0, 0, 255, 255}, color.RGBA{255, 255, 0, 255}})
	second := image.NewPaletted(pal.Rect, pal.Palette)
	for i := range second.Pix {
		second.Pix[i] = 1
	}
	gif.EncodeAll(&g, &gif.GIF{Image: []*image.Paletted{pal, second}, Delay: []int{10, 10}})
	pic, fails := process(t, c, "anim.gif", g.Bytes(), defaults)
	if len(fails) > 0 {
		t.Fatal(fails[0])
	}
	img := decodeAs(t, contentOf(t, pic.Variants[1]), "image/png")
	if r, gr, b, _ := img.At(10, 10).RGBA(); r > 0x2000 || gr > 0x2000 || b < 0xe000 {
		t.Errorf("the GIF's first frame is blue; got %v", img.At(10, 10))
	}
	webpIn := contentOf(t, pic.Variants[0]) // a WebP, 480 wide
	pic, fails = process(t, c, "in.webp", webpIn, defaults)
	if len(fails) > 0 {
		t.Fatal(fails[0])
	}
	if got := widths(pic); got != "480 480" {
		t.Errorf("WebP in: widths %s", got)
	}
}

// A decompression bomb is refused from its header, in bounded time and
// memory; a cut JPEG and a renamed PDF fail in plain words, in the
// reader's language.
func TestBadPicturesFailInPlainWords(t *testing.T) {
	photo := benchsite.Photo{Width: 800, Height: 600, Seed: 1}.JPEG()
	for _, tc := range []struct {
		name         string
		data         []byte
		want, ru, zh string
	}{
		{"bomb.png", pngBomb(30000, 30000), "is 30000 × 30000 pixels (900 megapixels); gen reads pictures of up to 100 megapixels: make it smaller, or raise images.maxPixels in site.yaml",
			"картинка content/news/x/bomb.png слишком большая: 30000 × 30000 (900 Мп), а gen читает картинки до 100 Мп: уменьшите её или увеличьте images.maxPixels в site.yaml",
			"图片 content/news/x/bomb.png 为 30000 × 30000 像素（900 百万像素）；gen 最多读取 100 百万像素的图片：请缩小图片，或在 site.yaml 中调高 images.maxPixels"},
		{"cut.jpg", photo[:len(photo)/2], "cannot be read as JPEG (invalid JPEG format: short Huffman data): the file is damaged or cut short; export it again",
			"картинку content/news/x/cut.jpg не удаётся прочитать как JPEG (invalid JPEG format: short Huffman data): файл повреждён или обрезан; экспортируйте её заново",
			"图片 content/news/x/cut.jpg 无法按 JPEG 读取（invalid JPEG format: short Huffman data）：文件已损坏或不完整；请重新导出"},
		{"scan.jpg", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "is not a JPEG, PNG, WebP or GIF picture (it is a PDF document): export it again as JPEG or PNG",
			"картинка content/news/x/scan.jpg — не JPEG, PNG, WebP или GIF (это документ PDF): экспортируйте её заново в JPEG или PNG",
			"图片 content/news/x/scan.jpg 不是 JPEG、PNG、WebP 或 GIF 图片（它是 PDF 文档）：请重新导出为 JPEG 或 PNG"},
		{"empty.png", nil, "is not a JPEG, PNG, WebP or GIF picture (it is empty): export it again as JPEG or PNG",
			"картинка content/news/x/empty.png — не JPEG, PNG, WebP или GIF (это пустой файл): экспортируйте её заново в JPEG или PNG",
			"图片 content/news/x/empty.png 不是 JPEG、PNG、WebP 或 GIF 图片（它是空文件）：请重新导出为 JPEG 或 PNG"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			done := make(chan []*images.Failure, 1)
			go func() {
				_, fails := process(t, images.NewCache(""), tc.name, tc.data, defaults)
				done <- fails
			}()
			var fails []*images.Failure
			select {
			case fails = <-done:
			case <-time.After(20 * time.Second): // a hang detector, not a timing
				t.Fatal("still reading after 20 s")
			}
			runtime.ReadMemStats(&after)
			if want := "picture content/news/x/" + tc.name + " " + tc.want; len(fails) != 1 || fails[0].Error() != want {
				t.Fatalf("failures %v, want %q", fails, want)
			}
			d := fails[0].At("content/news/x/index.ru.md", 5, 1)
			if got, want := speak.New("ru").Line(d), "content/news/x/index.ru.md:5:1: "+tc.ru; got != want {
				t.Errorf("in Russian:\n%s\nwant\n%s", got, want)
			}
			if got := speak.New("zh").Error(fails[0].Err); got != tc.zh {
				t.Errorf("in Chinese:\n%s\nwant\n%s", got, tc.zh)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("reading it allocated %d MiB", grew>>20)
			}
		})
	}
}

// A second run with the same cache folder, in a new process (a new Cache),
// decodes and encodes nothing and hands out the same files.
func TestWarmCacheDoesNoWork(t *testing.T) {
	dir := t.TempDir()
	photo := benchsite.Photo{Width: 1000, Height: 750, Seed: 5, Orientation: 3}.JPEG()
	cold := images.NewCache(dir)
	first, _ := process(t, cold, "a.jpg", photo, defaults)
	if w := cold.Work(); w.Decoded != 1 || w.Encoded != 4 {
		t.Errorf("cold: %+v, want 1 decoded and 4 encoded (2 widths × 2 formats)", w)
	}
	warm := images.NewCache(dir)
	second, _ := process(t, warm, "a.jpg", photo, defaults)
	if w := warm.Work(); w != (images.Work{}) {
		t.Errorf("warm: %+v, want no work", w)
	}
	for i := range first.Variants {
		if !bytes.Equal(contentOf(t, first.Variants[i]), contentOf(t, second.Variants[i])) {
			t.Errorf("%s differs from the cache", first.Variants[i].Path)
		}
	}
	// In memory, the same Cache remembers the file by its size and time:
	// gen serve does not read it again.
	again, _ := process(t, warm, "a.jpg", photo, defaults)
	if again.Variants[0].Disk != second.Variants[0].Disk {
		t.Error("a third run found other files")
	}
	// Other settings are other files.
	s := defaults
	s.Quality = 50
	process(t, warm, "a.jpg", photo, s)
	if w := warm.Work(); w.Decoded != 1 {
		t.Errorf("another quality: %+v, want the picture made again", w)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, "*", "*")); len(entries) != 2 {
		t.Errorf("the cache holds %d entries, want 2: %v", len(entries), entries)
	}
}

// The same picture gives the same bytes on every run, with one core or
// several.
func TestOutputIsDeterministic(t *testing.T) {
	photo := benchsite.Photo{Width: 1300, Height: 900, Seed: 11, Orientation: 8}.JPEG()
	var runs [][]byte
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		pic, _ := process(t, images.NewCache(""), "a.jpg", photo, defaults)
		runtime.GOMAXPROCS(old)
		var all []byte
		for _, v := range pic.Variants {
			all = append(all, contentOf(t, v)...)
		}
		runs = append(runs, all)
	}
	for i := 1; i < len(runs); i++ {
		if !bytes.Equal(runs[0], runs[i]) {
			t.Errorf("run %d differs from run 0", i)
		}
	}
}

func widths(p *images.Picture) string {
	var out []string
	for _, v := range p.Variants {
		out = append(out, itoa(v.Width))
	}
	return strings.Join(out, " ")
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func decodeAs(t *testing.T, data []byte, typ string) image.Image {
	t.Helper()
	var img image.Image
	var err error
	switch typ {
	case "image/webp":
		img, err = xwebp.Decode(bytes.NewReader(data))
	case "image/jpeg":
		img, err = jpeg.Decode(bytes.NewReader(data))
	case "image/png":
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil || img == nil {
		t.Fatalf("%s does not decode: %v", typ, err)
	}
	return img
}

func reddish(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r > 0xc000 && g < 0x4000 && b < 0x4000
}

// metadataOf reads every EXIF, IPTC and XMP field of a file back.
func metadataOf(t *testing.T, data []byte, typ string) map[string]string {
	t.Helper()
	f := map[string]imagemeta.ImageFormat{"image/webp": imagemeta.WebP, "image/jpeg": imagemeta.JPEG, "image/png": imagemeta.PNG}[typ]
	tags := map[string]string{}
	_, err := imagemeta.Decode(imagemeta.Options{R: bytes.NewReader(data), ImageFormat: f,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag: func(ti imagemeta.TagInfo) error {
			v := ""
			switch x := ti.Value.(type) {
			case string:
				v = x
			case []string:
				v = strings.Join(x, "; ")
			default:
				v = "?"
			}
			tags[ti.Source.String()+"/"+ti.Tag] = v
			return nil
		}})
	if err != nil {
		t.Fatalf("cannot read the metadata back: %v", err)
	}
	return tags
}

func gpsOf(t *testing.T, data []byte, f imagemeta.ImageFormat) string {
	lat := ""
	imagemeta.Decode(imagemeta.Options{R: bytes.NewReader(data), ImageFormat: f, Sources: imagemeta.EXIF,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag: func(ti imagemeta.TagInfo) error {
			if ti.Tag == "GPSLatitude" {
				lat = "found"
			}
			return nil
		}})
	return lat
}

func pngOf(w, h int, alpha bool) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := uint8(255)
			if alpha && x < w/2 {
				a = 0
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y), 128, a})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// pngBomb is a PNG whose header claims w × h pixels and whose data is a
// few bytes: decoding it would allocate w × h × 4 bytes.
func pngBomb(w, h int) []byte {
	chunk := func(typ string, body []byte) []byte {
		out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
		out = append(out, typ...)
		out = append(out, body...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), body...)))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, chunk("IEND", nil)...)
}

// WebP comes from gen's own libwebp in WebAssembly, the same on every
// machine, never from a libwebp.so the machine happens to have.
func TestWebPEncoderIsGensOwn(t *testing.T) {
	if got := images.Encoder(); got != "webp=wasm" {
		t.Errorf("the WebP encoder is %s: build and test gen with -tags nodynamic (GOFLAGS=-tags=nodynamic)", got)
	}
}

// Processing that takes longer than ProgressAfter says how far it is, and
// when it is done; quick processing says nothing.
func TestProgressWhenItTakesLong(t *testing.T) {
	photo := benchsite.Photo{Width: 1600, Height: 1200, Seed: 4}.JPEG()
	fsys := fstest.MapFS{"content/x/a.jpg": {Data: photo}}
	jobs := []images.Job{{Src: "content/x/a.jpg", Dir: "images/x/", URLDir: "/images/x/"}}
	var log bytes.Buffer
	images.NewCache("").Process(context.Background(), fsys, jobs, images.Options{Settings: defaults, Progress: &log, ProgressAfter: time.Millisecond})
	if !strings.Contains(log.String(), "pictures: 0 of 1 ready (") || !strings.Contains(log.String(), "pictures: 1 ready in ") {
		t.Errorf("progress:\n%s", log.String())
	}
	// In the reader's language.
	log.Reset()
	images.NewCache("").Process(context.Background(), fsys, jobs, images.Options{Settings: defaults, Progress: &log, ProgressAfter: time.Millisecond, Speaker: speak.New("ru")})
	if !strings.Contains(log.String(), "картинки: готово 0 из 1 (") || !strings.Contains(log.String(), "картинки: готово 1 за ") || strings.Contains(log.String(), "pictures") {
		t.Errorf("progress in Russian:\n%s", log.String())
	}
	log.Reset()
	images.NewCache("").Process(context.Background(), fsys, nil, images.Options{Settings: defaults, Progress: &log})
	if log.Len() > 0 {
		t.Errorf("nothing to do, yet: %s", log.String())
	}
}

// A picture cache that cannot be made fails the picture, naming both, in
// the reader's language; a missing picture says so too.
func TestCacheAndReadFailuresInTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	cacheDir := filepath.Join(blocker, "cache")
	photo := benchsite.Photo{Width: 64, Height: 48, Seed: 3}.JPEG()
	fsys := fstest.MapFS{"content/x/a.jpg": {Data: photo}}
	jobs := []images.Job{{Src: "content/x/a.jpg", Dir: "images/x/", URLDir: "/images/x/"}, {Src: "content/x/gone.jpg", Dir: "images/x/", URLDir: "/images/x/"}}
	_, fails, err := images.NewCache(cacheDir).Process(context.Background(), fsys, jobs, images.Options{Settings: defaults})
	if err != nil || len(fails) != 2 {
		t.Fatalf("failures %v, %v", fails, err)
	}
	if got := fails[0].Error(); !strings.HasPrefix(got, "picture content/x/a.jpg: cannot make the picture cache "+cacheDir+": ") || !strings.HasSuffix(got, "(move it with --cacheDir)") {
		t.Errorf("English: %s", got)
	}
	ru := speak.New("ru")
	if got, want := ru.Error(fails[0].Err), "картинка content/x/a.jpg: не удаётся создать кэш картинок "+cacheDir+": "+blocker+": это не папка (перенесите его с помощью --cacheDir)"; got != want {
		t.Errorf("in Russian:\n%s\nwant\n%s", got, want)
	}
	if got, want := speak.New("zh").Error(fails[1].Err), "无法读取图片 content/x/gone.jpg：没有这个文件或文件夹"; got != want {
		t.Errorf("in Chinese:\n%s\nwant\n%s", got, want)
	}
}

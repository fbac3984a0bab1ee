package build_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/sharecard"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// jpegMarkers are the markers of a JPEG's segments up to its scan.
func jpegMarkers(t *testing.T, data []byte) []byte {
	t.Helper()
	var out []byte
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		out = append(out, m)
		if m == 0xDA { // start of scan: the pixels follow
			return out
		}
		i += 2 + int(data[i+2])<<8 + int(data[i+3])
	}
	t.Fatalf("not a JPEG, or cut: markers %x", out)
	return nil
}

// A lead photo is shared as a 1200 × 630 JPEG cut from its middle, with no
// metadata at all (no APPn or comment segment), at an absolute URL under
// the base path.
func TestLeadPhotoIsSharedAsACrop(t *testing.T) {
	site := strings.Replace(photoSite, "baseURL: https://news.example.org/", "baseURL: https://example.org/press/", 1)
	s := withPhoto(sitetest.New(t, site)).Build(build.Options{}).OK()
	for _, lang := range []string{"zh", "ru", "en"} {
		s.Assert(lang+"/news/expo/index.html",
			`<meta property="og:image" content="https://example.org/press/images/news/expo/photo-share.jpg">`,
			`<meta property="og:image:width" content="1200">`,
			`<meta property="og:image:height" content="630">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			`<meta name="twitter:image" content="https://example.org/press/images/news/expo/photo-share.jpg">`,
		)
	}
	data := []byte(s.File("images/news/expo/photo-share.jpg"))
	m, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := m.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Errorf("the share picture is %d × %d, want 1200 × 630", b.Dx(), b.Dy())
	}
	for _, mk := range jpegMarkers(t, data) {
		if mk >= 0xE0 && mk <= 0xEF || mk == 0xFE {
			t.Errorf("the share picture has a metadata segment (marker %X)", mk)
		}
	}
	for _, secret := range []string{"SN-4417", "Harbin Optics", "Exif", "http://ns.adobe.com/xap"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the share picture keeps %q", secret)
		}
	}
	// The same middle as the 1200-wide file: compare a pixel of the centre.
	full, err := jpeg.Decode(strings.NewReader(s.File("images/news/expo/photo-1200.jpg")))
	if err != nil {
		t.Fatal(err)
	}
	fb := full.Bounds()
	if !near(m.At(600, 315), full.At(fb.Dx()/2, fb.Dy()/2)) {
		t.Errorf("the share picture's centre %v is not the photo's %v", m.At(600, 315), full.At(fb.Dx()/2, fb.Dy()/2))
	}
}

func near(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return x>>8 < y>>8+24 && y>>8 < x>>8+24 }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

// cardSite has a release without a picture, one whose lead image is an
// SVG, and a page outside a section.
const cardSite = `-- site.yaml --
baseURL: https://example.org/press/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻}
  - {code: ru, name: Русский, locale: ru, title: Новости событий}
-- content/news/_index.zh.md --
---
title: 新闻
---
-- content/news/forum/index.zh.md --
---
title: 中俄地方合作论坛在哈尔滨举行
date: 2024-05-18
---
论坛。
-- content/news/forum/index.ru.md --
---
title: В Харбине прошёл форум межрегионального сотрудничества
date: 2024-05-18
---
Форум.
-- content/news/chart/index.zh.md --
---
title: 贸易额
date: 2024-03-01
image: {src: chart.svg, alt: 图表}
---
图表。
-- content/news/chart/chart.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>
-- content/about.zh.md --
---
title: 关于
date: 2024-01-01
---
关于。
`

// A release without a picture, or with an SVG one, is shared as its card:
// a 1200 × 630 PNG of the site's name and its title, in its language,
// under the base path; other pages have none.
func TestReleaseWithoutPictureIsSharedAsACard(t *testing.T) {
	s := sitetest.New(t, cardSite).Build(build.Options{}).OK()
	for page, card := range map[string]string{
		"zh/news/forum/index.html": "images/share/zh/news/forum.png",
		"ru/news/forum/index.html": "images/share/ru/news/forum.png",
		"zh/news/chart/index.html": "images/share/zh/news/chart.png",
	} {
		s.Assert(page,
			`<meta property="og:image" content="https://example.org/press/`+card+`">`,
			`<meta property="og:image:width" content="1200">`,
			`<meta property="og:image:height" content="630">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			`<meta name="twitter:image" content="https://example.org/press/`+card+`">`,
		)
		m, err := png.Decode(strings.NewReader(s.File(card)))
		if err != nil {
			t.Fatalf("%s: %v", card, err)
		}
		if b := m.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
			t.Errorf("%s is %d × %d", card, b.Dx(), b.Dy())
		}
	}
	s.Assert("zh/news/forum/index.html", `<meta property="og:image:alt" content="中俄地方合作论坛在哈尔滨举行">`)
	s.Assert("zh/about/index.html", `! og:image`)
	s.Assert("zh/news/index.html", `! og:image`)
	// The card is the one sharecard draws for the page's language.
	want, _ := sharecard.Card{Site: "Новости событий", Title: "В Харбине прошёл форум межрегионального сотрудничества"}.PNG()
	if !bytes.Equal([]byte(s.File("images/share/ru/news/forum.png")), want) {
		t.Error("the Russian card is not the Russian site name and title")
	}
	zh, _ := png.Decode(strings.NewReader(s.File("images/share/zh/news/forum.png")))
	if inked(zh, image.Rect(0, 200, 1200, 630)) < 2000 {
		t.Error("the Chinese card has no title drawn")
	}
}

func inked(m image.Image, r image.Rectangle) int {
	bg := m.At(0, 0)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if m.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}

// Cards are kept in the picture cache: a warm rebuild draws none, and two
// builds give the same bytes; another title is another card.
func TestCardsAreKeptLikePictures(t *testing.T) {
	dir := t.TempDir()
	cold := images.NewCache(dir)
	first := sitetest.New(t, cardSite).Build(build.Options{Images: cold}).OK()
	if w := cold.Work(); w.Encoded != 3 {
		t.Errorf("cold build: %+v, want 3 cards drawn", w)
	}
	warm := images.NewCache(dir)
	second := sitetest.New(t, cardSite).Build(build.Options{Images: warm}).OK()
	if w := warm.Work(); w != (images.Work{}) {
		t.Errorf("warm build: %+v, want nothing drawn", w)
	}
	for name, data := range first.Files {
		if !bytes.Equal(second.Files[name], data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	edited := sitetest.New(t, strings.Replace(cardSite, "title: 贸易额", "title: 贸易额增长", 1)).Build(build.Options{Images: warm}).OK()
	if w := warm.Work(); w.Encoded != 1 {
		t.Errorf("a new title: %+v, want one card drawn", w)
	}
	if bytes.Equal(edited.Files["images/share/zh/news/chart.png"], first.Files["images/share/zh/news/chart.png"]) {
		t.Error("a new title kept the old card")
	}
}

// The font of the cards has every character of the sample site's titles
// and site names: no card of it leaves a character out.
func TestSampleSiteCardsHaveEveryCharacter(t *testing.T) {
	s := sitetest.Sample(t).Build(build.Options{}).OK()
	n := 0
	for _, p := range s.Result.Site.Pages {
		if p.Section == "" || p.File == nil {
			continue
		}
		n++
		if m := sharecard.Missing(p.Title + p.Language.Title); len(m) > 0 {
			t.Errorf("%s: the card font lacks %q", p.Path, string(m))
		}
	}
	if n == 0 {
		t.Fatal("no releases in the sample site")
	}
}

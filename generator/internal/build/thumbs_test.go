package build_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// thumbSite, under the base path /press/, has a release with a lead photo
// (1200 × 1700 upright) and tag trade, and one without a lead picture that
// shows a photo in its body; the About page has a lead photo too.
const thumbSite = pressConfig + `-- content/news/expo/index.zh.md --
---
title: 博览会
date: 2024-05-17
tags: [trade]
image: {src: photo.jpg, alt: 展馆}
---
开幕。
-- content/news/expo/index.en.md --
---
title: Expo
image: {alt: "Pavilion & hall"}
---
Opened.
-- content/news/plain/index.zh.md --
---
title: 平常
date: 2024-05-16
tags: [trade]
---
![合影](group.jpg)
-- content/about/index.zh.md --
---
title: 关于
date: 2024-01-01
image: {src: office.jpg, alt: 办公室}
---
`

// A release's lead picture shows as a thumbnail in the news list, on its
// tag's pages and on the home, in every language with that language's alt
// text, from its own small files under the base path; a release without a
// lead picture shows none, and a picture that only a body shows, or the
// lead picture of a page that is no release, gets no thumbnail files.
func TestListsShowThumbnails(t *testing.T) {
	s := sitetest.New(t, thumbSite)
	s.FS["content/news/expo/photo.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1700, Height: 1200, Seed: 9, Orientation: 6}.JPEG()}
	s.FS["content/news/plain/group.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1000, Height: 700, Seed: 4}.JPEG()}
	s.FS["content/about/office.jpg"] = s.FS["content/news/plain/group.jpg"]
	s.Build(build.Options{}).OK()

	const sizes = `sizes="(max-width: 36rem) 6.5rem, 10rem"`
	thumb := func(alt string) string {
		return `<h2><a href="/press/zh/news/expo/">博览会</a></h2>` + "\n" +
			`<div class="thumb"><picture><source type="image/webp" srcset="/press/images/news/expo/photo-320.webp 320w, /press/images/news/expo/photo-640.webp 640w" ` + sizes + `>` +
			`<img src="/press/images/news/expo/photo-320.jpg" srcset="/press/images/news/expo/photo-320.jpg 320w, /press/images/news/expo/photo-640.jpg 640w" ` + sizes +
			` width="320" height="453" alt="` + alt + `" loading="lazy" decoding="async"></picture></div>` + "\n" + `<p class="meta">`
	}
	plain := `<h2><a href="/press/zh/news/plain/">平常</a></h2>` + "\n" + `<p class="meta">`
	for _, page := range []string{"zh/news/index.html", "zh/tags/trade/index.html", "zh/index.html"} {
		s.Assert(page, thumb("展馆"), plain)
	}
	en := strings.ReplaceAll(strings.ReplaceAll(thumb("Pavilion &amp; hall"), "/zh/", "/en/"), "博览会", "Expo")
	s.Assert("en/news/index.html", en)
	// One thumbnail per listed release that has a lead picture.
	if n := strings.Count(s.File("zh/news/index.html"), `class="thumb"`); n != 1 {
		t.Errorf("zh/news/: %d thumbnails, want 1", n)
	}
	// The release's own page shows the picture large, without a thumbnail.
	s.Assert("zh/news/expo/index.html", "! photo-320", "! class=\"thumb\"")

	for _, f := range []string{"photo-320.webp", "photo-320.jpg", "photo-640.webp", "photo-640.jpg"} {
		s.File("images/news/expo/" + f)
	}
	s.File("images/news/plain/group-480.jpg")
	s.Missing("images/news/plain/group-320.jpg", "images/news/plain/group-640.webp")
	// The lead picture of a page that is no release is in no list.
	s.File("images/about/office-480.jpg")
	s.Missing("images/about/office-320.jpg")

	// Every file a thumbnail names is published.
	for _, m := range regexp.MustCompile(`/press/(images/[^" ]+)`).FindAllStringSubmatch(s.File("zh/news/index.html"), -1) {
		s.File(m[1])
	}
}

// gen serve's quick rebuild shows a lead picture replaced by one of
// another shape in the lists, as a full build does.
func TestIncrementalRunShowsTheNewThumbnail(t *testing.T) {
	fsys := sitetest.New(t, thumbSite).FS
	fsys["content/news/expo/photo.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1700, Height: 1200, Seed: 9}.JPEG()}
	fsys["content/news/plain/group.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1000, Height: 700, Seed: 4}.JPEG()}
	fsys["content/about/office.jpg"] = fsys["content/news/plain/group.jpg"]
	prev := run(t, fsys, nil, nil, nil)
	fsys["content/news/expo/photo.jpg"] = &fstest.MapFile{Data: benchsite.Photo{Width: 1200, Height: 1200, Seed: 9}.JPEG()}
	inc := run(t, fsys, prev, []string{"content/news/expo/photo.jpg"}, nil)
	full := run(t, fsys, nil, nil, nil)
	if d := slices.DeleteFunc(diff(full.Files, inc.Files), notHTML); len(d) > 0 {
		t.Errorf("incremental pages differ from a full run in %q", d)
	}
	for _, f := range inc.Files {
		if f.Path == "zh/news/index.html" && !strings.Contains(string(f.Bytes), `width="320" height="320"`) {
			t.Errorf("the news list shows the old thumbnail:\n%s", f.Bytes)
		}
	}
}

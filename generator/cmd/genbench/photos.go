package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// runPhotos is "genbench photos": it writes N synthetic camera photos
// (benchsite.Photo, 4000 × 3000, JPEG at quality 90 with EXIF and a GPS
// position) into a gen site (one release in zh, ru and en that shows every
// photo) and a Hugo site (one release whose layout resizes every photo to
// the same widths as WebP and JPEG with Catmull-Rom), then builds each
// with an empty cache (cold) and again with the cache it left (warm), and
// prints wall time, CPU time and peak RSS of each build.
func runPhotos(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("photos", flag.ContinueOnError)
	n := fs.Int("n", 50, "number of photos")
	w := fs.Int("width", 4000, "photo width")
	h := fs.Int("height", 3000, "photo height")
	work := fs.String("work", "", "the `directory` to write the sites, caches and outputs into (required)")
	genBin := fs.String("gen", "", "the gen `binary` to time (required)")
	hugo := fs.String("hugo", "", "the hugo `binary` to time beside gen (default: none)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *work == "" || *genBin == "" {
		fmt.Fprintln(stderr, "genbench photos: -work and -gen are required")
		return 2
	}
	if err := writePhotoSites(*work, *n, *w, *h); err != nil {
		fmt.Fprintln(stderr, "genbench photos:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d photos of %d × %d, widths 480, 800, 1200, 1600, WebP q75 and JPEG q80\n", *n, *w, *h)
	fmt.Fprintln(stdout, "| tool | cache | wall | CPU (user+sys) | peak RSS |\n| --- | --- | ---: | ---: | ---: |")
	cache := filepath.Join(*work, "gen-cache")
	os.RemoveAll(cache)
	for _, run := range []string{"cold", "warm"} {
		c := exec.Command(*genBin, "build", "--quiet", "--source", filepath.Join(*work, "gen-site"), "--destination", filepath.Join(*work, "gen-out"), "--cacheDir", cache, "--now", "2024-06-01")
		if err := timeRun(stdout, stderr, "gen", run, c); err != nil {
			fmt.Fprintln(stderr, "genbench photos:", err)
			return 1
		}
	}
	if *hugo != "" {
		os.RemoveAll(filepath.Join(*work, "hugo-resources"))
		for _, run := range []string{"cold", "warm"} {
			c := exec.Command(*hugo, "--quiet", "--source", filepath.Join(*work, "hugo-site"), "--destination", filepath.Join(*work, "hugo-out"), "--cacheDir", filepath.Join(*work, "hugo-cache"))
			if err := timeRun(stdout, stderr, "hugo", run, c); err != nil {
				fmt.Fprintln(stderr, "genbench photos:", err)
				return 1
			}
		}
	}
	return 0
}

func timeRun(stdout, stderr io.Writer, tool, run string, c *exec.Cmd) error {
	c.Stdout, c.Stderr = stderr, stderr
	start := time.Now()
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s (%s): %v", tool, run, err)
	}
	wall := time.Since(start)
	ps := c.ProcessState
	fmt.Fprintf(stdout, "| %s | %s | %.1f s | %.1f s | %d MiB |\n", tool, run, wall.Seconds(), (ps.UserTime() + ps.SystemTime()).Seconds(), peakRSS(ps)>>20)
	return nil
}

const genPhotoConfig = `baseURL: https://example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 照片, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Фото, weight: 2}
  - {code: en, name: English, locale: en, title: Photos, weight: 3}
`

const hugoPhotoConfig = `baseURL: https://example.org/
title: Photos
disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, 404]
resourceDir: ../hugo-resources
imaging:
  resampleFilter: CatmullRom
  quality: 75
`

// hugoPhotoLayout resizes every picture of a release to the widths gen
// writes, as WebP (q75) and JPEG (q80), never wider than the picture.
const hugoPhotoLayout = `<!doctype html><title>{{ .Title }}</title>
{{ range $img := .Resources.ByType "image" }}{{ range $w := slice 480 800 1200 1600 }}{{ if le $w $img.Width }}
<img src="{{ ($img.Resize (printf "%dx webp q75" $w)).RelPermalink }}"><img src="{{ ($img.Resize (printf "%dx jpg q80" $w)).RelPermalink }}">{{ end }}{{ end }}{{ end }}
`

// writePhotoSites writes the photos once into both sites.
func writePhotoSites(work string, n, w, h int) error {
	genRelease := filepath.Join(work, "gen-site", "content", "news", "photos")
	hugoRelease := filepath.Join(work, "hugo-site", "content", "news", "photos")
	for _, d := range []string{genRelease, hugoRelease, filepath.Join(work, "hugo-site", "layouts", "_default")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var body strings.Builder
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("photo-%02d.jpg", i)
		fmt.Fprintf(&body, "![Photo %d](%s)\n\n", i, name)
		if _, err := os.Stat(filepath.Join(genRelease, name)); err == nil {
			continue // the same seed gives the same bytes
		}
		data := benchsite.Photo{Width: w, Height: h, Seed: uint64(i), Private: true}.JPEG()
		for _, dir := range []string{genRelease, hugoRelease} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				return err
			}
		}
	}
	files := map[string]string{
		filepath.Join(work, "gen-site", "site.yaml"):                           genPhotoConfig,
		filepath.Join(genRelease, "index.zh.md"):                               "---\ntitle: 照片\ndate: 2024-05-17\n---\n" + body.String(),
		filepath.Join(genRelease, "index.ru.md"):                               "---\ntitle: Фото\n---\n" + body.String(),
		filepath.Join(genRelease, "index.en.md"):                               "---\ntitle: Photos\n---\n" + body.String(),
		filepath.Join(work, "hugo-site", "hugo.yaml"):                          hugoPhotoConfig,
		filepath.Join(hugoRelease, "index.md"):                                 "---\ntitle: Photos\ndate: 2024-05-17\n---\n",
		filepath.Join(work, "hugo-site", "layouts", "_default", "single.html"): hugoPhotoLayout,
		filepath.Join(work, "hugo-site", "layouts", "_default", "list.html"):   "<!doctype html><title>{{ .Title }}</title>\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

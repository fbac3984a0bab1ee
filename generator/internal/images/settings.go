package images

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
)

// Settings are what a picture is processed with. Two runs with the same
// settings and the same source bytes write the same files.
type Settings struct {
	Widths      []int // ascending
	Quality     int   // WebP, 1–100
	JPEGQuality int   // the JPEG fallback, 1–100
	KeepCredit  bool  // copy creator and copyright into the outputs, as XMP
	MaxPixels   int   // the largest picture read
	Thumbs      []int // the widths of a thumbnail, when one is made (ascending)
}

// SettingsOf returns the settings of a site, with gen's defaults for
// what it leaves out (a config.Site made by hand has none).
func SettingsOf(cfg *config.Site) Settings {
	im := cfg.Images
	s := Settings{Widths: slices.Clone(im.Widths), Quality: im.Quality, JPEGQuality: im.JPEGQuality, KeepCredit: im.KeepCredit, MaxPixels: im.MaxPixels}
	if len(s.Widths) == 0 {
		s.Widths = config.DefaultWidths()
	}
	slices.Sort(s.Widths)
	s.Widths = slices.Compact(s.Widths)
	if s.Quality == 0 {
		s.Quality = config.DefaultQuality
	}
	if s.JPEGQuality == 0 {
		s.JPEGQuality = config.DefaultJPEGQuality
	}
	if s.MaxPixels == 0 {
		s.MaxPixels = config.DefaultMaxPixels
	}
	return s
}

// pipeline names the code that makes the outputs: bump it when what a
// picture becomes changes, so that no cache hands out older outputs.
const pipeline = "gen-images-2"

// fingerprint is everything besides the source bytes that the outputs
// depend on: the settings, this package's pipeline and the versions of
// the resampler and the WebP encoder.
func (s Settings) fingerprint() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s widths=%v q=%d jq=%d credit=%t max=%d", pipeline, s.Widths, s.Quality, s.JPEGQuality, s.KeepCredit, s.MaxPixels)
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "golang.org/x/image" || d.Path == "github.com/gen2brain/webp" {
				fmt.Fprintf(&b, " %s@%s", d.Path, d.Version)
			}
		}
	}
	if len(s.Thumbs) > 0 {
		fmt.Fprintf(&b, " thumbs=%v", s.Thumbs)
	}
	b.WriteString(" " + encoderName())
	return b.String()
}

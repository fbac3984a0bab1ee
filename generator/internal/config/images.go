package config

import (
	"slices"

	"github.com/eventnews/gen/generator/internal/diag"
	"gopkg.in/yaml.v3"
)

// Images configures the pictures of releases (package images).
type Images struct {
	// Widths are the widths, in pixels, a picture is written at (never
	// wider than it is). Default 480, 800, 1200 and 1600.
	Widths []int `yaml:"widths"`
	// Quality is the WebP quality, 1 to 100. Default 75.
	Quality int `yaml:"quality"`
	// JPEGQuality is the quality of the JPEG written beside the WebP for
	// browsers without WebP, 1 to 100. Default 80.
	JPEGQuality int `yaml:"jpegQuality"`
	// KeepCredit copies the creator and copyright of a picture (EXIF,
	// IPTC or XMP) into the pictures written, as XMP; every other field
	// is dropped either way.
	KeepCredit bool `yaml:"keepCredit"`
	// Original publishes the file as it was given beside the resized
	// ones, for every picture; image.original in front matter does it for
	// one.
	Original bool `yaml:"original"`
	// MaxPixels is the largest picture, in pixels, that gen reads; a
	// bigger one is refused before it is decoded. Default 100,000,000.
	MaxPixels int `yaml:"maxPixels"`
	// MaxBytes is the size, in bytes, above which a picture file is a
	// warning (it is still published): a camera file that big is a
	// mistake on the web. Default 20,000,000 (20 MB).
	MaxBytes int64 `yaml:"maxBytes"`
	// Sizes is the sizes attribute of a picture in a release: how wide it
	// shows. Default "(min-width: 46rem) 44rem, calc(100vw - 2rem)", the
	// default theme's column.
	Sizes string `yaml:"sizes"`
}

// DefaultWidths are the widths pictures are written at by default.
func DefaultWidths() []int { return []int{480, 800, 1200, 1600} }

// Image defaults.
const (
	DefaultQuality     = 75
	DefaultJPEGQuality = 80
	DefaultMaxPixels   = 100_000_000
	DefaultMaxBytes    = 20_000_000
	DefaultSizes       = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"
	// MaxWidth is the widest width a site may ask for.
	MaxWidth = 8192
)

// checkImages fills the defaults of the images mapping of doc, once
// decoded into im, and reports values that cannot be used.
func checkImages(file string, doc *yaml.Node, im *Images, errs *diag.List) {
	node := child(doc, "images")
	pos := func(key string) (int, int) {
		if v := child(node, key); v != nil {
			return v.Line, v.Column
		}
		return 0, 0
	}
	if len(im.Widths) == 0 {
		im.Widths = DefaultWidths()
	}
	for _, w := range im.Widths {
		if w < 1 || w > MaxWidth {
			l, c := pos("widths")
			errs.Add(msgImageWidth.At(file, l, c, "Width", w, "Max", MaxWidth))
		}
	}
	slices.Sort(im.Widths)
	im.Widths = slices.Compact(im.Widths)
	quality := func(key string, q *int, def int) {
		switch {
		case *q == 0:
			*q = def
		case *q < 1 || *q > 100:
			l, c := pos(key)
			errs.Add(msgImageQuality.At(file, l, c, "Key", key, "Value", *q))
		}
	}
	quality("quality", &im.Quality, DefaultQuality)
	quality("jpegQuality", &im.JPEGQuality, DefaultJPEGQuality)
	if im.MaxPixels == 0 {
		im.MaxPixels = DefaultMaxPixels
	} else if im.MaxPixels < 0 {
		l, c := pos("maxPixels")
		errs.Add(msgImageMaxPixels.At(file, l, c, "Value", im.MaxPixels))
	}
	if im.MaxBytes == 0 {
		im.MaxBytes = DefaultMaxBytes
	} else if im.MaxBytes < 0 {
		l, c := pos("maxBytes")
		errs.Add(msgImageMaxBytes.At(file, l, c, "Value", im.MaxBytes))
	}
	if im.Sizes == "" {
		im.Sizes = DefaultSizes
	}
}

var (
	msgImageWidth     = diag.Message{ID: "config.image-width", Text: "images.widths: {{.Width}} is not a width gen can write (1 to {{.Max}} pixels)"}
	msgImageQuality   = diag.Message{ID: "config.image-quality", Text: "images.{{.Key}}: must be 1 to 100, not {{.Value}}"}
	msgImageMaxPixels = diag.Message{ID: "config.image-max-pixels", Text: "images.maxPixels: must be a positive number, not {{.Value}}"}
	msgImageMaxBytes  = diag.Message{ID: "config.image-max-bytes", Text: "images.maxBytes: must be a positive number of bytes, not {{.Value}}"}
)

package images

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"

	"github.com/bep/imagemeta"
	"github.com/eventnews/gen/generator/internal/diag"
	"golang.org/x/image/webp"
)

// Formats gen reads, as Format names them.
const (
	JPEG = "jpeg"
	PNG  = "png"
	GIF  = "gif"
	WebP = "webp"
	SVG  = "svg"
)

// sniff names the format of data from its first bytes, whatever the
// file is called, or says what it looks like instead.
func sniff(data []byte) (format string, other diag.Message) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG, diag.Message{}
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, diag.Message{}
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, diag.Message{}
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP, diag.Message{}
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "", kindPDF
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		if b := string(data[8:12]); strings.HasPrefix(b, "hei") || strings.HasPrefix(b, "mif") || strings.HasPrefix(b, "avi") {
			return "", kindHEIC
		}
		return "", kindVideo
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "", kindTIFF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", kindZIP
	case len(data) == 0:
		return "", kindEmpty
	}
	return "", kindOther
}

// header is what the start of a picture says about it.
type header struct {
	format        string
	width, height int // as stored, before orientation
	orientation   int // EXIF orientation, 1–8 (1 when absent)
	credit        credit
}

// credit is who made a picture and who holds its rights.
type credit struct {
	Creator   string `json:"creator,omitempty"`
	Copyright string `json:"copyright,omitempty"`
}

// readHeader reads the format, the size and the metadata gen uses,
// without decoding the pixels, and refuses a picture of more than
// maxPixels pixels. Its errors name the file src.
func readHeader(src string, data []byte, maxPixels int) (header, error) {
	format, other := sniff(data)
	if format == "" {
		return header{}, msgNotPicture.At("", 0, 0, "File", src, "Kind", other)
	}
	decodeConfig := map[string]func([]byte) (image.Config, error){
		JPEG: func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) },
		PNG:  func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) },
		GIF:  func(b []byte) (image.Config, error) { return gif.DecodeConfig(bytes.NewReader(b)) },
		WebP: func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) },
	}[format]
	cfg, err := decodeConfig(data)
	if err != nil {
		return header{}, msgDamaged.At("", 0, 0, "File", src, "Format", formatName(format), "Err", err)
	}
	h := header{format: format, width: cfg.Width, height: cfg.Height, orientation: 1}
	if h.width <= 0 || h.height <= 0 {
		return header{}, msgNoPixels.At("", 0, 0, "File", src, "Width", h.width, "Height", h.height)
	}
	if int64(h.width)*int64(h.height) > int64(maxPixels) {
		return header{}, msgTooBig.At("", 0, 0, "File", src, "Width", h.width, "Height", h.height,
			"Megapixels", megapixels(float64(h.width)*float64(h.height)), "Max", megapixels(float64(maxPixels)))
	}
	h.orientation, h.credit = readMeta(data, format)
	return h, nil
}

// megapixels writes a number of pixels in millions, whole.
func megapixels(n float64) string { return strconv.FormatFloat(n/1e6, 'f', 0, 64) }

func formatName(f string) string {
	switch f {
	case JPEG:
		return "JPEG"
	case PNG:
		return "PNG"
	case GIF:
		return "GIF"
	case WebP:
		return "WebP"
	}
	return f
}

// readMeta reads the EXIF orientation and the credit fields (EXIF Artist
// and Copyright, IPTC By-line and CopyrightNotice, XMP dc:creator and
// dc:rights; XMP first, then IPTC, then EXIF). Metadata that cannot be
// read counts as absent: the pixels are what matters.
func readMeta(data []byte, format string) (orientation int, c credit) {
	orientation = 1
	f, ok := map[string]imagemeta.ImageFormat{JPEG: imagemeta.JPEG, PNG: imagemeta.PNG, WebP: imagemeta.WebP}[format]
	if !ok {
		return orientation, c
	}
	found := map[string]string{}
	handle := func(ti imagemeta.TagInfo) error {
		switch {
		case ti.Source == imagemeta.EXIF && ti.Tag == "Orientation":
			if o, ok := number(ti.Value); ok && o >= 1 && o <= 8 {
				orientation = o
			}
		case ti.Source == imagemeta.EXIF && (ti.Tag == "Artist" || ti.Tag == "Copyright"),
			ti.Source == imagemeta.IPTC && (ti.Tag == "By-line" || ti.Tag == "CopyrightNotice"),
			ti.Source == imagemeta.XMP && (ti.Tag == "Creator" || ti.Tag == "Rights"):
			if s := text(ti.Value); s != "" {
				found[ti.Source.String()+"/"+ti.Tag] = s
			}
		}
		return nil
	}
	_, err := imagemeta.Decode(imagemeta.Options{R: bytes.NewReader(data), ImageFormat: f, HandleTag: handle, Sources: imagemeta.EXIF | imagemeta.IPTC | imagemeta.XMP})
	if err != nil {
		return 1, credit{}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := found[k]; v != "" {
				return v
			}
		}
		return ""
	}
	c.Creator = first("XMP/Creator", "IPTC/By-line", "EXIF/Artist")
	c.Copyright = first("XMP/Rights", "IPTC/CopyrightNotice", "EXIF/Copyright")
	return orientation, c
}

func number(v any) (int, bool) {
	switch n := v.(type) {
	case uint16:
		return int(n), true
	case uint32:
		return int(n), true
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint8:
		return int(n), true
	}
	return 0, false
}

func text(v any) string {
	switch s := v.(type) {
	case string:
		return strings.TrimSpace(strings.TrimRight(s, "\x00"))
	case []string:
		return strings.TrimSpace(strings.Join(s, "; "))
	}
	return ""
}

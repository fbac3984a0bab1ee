package images

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// svgPicture publishes an SVG as it is, once, and reads its size from the
// width and height of its root element, else from its viewBox.
func svgPicture(fsys fs.FS, job Job) (*Picture, error) {
	data, err := fs.ReadFile(fsys, job.Src)
	if err != nil {
		return nil, msgCannotRead.At("", 0, 0, "File", job.Src, "Err", unwrap(err))
	}
	w, h := svgSize(data)
	name := path.Base(job.Src)
	return &Picture{Src: job.Src, Format: SVG, Width: w, Height: h,
		Original: &Variant{Width: w, Height: h, Type: mimeOf(SVG), Path: job.Dir + name, URL: job.URLDir + escapeName(name), Src: job.Src}}, nil
}

func svgSize(data []byte) (w, h int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for range 64 { // the root comes after a few prolog tokens
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0
		}
		var width, height, box string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				width = a.Value
			case "height":
				height = a.Value
			case "viewBox":
				box = a.Value
			}
		}
		w, h = pixelsOf(width), pixelsOf(height)
		if f := strings.Fields(strings.ReplaceAll(box, ",", " ")); (w == 0 || h == 0) && len(f) == 4 {
			w, h = pixelsOf(f[2]), pixelsOf(f[3])
		}
		if w == 0 || h == 0 {
			return 0, 0
		}
		return w, h
	}
	return 0, 0
}

// pixelsOf reads a length in pixels ("640", "640px", "640.5"); any other
// unit is no size.
func pixelsOf(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || f > 1e6 {
		return 0
	}
	return int(f + 0.5)
}

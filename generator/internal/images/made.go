package images

import "path/filepath"

// Made is a file that a caller draws and the cache keeps, by what it is
// made from (Of, with the drawing's fingerprint), like a picture: the
// share card of a release without a picture (package sharecard).
type Made struct {
	Of            string // everything the file's bytes depend on
	Width, Height int
	Type, Ext     string // image/png, png
	Path, URL     string // output path and URL, as Variant's
}

// Keep returns m's file from the cache, or draws it with draw (which
// counts as one file encoded, Cache.Work) and keeps it.
func (c *Cache) Keep(m Made, draw func() ([]byte, error)) (*Variant, error) {
	key := keyOf([]byte(m.Of), "made")
	e := c.lookup(key)
	if e == nil {
		data, err := draw()
		if err != nil {
			return nil, err
		}
		c.encoded()
		e = &entry{Format: "made", Width: m.Width, Height: m.Height}
		out := output{width: m.Width, height: m.Height, mime: m.Type, ext: m.Ext, data: data}
		if err := c.store(key, e, []output{out}); err != nil {
			return nil, err
		}
	}
	v := &Variant{Width: m.Width, Height: m.Height, Type: m.Type, Path: m.Path, URL: m.URL}
	if c.dir != "" {
		v.Disk = filepath.Join(c.folder(key), e.Outputs[0].file())
	} else {
		v.Bytes = e.data[0]
	}
	return v, nil
}

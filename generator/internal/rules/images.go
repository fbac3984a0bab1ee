package rules

import (
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
)

// checkImages reports a lead image (front matter image.src) that is not a
// file of the page's bundle, where it is written.
func (c *checker) checkImages() {
	for _, f := range c.in.Files {
		im := f.Front.Image
		if im == nil || im.Src == "" || !f.Front.Has("image.src") || isURL(im.Src) {
			continue
		}
		line, col := at(f, "image.src")
		if f.Bundle == "" {
			stem := strings.TrimSuffix(strings.TrimSuffix(f.Path, ".md"), "."+f.Lang)
			suffix := ""
			if strings.HasSuffix(strings.TrimSuffix(f.Path, ".md"), "."+f.Lang) {
				suffix = "." + f.Lang
			}
			c.add(msgLeadSingle.At(f.Path, line, col, "Src", im.Src, "File", f.Path, "Bundle", stem, "Suffix", suffix), CodeImage)
			continue
		}
		file := f.Bundle + "/" + im.Src
		if c.ix.bundleFile(file) || c.unread(file) {
			continue
		}
		if near, ok := diag.Nearest(im.Src, f.Resources); ok {
			c.add(msgLeadMissingNear.At(f.Path, line, col, "File", file, "Near", near), CodeImage)
			continue
		}
		c.add(msgLeadMissing.At(f.Path, line, col, "File", file), CodeImage)
	}
}

// isURL tells an image.src that is an http or https URL (content checks
// that it is one of the two) from a file name.
func isURL(src string) bool {
	return strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") || strings.Contains(src, ":")
}

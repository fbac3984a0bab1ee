// Package themes holds the default theme in the binary, so that a site
// needs no copy of it: gen reads themes/default/<file> from the site when
// the site has that file, and from here when it does not (see
// sitefs.Overlay).
//
// It is the one Go file outside generator/: go:embed reads only files in
// and below the package's own folder, and the theme's files live here, in
// the sample site, where a designer edits them.
package themes

import (
	"embed"
	"io/fs"
)

// "all:" keeps names starting with "_" (layouts/_default), which embed
// leaves out otherwise.
//
//go:embed all:default
var files embed.FS

// Default returns the default theme's files: layouts/, static/, i18n/ and
// archetypes/ at the root.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // "default" is a valid path, embedded above
	}
	return sub
}

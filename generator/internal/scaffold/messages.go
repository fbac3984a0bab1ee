package scaffold

import "github.com/eventnews/gen/generator/internal/diag"

// The errors of gen init, in English; package speak says them in other
// languages.
var (
	msgIsFile   = diag.Message{ID: "scaffold.is-file", Text: "{{.Dir}} is a file: name a new folder for the site"}
	msgNotEmpty = diag.Message{ID: "scaffold.not-empty", Text: "{{.Dir}} is not empty: gen init starts a site in a new or empty folder, so that nothing of yours is overwritten"}
	msgSkeleton = diag.Message{ID: "scaffold.skeleton", Text: "the skeleton's {{.File}}: {{.Err}}"}
)

package status

import "github.com/eventnews/gen/generator/internal/diag"

// The errors of reading and setting translatedFrom, in English; package
// speak says them in other languages. The first two are the ones package
// rules reports in a site's files.
var (
	msgMarkForm   = diag.Message{ID: "translated-from.form", Text: `translatedFrom: "{{.Value}}" must be a language and a revision, like "zh@1a2b3c4d5e6f" (gen status --mark writes it)`}
	msgMarkOwn    = diag.Message{ID: "translated-from.own", Text: `translatedFrom: "{{.Value}}" names the file's own language; name the language it was translated from`}
	msgUnreadable = diag.Message{ID: "mark.unreadable", Text: "{{.File}} cannot be read, so it was not changed:"}
	msgCannotSet  = diag.Message{ID: "mark.cannot-set", Text: `could not set translatedFrom without changing anything else; edit the front matter by hand: translatedFrom: "{{.Value}}"`}
	msgNoFront    = diag.Message{ID: "mark.no-front-matter", Text: `the file has no front matter: it must start with a line "---"`}
	msgNotClosed  = diag.Message{ID: "mark.not-closed", Text: `the front matter is not closed with a line "---"`}
)

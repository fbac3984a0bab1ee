package newrelease

import "github.com/eventnews/gen/generator/internal/diag"

// The errors gen new can meet, in English; package speak says them in
// other languages.
var (
	msgNotValid     = diag.Message{ID: "newrelease.not-valid", Text: "{{.Archetype}} does not make a valid release in {{.Lang}}:"}
	msgNotSiteLang  = diag.Message{ID: "newrelease.not-site-lang", Text: "--lang {{.Lang}}: not a language of this site ({{.Langs}})"}
	msgExists       = diag.Message{ID: "newrelease.exists", Text: "{{.File}} already exists; gen new never overwrites a file (choose another name, or delete it to start over)"}
	msgExistAll     = diag.Message{ID: "newrelease.exist", Text: "{{.Files}} already exist; gen new never overwrites a file (choose another name, or delete it to start over)"}
	msgNoArchetype  = diag.Message{ID: "newrelease.no-archetype", Text: "no archetype for a release: write {{.Path}} (looked for {{.Paths}})"}
	msgTemplateCall = diag.Message{ID: "newrelease.template-call", Text: "template: {{.Where}}: {{.Err}}"}
	msgNotWritten   = diag.Message{ID: "newrelease.not-written", Text: "cannot be written: {{.Err}}"}
	msgOverwrite    = diag.Message{ID: "newrelease.overwrite", Text: "already exists; not overwritten"}
	msgNoNote       = diag.Message{ID: "newrelease.no-note", Text: `no note {{.Name}} (the notes: draft, summary, tags, event, event-dates, time-zone, event-hint, image)`}
	msgNoName       = diag.Message{ID: "newrelease.no-name", Text: `name the release, like "news/harbin-expo", or give its title with --title`}
	msgBadPath      = diag.Message{ID: "newrelease.bad-path", Text: `{{.Path}} cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name`}
	msgBadPathLike  = diag.Message{ID: "newrelease.bad-path-like", Text: `{{.Path}} cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like {{.Like}}`}
	msgReserved     = diag.Message{ID: "newrelease.reserved", Text: `{{.Name}} cannot be a release name: the site already uses that address for its own pages`}
)

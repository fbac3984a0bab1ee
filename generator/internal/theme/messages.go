package theme

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of this package, in English; package speak says them in
// other languages.
var (
	msgCannotReadLayouts = diag.Message{ID: "theme.cannot-read-layouts", Text: "cannot read layouts: {{.Err}}"}
	msgCannotReadLayout  = diag.Message{ID: "theme.cannot-read-layout", Text: "cannot read layout: {{.Err}}"}
	msgNoLayouts         = diag.Message{ID: "theme.no-layouts", Text: "no layouts found: the theme {{.Theme}} is missing (looked in {{.Dirs}})"}
	msgTemplate          = diag.Message{ID: "theme.template", Text: "template: {{.Problem}}"}
	msgNoLanguage        = diag.Message{ID: "theme.no-language", Text: "the layouts have no templates for the language {{.Lang}}"}
	msgNoLayout          = diag.Message{ID: "theme.no-layout", Text: "no layout for this page: write one of {{.Tried}}"}
)

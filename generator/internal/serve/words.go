package serve

import (
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The messages of the overlay, the panel and the terminal, in English;
// package speak says them in the page's language (the overlay and the
// panel) or the terminal's (Options.Lang).
var (
	msgErrors        = diag.Message{ID: "serve.errors", Text: "The site does not build: {{.Count}} errors."}
	msgLastGood      = diag.Message{ID: "serve.last-good", Text: "Below is the last version that built. Fix the file and save: this page updates by itself."}
	msgFix           = diag.Message{ID: "serve.fix", Text: "Fix the file and save: this page updates by itself."}
	msgHide          = diag.Message{ID: "serve.hide", Text: "Hide"}
	msgHideTitle     = diag.Message{ID: "serve.hide-title", Text: "Hide until the next change"}
	msgWarning       = diag.Message{ID: "serve.warning", Text: "warning: "}
	msgWarningsPage  = diag.Message{ID: "serve.warnings-page", Text: "{{.Count}} warnings on this page"}
	msgWarningsSite  = diag.Message{ID: "serve.warnings-site", Text: "{{.Count}} warnings on this page, {{.Site}} on the site"}
	msgPanelHint     = diag.Message{ID: "serve.panel-hint", Text: "The page is published as it is; fixing these makes it better for readers."}
	msgTerminalFail  = diag.Message{ID: "serve.terminal-fail", Text: "error: the site does not build; the browser shows {{.Count}} problems until this is fixed:"}
	msgTerminalFixed = diag.Message{ID: "serve.terminal-fixed", Text: "fixed: the site builds again"}
	msgBuiltPages    = diag.Message{ID: "serve.built", Text: "built {{.Count}} pages in {{.Took}}"}
)

// The terminal's lines after a rebuild, and the errors of New and Listen.
var (
	msgNoPageChanged = diag.Message{ID: "serve.no-page-changed", Text: "{{.What}}: no page changed ({{.Took}})"}
	msgUpdated       = diag.Message{ID: "serve.updated", Text: "{{.What}}: {{.Changed}} updated in {{.Took}}"}
	msgMoreUpdated   = diag.Message{ID: "serve.more-updated", Text: "{{.Count}} more pages updated (they show the whole site)"}
	msgRebuiltAll    = diag.Message{ID: "serve.rebuilt-all", Text: "rebuilt everything"}
	msgRebuilt       = diag.Message{ID: "serve.rebuilt", Text: "rebuilt"}
	msgOneChanged    = diag.Message{ID: "serve.one-changed", Text: "{{.Path}} changed"}
	msgManyChanged   = diag.Message{ID: "serve.many-changed", Text: "{{.Path}} and {{.Count}} more changed"}
	msgPages         = diag.Message{ID: "serve.pages", Text: "{{.Count}} pages"}
	msgFiles         = diag.Message{ID: "serve.files", Text: "{{.Count}} files"}
	msgOtherFiles    = diag.Message{ID: "serve.other-files", Text: "{{.Count}} other files"}
	msgPagesAndFiles = diag.Message{ID: "serve.pages-and-files", Text: "{{.Pages}} and {{.Files}}"}

	msgNoSiteDir    = diag.Message{ID: "serve.no-site-dir", Text: "no site directory {{.Dir}}"}
	msgNoSiteFile   = diag.Message{ID: "serve.no-site-file", Text: "{{.Dir}} holds no {{.File}}: run gen serve in the site's directory or name it with --source"}
	msgCannotWatch  = diag.Message{ID: "serve.cannot-watch", Text: "cannot watch {{.Dir}} for changes: {{.Err}}"}
	msgCannotListen = diag.Message{ID: "serve.cannot-listen", Text: "cannot listen on {{.Addr}}: {{.Err}}"}
	msgPortBusy     = diag.Message{ID: "serve.port-busy", Text: "port {{.Port}} on {{.Bind}} is already in use (by another gen serve, perhaps): stop that program, or choose another port with --port, or leave --port out to take the next free one"}
	msgPortsBusy    = diag.Message{ID: "serve.ports-busy", Text: "ports {{.First}} to {{.Last}} on {{.Bind}} are all in use: choose a free port with --port"}
	msgForeignHost  = diag.Message{ID: "serve.foreign-host", Text: "gen serve answers only to local addresses (localhost, 127.0.0.1, [::1]) and the names given with --bind or --baseURL"}
	msgPortTaken    = diag.Message{ID: "serve.port-taken", Text: "port {{.Port}} is busy, using {{.Using}}"}
)

// words are every string the error overlay and the warning panel show, in
// one language: the markup does not change with it.
type words struct {
	// errors heads the overlay: "The site does not build: 3 errors."
	errors func(n int) string
	// lastGood and fix say what the reader sees below it and what to do.
	lastGood, fix string
	// hide labels the overlay's close button; hideTitle is its tooltip.
	hide, hideTitle string
	// warning marks a warning among the errors of the overlay: "warning: ".
	warning string
	// warnings heads the panel: "3 warnings on this page, 12 on the site".
	warnings func(page, site int) string
	// panelHint says what a warning is.
	panelHint string
	// msg is a diagnostic's message.
	msg func(d *diag.Diagnostic) string
}

// wordsIn returns the words of the overlay and the panel in lang (English
// for a language gen does not speak).
func wordsIn(lang string) words {
	sp := speak.New(lang)
	return words{
		errors:    func(n int) string { return sp.Say(msgErrors, "Count", n) },
		lastGood:  sp.Say(msgLastGood),
		fix:       sp.Say(msgFix),
		hide:      sp.Say(msgHide),
		hideTitle: sp.Say(msgHideTitle),
		warning:   sp.Say(msgWarning),
		warnings: func(page, site int) string {
			if page == site {
				return sp.Say(msgWarningsPage, "Count", page)
			}
			return sp.Say(msgWarningsSite, "Count", page, "Site", site)
		},
		panelHint: sp.Say(msgPanelHint),
		msg:       sp.Message,
	}
}

// overlays is the error overlay in each language gen speaks, by language;
// nil when the last rebuild succeeded.
type overlays map[string]string

// in returns the overlay in lang, else in English.
func (o overlays) in(lang string) string {
	if v, ok := o[lang]; ok {
		return v
	}
	return o["en"]
}

// hidden tells tabs to hide the overlay, in every language.
func hidden() overlays {
	o := overlays{}
	for _, l := range speak.Langs() {
		o[l] = ""
	}
	return o
}

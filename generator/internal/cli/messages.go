package cli

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of the command line, in English; package speak says them
// in the language chosen by --lang or the locale.
var (
	msgUnknownCommand     = diag.Message{ID: "cli.unknown-command", Text: `gen: unknown command "{{.Command}}"`}
	msgUnknownCommandNear = diag.Message{ID: "cli.unknown-command-near", Text: `gen: unknown command "{{.Command}}"; did you mean "{{.Near}}"?`}
	msgUnknownOption      = diag.Message{ID: "cli.unknown-option", Text: "gen {{.Command}}: unknown option {{.Option}} (gen {{.Command}} -h lists every option)"}
	msgUnknownOptionNear  = diag.Message{ID: "cli.unknown-option-near", Text: "gen {{.Command}}: unknown option {{.Option}}; did you mean {{.Near}}? (gen {{.Command}} -h lists every option)"}
	msgBadOption          = diag.Message{ID: "cli.bad-option", Text: "gen {{.Command}}: {{.Problem}} (gen {{.Command}} -h lists every option)"}
	msgUnexpectedArg      = diag.Message{ID: "cli.unexpected-argument", Text: `gen {{.Command}}: unexpected argument "{{.Arg}}"`}

	msgBuildFailed = diag.Message{ID: "build.failed", Text: "{{.Count}} errors: nothing was published; the previous site in {{.Dest}} is unchanged"}
	msgBuilt       = diag.Message{ID: "build.built", Text: "built {{.Pages}} pages, {{.Files}} files in {{.Took}} into {{.Dest}}: {{.Written}} written, {{.Kept}} unchanged, {{.Removed}} removed"}

	msgCheckClean  = diag.Message{ID: "check.clean", Text: "no problems found in {{.Count}} content files"}
	msgCheckCounts = diag.Message{ID: "check.counts", Text: "{{.Errors}}, {{.Warnings}} in {{.Files}} content files"}
	msgErrors      = diag.Message{ID: "count.errors", Text: "{{.Count}} errors"}
	msgWarnings    = diag.Message{ID: "count.warnings", Text: "{{.Count}} warnings"}

	msgWrote      = diag.Message{ID: "new.wrote", Text: "wrote {{.File}}"}
	msgDraftNote  = diag.Message{ID: "new.draft", Text: `The release is a draft: preview it with gen serve --drafts, and remove "draft: true" when it may be published.`}
	msgNewSection = diag.Message{ID: "new.section", Text: "note: {{.Section}} is a new section"}

	msgServing        = diag.Message{ID: "serve.serving", Text: "Serving the site at {{.URL}} (press Ctrl-C to stop)"}
	msgEveryInterface = diag.Message{ID: "serve.every-interface", Text: "Listening on every network interface: from another device, open http://<this computer's address>:{{.Port}}{{.Path}}"}
	msgStopped        = diag.Message{ID: "serve.stopped", Text: "stopped"}

	msgStatusPage     = diag.Message{ID: "status.page", Text: "page"}
	msgStatusList     = diag.Message{ID: "status.list", Text: "{{.Key}}/ (list)"}
	msgStatusHome     = diag.Message{ID: "status.home", Text: "/ (home)"}
	msgStatusNoPages  = diag.Message{ID: "status.no-pages", Text: "(no pages)"}
	msgStatusDraft    = diag.Message{ID: "status.draft", Text: "{{.State}} (draft)"}
	msgStatusSource   = diag.Message{ID: "status.source", Text: "source"}
	msgStatusOK       = diag.Message{ID: "status.ok", Text: "ok"}
	msgStatusStale    = diag.Message{ID: "status.stale", Text: "STALE"}
	msgStatusMissing  = diag.Message{ID: "status.missing", Text: "missing"}
	msgStatusUnmarked = diag.Message{ID: "status.unmarked", Text: "unmarked"}
	msgStatusCounts   = diag.Message{ID: "status.counts", Text: "{{.Stale}} out of date, {{.Missing}} missing, {{.Unmarked}} not marked"}
	msgStatusLegend   = diag.Message{ID: "status.legend", Text: "source: the original; ok: translated from its current text; STALE: the original changed since, update the translation;\nmissing: no file, or one still holding the original's text; unmarked: not known what it was translated from; (draft): not published yet.\nAfter updating or checking a translation, record it: gen status --mark <lang> <page>"}
	msgStatusProblems = diag.Message{ID: "status.problems", Text: "{{.Count}} problems in content files: the pages they belong to may be shown incomplete (gen check lists everything)"}
)

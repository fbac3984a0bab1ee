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

// The help of every command, and the words of its options.
var (
	msgHelpHead    = diag.Message{ID: "help.head", Text: "{{.Summary}}\n\nUsage: gen {{.Command}} [options]\n\nOptions:"}
	msgHelpDefault = diag.Message{ID: "help.default", Text: " (default {{.Value}})"}
	msgHelpBuild   = diag.Message{ID: "help.build", Text: "Build the site into a directory (public/ by default). If anything is wrong,\nevery problem is listed with its file and line and the old output is kept."}

	msgFlagLang     = diag.Message{ID: "flag.lang", Text: "the `language` of gen's messages: en, ru or zh (default: from LC_ALL, LC_MESSAGES or LANG, else en)"}
	msgFlagSource   = diag.Message{ID: "flag.source", Text: "the site `directory` (holding site.yaml and content/)"}
	msgFlagDrafts   = diag.Message{ID: "flag.drafts", Text: "include releases marked draft: true"}
	msgFlagFuture   = diag.Message{ID: "flag.future", Text: "include releases whose date or publishDate is still ahead"}
	msgFlagNow      = diag.Message{ID: "flag.now", Text: "build as if it were this `time` (2024-05-17 or 2024-05-17T10:00:00+08:00); default: $SOURCE_DATE_EPOCH, else the clock"}
	msgFlagBaseURL  = diag.Message{ID: "flag.base-url", Text: "publish under this `URL` instead of site.yaml's baseURL"}
	msgFlagCacheDir = diag.Message{ID: "flag.cache-dir", Text: "keep the resized pictures in this `directory` (relative to the site's folder), so that the next build need not make them again (default: gen/images in your cache folder, such as ~/.cache/gen/images); CI can keep it between runs"}

	msgFlagBuildDestination = diag.Message{ID: "flag.build.destination", Text: "write the site into this `directory`; a relative one lies in the site's folder, as in Hugo (default: public); files gen did not write there are kept"}
	msgFlagCleanDestination = diag.Message{ID: "flag.build.clean-destination", Text: "also remove from the destination what gen did not write (except .git)"}
	msgFlagMinify           = diag.Message{ID: "flag.build.minify", Text: "make the HTML, CSS, JavaScript, SVG, XML and JSON smaller"}
	msgFlagQuiet            = diag.Message{ID: "flag.build.quiet", Text: "print nothing but errors (no warnings)"}
	msgFlagVerbose          = diag.Message{ID: "flag.build.verbose", Text: "also print how long each stage took (on standard error)"}
)

// The mistakes on the command line, and gen build's other lines.
var (
	msgCommandError = diag.Message{ID: "cli.command-error", Text: "gen {{.Command}}: {{.Err}}"}
	msgBadNow       = diag.Message{ID: "cli.bad-now", Text: "--now: {{.Value}} is not a time (write 2024-05-17 or 2024-05-17T10:00:00+08:00)"}
	msgBadEpoch     = diag.Message{ID: "cli.bad-epoch", Text: "SOURCE_DATE_EPOCH: {{.Value}} is not a number of seconds"}
	msgNeedsValue   = diag.Message{ID: "cli.needs-value", Text: "option needs an argument: {{.Option}}"}
	msgBadBool      = diag.Message{ID: "cli.bad-bool", Text: "invalid value {{.Value}} for option {{.Option}}: write true or false"}
	msgBadValue     = diag.Message{ID: "cli.bad-value", Text: "invalid value {{.Value}} for option {{.Option}}: {{.Problem}}"}
	msgNotANumber   = diag.Message{ID: "cli.not-a-number", Text: "not a number"}
	msgOutOfRange   = diag.Message{ID: "cli.out-of-range", Text: "out of range"}
	msgPollInterval = diag.Message{ID: "serve.poll-interval", Text: "write an interval such as 500ms or 2s"}

	msgRecovered    = diag.Message{ID: "build.recovered", Text: "finished publishing the build that was interrupted earlier in {{.Dest}}"}
	msgCleaned      = diag.Message{ID: "build.cleaned", Text: "removed {{.Count}} entries gen did not write (--clean-destination)"}
	msgBuildStopped = diag.Message{ID: "build.stopped", Text: "gen build: stopped: nothing was published; the previous site in {{.Dest}} is unchanged"}
)

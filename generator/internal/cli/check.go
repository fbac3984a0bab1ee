package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/check"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

var (
	msgHelpCheck = diag.Message{ID: "help.check", Text: `Find mistakes before they are published, with the rules gen build and
gen serve keep (links between pages, headings that links point to, pictures,
events, tags, translations, the message files), plus every link of the built
site, the theme's too. Nothing is written.

Errors make the exit status 1; warnings do not, unless --strict. Out-of-date
and missing translations are warnings; --fail-on stale,missing makes them
errors (for CI).`}
	msgFlagCheckFormat = diag.Message{ID: "flag.check.format", Text: "output `format`: text (path:line:col: severity: message), json, or github (annotations for GitHub Actions)"}
	msgFlagStrict      = diag.Message{ID: "flag.check.strict", Text: "fail on warnings too (except translation gaps, see --fail-on, and tags written as words of a language)"}
	msgFlagFailOn      = diag.Message{ID: "flag.check.fail-on", Text: "fail on these translation gaps: `stale,missing` (either or both)"}

	msgCheckBadFormat = diag.Message{ID: "check.bad-format", Text: "gen check: --format {{.Format}}: use {{.Formats}}"}
	msgCheckBadFailOn = diag.Message{ID: "check.bad-fail-on", Text: "gen check: --fail-on {{.Gap}}: use stale, missing or stale,missing"}
)

func runCheck(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("check", msgHelpCheck, stderr, sp)
	var c common
	c.register(fs, sp)
	format := fs.String("format", "text", sp.Say(msgFlagCheckFormat))
	strict := fs.Bool("strict", false, sp.Say(msgFlagStrict))
	failOn := fs.String("fail-on", "", sp.Say(msgFlagFailOn))
	cacheDir := cacheDirFlag(fs, sp)
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	if !slices.Contains(check.Formats(), *format) {
		fmt.Fprintln(stderr, sp.Say(msgCheckBadFormat, "Format", *format, "Formats", strings.Join(check.Formats(), ", ")))
		return 2
	}
	var gaps []string
	for _, g := range strings.Split(*failOn, ",") {
		switch g = strings.TrimSpace(g); g {
		case "":
		case check.FailStale, check.FailMissing:
			gaps = append(gaps, g)
		default:
			fmt.Fprintln(stderr, sp.Say(msgCheckBadFailOn, "Gap", g))
			return 2
		}
	}
	now, err := c.clock(getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "check", "Err", err))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r, err := check.Run(ctx, check.Options{
		Source: c.source, BaseURL: c.baseURL, Drafts: c.drafts, Future: c.future, Now: now, FailOn: gaps,
		Images: pictureCache(*cacheDir, c.source),
	})
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "check", "Err", err))
		return 1
	}
	if *format == "text" {
		for _, d := range r.Diagnostics {
			fmt.Fprintln(stdout, sp.Text(d))
		}
	} else if err := check.Write(stdout, localized(r.Diagnostics, *format, sp), *format, repoPrefix(c.source)); err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "check", "Err", err))
		return 1
	}
	errs, warnings := r.Counts()
	switch {
	case errs == 0 && warnings == 0:
		fmt.Fprintln(stderr, sp.Say(msgCheckClean, "Count", r.Files))
	default:
		fmt.Fprintln(stderr, sp.Say(msgCheckCounts, "Errors", sp.Say(msgErrors, "Count", errs),
			"Warnings", sp.Say(msgWarnings, "Count", warnings), "Files", r.Files))
	}
	if r.Failed(*strict) {
		return 1
	}
	return 0
}

// localized returns the diagnostics with their messages in the speaker's
// language, except for the JSON format, which tools read: it keeps English.
func localized(ds []*diag.Diagnostic, format string, sp *speak.Speaker) []*diag.Diagnostic {
	if format == "json" {
		return ds
	}
	out := make([]*diag.Diagnostic, len(ds))
	for i, d := range ds {
		c := *d
		c.Msg = sp.Message(d)
		out[i] = &c
	}
	return out
}

// repoPrefix is the site directory relative to the working directory,
// which GitHub annotations need when the site is not at the repository root.
func repoPrefix(source string) string {
	if source == "" || source == "." {
		return ""
	}
	p := source
	if filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return ""
		}
		rel, err := filepath.Rel(wd, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			return ""
		}
		p = rel
	}
	return filepath.ToSlash(filepath.Clean(p))
}

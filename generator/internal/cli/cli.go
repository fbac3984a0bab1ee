// Package cli parses gen's command line and calls one package per command.
//
// Rules: exit status 0 when all went well, 1 for content or build errors,
// 2 for bad usage. The clock is --now, else SOURCE_DATE_EPOCH, else the
// system clock. Messages go to stderr, results to stdout. Every line gen
// prints (messages, each command's help and options, what a command did,
// gen status's table, gen check's text) speaks the language of --lang
// (every command but gen new, whose --lang names the files to write), else
// of LC_ALL, LC_MESSAGES or LANG, else English (package speak); places
// (path:line:col), file names, option names and gen check's JSON stay as
// they are.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/speak"
)

// version reports the module version and, for a build from a checkout, the
// commit it was built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" {
		v += " " + rev[:min(12, len(rev))] + modified
	}
	return v + " " + bi.GoVersion
}

var msgUsage = diag.Message{ID: "cli.usage", Text: `gen builds the event news site: Markdown releases in content/, one file per
language, become a static site in public/.

Usage:
  gen <command> [options]

Commands:
  init      start a new site: gen init my-site
  build     build the site into public/
  serve     preview the site at http://127.0.0.1:1313/ while you edit
  new       start a release in every language: gen new news/my-release
  check     find mistakes in content, links and translations
  status    show which translations are missing or out of date
  deploy    publish the built site to S3, Google Cloud Storage, Azure or a folder
  version   print the version of gen
  help      show this help, or "gen help build" for one command

Run "gen <command> -h" to see a command's options. gen speaks the
language of --lang zh, ru or en, else of LANG.
`}

var msgStartSite = diag.Message{ID: "cli.start-site", Text: "To start a site of your own: gen init my-site"}

// Main runs gen with args and returns the exit status.
func Main(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		sp, _ := speaker("", nil, getenv)
		if siteStatus(".", stdout, sp) {
			return 0
		}
		fmt.Fprint(stderr, sp.Say(msgUsage)+"\n"+sp.Say(msgStartSite)+"\n")
		return 2
	}
	cmd, rest := args[0], args[1:]
	sp, err := speaker(cmd, rest, getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", cmd, "Err", err))
		return 2
	}
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr, getenv, sp)
	case "serve", "server":
		return runServe(rest, stdout, stderr, getenv)
	case "init":
		return runInit("init", rest, stdout, stderr, sp)
	case "new":
		if len(rest) > 0 && rest[0] == "site" {
			return runInit("new site", rest[1:], stdout, stderr, sp)
		}
		return runNew(rest, stdout, stderr, getenv, sp)
	case "check":
		return runCheck(rest, stdout, stderr, getenv, sp)
	case "status":
		return runStatus(rest, stdout, stderr, getenv, sp)
	case "deploy":
		return runDeploy(rest, stdout, stderr, getenv, sp)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "gen %s\n", version())
		return 0
	case "help", "-h", "--help":
		if len(rest) > 0 && rest[0] != "" && !strings.HasPrefix(rest[0], "-") {
			return Main(append([]string{rest[0], "-h"}, rest[1:]...), stdout, stderr, getenv)
		}
		fmt.Fprint(stdout, sp.Say(msgUsage))
		return 0
	default:
		if near := nearest(cmd, commands); near != "" {
			fmt.Fprint(stderr, sp.Say(msgUnknownCommandNear, "Command", cmd, "Near", near))
		} else {
			fmt.Fprint(stderr, sp.Say(msgUnknownCommand, "Command", cmd))
		}
		fmt.Fprintf(stderr, "\n\n%s", sp.Say(msgUsage))
		return 2
	}
}

// speaker returns the speaker of gen's messages for cmd with args: the
// language of --lang (but gen new's --lang names the files to write),
// else of the locale (speak.Choose).
func speaker(cmd string, args []string, getenv func(string) string) (*speak.Speaker, error) {
	var flag string
	if cmd != "new" || len(args) > 0 && args[0] == "site" {
		flag = langArg(args)
	}
	lang, err := speak.Choose(flag, getenv)
	return speak.New(lang), err
}

// langArg returns the value of the option --lang in args, before any "--".
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// commands are the names Main suggests.
var commands = []string{"init", "build", "serve", "new", "check", "status", "deploy", "version", "help"}

// common holds the options every site command shares.
type common struct {
	source  string
	drafts  bool
	future  bool
	now     string
	baseURL string
}

func (c *common) register(fs *flag.FlagSet, sp *speak.Speaker) {
	fs.StringVar(&c.source, "source", ".", sp.Say(msgFlagSource))
	fs.BoolVar(&c.drafts, "drafts", false, sp.Say(msgFlagDrafts))
	fs.BoolVar(&c.future, "future", false, sp.Say(msgFlagFuture))
	fs.StringVar(&c.now, "now", "", sp.Say(msgFlagNow))
	fs.StringVar(&c.baseURL, "baseURL", "", sp.Say(msgFlagBaseURL))
	alias(fs, "source", "s")
	alias(fs, "drafts", "D", "buildDrafts")
	alias(fs, "future", "F", "buildFuture")
	alias(fs, "baseURL", "b", "baseurl")
}

// cacheDirFlag registers --cacheDir (Hugo's name) on a command that
// builds.
func cacheDirFlag(fs *flag.FlagSet, sp *speak.Speaker) *string {
	return fs.String("cacheDir", "", sp.Say(msgFlagCacheDir))
}

// pictureCache is the picture cache in dir (relative to the site's
// folder, source, as --destination is), else in gen's folder of the
// user's cache folder, else (without one) in memory.
func pictureCache(dir, source string) *images.Cache {
	switch {
	case dir == "":
		dir = images.DefaultDir()
	case !filepath.IsAbs(dir) && source != "":
		dir = filepath.Join(source, dir)
	}
	return images.NewCache(dir)
}

// aliasUsage marks a flag registered by alias, which help does not list on
// its own line.
const aliasUsage = "\x00alias"

// alias makes others further names of the flag name: the ones Hugo's users
// type (-D, --buildDrafts, -d, -p). Help lists them with the flag.
func alias(fs *flag.FlagSet, name string, others ...string) {
	f := fs.Lookup(name)
	for _, o := range others {
		fs.Var(f.Value, o, aliasUsage+name)
	}
}

// aliasesOf lists the other names of the flag name.
func aliasesOf(fs *flag.FlagSet, name string) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage == aliasUsage+name {
			out = append(out, dashes(f.Name))
		}
	})
	return out
}

// dashes writes a flag as it is typed: -D, --drafts.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func (c *common) clock(getenv func(string) string) (time.Time, error) {
	return resolveNow(c.now, getenv("SOURCE_DATE_EPOCH"), time.Now)
}

func resolveNow(flagValue, epoch string, now func() time.Time) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				return t, nil
			}
		}
		return time.Time{}, msgBadNow.At("", 0, 0, "Value", strconv.Quote(flagValue))
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, msgBadEpoch.At("", 0, 0, "Value", strconv.Quote(epoch))
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return now(), nil
}

// newFlags returns the options of the command name, whose help, in the
// language of sp, starts with summary.
func newFlags(name string, summary diag.Message, stderr io.Writer, sp *speak.Speaker) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if name != "new" {
		fs.String("lang", "", sp.Say(msgFlagLang))
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, sp.Say(msgHelpHead, "Summary", summary, "Command", name))
		fs.VisitAll(func(f *flag.Flag) {
			if strings.HasPrefix(f.Usage, aliasUsage) {
				return
			}
			arg, text := flag.UnquoteUsage(f)
			if arg != "" {
				arg = " " + strings.ToUpper(arg)
			}
			names := append([]string{"--" + f.Name}, aliasesOf(fs, f.Name)...)
			fmt.Fprintf(stderr, "  %s%s\n        %s", strings.Join(names, ", "), arg, text)
			if f.DefValue != "" && f.DefValue != "false" {
				fmt.Fprint(stderr, sp.Say(msgHelpDefault, "Value", strconv.Quote(f.DefValue)))
			}
			fmt.Fprintln(stderr)
		})
	}
	return fs
}

// parse returns -1 to continue, else an exit status. A mistake gets one
// line, with the nearest option, instead of the whole help.
func parse(fs *flag.FlagSet, args []string, sp *speak.Speaker) int {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return 0
	case err != nil:
		fmt.Fprintln(out, flagProblem(fs, err, sp))
		return 2
	case fs.NArg() > 0:
		fmt.Fprintln(out, sp.Say(msgUnexpectedArg, "Command", fs.Name(), "Arg", fs.Arg(0)))
		return 2
	}
	return -1
}

// flagProblem says what is wrong in words, with the nearest option for
// one gen does not know.
func flagProblem(fs *flag.FlagSet, err error, sp *speak.Speaker) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return sp.Say(msgBadOption, "Command", fs.Name(), "Problem", flagError(err.Error(), sp))
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	near := nearest(name, names)
	if near == "" {
		return sp.Say(msgUnknownOption, "Command", fs.Name(), "Option", dashes(name))
	}
	// The spelling nearest to the hand that typed it: a Hugo user's
	// --buildDrafs gets --buildDrafts, which gen takes too.
	return sp.Say(msgUnknownOptionNear, "Command", fs.Name(), "Option", dashes(name), "Near", dashes(near))
}

// flagError says in the speaker's language what package flag wrote in
// English: an option without its value, or with a value it does not take.
func flagError(e string, sp *speak.Speaker) string {
	if name, ok := strings.CutPrefix(e, "flag needs an argument: "); ok {
		return sp.Say(msgNeedsValue, "Option", name)
	}
	if rest, ok := strings.CutPrefix(e, "invalid boolean value "); ok {
		if value, rest, ok := strings.Cut(rest, " for "); ok {
			name, problem, _ := strings.Cut(rest, ": ")
			if problem == msgPollInterval.Text { // --poll, a boolean that takes an interval too
				return sp.Say(msgBadValue, "Value", value, "Option", name, "Problem", msgPollInterval)
			}
			return sp.Say(msgBadBool, "Value", value, "Option", name)
		}
	}
	if rest, ok := strings.CutPrefix(e, "invalid value "); ok {
		if value, rest, ok := strings.Cut(rest, " for flag "); ok {
			name, problem, _ := strings.Cut(rest, ": ")
			if m, ok := valueProblems[problem]; ok {
				problem = sp.Say(m)
			}
			return sp.Say(msgBadValue, "Value", value, "Option", name, "Problem", problem)
		}
	}
	return strings.Replace(e, "flag ", "option ", 1)
}

// valueProblems are the words for what package flag says of a number it
// does not take.
var valueProblems = map[string]diag.Message{
	"parse error":        msgNotANumber,
	"value out of range": msgOutOfRange,
}

// nearest returns the candidate closest to s, ignoring case, if it is
// close enough to be what was meant: about a third of its letters off at
// most.
func nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := diag.Distance(strings.ToLower(s), strings.ToLower(c))
		if 3*d <= len(s)+1 && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

func runBuild(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("build", msgHelpBuild, stderr, sp)
	var c common
	c.register(fs, sp)
	dest := fs.String("destination", "", sp.Say(msgFlagBuildDestination))
	clean := fs.Bool("clean-destination", false, sp.Say(msgFlagCleanDestination))
	minify := fs.Bool("minify", false, sp.Say(msgFlagMinify))
	quiet := fs.Bool("quiet", false, sp.Say(msgFlagQuiet))
	verbose := fs.Bool("verbose", false, sp.Say(msgFlagVerbose))
	cacheDir := cacheDirFlag(fs, sp)
	alias(fs, "destination", "d")
	alias(fs, "clean-destination", "cleanDestinationDir")
	alias(fs, "verbose", "v")
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	now, err := c.clock(getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "build", "Err", err))
		return 2
	}
	var log io.Writer
	if *verbose {
		log = stderr
	}
	if *dest == "" {
		*dest = "public"
	}
	if !filepath.IsAbs(*dest) {
		*dest = filepath.Join(c.source, *dest)
	}
	if getenv("GOGC") == "" {
		// A build keeps little and makes much short-lived garbage:
		// collecting at 1.75 times the live heap instead of 2 keeps peak
		// memory about a tenth lower (126 MiB instead of 139 at 1,000 x
		// 3, medians of five runs) for no measurable time.
		debug.SetGCPercent(75)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	var progress io.Writer
	if !*quiet {
		progress = stderr
	}
	res, err := build.Run(ctx, build.Options{
		Source: c.source, Destination: *dest, CleanDestination: *clean, Minify: *minify, BaseURL: c.baseURL,
		Drafts: c.drafts, Future: c.future, Now: now, Log: log,
		Images: pictureCache(*cacheDir, c.source), Progress: progress, Speaker: sp,
	})
	var warnings []*diag.Diagnostic
	if res != nil {
		warnings = res.Warnings
	}
	if err != nil {
		return reportBuild(stderr, *dest, err, warnings, sp)
	}
	if *quiet {
		return 0
	}
	for _, w := range warnings {
		fmt.Fprintln(stderr, sp.Line(w))
	}
	printBuilt(stdout, res, *dest, time.Since(start), sp)
	return 0
}

// printBuilt says what a build made and what it changed on disk.
func printBuilt(stdout io.Writer, res *build.Result, dest string, took time.Duration, sp *speak.Speaker) {
	pages := 0
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".html") {
			pages++
		}
	}
	p := res.Published
	if p.Recovered {
		fmt.Fprintln(stdout, sp.Say(msgRecovered, "Dest", dest))
	}
	fmt.Fprintln(stdout, sp.Say(msgBuilt, "Pages", pages, "Files", len(res.Files), "Took", took.Round(time.Millisecond),
		"Dest", dest, "Written", p.Written, "Kept", p.Kept, "Removed", p.Removed))
	if p.Cleaned > 0 {
		fmt.Fprintln(stdout, sp.Say(msgCleaned, "Count", p.Cleaned))
	}
}

// reportBuild prints why a build failed, with its warnings among the
// errors in file order, and what is in the destination now, and returns
// the exit status.
func reportBuild(stderr io.Writer, dest string, err error, warnings []*diag.Diagnostic, sp *speak.Speaker) int {
	var refused *publish.Refused
	var failure *publish.Failure
	switch {
	case errors.As(err, &refused):
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "build", "Err", err))
		return 2
	case errors.As(err, &failure):
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "build", "Err", err))
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, sp.Say(msgBuildStopped, "Dest", dest))
		return 1
	}
	ds := diag.Flatten(err)
	all := append(slices.Clone(ds), warnings...)
	slices.SortStableFunc(all, diag.Compare)
	for _, d := range all {
		fmt.Fprintln(stderr, sp.Line(d))
	}
	fmt.Fprintln(stderr, sp.Say(msgBuildFailed, "Count", len(ds), "Dest", dest))
	return 1
}

// report prints every diagnostic in err and returns the exit status.
func report(stderr io.Writer, err error, sp *speak.Speaker) int {
	for _, d := range diag.Flatten(err) {
		fmt.Fprintln(stderr, sp.Line(d))
	}
	return 1
}

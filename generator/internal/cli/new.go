package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/newrelease"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
)

var (
	msgHelpNew = diag.Message{ID: "help.new", Text: `Start a release: one file per language, from the archetype, marked draft.

  gen new news/harbin-expo                  all languages, title "Harbin Expo"
  gen new news --title "第八届中俄博览会开幕"   the name is made from the title
  gen new news/harbin-expo --lang ru        only the Russian file
  gen new news/harbin-expo --event          with an event block to fill in

The name becomes the web address: lower-case Latin letters, digits and
hyphens. Existing files are never overwritten.`}
	msgFlagNewNow   = diag.Message{ID: "flag.new.now", Text: "date the release as if it were this `time`; default: $SOURCE_DATE_EPOCH, else the clock"}
	msgFlagNewTitle = diag.Message{ID: "flag.new.title", Text: "the release's `title`, in any language; without a name, the name is made from it"}
	msgFlagNewLang  = diag.Message{ID: "flag.new.lang", Text: "write only these `languages` (comma-separated, like ru or zh,ru); default: all"}
	msgFlagEvent    = diag.Message{ID: "flag.new.event", Text: "the release is about an event: write its block (dates, city, venue) ready to fill in"}
)

// The lines of gen new.
var (
	msgNewOneRelease  = diag.Message{ID: "new.one-release", Text: "gen new: one release at a time (got {{.Args}})"}
	msgNewNoSlug      = diag.Message{ID: "new.no-slug", Text: "gen new: cannot make a web address from the title; name the release yourself: gen new {{.Section}}/<name> --title ..."}
	msgNewName        = diag.Message{ID: "new.name", Text: "name: {{.Slug}} (from the title{{.Shortened}})"}
	msgNewShortened   = diag.Message{ID: "new.shortened", Text: ", shortened to {{.Count}} characters"}
	msgNewAmbiguous   = diag.Message{ID: "new.ambiguous", Text: "note: some characters can be read more than one way ({{.Chars}}); the name uses the first reading. If it reads wrong, choose the name yourself: gen new {{.Section}}/<name> --title ..."}
	msgNewNotSiteLang = diag.Message{ID: "new.not-site-lang", Text: "gen new: --lang {{.Lang}}: not a language of this site ({{.Langs}})"}
)

func runNew(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("new", msgHelpNew, stderr, sp)
	var c common
	fs.StringVar(&c.source, "source", ".", sp.Say(msgFlagSource))
	fs.StringVar(&c.now, "now", "", sp.Say(msgFlagNewNow))
	title := fs.String("title", "", sp.Say(msgFlagNewTitle))
	langs := fs.String("lang", "", sp.Say(msgFlagNewLang))
	event := fs.Bool("event", false, sp.Say(msgFlagEvent))
	pos, code := parseArgs(fs, args, sp)
	if code >= 0 {
		return code
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, sp.Say(msgNewOneRelease, "Args", strings.Join(pos, " ")))
		return 2
	}
	now, err := c.clock(getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "new", "Err", err))
		return 2
	}
	site, err := sitefs.Open(c.source)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "new", "Err", err))
		return 2
	}
	defer site.Close()
	cfg, err := config.Load(site)
	if err != nil {
		return report(stderr, err, sp)
	}
	var arg string
	if len(pos) == 1 {
		arg = strings.TrimSuffix(strings.TrimPrefix(pos[0], "content/"), "/")
	}

	relPath, ok := releasePath(site, arg, *title, stdout, stderr, sp)
	if !ok {
		return 2
	}
	if err := newrelease.ValidatePath(relPath); err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "new", "Err", err))
		return 2
	}
	only, ok := onlyLangs(*langs, cfg, stderr, sp)
	if !ok {
		return 2
	}
	plan, err := newrelease.Prepare(newrelease.Options{FS: build.WithDefaultTheme(site), Config: cfg, Path: relPath, Title: *title, Langs: only, Now: now, Event: *event})
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "new", "Err", err))
		return 1
	}
	if plan.NewSection != "" {
		fmt.Fprintln(stderr, sp.Say(msgNewSection, "Section", plan.NewSection))
	}
	done, err := newrelease.Write(c.source, plan.Files)
	for _, p := range done {
		fmt.Fprintln(stdout, sp.Say(msgWrote, "File", filepath.Join(c.source, filepath.FromSlash(p))))
	}
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "new", "Err", err))
		return 1
	}
	fmt.Fprintln(stdout, sp.Say(msgDraftNote))
	return 0
}

// releasePath is arg, or with a title and no release named, the section
// (arg, or news) and a name made from the title, which it tells; false
// when none can be made.
func releasePath(site fs.FS, arg, title string, stdout, stderr io.Writer, sp *speak.Speaker) (string, bool) {
	relPath := arg
	if strings.TrimSpace(title) != "" && (arg == "" || isSection(site, arg)) {
		section := arg
		if section == "" {
			section = "news"
		}
		p := newrelease.ProposeSlug(title)
		if p.Slug == "" {
			fmt.Fprintln(stderr, sp.Say(msgNewNoSlug, "Section", section))
			return "", false
		}
		relPath = section + "/" + p.Slug
		var shortened string
		if p.Shortened {
			shortened = sp.Say(msgNewShortened, "Count", newrelease.MaxSlug)
		}
		fmt.Fprintln(stdout, sp.Say(msgNewName, "Slug", p.Slug, "Shortened", shortened))
		if len(p.Ambiguous) > 0 {
			var ws []string
			for _, a := range p.Ambiguous {
				ws = append(ws, a.Char+" "+strings.Join(a.Readings, "/"))
			}
			fmt.Fprintln(stderr, sp.Say(msgNewAmbiguous, "Chars", strings.Join(ws, ", "), "Section", section))
		}
	}
	return relPath, true
}

// onlyLangs reads --lang: the languages listed, once each, or nil for
// all; false when one is not a language of the site.
func onlyLangs(langs string, cfg *config.Site, stderr io.Writer, sp *speak.Speaker) ([]string, bool) {
	var only []string
	if langs != "" {
		for _, l := range strings.Split(langs, ",") {
			if l = strings.TrimSpace(l); l != "" && !slices.Contains(only, l) {
				only = append(only, l)
			}
		}
		for _, l := range only {
			if _, ok := cfg.Language(l); !ok {
				fmt.Fprintln(stderr, sp.Say(msgNewNotSiteLang, "Lang", l, "Langs", strings.Join(cfg.Codes(), ", ")))
				return nil, false
			}
		}
	}
	return only, true
}

// isSection reports whether p is a directory under content/ that is not a
// page bundle.
func isSection(fsys fs.FS, p string) bool {
	dir := path.Join("content", p)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && (name == "index.md" || strings.HasPrefix(name, "index.") && strings.HasSuffix(name, ".md")) {
			return false
		}
	}
	return true
}

// parseArgs parses flags that may come before or after the arguments and
// returns the arguments, with -1 to continue, else an exit status. A
// mistake gets one line, as for parse.
func parseArgs(fs *flag.FlagSet, args []string, sp *speak.Speaker) ([]string, int) {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	defer func() { fs.SetOutput(out); fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			usage()
			return nil, 0
		} else if err != nil {
			fmt.Fprintln(out, flagProblem(fs, err, sp))
			return nil, 2
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

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
	"github.com/eventnews/gen/generator/internal/newrelease"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
)

const newHelp = `Start a release: one file per language, from the archetype, marked draft.

  gen new news/harbin-expo                  all languages, title "Harbin Expo"
  gen new news --title "第八届中俄博览会开幕"   the name is made from the title
  gen new news/harbin-expo --lang ru        only the Russian file
  gen new news/harbin-expo --event          with an event block to fill in

The name becomes the web address: lower-case Latin letters, digits and
hyphens. Existing files are never overwritten.`

func runNew(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("new", newHelp, stderr)
	var c common
	fs.StringVar(&c.source, "source", ".", "the site `directory` (holding site.yaml and content/)")
	fs.StringVar(&c.now, "now", "", "date the release as if it were this `time`; default: $SOURCE_DATE_EPOCH, else the clock")
	title := fs.String("title", "", "the release's `title`, in any language; without a name, the name is made from it")
	langs := fs.String("lang", "", "write only these `languages` (comma-separated, like ru or zh,ru); default: all")
	event := fs.Bool("event", false, "the release is about an event: write its block (dates, city, venue) ready to fill in")
	pos, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "gen new: one release at a time (got %s)\n", strings.Join(pos, " "))
		return 2
	}
	now, err := c.clock(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "gen new:", err)
		return 2
	}
	site, err := sitefs.Open(c.source)
	if err != nil {
		fmt.Fprintln(stderr, "gen new:", err)
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

	relPath, ok := releasePath(site, arg, *title, stdout, stderr)
	if !ok {
		return 2
	}
	if err := newrelease.ValidatePath(relPath); err != nil {
		fmt.Fprintln(stderr, "gen new:", err)
		return 2
	}
	only, ok := onlyLangs(*langs, cfg, stderr)
	if !ok {
		return 2
	}
	plan, err := newrelease.Prepare(newrelease.Options{FS: build.WithDefaultTheme(site), Config: cfg, Path: relPath, Title: *title, Langs: only, Now: now, Event: *event})
	if err != nil {
		fmt.Fprintln(stderr, "gen new:", err)
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
		fmt.Fprintln(stderr, "gen new:", err)
		return 1
	}
	fmt.Fprintln(stdout, sp.Say(msgDraftNote))
	return 0
}

// releasePath is arg, or with a title and no release named, the section
// (arg, or news) and a name made from the title, which it tells; false
// when none can be made.
func releasePath(site fs.FS, arg, title string, stdout, stderr io.Writer) (string, bool) {
	relPath := arg
	if strings.TrimSpace(title) != "" && (arg == "" || isSection(site, arg)) {
		section := arg
		if section == "" {
			section = "news"
		}
		p := newrelease.ProposeSlug(title)
		if p.Slug == "" {
			fmt.Fprintf(stderr, "gen new: cannot make a web address from the title; name the release yourself: gen new %s/<name> --title ...\n", section)
			return "", false
		}
		relPath = section + "/" + p.Slug
		msg := "name: " + p.Slug + " (from the title"
		if p.Shortened {
			msg += fmt.Sprintf(", shortened to %d characters", newrelease.MaxSlug)
		}
		fmt.Fprintln(stdout, msg+")")
		if len(p.Ambiguous) > 0 {
			var ws []string
			for _, a := range p.Ambiguous {
				ws = append(ws, a.Char+" "+strings.Join(a.Readings, "/"))
			}
			fmt.Fprintf(stderr, "note: some characters can be read more than one way (%s); the name uses the first reading. If it reads wrong, choose the name yourself: gen new %s/<name> --title ...\n", strings.Join(ws, ", "), section)
		}
	}
	return relPath, true
}

// onlyLangs reads --lang: the languages listed, once each, or nil for
// all; false when one is not a language of the site.
func onlyLangs(langs string, cfg *config.Site, stderr io.Writer) ([]string, bool) {
	var only []string
	if langs != "" {
		for _, l := range strings.Split(langs, ",") {
			if l = strings.TrimSpace(l); l != "" && !slices.Contains(only, l) {
				only = append(only, l)
			}
		}
		for _, l := range only {
			if _, ok := cfg.Language(l); !ok {
				fmt.Fprintf(stderr, "gen new: --lang %s: not a language of this site (%s)\n", l, strings.Join(cfg.Codes(), ", "))
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
// returns the arguments, with -1 to continue, else an exit status.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0
			}
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

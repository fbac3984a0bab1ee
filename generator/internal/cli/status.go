package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/status"
)

var (
	msgHelpStatus = diag.Message{ID: "help.status", Text: `Show which translations are up to date, out of date or missing.

  gen status                          a table of pages and languages
  gen status --format json            the same for other programs
  gen status --mark ru news/x         after updating the Russian translation of
                                      news/x, record that it matches the source
  gen status --mark ru,en x           the same for two languages; a page is
                                      news/x, its name x, or a file path

A translation is up to date ("ok") when it records the revision of the source
it was translated from (translatedFrom in its front matter) and the source's
text has not changed since; "STALE" when it has.`}
	msgFlagStatusFormat = diag.Message{ID: "flag.status.format", Text: "output `format`: text or json"}
	msgFlagMark         = diag.Message{ID: "flag.status.mark", Text: "record that the translations in these `languages` (ru, or ru,en) of the pages named after the options are up to date"}
	msgFlagFrom         = diag.Message{ID: "flag.status.from", Text: "with --mark: the `language` translated from (default: the one recorded, else the site's default language)"}
)

// The lines of gen status and gen status --mark.
var (
	msgStatusBadFormat   = diag.Message{ID: "status.bad-format", Text: "gen status: --format {{.Format}}: use text or json"}
	msgStatusNeedsMark   = diag.Message{ID: "status.needs-mark", Text: "gen status: pages and --from go with --mark LANG, like: gen status --mark ru news/harbin-expo"}
	msgStatusNeedsPages  = diag.Message{ID: "status.needs-pages", Text: "gen status: --mark needs the pages to mark, like: gen status --mark ru news/harbin-expo"}
	msgStatusNotSiteLang = diag.Message{ID: "status.not-site-lang", Text: "gen status: {{.Lang}} is not a language of this site ({{.Langs}})"}
	msgStatusAmbiguous   = diag.Message{ID: "status.ambiguous-name", Text: "{{.Arg}} names {{.Count}} pages: {{.Pages}}; write the one you mean"}
	msgStatusNoPage      = diag.Message{ID: "status.no-page", Text: "gen status: there is no page {{.Key}} (gen status lists them; write a page like news/harbin-expo, its name harbin-expo, or a file path)"}
	msgStatusUnread      = diag.Message{ID: "status.unread", Text: "(some content files have errors, so they were not read; gen check lists them)"}
	msgStatusNoVersion   = diag.Message{ID: "status.no-version", Text: "gen status: {{.Key}} has no {{.Lang}} version to mark (gen new {{.Key}} --lang {{.Lang}} starts one)"}
	msgStatusIsOriginal  = diag.Message{ID: "status.is-original", Text: "gen status: {{.Path}} is the {{.Lang}} original; name the language it was translated from with --from"}
	msgStatusNoSource    = diag.Message{ID: "status.no-source", Text: "gen status: {{.Key}} has no {{.Lang}} version to compare with"}
	msgStatusMarked      = diag.Message{ID: "status.marked", Text: "marked {{.File}} as translated from {{.Source}} ({{.Mark}})"}
	msgStatusWasMarked   = diag.Message{ID: "status.already-marked", Text: "{{.File}} was already marked as translated from {{.Source}} ({{.Mark}})"}
)

func runStatus(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("status", msgHelpStatus, stderr, sp)
	source := fs.String("source", ".", sp.Say(msgFlagSource))
	format := fs.String("format", "text", sp.Say(msgFlagStatusFormat))
	mark := fs.String("mark", "", sp.Say(msgFlagMark))
	from := fs.String("from", "", sp.Say(msgFlagFrom))
	keys, code := parseArgs(fs, args, sp)
	if code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintln(stderr, sp.Say(msgStatusBadFormat, "Format", *format))
		return 2
	}
	if *mark == "" && (len(keys) > 0 || *from != "") {
		fmt.Fprintln(stderr, sp.Say(msgStatusNeedsMark))
		return 2
	}
	if *mark != "" && len(keys) == 0 {
		fmt.Fprintln(stderr, sp.Say(msgStatusNeedsPages))
		return 2
	}
	fsys, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "status", "Err", err))
		return 2
	}
	defer fsys.Close()
	cfg, err := config.Load(fsys)
	if err != nil {
		return report(stderr, err, sp)
	}
	var marks []string
	for _, l := range strings.Split(*mark, ",") {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(marks, l) {
			marks = append(marks, l)
		}
	}
	for _, l := range append(slices.Clone(marks), *from) {
		if _, ok := cfg.Language(l); l != "" && !ok {
			fmt.Fprintln(stderr, sp.Say(msgStatusNotSiteLang, "Lang", l, "Langs", strings.Join(cfg.Codes(), ", ")))
			return 2
		}
	}
	copts := content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location, StrictTags: cfg.Tags.Strict}
	files, loadErr := content.Load(fsys, copts)
	m := status.Build(files, cfg.Codes(), cfg.DefaultLanguage)

	if *mark != "" {
		mk := marking{stdout: stdout, stderr: stderr, root: *source, m: m, copts: copts, from: *from, sp: sp}
		return mk.markAll(files, loadErr, marks, keys)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m); err != nil {
			fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "status", "Err", err))
			return 1
		}
	} else {
		printMatrix(stdout, m, sp)
	}
	if loadErr != nil {
		ds := diag.Flatten(loadErr)
		for _, d := range ds {
			fmt.Fprintln(stderr, sp.Line(d))
		}
		fmt.Fprintln(stderr, sp.Say(msgStatusProblems, "Count", len(ds)))
		return 1
	}
	return 0
}

func printMatrix(w io.Writer, m *status.Matrix, sp *speak.Speaker) {
	head := append([]string{sp.Say(msgStatusPage)}, m.Languages...)
	rows := [][]string{head}
	counts := map[string]int{}
	for _, r := range m.Rows {
		label := r.Key
		if r.Section {
			label = sp.Say(msgStatusList, "Key", r.Key)
			if r.Key == "" {
				label = sp.Say(msgStatusHome)
			}
		}
		row := []string{label}
		for _, l := range m.Languages {
			c := r.Cells[l]
			row = append(row, cellText(c, sp))
			if c.State == status.Stale || c.State == status.Missing || c.State == status.Unmarked {
				counts[string(c.State)]++
			}
		}
		rows = append(rows, row)
	}
	printTable(w, rows)
	if len(m.Rows) == 0 {
		fmt.Fprintln(w, sp.Say(msgStatusNoPages))
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, sp.Say(msgStatusCounts, "Stale", counts["stale"], "Missing", counts["missing"], "Unmarked", counts["unmarked"]))
	fmt.Fprintln(w, sp.Say(msgStatusLegend))
}

// stateWords are the words of the table for each state.
var stateWords = map[status.State]diag.Message{
	status.Source: msgStatusSource, status.OK: msgStatusOK, status.Stale: msgStatusStale,
	status.Missing: msgStatusMissing, status.Unmarked: msgStatusUnmarked,
}

func cellText(c *status.Cell, sp *speak.Speaker) string {
	s := string(c.State)
	if m, ok := stateWords[c.State]; ok {
		s = sp.Say(m)
	}
	if c.Draft {
		s = sp.Say(msgStatusDraft, "State", s)
	}
	return s
}

// marking is one gen status --mark run.
type marking struct {
	stdout, stderr io.Writer
	root           string
	m              *status.Matrix
	copts          content.Options
	from           string
	sp             *speak.Speaker
}

// markAll marks the translations in langs of the pages keys name, and
// returns the exit status.
func (mk marking) markAll(files []*content.File, loadErr error, langs []string, keys []string) int {
	m, stderr, sp := mk.m, mk.stderr, mk.sp
	failed := false
	for _, arg := range keys {
		key, err := pageKey(arg, files)
		if err != nil {
			fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "status", "Err", err))
			failed = true
			continue
		}
		row := m.Row(key)
		for _, r := range m.Rows {
			if row == nil && r.Key == key {
				row = r // a section's list page
			}
		}
		if row == nil {
			fmt.Fprintln(stderr, sp.Say(msgStatusNoPage, "Key", key))
			failed = true
			continue
		}
		for _, lang := range langs {
			if !mk.mark(key, row, lang) {
				failed = true
			}
		}
	}
	if failed {
		if loadErr != nil {
			fmt.Fprintln(stderr, sp.Say(msgStatusUnread))
		}
		return 1
	}
	return 0
}

// mark records that the lang version of the page key is translated from
// its source's current text, and reports whether it could.
func (mk marking) mark(key string, row *status.Row, lang string) bool {
	c := row.Cells[lang]
	if c.File() == nil {
		fmt.Fprintln(mk.stderr, mk.sp.Say(msgStatusNoVersion, "Key", key, "Lang", lang))
		return false
	}
	src := mk.from
	if src == "" {
		if m, err := status.ParseMark(c.File().Front.TranslatedFrom); err == nil && m.Lang != lang {
			src = m.Lang
		} else {
			src = mk.copts.Default
		}
	}
	if src == lang {
		fmt.Fprintln(mk.stderr, mk.sp.Say(msgStatusIsOriginal, "Path", c.Path, "Lang", lang))
		return false
	}
	sc := row.Cells[src]
	if sc.File() == nil {
		fmt.Fprintln(mk.stderr, mk.sp.Say(msgStatusNoSource, "Key", key, "Lang", src))
		return false
	}
	value := status.Mark{Lang: src, Rev: sc.Revision}.String()
	changed, err := status.MarkFile(mk.root, c.Path, value, mk.copts)
	if err != nil {
		fmt.Fprintln(mk.stderr, mk.sp.Say(msgCommandError, "Command", "status", "Err", err))
		return false
	}
	shown := filepath.Join(mk.root, filepath.FromSlash(c.Path))
	if changed {
		fmt.Fprintln(mk.stdout, mk.sp.Say(msgStatusMarked, "File", shown, "Source", sc.Path, "Mark", value))
	} else {
		fmt.Fprintln(mk.stdout, mk.sp.Say(msgStatusWasMarked, "File", shown, "Source", sc.Path, "Mark", value))
	}
	return true
}

// pageKey turns what a user typed into a translation key: "news/x",
// "news/x/", "content/news/x", a file path "content/news/x/index.ru.md",
// or the page's own name "x" when one page alone has it. A name several
// pages share is an error listing them.
func pageKey(arg string, files []*content.File) (string, error) {
	p := filepath.ToSlash(arg)
	for _, f := range files {
		if f.Path == p || f.Path == "content/"+p {
			return f.Key, nil
		}
	}
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimPrefix(p, "content/")
	p = strings.Trim(p, "/")
	var named []string
	for _, f := range files {
		if f.Key == p {
			return p, nil
		}
		if f.Name == p && !slices.Contains(named, f.Key) {
			named = append(named, f.Key)
		}
	}
	switch len(named) {
	case 0:
		return p, nil // reported as no such page
	case 1:
		return named[0], nil
	}
	slices.Sort(named)
	return "", msgStatusAmbiguous.At("", 0, 0, "Arg", arg, "Count", len(named), "Pages", strings.Join(named, ", "))
}

// printTable prints rows in columns two spaces apart, as wide as a
// terminal shows them: a Chinese character takes two columns.
func printTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], speak.Width(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-speak.Width(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

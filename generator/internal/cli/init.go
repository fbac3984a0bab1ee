package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/scaffold"
	"github.com/eventnews/gen/generator/internal/speak"
	"golang.org/x/term"
)

var (
	msgHelpInit = diag.Message{ID: "help.init", Text: `Start a new site in a new or empty folder: site.yaml with every setting
explained, an example release in Chinese, Russian and English, the home and
news pages, the strings sites usually reword, .gitignore, and CI files
that publish to GitHub Pages or GitLab Pages. The design is built into gen.`}
	msgFlagTitle = diag.Message{ID: "flag.init.title", Text: "the press office's name, used in every language until you translate it in site.yaml (default: asked, or a placeholder)"}
)

// The lines of gen init.
var (
	msgInitNoFolder   = diag.Message{ID: "init.no-folder", Text: "gen {{.Command}}: name the folder for the new site, like: gen {{.Command}} my-site"}
	msgInitCreated    = diag.Message{ID: "init.created", Text: "Created a new site in {{.Dir}}: {{.Count}} files."}
	msgInitNext       = diag.Message{ID: "init.next", Text: "Next:"}
	msgInitServe      = diag.Message{ID: "init.serve", Text: "preview it at http://127.0.0.1:1313/ while you write"}
	msgInitNew        = diag.Message{ID: "init.new", Text: "start a release in every language"}
	msgInitWriteTitle = diag.Message{ID: "init.write-title", Text: "Write the press office's name in site.yaml (title, for each language) and content/_index.*.md."}
	msgInitAskZh      = diag.Message{ID: "init.ask-zh", Text: "The press office's name in Chinese"}
	msgInitAskRu      = diag.Message{ID: "init.ask-ru", Text: "… in Russian"}
	msgInitAskEn      = diag.Message{ID: "init.ask-en", Text: "… in English"}
	msgInitAskLater   = diag.Message{ID: "init.ask-later", Text: "{{.Prompt}} (Enter to write it later): "}
)

// runInit is gen init DIR, and gen new site DIR.
func runInit(name string, args []string, stdout, stderr io.Writer, sp *speak.Speaker) int {
	fs := newFlags(name, msgHelpInit, stderr, sp)
	title := fs.String("title", "", sp.Say(msgFlagTitle))
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	if dir == "" {
		fmt.Fprintln(stderr, sp.Say(msgInitNoFolder, "Command", name))
		return 2
	}
	titles, asked := scaffold.Placeholders(), false
	if *title != "" {
		titles = scaffold.Titles{Zh: *title, Ru: *title, En: *title}
	} else if isTerminal(os.Stdin) {
		titles, asked = ask(os.Stdin, stdout, titles, sp), true
	}
	files, err := scaffold.Write(dir, titles)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", name, "Err", err))
		return 2
	}
	fmt.Fprintf(stdout, "%s\n\n%s\n", sp.Say(msgInitCreated, "Dir", dir, "Count", len(files)), sp.Say(msgInitNext))
	fmt.Fprintf(stdout, "  cd %s\n", dir)
	for _, c := range []struct {
		cmd  string
		what diag.Message
	}{{"gen serve", msgInitServe}, {"gen new news/my-release", msgInitNew}, {"gen check", msgHereCheck}, {"gen build", msgHereBuild}} {
		fmt.Fprintf(stdout, "  %-25s %s\n", c.cmd, sp.Say(c.what))
	}
	if *title == "" && (!asked || titles == scaffold.Placeholders()) {
		fmt.Fprintln(stdout, "\n"+sp.Say(msgInitWriteTitle))
	}
	return 0
}

// isTerminal reports whether f is a terminal a person types into (not a
// pipe, a file or /dev/null).
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// ask asks for the site's name in each language; an empty answer keeps
// the placeholder.
func ask(in io.Reader, out io.Writer, titles scaffold.Titles, sp *speak.Speaker) scaffold.Titles {
	r := bufio.NewScanner(in)
	for _, q := range []struct {
		prompt diag.Message
		into   *string
	}{
		{msgInitAskZh, &titles.Zh},
		{msgInitAskRu, &titles.Ru},
		{msgInitAskEn, &titles.En},
	} {
		fmt.Fprint(out, sp.Say(msgInitAskLater, "Prompt", q.prompt))
		if !r.Scan() {
			break
		}
		if s := strings.TrimSpace(r.Text()); s != "" {
			*q.into = s
		}
	}
	return titles
}

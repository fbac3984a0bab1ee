package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventnews/gen/generator/internal/scaffold"
	"github.com/eventnews/gen/generator/internal/speak"
	"golang.org/x/term"
)

const initHelp = `Start a new site in a new or empty folder: site.yaml with every setting
explained, an example release in Chinese, Russian and English, the home and
news pages, the strings sites usually reword, .gitignore, and CI files
that publish to GitHub Pages or GitLab Pages. The design is built into gen.`

// runInit is gen init DIR, and gen new site DIR.
func runInit(name string, args []string, stdout, stderr io.Writer, sp *speak.Speaker) int {
	fs := newFlags(name, initHelp, stderr)
	title := fs.String("title", "", "the press office's name, used in every language until you translate it in site.yaml (default: asked, or a placeholder)")
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	if dir == "" {
		fmt.Fprintf(stderr, "gen %s: name the folder for the new site, like: gen %s my-site\n", name, name)
		return 2
	}
	titles, asked := scaffold.Placeholders(), false
	if *title != "" {
		titles = scaffold.Titles{Zh: *title, Ru: *title, En: *title}
	} else if isTerminal(os.Stdin) {
		titles, asked = ask(os.Stdin, stdout, titles), true
	}
	files, err := scaffold.Write(dir, titles)
	if err != nil {
		fmt.Fprintf(stderr, "gen %s: %v\n", name, err)
		return 2
	}
	fmt.Fprintf(stdout, "Created a new site in %s: %d files.\n\nNext:\n", dir, len(files))
	fmt.Fprintf(stdout, "  cd %s\n", dir)
	fmt.Fprintln(stdout, "  gen serve                 preview it at http://127.0.0.1:1313/ while you write")
	fmt.Fprintln(stdout, "  gen new news/my-release   start a release in every language")
	fmt.Fprintln(stdout, "  gen check                 find mistakes before publishing")
	fmt.Fprintln(stdout, "  gen build                 write the site into public/")
	if *title == "" && (!asked || titles == scaffold.Placeholders()) {
		fmt.Fprintln(stdout, "\nWrite the press office's name in site.yaml (title, for each language) and content/_index.*.md.")
	}
	return 0
}

// isTerminal reports whether f is a terminal a person types into (not a
// pipe, a file or /dev/null).
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// ask asks for the site's name in each language; an empty answer keeps
// the placeholder.
func ask(in io.Reader, out io.Writer, titles scaffold.Titles) scaffold.Titles {
	r := bufio.NewScanner(in)
	for _, q := range []struct {
		prompt string
		into   *string
	}{
		{"The press office's name in Chinese", &titles.Zh},
		{"… in Russian", &titles.Ru},
		{"… in English", &titles.En},
	} {
		fmt.Fprintf(out, "%s (Enter to write it later): ", q.prompt)
		if !r.Scan() {
			break
		}
		if s := strings.TrimSpace(r.Text()); s != "" {
			*q.into = s
		}
	}
	return titles
}

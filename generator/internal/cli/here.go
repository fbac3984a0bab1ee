package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The lines of gen alone in a site's folder.
var (
	msgHereSite   = diag.Message{ID: "here.site", Text: "This folder holds a gen site: {{.Count}} releases ({{.Langs}}){{.Latest}}."}
	msgHereLatest = diag.Message{ID: "here.latest", Text: `; the latest: "{{.Title}}", {{.Date}}`}
	msgHereServe  = diag.Message{ID: "here.serve", Text: "preview the site at http://127.0.0.1:1313/ while you edit"}
	msgHereCheck  = diag.Message{ID: "here.check", Text: "find mistakes before publishing"}
	msgHereBuild  = diag.Message{ID: "here.build", Text: "write the site into public/"}
	msgHereHelp   = diag.Message{ID: "here.help", Text: "gen help lists every command."}
)

// siteStatus prints, for gen alone in a site's folder, what the site holds
// and the three commands to try; false if dir holds no site.
func siteStatus(dir string, stdout io.Writer, sp *speak.Speaker) bool {
	fsys, err := sitefs.Open(dir)
	if err != nil {
		return false
	}
	defer fsys.Close()
	cfg, err := config.Load(fsys)
	if err != nil {
		return false
	}
	files, _ := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	per := map[string]int{}
	keys := map[string]bool{}
	var latest *content.File
	for _, f := range files {
		if f.Kind != content.KindPage || f.Section == "" {
			continue
		}
		per[f.Lang]++
		keys[f.Key] = true
		if f.Lang == cfg.DefaultLanguage && (latest == nil || f.Front.Date.After(latest.Front.Date)) {
			latest = f
		}
	}
	var langs []string
	for _, code := range cfg.Codes() {
		langs = append(langs, fmt.Sprintf("%s %d", code, per[code]))
	}
	var last string
	if latest != nil {
		last = sp.Say(msgHereLatest, "Title", latest.Front.Title, "Date", latest.Front.Date.Format("2006-01-02"))
	}
	fmt.Fprintln(stdout, sp.Say(msgHereSite, "Count", len(keys), "Langs", strings.Join(langs, ", "), "Latest", last))
	fmt.Fprintln(stdout)
	for _, c := range []struct {
		cmd  string
		what diag.Message
	}{{"gen serve", msgHereServe}, {"gen check", msgHereCheck}, {"gen build", msgHereBuild}} {
		fmt.Fprintf(stdout, "  %-10s %s\n", c.cmd, sp.Say(c.what))
	}
	fmt.Fprintln(stdout, "\n"+sp.Say(msgHereHelp))
	return true
}

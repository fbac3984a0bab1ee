package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/sitefs"
)

// siteStatus prints, for gen alone in a site's folder, what the site holds
// and the three commands to try; false if dir holds no site.
func siteStatus(dir string, stdout io.Writer) bool {
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
	fmt.Fprintf(stdout, "This folder holds a gen site: %d releases (%s)", len(keys), strings.Join(langs, ", "))
	if latest != nil {
		fmt.Fprintf(stdout, "; the latest: %q, %s", latest.Front.Title, latest.Front.Date.Format("2006-01-02"))
	}
	fmt.Fprint(stdout, ".\n\n")
	for _, c := range [][2]string{
		{"gen serve", "preview the site at http://127.0.0.1:1313/ while you edit"},
		{"gen check", "find mistakes before publishing"},
		{"gen build", "write the site into public/"},
	} {
		fmt.Fprintf(stdout, "  %-10s %s\n", c[0], c[1])
	}
	fmt.Fprintln(stdout, "\ngen help lists every command.")
	return true
}

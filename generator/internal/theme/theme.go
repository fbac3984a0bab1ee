// Package theme parses html/template layouts and chooses one for each page.
//
// Lookup order: a layout file is searched under the site's layouts/ first,
// then under themes/<name>/layouts/, so a site overrides any theme file by
// writing the same relative path. For each page the candidates are tried in
// order (see Candidates); the error for a missing layout lists every path
// tried.
//
// Structure: _default/baseof.html is the skeleton; a layout that defines
// "main" is executed through it, any other layout on its own. Files under
// partials/ are shared by all layouts and called as
// {{ template "partials/name.html" . }}.
//
// Functions: T, tag, dateLong, dateMedium, dateShort, timeShort and number
// speak the page's language (each layout is cloned once per language);
// absURL, isoDate, rfc3339, local, sameDay, eventOver, dict, add and html are
// the same in every language.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/site"
)

// Theme holds every layout, parsed once and cloned per language.
type Theme struct {
	dirs    []string                                 // site layouts dir first, then the theme's
	files   map[string]string                        // relative name → winning path
	layouts map[string]map[string]*template.Template // name → lang → template
	names   []string
}

// Dirs returns the layout directories for a configuration, in lookup order.
func Dirs(cfg *config.Site) []string {
	return []string{"layouts", path.Join("themes", cfg.Theme, "layouts")}
}

// Load parses all layouts in dirs (lookup order) from fsys.
func Load(fsys fs.FS, dirs []string, cfg *config.Site, locales *locale.Set) (*Theme, error) {
	t := &Theme{dirs: dirs, files: map[string]string{}, layouts: map[string]map[string]*template.Template{}}
	found := false
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".html") {
				return nil
			}
			found = true
			rel := strings.TrimPrefix(p, dir+"/")
			if _, ok := t.files[rel]; !ok {
				t.files[rel] = p
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, diag.At(dir, 0, 0, "cannot read layouts: %v", err)
		}
	}
	if !found {
		return nil, diag.At(dirs[len(dirs)-1], 0, 0, "no layouts found: the theme %q is missing (looked in %s)", cfg.Theme, strings.Join(dirs, " and "))
	}

	var errs diag.List
	base := template.New("").Funcs(commonFuncs(cfg)).Funcs(langFuncs(nil))
	var shared []string
	for rel := range t.files {
		if rel == "_default/baseof.html" || strings.HasPrefix(rel, "partials/") {
			shared = append(shared, rel)
		}
	}
	slices.Sort(shared)
	for _, rel := range shared {
		if err := parseInto(fsys, base, rel, t.files[rel]); err != nil {
			errs.Add(err)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for rel := range t.files {
		if rel == "_default/baseof.html" || strings.HasPrefix(rel, "partials/") {
			continue
		}
		t.names = append(t.names, rel)
	}
	slices.Sort(t.names)
	for _, rel := range t.names {
		tpl, err := base.Clone()
		if err != nil {
			errs.Add(err)
			continue
		}
		var baseMain any
		if m := tpl.Lookup("main"); m != nil {
			baseMain = m.Tree
		}
		if err := parseInto(fsys, tpl, rel, t.files[rel]); err != nil {
			errs.Add(err)
			continue
		}
		entry := rel
		// A layout that (re)defines "main" fills the skeleton.
		if m := tpl.Lookup("main"); m != nil && any(m.Tree) != baseMain && tpl.Lookup("_default/baseof.html") != nil {
			entry = "_default/baseof.html"
		}
		perLang := map[string]*template.Template{}
		for _, l := range cfg.Languages {
			c, err := tpl.Clone()
			if err != nil {
				errs.Add(err)
				break
			}
			c.Funcs(langFuncs(locales.For(l.Code)))
			perLang[l.Code] = c.Lookup(entry)
		}
		t.layouts[rel] = perLang
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

func parseInto(fsys fs.FS, tpl *template.Template, rel, p string) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return diag.At(p, 0, 0, "cannot read layout: %v", err)
	}
	if _, err := tpl.New(rel).Parse(string(data)); err != nil {
		return positioned(err, rel, p)
	}
	return nil
}

var tplErr = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// positioned turns a template error into path:line:col: message.
func positioned(err error, rel, p string) error {
	msg := err.Error()
	if m := tplErr.FindStringSubmatch(msg); m != nil {
		var line, col int
		fmt.Sscan(m[2], &line)
		if m[3] != "" {
			fmt.Sscan(m[3], &col)
		}
		file := p
		if m[1] != rel {
			file = m[1]
		}
		return diag.At(file, line, col, "template: %s", m[4])
	}
	return diag.At(p, 0, 0, "template: %s", strings.TrimPrefix(msg, "template: "))
}

// Candidates returns the layout names tried for a page, in order.
func Candidates(kind, section, layout string) []string {
	var c []string
	add := func(names ...string) {
		for _, n := range names {
			if !slices.Contains(c, n) {
				c = append(c, n)
			}
		}
	}
	switch kind {
	case "page":
		if layout != "" && layout != "single" {
			if section != "" {
				add(section + "/" + layout + ".html")
			}
			add("_default/" + layout + ".html")
		}
		if section != "" {
			add(section + "/single.html")
		}
		add("_default/single.html")
	case "home":
		add("home.html", "_default/home.html", "_default/list.html")
	case "section":
		add(section+"/list.html", "_default/list.html")
	case "tags":
		add("_default/tags.html", "_default/terms.html")
	case "tag":
		add("_default/tag.html", "_default/term.html", "_default/list.html")
	default:
		add(kind+".html", "_default/"+kind+".html")
	}
	return c
}

// Has reports whether a layout exists.
func (t *Theme) Has(name string) bool { _, ok := t.layouts[name]; return ok }

// Execute renders the first existing candidate for lang into w.
func (t *Theme) Execute(w io.Writer, candidates []string, lang string, data any) error {
	for _, name := range candidates {
		if per, ok := t.layouts[name]; ok {
			tpl := per[lang]
			if tpl == nil {
				return fmt.Errorf("no templates for language %q", lang)
			}
			if err := tpl.Execute(w, data); err != nil {
				return t.execError(err, name)
			}
			return nil
		}
	}
	var tried []string
	for _, name := range candidates {
		for _, d := range t.dirs {
			tried = append(tried, path.Join(d, name))
		}
	}
	return fmt.Errorf("no layout found; tried %s", strings.Join(tried, ", "))
}

func (t *Theme) execError(err error, name string) error {
	msg := err.Error()
	if m := tplErr.FindStringSubmatch(msg); m != nil {
		file := t.files[m[1]]
		if file == "" {
			file = m[1]
		}
		var line, col int
		fmt.Sscan(m[2], &line)
		if m[3] != "" {
			fmt.Sscan(m[3], &col)
		}
		return diag.At(file, line, col, "template: %s", m[4])
	}
	return diag.At(t.files[name], 0, 0, "template: %s", strings.TrimPrefix(msg, "template: "))
}

func commonFuncs(cfg *config.Site) template.FuncMap {
	return template.FuncMap{
		"absURL":    cfg.AbsURL,
		"isoDate":   func(t time.Time) string { return t.In(cfg.Location).Format("2006-01-02") },
		"rfc3339":   func(t time.Time) string { return t.In(cfg.Location).Format(time.RFC3339) },
		"eventOver": site.EventOver,
		"sameDay": func(a, b time.Time) bool {
			a, b = a.In(cfg.Location), b.In(cfg.Location)
			return a.Year() == b.Year() && a.YearDay() == b.YearDay()
		},
		"local": func(t time.Time) time.Time { return t.In(cfg.Location) },
		"add":   func(a, b int) int { return a + b },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("dict needs pairs of keys and values")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"html": func(s string) template.HTML { return template.HTML(s) },
	}
}

func langFuncs(l *locale.Locale) template.FuncMap {
	if l == nil {
		stub := func(args ...any) string { return "" }
		return template.FuncMap{"T": func(string, ...any) string { return "" }, "tag": func(string) string { return "" },
			"dateLong": stub, "dateMedium": stub, "dateShort": stub, "timeShort": stub, "number": stub}
	}
	loc := l
	return template.FuncMap{
		"T":          loc.T,
		"tag":        loc.Tag,
		"dateLong":   loc.DateLong,
		"dateMedium": loc.DateMedium,
		"dateShort":  loc.DateShort,
		"timeShort":  loc.Time,
		"number":     func(n int) string { return loc.Number(float64(n), 0) },
	}
}

// Render is a convenience for tests: it executes into a buffer.
func (t *Theme) Render(candidates []string, lang string, data any) ([]byte, error) {
	var b bytes.Buffer
	err := t.Execute(&b, candidates, lang, data)
	return b.Bytes(), err
}

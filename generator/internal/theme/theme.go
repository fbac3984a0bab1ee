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
// Functions: T, tag, dateLong, dateMedium, dateShort, timeShort, number and
// eventWhen speak the page's language (each layout is cloned once per
// language); relURL, absURL, isoDate, rfc3339, eventDate, local, sameDay,
// utcOffset, eventOver, ogLocale, TLang, jsonLD, dict, add and html are the
// same in every language.
//
//   - relURL "css/main.css" is the URL path of a site path under the base
//     path of baseURL: "/press/css/main.css" for https://example.org/press/,
//     "/css/main.css" at the root of a host (config.Site.RelURL). A leading
//     "/" changes nothing, a URL already under the base path or with a
//     scheme or host stays as it is, and "" is the base path itself. Page,
//     list, feed and calendar URLs (.URL, .Lang.Home.URL, .Pager.Next…)
//     already hold the base path; a layout writes relURL for the files it
//     names itself: stylesheets, scripts, icons, and URLs from front matter
//     that may be site paths. absURL is the same URL with the scheme and
//     host of baseURL (config.Site.AbsURL). {{ relURL "css/main.css" }}
//     at the start of a double-quoted href or src is replaced by its URL
//     when the layouts are loaded (fold.go), as T "id" is, when
//     html/template would write that URL unchanged: the head's links cost
//     no call on any page.
//   - T "id" with no further arguments is a constant in each language: it
//     is replaced by its translation when the layouts are loaded (fold.go),
//     and escaped for its place as T's result would be.
//   - eventWhen .Event is when an event takes place, as <time> elements,
//     in the event's own zone: dates for an all-day event, date and time
//     for a timed one, followed by its zone's label: the city, CLDR's name
//     of the zone or its UTC offset (see event.go). Each event's HTML is
//     kept, like a partialCached partial, until ForgetPartials.
//   - TLang "ru" "id" translates in a named language, for the pages that
//     speak every language at once (the root chooser, /404.html).
//   - ogLocale "zh-Hans" is "zh_CN": Open Graph's language_TERRITORY form,
//     the territory from CLDR likely subtags (ru → ru_RU, en → en_US).
//   - jsonLD marshals a value with encoding/json for a
//     <script type="application/ld+json">: "<", ">" and "&" become \u003c,
//     \u003e and \u0026, so no string can close the script. Map entries
//     whose value is "" or nil are left out, and so is a nested object left
//     with nothing but its "@type".
//   - eventDate is a date (2024-05-17) for an all-day event, else RFC 3339,
//     in the event's own zone (the time's location: 2024-09-05T10:00:00+10:00),
//     where isoDate and rfc3339 give the site's.
//   - utcOffset names the site zone's offset at a moment: "UTC+8", "UTC+5:30".
//
// Execution: every page runs through html/template, and only through it:
// the first execution of a layout in a language escapes it, later pages
// reuse the escaped trees. Work that is the same on every page belongs in
// Go before the template runs (render.Data) or in partialCached.
//
// partialCached "partials/item.html" . [variant...] renders a partial as
// {{ template }} does the first time, then gives the same HTML for the same
// language, context and variants (up to three) until ForgetPartials, which
// render.Render calls at the start of every run. Unlike Hugo's, the context
// is part of the key, so caching a list entry cannot show one page's entry
// for another; a map or slice cannot be a key and is an error. A layout
// that redefines the partial has a cache of its own.
//
// partialCachedEach "partials/item.html" .Items [variant...] is
// partialCached for each element of a list, in order, as one piece of
// HTML: a list page's entries cost one action instead of two per entry.
// Nil gives nothing, like a range over nil; anything else that is not a
// slice or an array is an error.
package theme

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"golang.org/x/text/language"
)

// Theme holds every layout, parsed once and cloned per language.
type Theme struct {
	dirs     []string                                 // site layouts dir first, then the theme's
	files    map[string]string                        // relative name → winning path
	layouts  map[string]map[string]*template.Template // name → lang → template to execute
	names    []string
	cached   sync.Map // partialKey → template.HTML, until ForgetPartials
	whens    sync.Map // whenKey → template.HTML, until ForgetPartials
	keyTypes sync.Map // reflect.Type → true: its values can key cached
	locales  *locale.Set
}

// Dirs returns the layout directories for a configuration, in lookup order.
func Dirs(cfg *config.Site) []string {
	return []string{"layouts", path.Join("themes", cfg.Theme, "layouts")}
}

// Files maps each layout name ("_default/single.html") to the file that
// wins for it: the first of dirs (lookup order) that has it. Missing
// directories are skipped.
func Files(fsys fs.FS, dirs []string) (map[string]string, error) {
	files := map[string]string{}
	var errs diag.List
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if le := sitefs.LinkOf(err); le != nil {
				errs.Add(le.Diagnostic(le.Path))
				return fs.SkipDir
			}
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".html") {
				return nil
			}
			if le := sitefs.Unfollowed(p, d); le != nil {
				errs.Add(le.Diagnostic(p))
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if _, ok := files[rel]; !ok {
				files[rel] = p
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs.Add(msgCannotReadLayouts.At(dir, 0, 0, "Err", err))
		}
	}
	return files, errs.Err()
}

// Load parses all layouts in dirs (lookup order) from fsys.
func Load(fsys fs.FS, dirs []string, cfg *config.Site, locales *locale.Set) (*Theme, error) {
	files, err := Files(fsys, dirs)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, msgNoLayouts.At(dirs[len(dirs)-1], 0, 0, "Theme", strconv.Quote(cfg.Theme), "Dirs", dirs)
	}
	t := &Theme{dirs: dirs, files: files, layouts: map[string]map[string]*template.Template{}, locales: locales}

	var errs diag.List
	base := template.New("").Funcs(commonFuncs(cfg, locales)).Funcs(langFuncs(cfg, nil))
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
	langs := t.languageFuncs(cfg, locales)
	for _, rel := range t.names {
		perLang, err := t.loadLayout(fsys, base, rel, cfg, langs)
		if err != nil {
			errs.Add(err)
			continue
		}
		t.layouts[rel] = perLang
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// languageFuncs makes each language's functions once; its layouts share
// them.
func (t *Theme) languageFuncs(cfg *config.Site, locales *locale.Set) map[string]template.FuncMap {
	langs := map[string]template.FuncMap{}
	for _, l := range cfg.Languages {
		funcs := commonFuncs(cfg, locales)
		maps.Copy(funcs, langFuncs(cfg, locales.For(l.Code)))
		if loc := locales.For(l.Code); loc != nil {
			funcs["eventWhen"] = t.eventWhenCached(l.Code, eventWhen(loc))
		}
		langs[l.Code] = funcs
	}
	return langs
}

// loadLayout parses layout rel over a clone of base (the skeleton and the
// partials) and clones the result for each language, with that language's
// functions and T folded in. It returns the template to execute per
// language.
func (t *Theme) loadLayout(fsys fs.FS, base *template.Template, rel string, cfg *config.Site, langs map[string]template.FuncMap) (map[string]*template.Template, error) {
	tpl, err := base.Clone()
	if err != nil {
		return nil, err
	}
	before := map[string]*parse.Tree{}
	for _, x := range tpl.Templates() {
		before[x.Name()] = x.Tree
	}
	if err := parseInto(fsys, tpl, rel, t.files[rel]); err != nil {
		return nil, err
	}
	// The templates the layout's file defines or redefines.
	own := map[string]bool{}
	for _, x := range tpl.Templates() {
		if x.Name() != rel && x.Tree != before[x.Name()] {
			own[x.Name()] = true
		}
	}
	entry := rel
	// A layout that (re)defines "main" fills the skeleton.
	if own["main"] && tpl.Lookup("_default/baseof.html") != nil {
		entry = "_default/baseof.html"
	}
	perLang := map[string]*template.Template{}
	for _, l := range cfg.Languages {
		c, err := tpl.Clone()
		if err != nil {
			return nil, err
		}
		funcs := maps.Clone(langs[l.Code])
		funcs["partialCached"] = t.partialCached(c, l.Code, rel, own)
		funcs["partialCachedEach"] = t.partialCachedEach(c, l.Code, rel, own)
		c.Funcs(funcs)
		foldT(c, t.locales.For(l.Code))
		foldRelURL(c, cfg.RelURL)
		perLang[l.Code] = c.Lookup(entry)
	}
	return perLang, nil
}

func parseInto(fsys fs.FS, tpl *template.Template, rel, p string) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return msgCannotReadLayout.At(p, 0, 0, "Err", err)
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
		return msgTemplate.At(file, line, col, "Problem", m[4])
	}
	return msgTemplate.At(p, 0, 0, "Problem", strings.TrimPrefix(msg, "template: "))
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

// Locale is the strings and formats the layouts of lang speak with (their
// T, tag, dateLong...), nil for a language without a bundle.
func (t *Theme) Locale(lang string) *locale.Locale { return t.locales.For(lang) }

// Has reports whether a layout exists.
func (t *Theme) Has(name string) bool { _, ok := t.layouts[name]; return ok }

// Execute renders the first existing candidate for lang into w.
func (t *Theme) Execute(w io.Writer, candidates []string, lang string, data any) error {
	for _, name := range candidates {
		if per, ok := t.layouts[name]; ok {
			tpl := per[lang]
			if tpl == nil {
				return msgNoLanguage.At("", 0, 0, "Lang", lang)
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
	return msgNoLayout.At("", 0, 0, "Tried", strings.Join(tried, ", "))
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
		return msgTemplate.At(file, line, col, "Problem", m[4])
	}
	return msgTemplate.At(t.files[name], 0, 0, "Problem", strings.TrimPrefix(msg, "template: "))
}

// ForgetPartials drops what partialCached and eventWhen kept. render.Render
// calls it at the start of each run, so a theme kept between runs (gen
// serve) never shows a partial or an event rendered for an earlier run's
// pages.
func (t *Theme) ForgetPartials() {
	t.cached.Clear()
	t.whens.Clear()
}

// partialKey names one output of partialCached. Scope is "" for a partial
// every layout shares, or the layout that redefines it.
type partialKey struct {
	lang, scope, name string
	ctx               any
	variants          [3]any
}

// partialCached is the function of that name for the clone set of layout
// rel in lang; own are the templates rel's file defines itself.
func (t *Theme) partialCached(set *template.Template, lang, rel string, own map[string]bool) func(string, any, ...any) (template.HTML, error) {
	return func(name string, ctx any, variants ...any) (template.HTML, error) {
		return t.cachedPartial(set, lang, rel, own, name, ctx, variants)
	}
}

// partialCachedEach is the function of that name for the clone set of
// layout rel in lang: partialCached of name for each element of list, in
// order, as one piece of HTML.
func (t *Theme) partialCachedEach(set *template.Template, lang, rel string, own map[string]bool) func(string, any, ...any) (template.HTML, error) {
	return func(name string, list any, variants ...any) (template.HTML, error) {
		if list == nil {
			return "", nil
		}
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
			return "", fmt.Errorf("partialCachedEach %q: a %T is not a list", name, list)
		}
		parts := make([]string, v.Len())
		for i := range parts {
			h, err := t.cachedPartial(set, lang, rel, own, name, v.Index(i).Interface(), variants)
			if err != nil {
				return "", err
			}
			parts[i] = string(h)
		}
		return template.HTML(strings.Join(parts, "")), nil
	}
}

// cachedPartial renders partial name with ctx, or gives what it gave for
// the same key before (see partialCached).
func (t *Theme) cachedPartial(set *template.Template, lang, rel string, own map[string]bool, name string, ctx any, variants []any) (template.HTML, error) {
	if len(variants) > len(partialKey{}.variants) {
		return "", fmt.Errorf("partialCached %q: at most %d variants", name, len(partialKey{}.variants))
	}
	k := partialKey{lang: lang, name: name, ctx: ctx}
	if own[name] {
		k.scope = rel
	}
	copy(k.variants[:], variants)
	for _, v := range [...]any{k.ctx, k.variants[0], k.variants[1], k.variants[2]} {
		if !t.keyable(v) {
			return "", fmt.Errorf("partialCached %q: a %T cannot key a cache; pass a page, a string or a number", name, v)
		}
	}
	if h, ok := t.cached.Load(k); ok {
		return h.(template.HTML), nil
	}
	p := set.Lookup(name)
	if p == nil {
		return "", fmt.Errorf("partialCached: no template %q", name)
	}
	var b strings.Builder
	if err := p.Execute(&b, ctx); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	t.cached.Store(k, h)
	return h, nil
}

// keyable reports whether v can be part of a map key: comparable, down to
// the values held in interfaces. Types whose values always are (no
// interface inside) are remembered.
func (t *Theme) keyable(v any) bool {
	switch v.(type) {
	case nil, string, int, bool:
		return true
	}
	typ := reflect.TypeOf(v)
	if ok, known := t.keyTypes.Load(typ); known {
		return ok.(bool)
	}
	if plainComparable(typ) {
		t.keyTypes.Store(typ, true)
		return true
	}
	return reflect.ValueOf(v).Comparable()
}

// plainComparable reports whether every value of typ is comparable without
// looking inside an interface.
func plainComparable(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Interface, reflect.Func, reflect.Map, reflect.Slice:
		return false
	case reflect.Array:
		return plainComparable(typ.Elem())
	case reflect.Struct:
		for i := range typ.NumField() {
			if !plainComparable(typ.Field(i).Type) {
				return false
			}
		}
	}
	return true
}

func commonFuncs(cfg *config.Site, locales *locale.Set) template.FuncMap {
	z := zone{cfg}
	isoDate, rfc3339 := z.isoDate, z.rfc3339
	return template.FuncMap{
		"relURL":  cfg.RelURL,
		"absURL":  cfg.AbsURL,
		"webcal":  func(u string) template.URL { return webcal(cfg.AbsURL(u)) },
		"isoDate": isoDate,
		"rfc3339": rfc3339,
		"eventDate": func(t time.Time, allDay bool) string {
			switch {
			case t.IsZero():
				return ""
			case allDay:
				return t.Format(time.DateOnly)
			}
			return t.Format(time.RFC3339)
		},
		"utcOffset": func(t time.Time) string { return UTCOffset(t.In(cfg.Location)) },
		"ogLocale":  OGLocale,
		"jsonLD":    JSONLD,
		"TLang": func(lang, id string, args ...any) (string, error) {
			l := locales.For(lang)
			if l == nil {
				return "", fmt.Errorf("TLang: %q is not a configured language", lang)
			}
			return l.T(id, args...), nil
		},
		"eventOver": site.EventOver,
		"sameDay":   z.sameDay,
		"local":     func(t time.Time) time.Time { return t.In(cfg.Location) },
		"add":       func(a, b int) int { return a + b },
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
		// Each language's clone replaces it (Theme.partialCached).
		"partialCached": func(string, any, ...any) (template.HTML, error) {
			return "", errors.New("partialCached: only in a layout")
		},
		"partialCachedEach": func(string, any, ...any) (template.HTML, error) {
			return "", errors.New("partialCachedEach: only in a layout")
		},
	}
}

func langFuncs(cfg *config.Site, l *locale.Locale) template.FuncMap {
	if l == nil {
		stub := func(args ...any) string { return "" }
		return template.FuncMap{"T": func(string, ...any) string { return "" }, "tag": func(string) string { return "" },
			"dateLong": stub, "dateMedium": stub, "dateShort": stub, "timeShort": stub, "number": stub,
			"eventWhen": func(*content.Event) (template.HTML, error) { return "", nil }}
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
		// Load replaces it by a cached eventWhen(loc).
		"eventWhen": func(*content.Event) (template.HTML, error) {
			return "", errors.New("eventWhen: only in a layout")
		},
	}
}

// Render is a convenience for tests: it executes into a buffer.
func (t *Theme) Render(candidates []string, lang string, data any) ([]byte, error) {
	var b bytes.Buffer
	err := t.Execute(&b, candidates, lang, data)
	return b.Bytes(), err
}

// OGLocale turns a BCP 47 tag into Open Graph's language_TERRITORY form:
// zh-Hans → zh_CN, zh-Hant → zh_TW, ru → ru_RU, en → en_US, en-GB → en_GB.
// A written region wins; otherwise CLDR's likely region. It returns "" for a
// tag it cannot read.
func OGLocale(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	base, _ := t.Base()
	region, conf := t.Region()
	if conf == language.No || region.String() == "ZZ" {
		return base.String()
	}
	return base.String() + "_" + region.String()
}

// UTCOffset names the zone offset of t: "UTC", "UTC+8", "UTC-3", "UTC+5:30".
func UTCOffset(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// JSONLD encodes v for a <script type="application/ld+json"> element; see
// the package comment for what it leaves out.
func JSONLD(v any) (template.JS, error) {
	b, err := json.Marshal(pruneLD(v))
	if err != nil {
		return "", fmt.Errorf("jsonLD: %v", err)
	}
	return template.JS(b), nil
}

func pruneLD(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			e = pruneLD(e)
			if e == nil {
				continue
			}
			out[k] = e
		}
		if len(out) == 0 || (len(out) == 1 && out["@type"] != nil) {
			return nil
		}
		return out
	case []any:
		var out []any
		for _, e := range v {
			if e = pruneLD(e); e != nil {
				out = append(out, e)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}

// webcal turns the absolute http(s) URL of a calendar into its webcal:
// address, which calendar apps subscribe to (and keep up to date) where an
// http link only downloads the file once. It is gen's own URL, so it is
// trusted past html/template's URL filter, which allows only http, https
// and mailto.
func webcal(abs string) template.URL {
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(abs, scheme); ok {
			return template.URL("webcal://" + rest)
		}
	}
	return template.URL(abs)
}

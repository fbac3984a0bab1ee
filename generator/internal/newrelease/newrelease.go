// Package newrelease starts a release: one Markdown file per language from
// an archetype, ready to fill in.
//
// Rules:
//   - The archetype is archetypes/release.md at the site root if it exists,
//     else themes/<theme>/archetypes/release.md. It is a text/template that
//     sees .Title, .Date ("2024-05-17 10:00", the clock in the site's time
//     zone), .Day ("2024-05-17"), .Lang, .Key (the shared translation key),
//     .Source (this file holds the facts the other languages share: date,
//     tags, event times; true for the default language, or for every file
//     when there is no default-language version), .Event (gen new --event:
//     the release is about an event; without it the default archetype
//     writes the event block commented out, so nothing dated today is
//     published by mistake), the function quote, which writes text as a
//     YAML string, and the method .Note ({{ .Note "draft" }}, or with an
//     indent, {{ .Note "time-zone" "  " }}), which writes one of the
//     default archetype's comments in the file's language: index.zh.md
//     gets them in Chinese, index.ru.md in Russian.
//   - Every file is checked as content before anything is written: a broken
//     archetype writes nothing.
//   - Translations get translatedFrom naming the default language's archetype
//     text, so gen status shows them up to date only until the source is
//     written, and stale from then on until someone translates and marks them.
//   - A file that already exists is never overwritten; then nothing is
//     written. Each file is written whole or not at all (a temporary file in
//     the same directory, linked into place).
package newrelease

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/status"
)

// Archetype is the file name of the release archetype.
const Archetype = "release.md"

// ArchetypePaths returns where the archetype is looked for, in order.
func ArchetypePaths(cfg *config.Site) []string {
	return []string{"archetypes/" + Archetype, path.Join("themes", cfg.Theme, "archetypes", Archetype)}
}

// Options say what to create.
type Options struct {
	// FS is the site root: archetypes are read and existing files found in it.
	FS     fs.FS
	Config *config.Site
	// Path is the release under content/, like "news/harbin-expo"; it must
	// pass ValidatePath.
	Path string
	// Title is written into every file; "" makes one from the last path
	// segment ("harbin-expo" → "Harbin Expo").
	Title string
	// Langs are the languages to write, default all, in site order.
	Langs []string
	Now   time.Time
	// Event writes an event block to fill in (gen new --event); without
	// it the archetype writes one commented out, so that no event dated
	// today is published by mistake.
	Event bool
}

// File is one file to write.
type File struct {
	Path string // relative to the site root: content/news/x/index.ru.md
	Lang string
	Data []byte
}

// Plan is what Prepare decided.
type Plan struct {
	Files     []File
	Key       string
	Archetype string // the archetype used
	// NewSection is the section directory that does not exist yet, if any.
	NewSection string
}

// data is what the archetype sees.
type data struct {
	Title, Date, Day, Lang, Key string
	Source, Event               bool
}

// Prepare renders the files of a new release without writing them.
func Prepare(opts Options) (*Plan, error) {
	cfg := opts.Config
	if err := ValidatePath(opts.Path); err != nil {
		return nil, err
	}
	langs, err := releaseLangs(opts)
	if err != nil {
		return nil, err
	}
	key := opts.Path
	dir := "content/" + key
	if err := refuseExisting(opts.FS, dir, langs, cfg); err != nil {
		return nil, err
	}

	tplPath, src, err := readArchetype(opts.FS, cfg)
	if err != nil {
		return nil, err
	}
	tpl, err := template.New(tplPath).Option("missingkey=error").Funcs(template.FuncMap{"quote": strconv.Quote}).Parse(string(src))
	if err != nil {
		return nil, templateDiag(tplPath, err)
	}
	title := opts.Title
	if strings.TrimSpace(title) == "" {
		title = titleFromSlug(path.Base(key))
	}
	now := opts.Now.In(cfg.Location)
	copts := content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location}
	hasDefault := slices.Contains(langs, cfg.DefaultLanguage) || len(existing(opts.FS, dir, cfg.DefaultLanguage, true)) > 0

	render := func(lang string, source bool) ([]byte, error) {
		var b bytes.Buffer
		d := data{Title: title, Date: now.Format("2006-01-02 15:04"), Day: now.Format("2006-01-02"), Lang: lang, Key: key, Source: source, Event: opts.Event}
		if err := tpl.Execute(&b, d); err != nil {
			return nil, templateDiag(tplPath, err)
		}
		p := fmt.Sprintf("%s/index.%s.md", dir, lang)
		if _, err := content.Parse(p, b.Bytes(), copts); err != nil {
			return nil, errors.Join(msgNotValid.At("", 0, 0, "Archetype", tplPath, "Lang", lang), err)
		}
		return b.Bytes(), nil
	}

	// The revision of the default language's text as the archetype writes it.
	var mark string
	if len(cfg.Languages) > 1 {
		srcData, err := render(cfg.DefaultLanguage, true)
		if err != nil {
			return nil, err
		}
		f, _ := content.Parse(fmt.Sprintf("%s/index.%s.md", dir, cfg.DefaultLanguage), srcData, copts)
		mark = status.Mark{Lang: cfg.DefaultLanguage, Rev: status.Revision(f)}.String()
	}

	plan := &Plan{Key: key, Archetype: tplPath}
	for _, l := range langs {
		isDefault := l == cfg.DefaultLanguage
		out, err := render(l, isDefault || !hasDefault)
		if err != nil {
			return nil, err
		}
		p := fmt.Sprintf("%s/index.%s.md", dir, l)
		if !isDefault && mark != "" {
			if out, err = status.SetMark(p, out, mark, copts); err != nil {
				return nil, errors.Join(msgNotValid.At("", 0, 0, "Archetype", tplPath, "Lang", l), err)
			}
		}
		plan.Files = append(plan.Files, File{Path: p, Lang: l, Data: out})
	}
	if sec := path.Dir(key); sec != "." {
		if _, err := fs.Stat(opts.FS, "content/"+sec); err != nil {
			plan.NewSection = "content/" + sec + "/"
		}
	}
	return plan, nil
}

// releaseLangs returns the languages to write (opts.Langs, or all) in the
// site's order, or an error naming one the site does not have.
func releaseLangs(opts Options) ([]string, error) {
	cfg := opts.Config
	langs := opts.Langs
	if len(langs) == 0 {
		langs = cfg.Codes()
	}
	for _, l := range langs {
		if _, ok := cfg.Language(l); !ok {
			return nil, msgNotSiteLang.At("", 0, 0, "Lang", l, "Langs", strings.Join(cfg.Codes(), ", "))
		}
	}
	return inSiteOrder(cfg, langs), nil
}

// refuseExisting names the files of the release that exist already.
func refuseExisting(fsys fs.FS, dir string, langs []string, cfg *config.Site) error {
	var exist []string
	for _, l := range langs {
		exist = append(exist, existing(fsys, dir, l, l == cfg.DefaultLanguage)...)
	}
	switch len(exist) {
	case 0:
		return nil
	case 1:
		return msgExists.At("", 0, 0, "File", exist[0])
	}
	return msgExistAll.At("", 0, 0, "Files", strings.Join(exist, ", "))
}

func inSiteOrder(cfg *config.Site, langs []string) []string {
	var out []string
	for _, c := range cfg.Codes() {
		if slices.Contains(langs, c) {
			out = append(out, c)
		}
	}
	return out
}

// existing lists the files that already hold the release in lang: the
// bundle file, or a single-file page of the same name.
func existing(fsys fs.FS, dir, lang string, isDefault bool) []string {
	cands := []string{dir + "/index." + lang + ".md", dir + "." + lang + ".md"}
	if isDefault {
		cands = append(cands, dir+"/index.md", dir+".md")
	}
	var out []string
	for _, c := range cands {
		if _, err := fs.Stat(fsys, c); err == nil {
			out = append(out, c)
		}
	}
	return out
}

func readArchetype(fsys fs.FS, cfg *config.Site) (string, []byte, error) {
	paths := ArchetypePaths(cfg)
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err == nil {
			return p, b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", nil, msgCannotReadArchetype.At(p, 0, 0, "Err", err)
		}
	}
	return "", nil, msgNoArchetype.At("", 0, 0, "Path", paths[0], "Paths", paths)
}

// templateDiag turns a text/template error into path:line:col: message;
// an error of ours that a template function returned is said as ours.
func templateDiag(p string, err error) error {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "template: "+p+":")
	if !ok {
		return msgTemplate.At(p, 0, 0, "Problem", strings.TrimPrefix(msg, "template: "))
	}
	var line, col int
	pos, text, _ := strings.Cut(rest, ": ")
	if n, _ := fmt.Sscanf(pos, "%d:%d", &line, &col); n == 0 {
		line, col, text = 0, 0, rest
	}
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		if where, ok := strings.CutSuffix(text, ": "+d.Error()); ok {
			return msgTemplateCall.At(p, line, col, "Where", where, "Err", d)
		}
	}
	return msgTemplate.At(p, line, col, "Problem", text)
}

func titleFromSlug(s string) string {
	words := strings.Split(s, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// Write creates the files under root, each atomically and only if it does
// not exist, and returns the paths written. It stops at the first failure.
func Write(root string, files []File) ([]string, error) {
	var done []string
	for _, f := range files {
		if err := create(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data); err != nil {
			if errors.Is(err, errOverwrite) {
				return done, msgOverwrite.At(f.Path, 0, 0)
			}
			return done, msgNotWritten.At(f.Path, 0, 0, "Err", err)
		}
		done = append(done, f.Path)
	}
	return done, nil
}

// errOverwrite is create's refusal to replace a file.
var errOverwrite = errors.New("already exists; not overwritten")

// create writes a temporary file beside target and links it into place,
// which fails if target exists, so no file is ever replaced.
func create(target string, data []byte) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".gen-new-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errOverwrite
		}
		// File systems without hard links: check, then rename.
		if _, serr := os.Lstat(target); serr == nil {
			return errOverwrite
		}
		return os.Rename(tmp.Name(), target)
	}
	return nil
}

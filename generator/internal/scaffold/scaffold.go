// Package scaffold writes a new site: gen init.
//
// Rules:
//   - The folder must be missing or empty; otherwise nothing is written.
//   - The files are those under skeleton/ in this package. A name ending
//     in ".tmpl" is a text/template that sees .TitleZh, .TitleRu, .TitleEn
//     (the site's name in each language) and the function quote, which
//     writes text as a YAML string; it is written without the suffix. A
//     name starting with "dot-" is written with "." instead (.gitignore,
//     .github/, .gitlab-ci.yml).
//   - The site builds at once with the theme in the binary, and gen check
//     and gen status find nothing to report: each Russian and English file
//     records the revision of the Chinese text it translates.
//   - Everything is written into a new folder beside the target and moved
//     into place whole, so a failure leaves no half site behind. Modes
//     follow the umask.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/status"
)

//go:embed all:skeleton
var skeleton embed.FS

// Titles are the site's name in each language.
type Titles struct{ Zh, Ru, En string }

// Placeholders are the site's names when none is given.
func Placeholders() Titles {
	return Titles{Zh: "新闻中心", Ru: "Пресс-центр", En: "Press Office"}
}

// The skeleton's languages; the first is the default.
const langZh, langRu, langEn = "zh", "ru", "en"

// Write writes a new site into dir and returns the files it wrote,
// relative to dir and slash-separated, sorted.
func Write(dir string, titles Titles) ([]string, error) {
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	files, err := render(titles)
	if err != nil {
		return nil, err
	}
	if err := markTranslations(files); err != nil {
		return nil, err
	}
	return place(dir, files)
}

// checkEmpty refuses a folder that holds anything, or a file.
func checkEmpty(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return msgIsFile.At("", 0, 0, "Dir", dir)
	}
	list, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(list) > 0 {
		return msgNotEmpty.At("", 0, 0, "Dir", dir)
	}
	return nil
}

// render returns the skeleton's files by their path in the new site.
func render(titles Titles) (map[string][]byte, error) {
	funcs := template.FuncMap{"quote": strconv.Quote}
	files := map[string][]byte{}
	err := fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := skeleton.ReadFile(p)
		if err != nil {
			return err
		}
		name := outName(strings.TrimPrefix(p, "skeleton/"))
		if base, ok := strings.CutSuffix(name, ".tmpl"); ok {
			t, err := template.New(p).Funcs(funcs).Option("missingkey=error").Parse(string(data))
			if err != nil {
				return err
			}
			var b bytes.Buffer
			vars := map[string]string{"TitleZh": titles.Zh, "TitleRu": titles.Ru, "TitleEn": titles.En}
			if err := t.Execute(&b, vars); err != nil {
				return err
			}
			name, data = base, b.Bytes()
		}
		files[name] = data
		return nil
	})
	return files, err
}

// outName turns "dot-github/workflows/x.yml" into ".github/workflows/x.yml".
func outName(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if rest, ok := strings.CutPrefix(s, "dot-"); ok {
			parts[i] = "." + rest
		}
	}
	return strings.Join(parts, "/")
}

// markTranslations records in each translated file the revision of its
// Chinese original (translatedFrom).
func markTranslations(files map[string][]byte) error {
	opts := content.Options{Languages: []string{langZh, langRu, langEn}, Default: langZh}
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
			continue
		}
		stem, lang := splitLang(name)
		if lang == langZh {
			continue
		}
		orig := stem + "." + langZh + ".md"
		f, err := content.Parse(orig, files[orig], opts)
		if err != nil {
			return msgSkeleton.At("", 0, 0, "File", orig, "Err", err)
		}
		marked, err := status.SetMark(name, data, langZh+"@"+status.Revision(f), opts)
		if err != nil {
			return msgSkeleton.At("", 0, 0, "File", name, "Err", err)
		}
		files[name] = marked
	}
	return nil
}

// splitLang splits "content/news/x/index.ru.md" into its stem and "ru".
func splitLang(name string) (stem, lang string) {
	s := strings.TrimSuffix(name, ".md")
	i := strings.LastIndexByte(s, '.')
	return s[:i], s[i+1:]
}

// place writes files into a new folder beside dir, then moves it to dir.
func place(dir string, files map[string][]byte) ([]string, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	// MkdirTemp's folder is private (0700); the site's own follows the umask.
	site := filepath.Join(tmp, "site")
	if err := os.Mkdir(site, 0o777); err != nil {
		return nil, err
	}
	var names []string
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o666); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.Remove(dir); err != nil { // empty, as checkEmpty saw
			return nil, err
		}
	}
	if err := os.Rename(site, dir); err != nil {
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}

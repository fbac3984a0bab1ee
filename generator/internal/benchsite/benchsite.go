// Package benchsite writes synthetic trilingual sites for benchmarks: N
// releases in gen's content layout (content/news/<slug>/index.<lang>.md),
// realistic Markdown in Chinese, Russian and English, with the repository's
// default theme and i18n copied in so that the site builds on its own.
//
// Rules:
//   - The same N and seed give byte-identical files, on any machine: the
//     generator draws from a seeded PCG and never reads the clock, the time
//     zone or map order.
//   - Each release is drawn from its own stream (seed, index); only its
//     date depends on N, so that any N spans the same ten years.
//   - One release in ten (index 7, 17, 27, ...) lacks one translation:
//     ru or en, sometimes zh. Every file writes its own date and tags, so a release
//     without a zh file still builds.
//   - All dates lie between 2014-06-01 and 2024-05-31 (+08:00): build with
//     --now 2024-06-01 or later and every release is published.
//   - The site holds only what gen and Hugo both read: site.yaml, content/,
//     i18n/ and themes/default/. Hugo's configuration is added by the caller
//     (genbench compare) in a directory of its own.
package benchsite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Langs are the languages of a generated site, default first.
var langs = []string{"zh", "ru", "en"}

// Now is a build clock at which every generated release is published.
const Now = "2024-06-01"

// SiteYAML is the generated site.yaml: the sample site's languages, lists
// paginated by 10, the default theme.
const SiteYAML = `# A synthetic site written by benchsite for benchmarks.
baseURL: https://example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
theme: default
pageSize: 10
languages:
  - code: zh
    name: 中文
    locale: zh-Hans
    title: 中俄活动新闻
    weight: 1
  - code: ru
    name: Русский
    locale: ru
    title: Новости российско-китайских событий
    weight: 2
  - code: en
    name: English
    locale: en
    title: China–Russia Event News
    weight: 3
`

// Files returns the site.yaml and content/ of a site of n releases, keyed by
// slash-separated path relative to the site root.
func Files(n int, seed int64) map[string][]byte {
	m := map[string][]byte{"site.yaml": []byte(SiteYAML)}
	for _, lang := range langs {
		t := texts[lang]
		m["content/_index."+lang+".md"] = []byte(fmt.Sprintf("---\ntitle: %s\n---\n\n%s\n", quote(t.homeTitle), t.homeIntro))
		m["content/news/_index."+lang+".md"] = []byte(fmt.Sprintf("---\ntitle: %s\n---\n\n%s\n", quote(t.newsTitle), t.newsIntro))
	}
	for i := range n {
		r := newRelease(seed, i, n)
		for _, lang := range langs {
			if lang == r.missing {
				continue
			}
			m["content/news/"+r.slug+"/index."+lang+".md"] = r.file(lang)
		}
	}
	return m
}

// Releases returns the release slugs of a site of n releases and, for each,
// the languages it is written in, in site order.
func Releases(n int, seed int64) map[string][]string {
	out := make(map[string][]string, n)
	for i := range n {
		r := newRelease(seed, i, n)
		out[r.slug] = slices.DeleteFunc(slices.Clone(langs), func(l string) bool { return l == r.missing })
	}
	return out
}

// Write generates a site of n releases into dir, copying themes/default and
// i18n/ from the repository that holds the working directory (found by
// walking up to its go.mod).
func Write(dir string, n int, seed int64) error {
	repo, err := FindRepo()
	if err != nil {
		return err
	}
	return WriteFrom(os.DirFS(repo), dir, n, seed)
}

// WriteFrom is Write with the theme and i18n read from repo, a file system
// rooted at a site that holds themes/default/ and i18n/.
func WriteFrom(repo fs.FS, dir string, n int, seed int64) error {
	if n < 0 {
		return fmt.Errorf("benchsite: %d releases", n)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := copyTree(repo, "themes/default", dir); err != nil {
		return err
	}
	files := Files(n, seed)
	for _, lang := range langs {
		data, err := i18nWithTags(repo, lang)
		if err != nil {
			return err
		}
		files["i18n/"+lang+".yaml"] = data
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	made := map[string]bool{}
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// FindRepo returns the root of the gen repository that holds the working
// directory.
func FindRepo() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module github.com/eventnews/gen\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("benchsite: not inside the gen repository (no go.mod of github.com/eventnews/gen above the working directory)")
		}
		dir = parent
	}
}

func copyTree(repo fs.FS, root, dest string) error {
	return fs.WalkDir(repo, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("benchsite: cannot copy the theme: %w", err)
		}
		target := filepath.Join(dest, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(repo, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// i18nWithTags returns the repository's i18n/<lang>.yaml with a label added
// for every generated tag it does not label yet.
func i18nWithTags(repo fs.FS, lang string) ([]byte, error) {
	data, err := fs.ReadFile(repo, "i18n/"+lang+".yaml")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var top map[string]any
	if err := yaml.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("benchsite: i18n/%s.yaml: %w", lang, err)
	}
	nested, _ := top["tag"].(map[string]any)
	var b bytes.Buffer
	b.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		b.WriteByte('\n')
	}
	for _, t := range tags {
		if _, ok := top["tag."+t.key]; ok {
			continue
		}
		if _, ok := nested[t.key]; ok {
			continue
		}
		if nested != nil {
			// Adding a flat key beside a nested map would still be valid,
			// but keep one style per file.
			return nil, fmt.Errorf("benchsite: i18n/%s.yaml nests tag labels; cannot add tag.%s", lang, t.key)
		}
		fmt.Fprintf(&b, "tag.%s: %s\n", t.key, quote(t.label[lang]))
	}
	return b.Bytes(), nil
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// rng draws numbers from a PCG; its methods are written here, not taken
// from math/rand/v2, so the sequence cannot change with the Go version.
type rng struct{ src *rand.PCG }

func newRNG(seed int64, i int) *rng {
	return &rng{rand.NewPCG(uint64(seed), uint64(i)*0x9E3779B97F4A7C15+1)}
}

// intn returns a number in [0, n); the modulo bias is negligible for the
// small n used here.
func (r *rng) intn(n int) int { return int(r.src.Uint64() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability p percent.
func (r *rng) chance(p int) bool { return r.intn(100) < p }

// sample returns k distinct indices of [0, n) in the order drawn.
func (r *rng) sample(n, k int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for i := range k {
		j := i + r.intn(n-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	return idx[:k]
}

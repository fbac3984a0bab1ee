package benchsite

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/markdown"
)

var repoRoot = filepath.Join("..", "..", "..")

func mapFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for p, data := range files {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

func TestSameSeedSameSite(t *testing.T) {
	a, b := Files(60, 7), Files(60, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two sites of the same size and seed differ")
	}
	if reflect.DeepEqual(a, Files(60, 8)) {
		t.Fatal("sites of different seeds are the same")
	}
}

// TestSitePinned pins the bytes of one site, so that a change to the
// generator (or to Go's PCG) cannot silently change the site the figures in
// BENCHMARKS.md were measured on. After a deliberate change, update the sum
// and the figures.
func TestSitePinned(t *testing.T) {
	files := Files(40, 1)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
		h.Write(files[p])
	}
	const want = "6b64c519de25f4eaceddb64e9586a199d5a9072f2c83c2b376f22e738423ef28"
	if got := fmt.Sprintf("%x", h.Sum(nil)); got != want {
		t.Errorf("the site of 40 releases, seed 1, has changed: sum %s, want %s", got, want)
	}
}

func TestOneReleaseInTenLacksATranslation(t *testing.T) {
	const n = 200
	rels := Releases(n, 3)
	if len(rels) != n {
		t.Fatalf("%d releases, want %d (slugs must be unique)", len(rels), n)
	}
	lacking := map[string]int{}
	for slug, langs := range rels {
		switch len(langs) {
		case 3:
		case 2:
			for _, l := range langs_ {
				if !slices.Contains(langs, l) {
					lacking[l]++
				}
			}
		default:
			t.Errorf("%s is written in %v", slug, langs)
		}
	}
	total := lacking["zh"] + lacking["ru"] + lacking["en"]
	if total != n/10 {
		t.Errorf("%d releases lack a translation, want %d", total, n/10)
	}
	if lacking["ru"] == 0 || lacking["en"] == 0 {
		t.Errorf("missing translations by language: %v; want both ru and en", lacking)
	}
	files := Files(n, 3)
	md := 0
	for p := range files {
		if strings.HasPrefix(p, "content/news/") && !strings.Contains(p, "_index") {
			md++
		}
	}
	if md != 3*n-total {
		t.Errorf("%d release files, want %d", md, 3*n-total)
	}
}

var langs_ = []string{"zh", "ru", "en"}

// TestContentIsValidAndRealistic loads a generated site with gen's own
// content and Markdown packages: no errors, and the Markdown uses the
// constructs press releases use.
func TestContentIsValidAndRealistic(t *testing.T) {
	const n = 80
	fsys := mapFS(Files(n, 1))
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files, err := content.Load(fsys, content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location})
	if err != nil {
		t.Fatalf("generated content has errors:\n%v", err)
	}
	counts := map[string]int{}
	first, last := time.Now(), time.Time{}
	for _, f := range files {
		if f.Kind != content.KindPage {
			continue
		}
		counts["pages"]++
		if f.Front.Event != nil {
			counts["events"]++
		}
		if len(f.Front.Tags) == 0 {
			t.Errorf("%s has no tags", f.Path)
		}
		if f.Front.Date.Before(first) {
			first = f.Front.Date
		}
		if f.Front.Date.After(last) {
			last = f.Front.Date
		}
		r, err := markdown.New(markdown.Options{Lang: f.Lang}).Convert(f.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, el := range []string{"<h2", "<ul>", "<ol>", "<table>", "<blockquote>", "<strong>", "<a href="} {
			if strings.Contains(r.HTML, el) {
				counts[el]++
			}
		}
		if f.Lang != "zh" && (r.Words < 80 || r.Words > 1500) {
			t.Errorf("%s: %d words", f.Path, r.Words)
		}
	}
	t.Logf("%v", counts)
	pages := counts["pages"]
	for _, el := range []string{"<h2", "<ul>", "<strong>"} {
		if counts[el] != pages {
			t.Errorf("%s in %d of %d releases, want all", el, counts[el], pages)
		}
	}
	for _, el := range []string{"<ol>", "<table>", "<blockquote>", "<a href="} {
		if counts[el] < pages/5 || counts[el] == pages {
			t.Errorf("%s in %d of %d releases, want some but not all", el, counts[el], pages)
		}
	}
	if counts["events"] < pages/4 || counts["events"] == pages {
		t.Errorf("%d of %d releases announce an event, want some but not all", counts["events"], pages)
	}
	if span := last.Sub(first); span < 9*365*24*time.Hour {
		t.Errorf("releases span %v, want about ten years", span)
	}
	if now, _ := time.Parse(time.DateOnly, Now); !last.Before(now) {
		t.Errorf("the newest release (%v) is not before Now (%s)", last, Now)
	}
}

func TestTranslationsSayTheSame(t *testing.T) {
	files := Files(30, 1)
	for slug := range Releases(30, 1) {
		var dates, tags []string
		for _, l := range langs_ {
			f, ok := files["content/news/"+slug+"/index."+l+".md"]
			if !ok {
				continue
			}
			for _, line := range strings.Split(string(f), "\n") {
				if strings.HasPrefix(line, "date: ") {
					dates = append(dates, line)
				}
				if strings.HasPrefix(line, "tags: ") {
					tags = append(tags, line)
				}
			}
		}
		if len(slices.Compact(dates)) != 1 || len(slices.Compact(tags)) != 1 {
			t.Errorf("%s: translations differ in date or tags: %q %q", slug, dates, tags)
		}
	}
}

func TestSiteYAMLHasTheSampleLanguages(t *testing.T) {
	sample, err := config.Load(os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := config.Parse("site.yaml", []byte(SiteYAML))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ours.Languages, sample.Languages) || ours.DefaultLanguage != sample.DefaultLanguage {
		t.Errorf("languages differ from the sample site's:\n got %+v\nwant %+v", ours.Languages, sample.Languages)
	}
	if ours.PageSize != 10 || ours.Theme != "default" {
		t.Errorf("pageSize %d, theme %q; want 10, default", ours.PageSize, ours.Theme)
	}
}

func TestWriteCopiesThemeAndLabelsEveryTag(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFrom(os.DirFS(repoRoot), dir, 12, 1); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"site.yaml", "themes/default/layouts/_default/baseof.html", "content/news/_index.ru.md"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Error(err)
		}
	}
	theirs, _ := os.ReadFile(filepath.Join(repoRoot, "i18n", "ru.yaml"))
	ours, _ := os.ReadFile(filepath.Join(dir, "i18n", "ru.yaml"))
	if !bytes.HasPrefix(ours, theirs) {
		t.Error("i18n/ru.yaml does not start with the repository's")
	}
	cfg, _ := config.Parse("site.yaml", []byte(SiteYAML))
	set, err := locale.Load(os.DirFS(dir), []string{"themes/default/i18n", "i18n"}, cfg.Languages)
	if err != nil {
		t.Fatalf("the written i18n does not load:\n%v", err)
	}
	for _, tg := range tags {
		for _, l := range langs_ {
			if got := set.For(l).Tag(tg.key); got != tg.label[l] {
				t.Errorf("%s tag %s: label %q, want %q", l, tg.key, got, tg.label[l])
			}
		}
	}
}

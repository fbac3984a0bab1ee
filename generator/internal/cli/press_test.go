package cli

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/status"
)

// pressSite writes a site of sitetest.Config and files (path → text) into
// a new directory; the binary's default theme lies under it.
func pressSite(t *testing.T, files map[string]string) string {
	t.Helper()
	s := sitetest.New(t, sitetest.Config)
	for p, text := range files {
		s.FS[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return s.OnDisk()
}

type result struct {
	code           int
	stdout, stderr string
}

func run(args ...string) result {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb, func(string) string { return "" })
	return result{code, out.String(), errb.String()}
}

// snapshot returns every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return m
}

func read(t *testing.T, dir, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGenNew(t *testing.T) {
	dir := pressSite(t, map[string]string{"content/news/_index.zh.md": "---\ntitle: 新闻\n---\n"})
	before := snapshot(t, dir)

	r := run("new", "news", "--title", "第八届中俄博览会开幕", "--now", "2024-06-01T10:00:00+08:00", "--source", dir)
	k := "content/news/di-ba-jie-zhong-e-bo-lan-hui-kai-mu"
	wantOut := "name: di-ba-jie-zhong-e-bo-lan-hui-kai-mu (from the title)\n" +
		"wrote " + filepath.Join(dir, k, "index.zh.md") + "\n" +
		"wrote " + filepath.Join(dir, k, "index.ru.md") + "\n" +
		"wrote " + filepath.Join(dir, k, "index.en.md") + "\n" +
		"The release is a draft: preview it with gen serve --drafts, and remove \"draft: true\" when it may be published.\n"
	wantErr := "note: some characters can be read more than one way (会 hui/kuai, 幕 mu/man); the name uses the first reading. If it reads wrong, choose the name yourself: gen new news/<name> --title ...\n"
	if r.code != 0 || r.stdout != wantOut || r.stderr != wantErr {
		t.Fatalf("gen new: exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", r.code, r.stdout, wantOut, r.stderr, wantErr)
	}
	after := snapshot(t, dir)
	var added []string
	for p, s := range after {
		if old, ok := before[p]; !ok {
			added = append(added, p)
		} else if old != s {
			t.Errorf("gen new changed %s", p)
		}
	}
	slices.Sort(added)
	if want := []string{k + "/index.en.md", k + "/index.ru.md", k + "/index.zh.md"}; !slices.Equal(added, want) {
		t.Errorf("gen new added %v, want %v", added, want)
	}
	zh := read(t, dir, k+"/index.zh.md")
	for _, want := range []string{"title: \"第八届中俄博览会开幕\"\n", "date: 2024-06-01 10:00\n", "draft: true\n", "translationKey: \"news/di-ba-jie-zhong-e-bo-lan-hui-kai-mu\"\n", "# event:\n#   name: \"\"\n"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh file lacks %q:\n%s", want, zh)
		}
	}

	// The same again writes nothing and says why.
	r = run("new", "news", "--title", "第八届中俄博览会开幕", "--source", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "gen new: "+k+"/index.zh.md, "+k+"/index.ru.md, "+k+"/index.en.md already exist; gen new never overwrites a file") {
		t.Errorf("second gen new: exit %d, stderr %s", r.code, r.stderr)
	}
	if again := snapshot(t, dir); !maps.Equal(again, after) {
		t.Error("the refused gen new changed files")
	}

	// A Russian title, one language, flags after the name.
	r = run("new", "news", "--source", dir, "--lang", "ru", "--title", "В Харбине открылось ЭКСПО", "--now", "2024-06-01")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "name: v-kharbine-otkrylos-ekspo (from the title)\nwrote "+filepath.Join(dir, "content/news/v-kharbine-otkrylos-ekspo/index.ru.md")+"\nThe release") {
		t.Errorf("gen new --lang ru: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if ru := read(t, dir, "content/news/v-kharbine-otkrylos-ekspo/index.ru.md"); !strings.Contains(ru, "title: \"В Харбине открылось ЭКСПО\"\ndate: 2024-06-01 08:00\n") {
		t.Errorf("ru file:\n%s", ru)
	}

	// Bad names are usage errors and write nothing.
	before = snapshot(t, dir)
	for args, want := range map[string]string{
		"new|news/Harbin Expo": `gen new: "news/Harbin Expo" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/harbin-expo` + "\n",
		"new|news/../x":        `gen new: "news/../x" cannot be a web address: use lower-case Latin letters, digits and hyphens, with "/" only between a section and the name, like news/x` + "\n",
		"new":                  `gen new: name the release, like "news/harbin-expo", or give its title with --title` + "\n",
		"new|news/x|--lang|fr": "gen new: --lang fr: not a language of this site (zh, ru, en)\n",
		"new|news|--title|!!!": "gen new: cannot make a web address from the title; name the release yourself: gen new news/<name> --title ...\n",
		"new|a|b":              "gen new: one release at a time (got a b)\n",
	} {
		r := run(append(strings.Split(args, "|"), "--source", dir)...)
		if r.code != 2 || r.stderr != want {
			t.Errorf("gen %s: exit %d, stderr %q, want %q", args, r.code, r.stderr, want)
		}
	}
	if !maps.Equal(snapshot(t, dir), before) {
		t.Error("a refused gen new changed files")
	}
}

func TestGenStatusAndMark(t *testing.T) {
	const zh = "---\ntitle: 博览会开幕\ndate: 2024-05-17\n---\n\n第八届博览会今天开幕。\n"
	// The Russian file as a Windows editor saves it: BOM, CRLF, a comment.
	const ru = "\xEF\xBB\xBF---\r\ntitle: \"Открылось ЭКСПО\"   # заголовок\r\nsummary: Кратко.\r\n---\r\n\r\nСегодня открылось ЭКСПО.  \r\n"
	dir := pressSite(t, map[string]string{
		"content/news/expo/index.zh.md": zh,
		"content/news/expo/index.ru.md": ru,
		"content/about.zh.md":           "---\ntitle: 关于\ndate: 2024-05-01\n---\n",
		"content/about.en.md":           "---\ntitle: About\ndraft: true\n---\n",
	})

	r := run("status", "--source", dir)
	want := `page       zh      ru        en
about      source  missing   unmarked (draft)
news/expo  source  unmarked  missing

0 out of date, 2 missing, 2 not marked
`
	if r.code != 0 || !strings.HasPrefix(r.stdout, want) {
		t.Fatalf("gen status: exit %d\n%s\nwant:\n%s%s", r.code, r.stdout, want, r.stderr)
	}

	r = run("status", "--mark", "ru", "news/expo/", "--source", dir)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "marked "+filepath.Join(dir, "content/news/expo/index.ru.md")+" as translated from content/news/expo/index.zh.md (zh@") {
		t.Fatalf("gen status --mark: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	got := read(t, dir, "content/news/expo/index.ru.md")
	i := strings.Index(got, "translatedFrom: ")
	if i < 0 {
		t.Fatalf("no translatedFrom written:\n%q", got)
	}
	line := got[i : i+strings.Index(got[i:], "\r\n")+2]
	if line != "translatedFrom: \"zh@"+revOf(t, zh)+"\"\r\n" || strings.Replace(got, line, "", 1) != ru {
		t.Fatalf("--mark changed more than its line:\n%q\nwas:\n%q", got, ru)
	}

	statusOf := func() status.State {
		t.Helper()
		r := run("status", "--format", "json", "--source", dir)
		var m struct {
			Pages []struct {
				Key       string
				Languages map[string]struct{ State status.State }
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil || r.code != 0 {
			t.Fatalf("gen status --format json: exit %d, %v\n%s", r.code, err, r.stdout)
		}
		for _, p := range m.Pages {
			if p.Key == "news/expo" {
				return p.Languages["ru"].State
			}
		}
		t.Fatal("news/expo not in the json")
		return ""
	}
	if s := statusOf(); s != status.OK {
		t.Fatalf("after --mark: ru is %s", s)
	}

	// Editing the Chinese text makes the translation stale; only trailing
	// spaces or non-text front matter do not.
	zhPath := filepath.Join(dir, "content/news/expo/index.zh.md")
	os.WriteFile(zhPath, []byte(strings.ReplaceAll(zh, "\n", "   \r\n")+"\n"), 0o644)
	if s := statusOf(); s != status.OK {
		t.Fatalf("after adding spaces at line ends: ru is %s", s)
	}
	os.WriteFile(zhPath, []byte(strings.Replace(zh, "date: 2024-05-17", "date: 2024-05-18\ntags: [expo]", 1)), 0o644)
	if s := statusOf(); s != status.OK {
		t.Fatalf("after a non-text edit: ru is %s", s)
	}
	os.WriteFile(zhPath, []byte(strings.Replace(zh, "今天开幕", "今天在哈尔滨开幕", 1)), 0o644)
	if s := statusOf(); s != status.Stale {
		t.Fatalf("after editing the text: ru is %s", s)
	}
	if r := run("status", "--source", dir); !strings.Contains(r.stdout, "news/expo  source  STALE    missing\n") || !strings.Contains(r.stdout, "1 out of date, 2 missing, 1 not marked\n") {
		t.Errorf("gen status:\n%s", r.stdout)
	}
	if r := run("status", "--mark", "ru", "content/news/expo/index.ru.md", "--source", dir); r.code != 0 {
		t.Fatalf("re-mark: exit %d %s", r.code, r.stderr)
	}
	if s := statusOf(); s != status.OK {
		t.Fatalf("after re-marking: ru is %s", s)
	}
	if n := strings.Count(read(t, dir, "content/news/expo/index.ru.md"), "translatedFrom"); n != 1 {
		t.Errorf("translatedFrom appears %d times", n)
	}

	// Mistakes say what to do and change nothing.
	before := snapshot(t, dir)
	for args, want := range map[string]result{
		"status|--mark|en|news/expo": {1, "", "gen status: news/expo has no en version to mark (gen new news/expo --lang en starts one)\n"},
		"status|--mark|zh|news/expo": {1, "", "gen status: content/news/expo/index.zh.md is the zh original; name the language it was translated from with --from\n"},
		"status|--mark|ru|news/nope": {1, "", "gen status: there is no page news/nope (gen status lists them; write a page like news/harbin-expo, its name harbin-expo, or a file path)\n"},
		"status|--mark|fr|news/expo": {2, "", "gen status: fr is not a language of this site (zh, ru, en)\n"},
		"status|--mark|ru":           {2, "", "gen status: --mark needs the pages to mark, like: gen status --mark ru news/harbin-expo\n"},
		"status|news/expo":           {2, "", "gen status: pages and --from go with --mark LANG, like: gen status --mark ru news/harbin-expo\n"},
		"status|--format|xml":        {2, "", "gen status: --format xml: use text or json\n"},
	} {
		r := run(append(strings.Split(args, "|"), "--source", dir)...)
		if r != want {
			t.Errorf("gen %s: %+v, want %+v", args, r, want)
		}
	}
	if !maps.Equal(snapshot(t, dir), before) {
		t.Error("a failed gen status changed files")
	}
}

func revOf(t *testing.T, s string) string {
	t.Helper()
	f, err := content.Parse("content/news/expo/index.zh.md", []byte(s), content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	return status.Revision(f)
}

func TestGenCheck(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/a/index.zh.md": "---\ntitle: 甲\ndate: 2024-05-01\n---\n见[乙](../b/index.md)。\n",
		"content/news/a/index.ru.md": "---\ntitle: А\ntranslatedFrom: \"zh@000000000000\"\n---\n",
		"content/news/a/index.en.md": "---\ntitle: A\n---\n",
	})
	before := snapshot(t, dir)
	r := run("check", "--source", dir, "--now", "2024-06-01")
	want := `content/news/a/index.ru.md:3:17: warning: out of date: content/news/a/index.zh.md changed since this was translated; update the translation, then run gen status --mark ru news/a
content/news/a/index.zh.md:5:2: error: link to ../b/index.md: there is no content/news/b/index.md
`
	if r.code != 1 || r.stdout != want || r.stderr != "1 error, 1 warning in 3 content files\n" {
		t.Fatalf("gen check: exit %d\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}

	r = run("check", "--source", dir, "--now", "2024-06-01", "--format", "github")
	if r.code != 1 || !strings.Contains(r.stdout, "::error file=content/news/a/index.zh.md,line=5,col=2::link to ../b/index.md: there is no content/news/b/index.md\n") {
		t.Errorf("--format github: exit %d\n%s", r.code, r.stdout)
	}
	r = run("check", "--source", dir, "--now", "2024-06-01", "--format", "json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || len(items) != 2 || items[1]["code"] != "link" || items[1]["line"] != 5.0 {
		t.Errorf("--format json: %v\n%s", err, r.stdout)
	}

	// Fix the error: the warning alone passes, unless asked otherwise.
	os.WriteFile(filepath.Join(dir, "content/news/a/index.zh.md"), []byte("---\ntitle: 甲\ndate: 2024-05-01\n---\n"), 0o644)
	before["content/news/a/index.zh.md"] = "---\ntitle: 甲\ndate: 2024-05-01\n---\n"
	for args, code := range map[string]int{
		"":                             0,
		"--strict":                     0, // a translation gap is not a --strict failure
		"--fail-on|stale":              1,
		"--fail-on|missing":            0,
		"--fail-on|stale,missing":      1,
		"--fail-on|typo":               2,
		"--format|xml":                 2,
		"--now|someday":                2,
		"--fail-on|stale|--format|xml": 2,
	} {
		a := []string{"check", "--source", dir, "--now", "2024-06-01"}
		if args != "" {
			a = append(a, strings.Split(args, "|")...)
		}
		if r := run(a...); r.code != code {
			t.Errorf("gen check %s: exit %d, want %d\n%s%s", args, r.code, code, r.stdout, r.stderr)
		}
	}
	if r := run("check", "--source", dir, "--now", "2024-06-01", "--fail-on", "stale"); !strings.HasPrefix(r.stdout, "content/news/a/index.ru.md:3:17: error: out of date") {
		t.Errorf("--fail-on stale does not report an error:\n%s", r.stdout)
	}
	if !maps.Equal(snapshot(t, dir), before) {
		t.Error("gen check changed files")
	}
}

func TestRepoPrefix(t *testing.T) {
	for in, want := range map[string]string{".": "", "": "", "site": "site", "./site/": "site", "a/../b": "b"} {
		if got := repoPrefix(in); got != want {
			t.Errorf("repoPrefix(%q) = %q, want %q", in, got, want)
		}
	}
	wd, _ := os.Getwd()
	if got := repoPrefix(filepath.Join(wd, "docs", "site")); got != "docs/site" {
		t.Errorf("absolute path under the working directory: %q", got)
	}
}

func TestGenStatusMarksASectionList(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/_index.zh.md": "---\ntitle: 新闻\n---\n",
		"content/news/_index.ru.md": "---\ntitle: Новости\n---\n",
	})
	if r := run("status", "--mark", "ru", "news", "--source", dir); r.code != 0 || !strings.Contains(r.stdout, "marked ") {
		t.Fatalf("gen status --mark ru news: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run("status", "--source", dir); !strings.Contains(r.stdout, "news/ (list)  source  ok  missing\n") {
		t.Errorf("gen status:\n%s", r.stdout)
	}
}

// gen check reports a link out of the site as gen build does, and gen
// status reads nothing through it.
func TestLinksOutOfTheSiteInCheckAndStatus(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/a/index.zh.md": "---\ntitle: 甲\ndate: 2024-05-01\n---\n",
	})
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("---\ntitle: TOP-SECRET\ndate: 2024-05-01\n---\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "content", "news", "a", "index.en.md")); err != nil {
		t.Fatal(err)
	}
	want := "content/news/a/index.en.md: error: is a symbolic link to " + secret + ", outside the site: gen reads nothing outside the site folder; copy the file into the site instead"
	r := run("check", "--source", dir, "--now", "2024-06-01")
	if r.code != 1 || !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "TOP-SECRET") {
		t.Errorf("gen check: exit %d\n%s", r.code, r.stdout)
	}
	r = run("status", "--source", dir)
	if strings.Contains(r.stdout+r.stderr, "TOP-SECRET") || !strings.Contains(r.stderr, "is a symbolic link to "+secret) {
		t.Errorf("gen status: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// --mark takes several languages at once, and a page by its path, its
// name alone or a file path; a name two pages share is refused with both.
func TestMarkSeveralLanguagesAndPageNames(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/expo/index.zh.md":    "---\ntitle: 博览会\ndate: 2024-05-17\n---\n正文。\n",
		"content/news/expo/index.ru.md":    "---\ntitle: Выставка\n---\nТекст.\n",
		"content/news/expo/index.en.md":    "---\ntitle: Expo\n---\nText.\n",
		"content/news/forum/index.zh.md":   "---\ntitle: 论坛\ndate: 2024-05-18\n---\n正文。\n",
		"content/news/forum/index.ru.md":   "---\ntitle: Форум\n---\nТекст.\n",
		"content/events/forum/index.zh.md": "---\ntitle: 论坛活动\ndate: 2024-05-18\n---\n正文。\n",
		"content/events/forum/index.ru.md": "---\ntitle: Форум-событие\n---\nТекст.\n",
	})
	r := run("status", "--source", dir, "--mark", "ru,en", "expo")
	if r.code != 0 || strings.Count(r.stdout, "marked ") != 2 {
		t.Errorf("--mark ru,en expo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run("status", "--source", dir, "--mark", "ru", "content/news/forum/index.ru.md")
	if r.code != 0 || !strings.Contains(r.stdout, "marked ") {
		t.Errorf("--mark ru by file path: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run("status", "--source", dir, "--mark", "ru", "forum")
	if want := "gen status: forum names 2 pages: events/forum, news/forum; write the one you mean\n"; r.code != 1 || r.stderr != want {
		t.Errorf("--mark ru forum: exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
	r = run("status", "--source", dir)
	if !regexp.MustCompile(`news/expo +source +ok +ok\n`).MatchString(r.stdout) {
		t.Errorf("after marking:\n%s", r.stdout)
	}
}

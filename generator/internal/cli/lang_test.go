package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/deploy"
	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/scaffold"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// runEnv is run with environment variables.
func runEnv(env map[string]string, args ...string) result {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb, func(k string) string { return env[k] })
	return result{code, out.String(), errb.String()}
}

// brokenSite has a link to a release that does not exist and an event that
// ends before it starts, in the Chinese release.
func brokenSite(t *testing.T) string {
	return pressSite(t, map[string]string{
		"content/news/expo/index.zh.md": "---\ntitle: 博览会开幕\ndate: 2024-05-17\nevent: {name: 博览会, start: 2024-05-17, end: 2024-05-15}\n---\n见[论坛](../forum/index.md)。\n",
	})
}

// gen build speaks Russian with --lang ru, and with LANG=ru_RU.UTF-8;
// the places stay as they are.
func TestBuildSpeaksTheChosenLanguage(t *testing.T) {
	dir := brokenSite(t)
	dest := filepath.Join(dir, "public")
	ru := []string{
		"content/news/expo/index.zh.md:4:",
		"event.end 2024-05-15 раньше, чем event.start 2024-05-17: исправьте одну из дат\n",
		"content/news/expo/index.zh.md:6:",
		"ссылка на ../forum/index.md: файла content/news/forum/index.md нет\n",
		"2 ошибки: ничего не опубликовано; прежний сайт в " + dest + " не изменился\n",
	}
	zh := []string{
		"event.end 2024-05-15 早于 event.start 2024-05-17：请改正其中一个\n",
		"链接 ../forum/index.md：没有 content/news/forum/index.md\n",
		"2 个错误：没有发布任何内容；" + dest + " 中原来的网站保持不变\n",
	}
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"--lang ru", nil, []string{"--lang", "ru"}, ru},
		{"--lang=zh", map[string]string{"LANG": "ru_RU.UTF-8"}, []string{"--lang=zh"}, zh},
		{"LANG=ru_RU.UTF-8", map[string]string{"LANG": "ru_RU.UTF-8"}, nil, ru},
		{"LC_ALL=zh_CN.UTF-8", map[string]string{"LANG": "ru_RU.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, nil, zh},
		{"LANG=C", map[string]string{"LANG": "C"}, nil, []string{"link to ../forum/index.md: there is no content/news/forum/index.md\n", "2 errors: nothing was published"}},
	} {
		r := runEnv(c.env, append([]string{"build", "--source", dir}, c.args...)...)
		if r.code != 1 {
			t.Errorf("%s: exit %d\n%s", c.name, r.code, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, w, r.stderr)
			}
		}
	}
	// Front matter mistakes too.
	dir = pressSite(t, map[string]string{"content/news/expo/index.ru.md": "---\ntitel: Выставка\n---\nВыставка.\n"})
	r := run("build", "--source", dir, "--lang", "ru")
	if want := "content/news/expo/index.ru.md:1:1: нужна date (дата)\n" +
		"content/news/expo/index.ru.md:1:1: нужен title (заголовок)\n" +
		"content/news/expo/index.ru.md:2:1: неизвестный ключ front matter «titel» (может быть, «title»?)\n" +
		"3 ошибки: ничего не опубликовано; прежний сайт в " + filepath.Join(dir, "public") + " не изменился\n"; r.code != 1 || r.stderr != want {
		t.Errorf("front matter in ru: exit %d\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
	if r := run("build", "--source", dir, "--lang", "fr"); r.code != 2 || r.stderr != "gen build: --lang fr: gen speaks en, ru and zh\n" {
		t.Errorf("--lang fr: exit %d, %q", r.code, r.stderr)
	}
}

// Mistakes on the command line are said in the chosen language.
func TestUsageMistakesSpeakTheChosenLanguage(t *testing.T) {
	ru := map[string]string{"LANG": "ru_RU.UTF-8"}
	if r := runEnv(ru, "biuld"); r.code != 2 || !strings.HasPrefix(r.stderr, "gen: неизвестная команда «biuld»; может быть, «build»?\n") {
		t.Errorf("gen biuld: exit %d\n%s", r.code, r.stderr)
	}
	if r := run("build", "--lang", "zh", "--darfts"); r.code != 2 || r.stderr != "gen build：没有 --darfts 这个选项；是不是 --drafts？（gen build -h 列出所有选项）\n" {
		t.Errorf("gen build --darfts: exit %d\n%q", r.code, r.stderr)
	}
	if r := runEnv(ru, "check", "extra"); r.code != 2 || r.stderr != "gen check: лишний аргумент «extra»\n" {
		t.Errorf("gen check extra: exit %d\n%q", r.code, r.stderr)
	}
}

// gen new writes the archetype's comments in each file's language.
func TestGenNewCommentsInEachLanguage(t *testing.T) {
	dir := pressSite(t, nil)
	if r := run("new", "news/expo", "--now", "2024-06-01", "--source", dir); r.code != 0 {
		t.Fatalf("gen new: exit %d\n%s", r.code, r.stderr)
	}
	for lang, want := range map[string][]string{
		"zh": {"# 可以发布时，删除这一行，或改为 false。\ndraft: true\n", "# 一两句话，用于列表和订阅源；留空则使用第一段。\nsummary: \"\"\n", "# 本文件旁的主图：去掉下面三行的“#”。\n# image:\n"},
		"ru": {"# Удалите эту строку или напишите false, когда релиз можно публиковать.\ndraft: true\n", "# Главная картинка рядом с этим файлом: уберите «#» в трёх строках ниже.\n"},
		"en": {"# Remove this line, or write false, when the release may be published.\ndraft: true\n", "# Is the release about an event? Remove the \"#\" on the lines below, in every\n# language, and fill them in (gen new --event writes them ready).\n"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, "content/news/expo/index."+lang+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("index.%s.md lacks %q:\n%s", lang, w, data)
			}
		}
	}
	// The event block's notes are indented with it,
	// and gen new itself speaks the locale's language (its --lang names
	// the files to write).
	r := runEnv(map[string]string{"LANG": "zh_CN.UTF-8"}, "new", "news/forum", "--event", "--now", "2024-06-01", "--source", dir)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "已写入 ") || !strings.HasSuffix(r.stdout, "\n新闻稿是草稿：可用 gen serve --drafts 预览，可以发布时删除“draft: true”。\n") {
		t.Fatalf("gen new --event in zh: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content/news/forum/index.zh.md"))
	if w := "  # 活动所在地的当地时间，如果与网站的时区不同：写明时区，\n  # 如 Asia/Vladivostok。\n  timeZone:\n"; !strings.Contains(string(data), w) {
		t.Errorf("index.zh.md lacks %q:\n%s", w, data)
	}
}

func TestLangArg(t *testing.T) {
	for args, want := range map[string]string{
		"":                     "",
		"--lang|ru":            "ru",
		"-lang=zh":             "zh",
		"--source|x|--lang=en": "en",
		"--|--lang|ru":         "",
		"--lang":               "",
	} {
		var a []string
		if args != "" {
			a = strings.Split(args, "|")
		}
		if got := langArg(a); got != want {
			t.Errorf("langArg(%q) = %q, want %q", args, got, want)
		}
	}
}

// gen status's table and gen check's summary speak the chosen language.
func TestStatusAndCheckSpeakTheChosenLanguage(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/expo/index.zh.md": "---\ntitle: 博览会开幕\ndate: 2024-05-17\n---\n博览会开幕。\n",
	})
	r := run("status", "--lang", "ru", "--source", dir)
	for _, w := range []string{"страница", "news/expo", "оригинал", "нет", "устарело: 0, нет перевода: 2, без отметки: 0\n", "gen status --mark <язык> <страница>"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("gen status --lang ru lacks %q:\n%s", w, r.stdout)
		}
	}
	r = runEnv(map[string]string{"LANG": "zh_CN.UTF-8"}, "status", "--source", dir)
	for _, w := range []string{"页面", "原文", "缺少", "过时 0 个，缺少 2 个，未标记 0 个\n"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("gen status in zh lacks %q:\n%s", w, r.stdout)
		}
	}
	r = run("check", "--lang", "ru", "--source", dir)
	for _, w := range []string{"предупреждение: перевода на en ещё нет", "0 ошибок, 2 предупреждения; проверено файлов содержимого: 1\n"} {
		if !strings.Contains(r.stdout+r.stderr, w) {
			t.Errorf("gen check --lang ru lacks %q:\n%s%s", w, r.stdout, r.stderr)
		}
	}
}

// gen help speaks the chosen language.
func TestHelpSpeaksTheChosenLanguage(t *testing.T) {
	if r := run("help", "--lang", "ru"); r.code != 0 || !strings.Contains(r.stdout, "  build     собрать сайт в public/\n") {
		t.Errorf("gen help --lang ru: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runEnv(map[string]string{"LC_MESSAGES": "zh_CN.UTF-8"}, "help"); r.code != 0 || !strings.Contains(r.stdout, "  status    显示哪些译文缺少或过时\n") {
		t.Errorf("gen help in zh: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// gen status's columns line up in a terminal whatever the language: a
// Chinese character takes two columns.
func TestTableLinesUpWideCharacters(t *testing.T) {
	var b bytes.Buffer
	printTable(&b, [][]string{{"页面", "zh", "ru"}, {"news/expo", "原文", "缺少"}, {"/（首页）", "原文", "ok"}})
	want := "页面       zh    ru\n" +
		"news/expo  原文  缺少\n" +
		"/（首页）  原文  ok\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

var (
	ruEnv = map[string]string{"LANG": "ru_RU.UTF-8"}
	zhEnv = map[string]string{"LANG": "zh_CN.UTF-8"}
)

// want reports, for a result, every wanted text it lacks (stdout and
// stderr together) and a wrong exit status.
func want(t *testing.T, name string, r result, code int, texts ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit %d, want %d\n%s%s", name, r.code, code, r.stdout, r.stderr)
	}
	for _, w := range texts {
		if !strings.Contains(r.stdout+r.stderr, w) {
			t.Errorf("%s lacks %q:\n%s%s", name, w, r.stdout, r.stderr)
		}
	}
}

// A command's help speaks the chosen language: its summary, the headings,
// every option and its default; gen help X prints the same.
func TestCommandHelpSpeaksTheChosenLanguage(t *testing.T) {
	r := run("build", "-h", "--lang", "ru")
	want(t, "gen build -h --lang ru", r, 0,
		"Собрать сайт в папку (по умолчанию public/).",
		"\n\nКак запускать: gen build [параметры]\n\nПараметры:\n",
		"  --drafts, -D, --buildDrafts\n        включить релизы с пометкой draft: true\n",
		"  --source, -s ПАПКА\n        папка сайта (где лежат site.yaml и content/) (по умолчанию \".\")\n")
	if h := run("help", "build", "--lang", "ru"); h.code != 0 || h.stderr != r.stderr {
		t.Errorf("gen help build --lang ru is not gen build -h --lang ru:\n%s", h.stderr)
	}
	r = runEnv(zhEnv, "serve", "-h")
	want(t, "gen serve -h in zh", r, 0,
		"编辑时在浏览器中预览网站。",
		"\n\n用法：gen serve [选项]\n\n选项：\n",
		"  --port, -p 端口\n        在此端口应答；如果端口被占用且没有指定 --port，则使用下一个空闲端口（默认 \"1313\"）\n")
	if h := runEnv(zhEnv, "help", "serve"); h.code != 0 || h.stderr != r.stderr {
		t.Errorf("gen help serve in zh is not gen serve -h:\n%s", h.stderr)
	}
}

// Every option of every command is explained in Russian and in Chinese:
// a new option without its translations fails here.
func TestEveryOptionIsTranslated(t *testing.T) {
	cyrillic := func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	for _, lang := range []struct {
		env    map[string]string
		script func(rune) bool
	}{{ruEnv, cyrillic}, {zhEnv, han}} {
		for _, cmd := range [][]string{{"init"}, {"new", "site"}, {"build"}, {"serve"}, {"new"}, {"check"}, {"status"}, {"deploy"}} {
			name := fmt.Sprintf("gen %s -h with LANG=%s", strings.Join(cmd, " "), lang.env["LANG"])
			r := runEnv(lang.env, append(cmd, "-h")...)
			summary, options, ok := strings.Cut(r.stderr, "\n\n")
			if r.code != 0 || !ok || !strings.ContainsFunc(summary, lang.script) {
				t.Errorf("%s: exit %d, summary not translated:\n%s", name, r.code, r.stderr)
				continue
			}
			lines := strings.Split(options, "\n")
			n := 0
			for i, l := range lines {
				if !strings.HasPrefix(l, "  --") {
					continue
				}
				n++
				if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "        ") || !strings.ContainsFunc(lines[i+1], lang.script) {
					t.Errorf("%s: option %s is not explained in the language:\n%s", name, strings.TrimSpace(l), r.stderr)
				}
			}
			if n < 2 {
				t.Errorf("%s lists %d options:\n%s", name, n, r.stderr)
			}
		}
	}
}

// package flag's complaints, which it writes in English, are said in the
// language.
func TestFlagErrorsSpeakTheChosenLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"build", "--lang", "ru", "-d"}, "gen build: параметру нужно значение: -d (gen build -h перечисляет все параметры)\n"},
		{nil, []string{"serve", "--lang", "ru", "--port", "x"}, "gen serve: неверное значение \"x\" параметра -port: это не число (gen serve -h перечисляет все параметры)\n"},
		{zhEnv, []string{"serve", "--poll=1ns"}, "gen serve：选项 -poll 的值 \"1ns\" 无效：请写一个时间间隔，如 500ms 或 2s（gen serve -h 列出所有选项）\n"},
		{zhEnv, []string{"build", "--minify=maybe"}, "gen build：选项 -minify 的值 \"maybe\" 无效：请写 true 或 false（gen build -h 列出所有选项）\n"},
		{nil, []string{"deploy", "--workers", "99999999999999999999"}, "gen deploy: invalid value \"99999999999999999999\" for option -workers: out of range (gen deploy -h lists every option)\n"},
		{ruEnv, []string{"status", "--bogus"}, "gen status: неизвестный параметр --bogus (gen status -h перечисляет все параметры)\n"},
		{ruEnv, []string{"new", "news/x", "--evnt"}, "gen new: неизвестный параметр --evnt; может быть, --event? (gen new -h перечисляет все параметры)\n"},
	} {
		if r := runEnv(c.env, c.args...); r.code != 2 || r.stderr != c.want {
			t.Errorf("gen %v: exit %d\n%q\nwant\n%q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// Each command's own lines speak the chosen language: usage mistakes, and
// what it did.
func TestCommandLinesSpeakTheChosenLanguage(t *testing.T) {
	dir := pressSite(t, map[string]string{
		"content/news/expo/index.zh.md": "---\ntitle: 博览会开幕\ndate: 2024-05-17\n---\n博览会开幕。\n",
		"content/news/expo/index.ru.md": "---\ntitle: Открылась выставка\ndate: 2024-05-17\n---\nОткрылась выставка.\n",
	})
	for _, c := range []struct {
		env  map[string]string
		args []string
		code int
		want string
	}{
		{ruEnv, []string{"check", "--format", "xml"}, 2, "gen check: --format xml: укажите text, json, github\n"},
		{zhEnv, []string{"check", "--fail-on", "old"}, 2, "gen check：--fail-on old：请使用 stale、missing 或 stale,missing\n"},
		{ruEnv, []string{"build", "--now", "yesterday"}, 2, "gen build: --now: \"yesterday\" — это не время (напишите 2024-05-17 или 2024-05-17T10:00:00+08:00)\n"},
		{map[string]string{"LANG": "zh_CN.UTF-8", "SOURCE_DATE_EPOCH": "soon"}, []string{"check"}, 2, "gen check：SOURCE_DATE_EPOCH：\"soon\" 不是秒数\n"},
		{zhEnv, []string{"serve", "--port", "70000"}, 2, "gen serve：--port 70000 不是端口（0 到 65535）\n"},
		{ruEnv, []string{"serve", "--baseURL", "ftp://x"}, 2, "gen serve: --baseURL \"ftp://x\" — это не URL с http или https\n"},
		{zhEnv, []string{"init"}, 2, "gen init：请为新网站指定文件夹，如：gen init my-site\n"},
		{ruEnv, []string{"new", "site"}, 2, "gen new site: назовите папку для нового сайта, например: gen new site my-site\n"},
		{ruEnv, []string{"new", "news/a", "news/b"}, 2, "gen new: по одному релизу за раз (указано: news/a news/b)\n"},
		{zhEnv, []string{"new", "news/a", "--lang", "fr", "--source", dir}, 2, "gen new：--lang fr：不是本网站的语言（zh, ru, en）\n"},
		{ruEnv, []string{"new", "--source", filepath.Join(dir, "nowhere")}, 2, "gen new: " + filepath.Join(dir, "nowhere")},
		{zhEnv, []string{"status", "--format", "xml"}, 2, "gen status：--format xml：请使用 text 或 json\n"},
		{ruEnv, []string{"status", "news/expo"}, 2, "gen status: страницы и --from указываются вместе с --mark ЯЗЫК, например: gen status --mark ru news/harbin-expo\n"},
		{ruEnv, []string{"status", "--mark", "ru"}, 2, "gen status: после --mark назовите страницы, которые нужно отметить, например: gen status --mark ru news/harbin-expo\n"},
		{ruEnv, []string{"status", "--mark", "fr", "news/expo", "--source", dir}, 2, "gen status: fr — это не язык сайта (zh, ru, en)\n"},
		{zhEnv, []string{"status", "--mark", "ru", "news/nope", "--source", dir}, 1, "gen status：没有页面 news/nope（gen status 会列出页面；"},
		{zhEnv, []string{"status", "--mark", "en", "news/expo", "--source", dir}, 1, "gen status：news/expo 没有可标记的 en 版本（gen new news/expo --lang en 可以开始一个）\n"},
		{ruEnv, []string{"status", "--mark", "zh", "news/expo", "--source", dir}, 1, "gen status: content/news/expo/index.zh.md — оригинал на zh; укажите через --from язык, с которого переведено\n"},
		{ruEnv, []string{"status", "--mark", "ru", "news/expo", "--source", dir}, 0, "content/news/expo/index.ru.md отмечен как перевод content/news/expo/index.zh.md (zh@"},
		{ruEnv, []string{"status", "--mark", "ru", "expo", "--source", dir}, 0, "content/news/expo/index.ru.md уже отмечен как перевод content/news/expo/index.zh.md (zh@"},
	} {
		name := "gen " + strings.Join(c.args, " ") + " with LANG=" + c.env["LANG"]
		want(t, name, runEnv(c.env, c.args...), c.code, c.want)
	}
	// gen new names a release from its title, and says so.
	r := runEnv(ruEnv, "new", "--title", "Harbin Expo Opens", "--now", "2024-06-01", "--source", dir)
	want(t, "gen new --title in ru", r, 0, "имя: harbin-expo-opens (из заголовка)\n")
}

// gen build says in the language what --clean-destination removed.
func TestBuildCleanedSpeaksTheChosenLanguage(t *testing.T) {
	dir := pressSite(t, nil)
	want(t, "gen build", run("build", "--source", dir, "--now", "2024-06-01"), 0)
	os.WriteFile(filepath.Join(dir, "public", "stray.txt"), []byte("x"), 0o644)
	r := runEnv(ruEnv, "build", "--source", dir, "--now", "2024-06-01", "--clean-destination")
	want(t, "gen build --clean-destination in ru", r, 0, "удалён 1 объект, который записал не gen (--clean-destination)\n")
}

// gen deploy speaks the language: its mistakes, its plan, a dry run, what
// it deployed and what it refuses.
func TestDeploySpeaksTheChosenLanguage(t *testing.T) {
	dir := pressSite(t, nil)
	yaml := filepath.Join(dir, "site.yaml")
	data, _ := os.ReadFile(yaml)
	os.WriteFile(yaml, append(data, "deploy:\n  targets:\n    - {name: production, url: \"s3://press?region=eu-central-1\"}\n"...), 0o644)
	want(t, "gen deploy --target prodution in ru", runEnv(ruEnv, "deploy", "-s", dir, "--target", "prodution"), 2,
		"gen deploy: --target prodution: такой цели в site.yaml нет; может быть, production?\n")
	want(t, "gen deploy --target ftp://x/y in ru", runEnv(ruEnv, "deploy", "-s", dir, "--target", "ftp://x/y"), 2,
		"gen deploy: --target: адрес \"ftp://x/y\" должен начинаться с s3://, gs://, azblob:// или file://\n")
	want(t, "gen deploy --workers 0 in zh", runEnv(zhEnv, "deploy", "-s", dir, "--workers", "0"), 2,
		"gen deploy：--workers 0：请指定 1 或更大的数\n")
	want(t, "gen build", run("build", "--source", dir, "--now", "2024-06-01"), 0)
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "old.html"), []byte("old"), 0o644)
	url := "file://" + filepath.ToSlash(target)
	r := runEnv(ruEnv, "deploy", "-s", dir, "--target", url, "--dry-run")
	want(t, "gen deploy --dry-run in ru", r, 0, "публикация "+filepath.Join(dir, "public")+" в "+url+": загрузить: ",
		"(новых: ", ", изменённых: 0), удалить: 1, без изменений: 0\n", "\nудалить"+strings.Repeat(" ", 17)+"old.html\n", "пробный запуск: ничего не изменено\n")
	r = runEnv(ruEnv, "deploy", "-s", dir, "--target", url, "--max-deletes", "0")
	want(t, "gen deploy --max-deletes 0 in ru", r, 1, "gen deploy: отказано: удалить пришлось бы 1 файл, больше, чем --max-deletes 0; ничего не изменено.")
	r = runEnv(zhEnv, "deploy", "-s", dir, "--target", url)
	want(t, "gen deploy in zh", r, 0, "已发布：上传 ", " 个，删除 1 个\n")
}

// gen alone in a site's folder speaks the locale's language.
func TestGenAloneSpeaksTheLocale(t *testing.T) {
	t.Chdir(sitetest.Sample(t).OnDisk())
	r := runEnv(ruEnv)
	want(t, "gen in a site in ru", r, 0, "В этой папке сайт gen: 5 релизов (zh 5, ru 5, en 5); последний: «",
		"  gen check  найти ошибки до публикации\n", "\ngen help перечисляет все команды.\n")
}

// gen init says what it made, and asks, in the language.
func TestInitSpeaksTheChosenLanguage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "press")
	r := run("init", dir, "--lang", "ru")
	want(t, "gen init --lang ru", r, 0, "Новый сайт создан в "+dir+": ", "\n\nДальше:\n  cd "+dir+"\n",
		"  gen new news/my-release   начать релиз на всех языках\n",
		"\nНапишите название пресс-центра в site.yaml (title, для каждого языка) и в content/_index.*.md.\n")
	var out bytes.Buffer
	titles := ask(strings.NewReader("新闻办\n\nPress Office\n"), &out, scaffold.Placeholders(), speak.New("zh"))
	if w := "新闻中心的中文名称（按回车以后再写）：……俄文名称（按回车以后再写）：……英文名称（按回车以后再写）："; out.String() != w {
		t.Errorf("ask in zh:\n%s\nwant\n%s", out.String(), w)
	}
	if titles.Zh != "新闻办" || titles.Ru != scaffold.Placeholders().Ru || titles.En != "Press Office" {
		t.Errorf("ask: %+v", titles)
	}
}

// gen build's lines for an interrupted build, the one it stops and the one
// it finishes publishing later, speak the language.
func TestBuildInterruptionsSpeakTheChosenLanguage(t *testing.T) {
	var b bytes.Buffer
	if code := reportBuild(&b, "public", context.Canceled, nil, speak.New("ru")); code != 1 || b.String() != "gen build: остановлено: ничего не опубликовано; прежний сайт в public не изменился\n" {
		t.Errorf("stopped in ru: exit %d, %q", code, b.String())
	}
	b.Reset()
	res := &build.Result{Published: &publish.Report{Recovered: true, Cleaned: 3}}
	printBuilt(&b, res, "public", time.Second, speak.New("zh"))
	for _, w := range []string{"已完成之前中断的生成在 public 中的发布\n", "删除了 3 个不是 gen 写入的条目（--clean-destination）\n"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("printBuilt in zh lacks %q:\n%s", w, b.String())
		}
	}
}

// A deploy stopped before it is done says, in the language, what it did
// and did not do.
func TestDeployPartialSpeaksTheChosenLanguage(t *testing.T) {
	dir := pressSite(t, nil)
	want(t, "gen build", run("build", "--source", dir, "--now", "2024-06-01"), 0)
	target := "file://" + filepath.ToSlash(t.TempDir())
	f := deployFlags{source: dir, dest: filepath.Join(dir, "public"), maxDeletes: -1, workers: 1}
	d, err := deploy.Prepare(context.Background(), deploy.Options{Dir: f.dest, Site: dir, Target: target, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := applyDeploy(ctx, d, &f, target, &out, &errb, speak.New("ru"))
	n := len(d.Plan.Uploads)
	w := fmt.Sprintf("gen deploy: опубликовано не всё: загружено 0 из %d файлов, не удалось 0, не начато %d; удалено 0 из 0. В цели лежит часть нового сайта: запустите gen deploy ещё раз\n", n, n)
	if code != 1 || !strings.HasSuffix(errb.String(), w) {
		t.Errorf("stopped deploy in ru: exit %d\n%s%s\nwant it to end with\n%s", code, out.String(), errb.String(), w)
	}
}

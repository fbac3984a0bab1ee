package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if r := run("build", "--source", dir, "--lang", "fr"); r.code != 2 || r.stderr != "gen build: --lang fr: gen speaks en, ru, zh\n" {
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

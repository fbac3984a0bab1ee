package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/speak"
)

// Every setting of site.yaml is in a new site's file, explained, and each
// one that is commented out is accepted once its "#" is removed.
func TestSiteYAMLExplainsEverySetting(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(dir, Placeholders()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	setting := regexp.MustCompile(`(?m)^#( +(- )?[A-Za-z]+:.*)$`)
	on := setting.ReplaceAllString(string(data), "$1")
	on = regexp.MustCompile(`(?m)^ (\S)`).ReplaceAllString(on, "$1") // "# key" lines lose the space too
	if _, err := config.Parse("site.yaml", []byte(on)); err != nil {
		t.Errorf("site.yaml with every setting on does not read: %v\n%s", err, on)
	}
	typ := reflect.TypeFor[config.Site]()
	for i := range typ.NumField() {
		key := strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0]
		if key == "" || key == "-" {
			continue
		}
		if !regexp.MustCompile(`(?m)^(# )?` + key + `:`).MatchString(string(data)) {
			t.Errorf("site.yaml does not mention the setting %q", key)
		}
	}
}

// A folder with anything in it is refused, and nothing is written.
func TestOnlyAnEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	_, err := Write(dir, Placeholders())
	if err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("a folder with a file: %v", err)
	}
	if list, _ := os.ReadDir(dir); len(list) != 1 {
		t.Errorf("written into a folder that was not empty: %v", list)
	}
	if list, _ := os.ReadDir(filepath.Dir(dir)); len(list) != 1 {
		t.Errorf("left beside it: %v", list)
	}
	if _, err := Write(filepath.Join(dir, "notes.txt"), Placeholders()); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("a file: %v", err)
	}
	// Said in the reader's language.
	_, err = Write(dir, Placeholders())
	if got, want := speak.New("ru").Error(err), "папка "+dir+" не пуста: gen init создаёт сайт в новой или пустой папке, чтобы ничего вашего не перезаписать"; got != want {
		t.Errorf("in Russian: %s\nwant %s", got, want)
	}
	file := filepath.Join(dir, "notes.txt")
	_, err = Write(file, Placeholders())
	if got, want := speak.New("zh").Error(err), file+" 是一个文件：请为网站指定一个新文件夹"; got != want {
		t.Errorf("in Chinese: %s\nwant %s", got, want)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	os.Mkdir(empty, 0o755)
	if _, err := Write(empty, Placeholders()); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
}

// A skeleton that does not read (a mistake in gen itself) says which file.
func TestSkeletonErrorsNameTheFile(t *testing.T) {
	err := markTranslations(map[string][]byte{"content/a.zh.md": []byte("---\n---\n"), "content/a.ru.md": []byte("---\ntitle: А\n---\n")})
	want := "网站骨架中的 content/a.zh.md：content/a.zh.md:1:1: 缺少 title（标题）"
	if got := speak.New("zh").Error(err); got != want {
		t.Errorf("in Chinese: %s\nwant %s", got, want)
	}
}

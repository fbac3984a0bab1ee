package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/eventnews/gen/generator/internal/speak"
)

// Refusals and failures say themselves in the reader's language through
// package speak; errors.Is and errors.As still find what went wrong.
func TestErrorsInTheReadersLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	top := t.TempDir()
	write(t, filepath.Join(top, "file"), "x")
	err := Check(filepath.Join(top, "file"), "", false)
	if got, want := ru.Error(err), "--destination "+filepath.Join(top, "file")+": это файл, а не папка: укажите для сайта отдельную папку, например public; ничего не изменено"; got != want {
		t.Errorf("a file:\n%s\nwant:\n%s", got, want)
	}
	var refused *Refused
	if !errors.As(err, &refused) {
		t.Errorf("%v is not a *Refused", err)
	}
	write(t, filepath.Join(top, "stray", "a"), "x")
	write(t, filepath.Join(top, "stray", "b"), "x")
	err = Check(filepath.Join(top, "stray"), "", true)
	if got, want := zh.Error(err), "却有 2 个不是 gen 写入的项目，--clean-destination 会把它们全部删除"; !strings.Contains(got, want) {
		t.Errorf("not gen's folder:\n%s\nwant …%s…", got, want)
	}

	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest, srcFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Begin(dest, srcFS, Options{})
	s.Abort()
	if got, want := ru.Error(err), dest+": эту папку сейчас использует другой gen build или gen deploy; дождитесь, пока он закончит: ничего не опубликовано; прежний сайт не изменился"; got != want {
		t.Errorf("a second build:\n%s\nwant:\n%s", got, want)
	}
	if !errors.Is(err, errBusy) {
		t.Errorf("errors.Is does not find errBusy in %v", err)
	}

	mustPublish(t, dest, first, Options{})
	_, err = publish(t, dest, second, Options{fail: fail("remove", 0, syscall.EACCES)})
	if got, want := ru.Error(err), dest+": новый сайт опубликован, но 1 файл прошлой сборки, которого больше нет на сайте, не удалось удалить (нет доступа): ru/news/y/index.html; следующая сборка попробует снова"; got != want {
		t.Errorf("a removal failed:\n%s\nwant:\n%s", got, want)
	}
	var f *Failure
	if !errors.As(err, &f) || f.State != Published {
		t.Errorf("%v is not a published *Failure", err)
	}
}

// What stands in the way of the new site is named in the reader's
// language, one thing a line.
func TestConflictsInTheReadersLanguage(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(dest, "ru"), "a file where a folder goes")
	if err := os.Symlink(t.TempDir(), filepath.Join(dest, "en")); err != nil {
		t.Fatal(err)
	}
	_, err := publish(t, dest, second, Options{})
	want := dest + ": 新网站无法就位：en 是一个符号链接，而新网站在这里需要一个文件夹：请把它移走，或用 --clean-destination 生成\n" +
		"ru 是一个 gen 未写入的文件，而新网站在这里需要一个文件夹：请把它移走，或用 --clean-destination 生成：没有发布任何内容；原来的网站保持不变"
	if got := speak.New("zh").Error(err); got != want {
		t.Errorf("conflicts:\n%s\nwant:\n%s", got, want)
	}
}

package speak_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The system's errors, which Go writes in English, are said in the
// reader's language, after the file they are about; diagnostics are said
// line by line; any other error stays as Go wrote it.
func TestErrorInTheReadersLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	missing := &fs.PathError{Op: "open", Path: "content/x.md", Err: syscall.ENOENT}
	full := fmt.Errorf("writing public/index.html: %w", &fs.PathError{Op: "write", Path: "public/index.html", Err: syscall.ENOSPC})
	msg := diag.Message{ID: "event.order", Text: "event.end {{.End}} is before event.start {{.Start}}: correct one of them"}
	two := diag.Join([]*diag.Diagnostic{
		msg.At("content/a.md", 3, 1, "End", "1", "Start", "2"),
		msg.Warn("content/b.md", 0, 0, "End", "1", "Start", "2"),
	})
	for _, c := range []struct {
		sp   *speak.Speaker
		err  error
		want string
	}{
		{ru, missing, "content/x.md: нет такого файла или папки"},
		{zh, missing, "content/x.md: 没有这个文件或文件夹"},
		{ru, full, "public/index.html: диск заполнен"},
		{zh, fs.ErrPermission, "没有权限：gen 不能在这里读写"},
		{ru, two, "content/a.md:3:1: event.end 1 раньше, чем event.start 2: исправьте одну из дат\ncontent/b.md: предупреждение: event.end 1 раньше, чем event.start 2: исправьте одну из дат"},
		{ru, errors.New("something else"), "something else"},
		{ru, nil, ""},
	} {
		if got := c.sp.Error(c.err); got != c.want {
			t.Errorf("%s: Error(%v)\n got %q\nwant %q", c.sp.Lang(), c.err, got, c.want)
		}
	}
	// An error given as a message's argument is said the same way.
	cannot := diag.Message{ID: "build.cannot-read", Text: "cannot read: {{.Err}}"}
	if got, want := ru.Say(cannot, "Err", missing), "content/x.md: нет такого файла или папки"; !strings.Contains(got, want) {
		t.Errorf("Say with an error argument = %q, want it to hold %q", got, want)
	}
}

// Columns line up in any language: a Chinese character takes two.
func TestWidthAndPad(t *testing.T) {
	for s, want := range map[string]int{"delete": 6, "删除": 4, "上传（新）": 10, "удалить": 7, "": 0} {
		if got := speak.Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
	if got := speak.Pad("删除", 6) + "|"; got != "删除  |" {
		t.Errorf("Pad: %q", got)
	}
	if got := speak.Pad("delete", 3); got != "delete" {
		t.Errorf("Pad of a longer text: %q", got)
	}
}

// A nil *Speaker speaks English, so an option left unset needs no check.
func TestNilSpeakerSpeaksEnglish(t *testing.T) {
	var sp *speak.Speaker
	m := diag.Message{ID: "event.order", Text: "event.end {{.End}} is before event.start {{.Start}}: correct one of them"}
	d := m.At("content/a.md", 3, 1, "End", "1", "Start", "2")
	if got := sp.Line(d); got != "content/a.md:3:1: event.end 1 is before event.start 2: correct one of them" {
		t.Errorf("Line: %q", got)
	}
	if got := sp.Error(&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}); got != "x: no such file or folder" || sp.Lang() != "en" {
		t.Errorf("Error: %q, Lang %q", got, sp.Lang())
	}
}

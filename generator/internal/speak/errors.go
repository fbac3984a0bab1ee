package speak

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"github.com/eventnews/gen/generator/internal/diag"
)

// The words for the system's errors, which Go's libraries write in
// English.
var (
	msgNotExist   = diag.Message{ID: "os.not-exist", Text: "no such file or folder"}
	msgPermission = diag.Message{ID: "os.permission", Text: "permission denied: gen may not read or write there"}
	msgExist      = diag.Message{ID: "os.exist", Text: "already exists"}
	msgDiskFull   = diag.Message{ID: "os.disk-full", Text: "the disk is full"}
	msgReadOnly   = diag.Message{ID: "os.read-only", Text: "the disk is read-only"}
	msgNotDir     = diag.Message{ID: "os.not-folder", Text: "not a folder"}
	msgIsDir      = diag.Message{ID: "os.is-folder", Text: "is a folder, not a file"}
	msgNotEmpty   = diag.Message{ID: "os.not-empty", Text: "the folder is not empty"}
)

// osErrors pairs the system's errors with their words, the most telling
// first.
var osErrors = []struct {
	err error
	msg diag.Message
}{
	{fs.ErrNotExist, msgNotExist},
	{fs.ErrPermission, msgPermission},
	{fs.ErrExist, msgExist},
	{syscall.ENOSPC, msgDiskFull},
	{syscall.EROFS, msgReadOnly},
	{syscall.ENOTDIR, msgNotDir},
	{syscall.EISDIR, msgIsDir},
	{syscall.ENOTEMPTY, msgNotEmpty},
}

// Error returns err in the speaker's language: a diagnostic, or a list of
// them, as Line says each (one per line); a system error (a file that does
// not exist, a full disk) in the language's words, after the file it is
// about ("content/x.md: no such file or folder"); any other error as Go
// wrote it.
func (s *Speaker) Error(err error) string {
	if err == nil {
		return ""
	}
	s = s.english()
	if ds := diags(err); ds != nil {
		lines := make([]string, len(ds))
		for i, d := range ds {
			lines[i] = s.Line(d)
		}
		return strings.Join(lines, "\n")
	}
	for _, e := range osErrors {
		if errors.Is(err, e.err) {
			var pe *fs.PathError
			if errors.As(err, &pe) && pe.Path != "" {
				return pe.Path + ": " + s.Say(e.msg)
			}
			return s.Say(e.msg)
		}
	}
	return err.Error()
}

// diags returns the diagnostics err is made of, or nil when it is not
// made of diagnostics alone.
func diags(err error) []*diag.Diagnostic {
	if d, ok := err.(*diag.Diagnostic); ok {
		return []*diag.Diagnostic{d}
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil
	}
	var out []*diag.Diagnostic
	for _, e := range joined.Unwrap() {
		sub := diags(e)
		if sub == nil {
			return nil
		}
		out = append(out, sub...)
	}
	return out
}

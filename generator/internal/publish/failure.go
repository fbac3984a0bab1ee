package publish

import (
	"errors"
	"syscall"

	"github.com/eventnews/gen/generator/internal/diag"
)

// State is what a failed publication left in the destination.
type State int

const (
	Unchanged State = iota // the previous site, exactly as it was
	Partly                 // the new site, not all of it yet: the next build finishes it
	Published              // the new site, whole; only tidying failed
)

// Failure is a publication that went wrong, and what it left.
type Failure struct {
	Dest  string
	State State
	Err   error
}

func (f *Failure) Error() string { return f.diagnostic().Error() }

// Unwrap gives the failure as a diagnostic, which package speak says in
// the reader's language; Is and As look into Err.
func (f *Failure) Unwrap() []error { return []error{f.diagnostic()} }

// Is reports whether Err is target (errors.Is).
func (f *Failure) Is(target error) bool { return errors.Is(f.Err, target) }

// As finds target in Err (errors.As).
func (f *Failure) As(target any) bool { return errors.As(f.Err, target) }

// Why says what went wrong, in words: a diagnostic for an error of the
// file system gen knows (a full disk), else Err.
func (f *Failure) Why() error { return plain(f.Err) }

func (f *Failure) diagnostic() *diag.Diagnostic {
	switch f.State {
	case Published:
		return msgPublished.At(f.Dest, 0, 0, "Err", f.Err)
	case Partly:
		return msgPartly.At(f.Dest, 0, 0, "Err", f.Why())
	}
	return msgUnchanged.At(f.Dest, 0, 0, "Err", f.Why())
}

// plain says what an error of the file system means, in words.
func plain(err error) error {
	if p, ok := err.(errPartly); ok {
		err = p.err
	}
	var m diag.Message
	switch {
	case errors.Is(err, syscall.ENOSPC):
		m = msgDiskFull
	case errors.Is(err, syscall.EDQUOT):
		m = msgQuota
	case errors.Is(err, syscall.EROFS):
		m = msgReadOnly
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		m = msgNoWrite
	case errors.Is(err, errBusy):
		m = msgBusy
	default:
		return err
	}
	return m.At("", 0, 0)
}

package publish

import (
	"errors"
	"fmt"
	"syscall"
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

func (f *Failure) Error() string {
	switch f.State {
	case Published:
		return fmt.Sprintf("%s: the new site is published, but %v", f.Dest, f.Err)
	case Partly:
		return fmt.Sprintf("%s: %s: the new site is only partly in place; run gen build again to finish it", f.Dest, plain(f.Err))
	}
	return fmt.Sprintf("%s: %s: nothing was published; the previous site is unchanged", f.Dest, plain(f.Err))
}

func (f *Failure) Unwrap() error { return f.Err }

// plain says what an error of the file system means, in words.
func plain(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	case errors.Is(err, syscall.EDQUOT):
		return "the disk quota is used up"
	case errors.Is(err, syscall.EROFS):
		return "the folder is on a read-only disk"
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return "gen may not write there (permission denied)"
	case errors.Is(err, errBusy):
		return "another gen build or deploy is using this folder right now; wait for it to finish"
	}
	return err.Error()
}

//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

// errBusy is another build holding the lock.
var errBusy = errors.New("busy")

// lock takes the lock on f, an open lock file, without waiting; the kernel
// releases it when the process ends, however it ends.
func lock(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errBusy
	}
	return err
}

package publish

import (
	"io/fs"
	"syscall"
	"time"
)

func statOf(info fs.FileInfo) (fileStat, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStat{}, false
	}
	return fileStat{ctime: time.Unix(st.Ctimespec.Unix()), ino: uint64(st.Ino), dev: uint64(st.Dev)}, true
}

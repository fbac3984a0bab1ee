package publish

import (
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"time"
)

// settled is how long before a build a source file must have last
// changed for its stamp to be recorded: more than the coarsest clock a
// file system keeps times with (FAT's two seconds; Linux's own file
// times tick every few milliseconds). A file changed later than that is
// hashed again by the next build, so that a second change within the
// same tick, which leaves the times as they were, is never missed.
const settled = 2 * time.Second

// stamp is what identifies a source file as read: its name, size, times
// of change (mtime and ctime, which only the kernel sets, to its clock,
// on every write), inode and device, hashed; "" when the file system
// gives no such facts, or when the file changed too recently to tell a
// later change by them (settled). begun is when the build began.
func stamp(name string, info fs.FileInfo, begun time.Time) string {
	st, ok := statOf(info)
	if !ok || !st.ctime.Before(begun.Add(-settled)) || !info.ModTime().Before(begun.Add(-settled)) {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	var b [8]byte
	for _, v := range []uint64{uint64(info.Size()), uint64(info.ModTime().UnixNano()), uint64(st.ctime.UnixNano()), st.ino, st.dev} {
		binary.BigEndian.PutUint64(b[:], v)
		h.Write(b[:])
	}
	return hashString(h)
}

// fileStat is what stamp needs of a file beyond fs.FileInfo.
type fileStat struct {
	ctime    time.Time
	ino, dev uint64
}

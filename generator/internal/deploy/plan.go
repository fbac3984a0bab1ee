package deploy

import (
	"bytes"
	"fmt"
	"io"
)

// Object is one object of the target, as its listing gives it.
type Object struct {
	Key  string
	Size int64
	MD5  []byte // nil when the target does not say
}

// Why a file is uploaded.
const (
	New     = "new"     // the target has no object by its key
	Changed = "changed" // its size or MD5 differ, or the target cannot tell its MD5
	Forced  = "forced"  // unchanged, but --force
)

// Upload is a file to upload, and why.
type Upload struct {
	File
	Reason string
}

// Plan is what a deploy changes. Every list is sorted by path.
type Plan struct {
	Uploads   []Upload
	Deletes   []string // keys of objects the site no longer has
	Kept      []string // the same, kept by --no-delete
	Unchanged int
}

// Compare plans a deploy of files (sorted by path) to a target holding
// objs (sorted by key).
func Compare(files []File, objs []Object, force, noDelete bool) Plan {
	var p Plan
	i, j := 0, 0
	for i < len(files) || j < len(objs) {
		switch {
		case j == len(objs) || (i < len(files) && files[i].Path < objs[j].Key):
			p.Uploads = append(p.Uploads, Upload{files[i], New})
			i++
		case i == len(files) || objs[j].Key < files[i].Path:
			if noDelete {
				p.Kept = append(p.Kept, objs[j].Key)
			} else {
				p.Deletes = append(p.Deletes, objs[j].Key)
			}
			j++
		default:
			f, o := files[i], objs[j]
			switch {
			case f.Size != o.Size || len(o.MD5) == 0 || !bytes.Equal(f.MD5, o.MD5):
				p.Uploads = append(p.Uploads, Upload{f, Changed})
			case force:
				p.Uploads = append(p.Uploads, Upload{f, Forced})
			default:
				p.Unchanged++
			}
			i, j = i+1, j+1
		}
	}
	return p
}

// count returns how many uploads are for reason.
func (p *Plan) count(reason string) int {
	n := 0
	for _, u := range p.Uploads {
		if u.Reason == reason {
			n++
		}
	}
	return n
}

// Summary says in one line what the plan changes.
func (p *Plan) Summary() string {
	s := fmt.Sprintf("%d to upload (%d new, %d changed", len(p.Uploads), p.count(New), p.count(Changed))
	if n := p.count(Forced); n > 0 {
		s += fmt.Sprintf(", %d forced", n)
	}
	s += fmt.Sprintf("), %d to delete, %d unchanged", len(p.Deletes), p.Unchanged)
	if len(p.Kept) > 0 {
		s += fmt.Sprintf(", %d kept that the site no longer has (--no-delete)", len(p.Kept))
	}
	return s
}

// WriteList writes every change of the plan, one a line, in path order:
// "upload new zh/index.html", "delete old.html", "keep old.html".
func (p *Plan) WriteList(w io.Writer) {
	for _, u := range p.Uploads {
		fmt.Fprintf(w, "upload %-7s %s\n", u.Reason, u.Path)
	}
	for _, k := range p.Deletes {
		fmt.Fprintf(w, "delete         %s\n", k)
	}
	for _, k := range p.Kept {
		fmt.Fprintf(w, "keep           %s\n", k)
	}
}

package deploy

import (
	"bytes"
	"fmt"
	"io"

	"github.com/eventnews/gen/generator/internal/speak"
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

	speak *speak.Speaker // the language of Summary and WriteList; nil is English
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

// Summary says in one line what the plan changes, in the language of
// Options.Speak.
func (p *Plan) Summary() string {
	sp := p.speak
	args := []any{"Upload", len(p.Uploads), "New", p.count(New), "Changed", p.count(Changed),
		"Delete", len(p.Deletes), "Unchanged", p.Unchanged}
	var s string
	if n := p.count(Forced); n > 0 {
		s = sp.Say(msgSummaryForced, append(args, "Forced", n)...)
	} else {
		s = sp.Say(msgSummary, args...)
	}
	if len(p.Kept) > 0 {
		s = sp.Say(msgSummaryKept, "Summary", s, "Kept", len(p.Kept))
	}
	return s
}

// WriteList writes every change of the plan, one a line, in path order:
// "upload new zh/index.html", "delete old.html", "keep old.html", the
// paths in a column.
func (p *Plan) WriteList(w io.Writer) {
	sp := p.speak
	words := map[string]string{New: sp.Say(msgListNew), Changed: sp.Say(msgListChanged), Forced: sp.Say(msgListForced),
		"delete": sp.Say(msgListDelete), "keep": sp.Say(msgListKeep)}
	width := 0
	for _, w := range words {
		width = max(width, speak.Width(w))
	}
	line := func(what, path string) { fmt.Fprintf(w, "%s %s\n", speak.Pad(what, width), path) }
	for _, u := range p.Uploads {
		line(words[u.Reason], u.Path)
	}
	for _, k := range p.Deletes {
		line(words["delete"], k)
	}
	for _, k := range p.Kept {
		line(words["keep"], k)
	}
}

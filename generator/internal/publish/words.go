package publish

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of publish, in English: its errors are diagnostics (or
// say themselves as one, Refused and Failure), which package speak says
// in the reader's language.
var (
	msgRefused       = diag.Message{ID: "publish.refused", Text: "--destination {{.Dest}} {{.Reason}}; nothing was changed"}
	msgOwnFolder     = diag.Message{ID: "publish.own-folder", Text: "{{.Why}}: name a folder of its own for the site, such as public"}
	msgUnreadable    = diag.Message{ID: "publish.unreadable", Text: "cannot be read: {{.Err}}"}
	msgIsFile        = diag.Message{ID: "publish.is-file", Text: "is a file, not a folder"}
	msgDiskTop       = diag.Message{ID: "publish.disk-top", Text: "is the top of the disk"}
	msgHome          = diag.Message{ID: "publish.home", Text: "is your home folder"}
	msgIsSite        = diag.Message{ID: "publish.is-site", Text: "is the site itself"}
	msgHoldsSite     = diag.Message{ID: "publish.holds-site", Text: "holds the site"}
	msgInSource      = diag.Message{ID: "publish.in-source", Text: "is inside the site's {{.Dir}}/, where gen reads from"}
	msgLooksLikeSite = diag.Message{ID: "publish.looks-like-site", Text: "holds {{.Name}}, so it looks like a site; gen never writes into one"}
	msgNotMadeByGen  = diag.Message{ID: "publish.not-made-by-gen", Text: "was not made by gen (it has no {{.Manifest}}) and holds {{.Count}} entries gen did not write, so --clean-destination would delete them all: empty the folder yourself, or build once without --clean-destination"}

	msgUnchanged = diag.Message{ID: "publish.unchanged", Text: "{{.Err}}: nothing was published; the previous site is unchanged"}
	msgPartly    = diag.Message{ID: "publish.partly", Text: "{{.Err}}: the new site is only partly in place; run gen build again to finish it"}
	msgPublished = diag.Message{ID: "publish.published", Text: "the new site is published, but {{.Err}}"}
	msgDiskFull  = diag.Message{ID: "publish.disk-full", Text: "the disk is full"}
	msgQuota     = diag.Message{ID: "publish.quota", Text: "the disk quota is used up"}
	msgReadOnly  = diag.Message{ID: "publish.read-only", Text: "the folder is on a read-only disk"}
	msgNoWrite   = diag.Message{ID: "publish.no-write", Text: "gen may not write there (permission denied)"}
	msgBusy      = diag.Message{ID: "publish.busy", Text: "another gen build or deploy is using this folder right now; wait for it to finish"}

	msgCannotPlace    = diag.Message{ID: "publish.cannot-place", Text: "the new site cannot be put in place: {{.Conflicts}}"}
	msgCannotReadPath = diag.Message{ID: "publish.cannot-read-path", Text: "{{.Path}} cannot be read: {{.Err}}"}
	msgNeedsFolder    = diag.Message{ID: "publish.needs-folder", Text: "{{.Path}} is {{.What}}, where the new site needs a folder: move it away, or build with --clean-destination"}
	msgNeedsFile      = diag.Message{ID: "publish.needs-file", Text: "{{.Path}} is {{.What}}, where the new site needs a file: move it away, or build with --clean-destination"}
	msgForeignFile    = diag.Message{ID: "publish.foreign-file", Text: "a file gen did not write"}
	msgSymlink        = diag.Message{ID: "publish.symlink", Text: "a symbolic link"}
	msgForeignFolder  = diag.Message{ID: "publish.foreign-folder", Text: "a folder gen did not make"}
	msgNotRecorded    = diag.Message{ID: "publish.not-recorded", Text: "could not record what it wrote ({{.Err}}); the next build records it"}
	msgNotAFolder     = diag.Message{ID: "publish.not-a-folder", Text: "{{.Path}} is not a folder"}
	msgNotRemoved     = diag.Message{ID: "publish.not-removed", Text: "{{.Count}} files of the last build, no longer part of the site, could not be removed ({{.Why}}): {{.Files}}; the next build tries again"}
	msgNotRemovedOne  = diag.Message{ID: "publish.not-removed-one", Text: "1 file of the last build, no longer part of the site, could not be removed ({{.Why}}): {{.Files}}; the next build tries again"}
	msgPermission     = diag.Message{ID: "publish.permission", Text: "permission denied"}
	msgMore           = diag.Message{ID: "publish.more", Text: "{{.Files}} and {{.Count}} more"}
	msgNotFinished    = diag.Message{ID: "publish.not-finished", Text: "could not finish the build that was interrupted: {{.Err}}"}
	msgStateDir       = diag.Message{ID: "publish.state-dir", Text: "{{.Dir}} is not a folder gen made: remove it"}
	msgBadOutput      = diag.Message{ID: "publish.bad-output", Text: "an output file: {{.Err}}"}
	msgDamaged        = diag.Message{ID: "publish.damaged", Text: "{{.File}} is damaged: {{.Err}}"}
)

// conflicts are the things in the way of the new site, said one after
// the other ("a; b"), or by package speak one a line.
type conflicts []error

func (c conflicts) Error() string {
	var b []byte
	for i, e := range c {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, e.Error()...)
	}
	return string(b)
}

func (c conflicts) Unwrap() []error { return c }

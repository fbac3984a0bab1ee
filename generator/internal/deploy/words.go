package deploy

import (
	"github.com/eventnews/gen/generator/internal/diag"
)

// The messages of gen deploy, in English; package speak says them in the
// reader's language (Options.Speak).
var (
	msgUploading   = diag.Message{ID: "deploy.uploading", Text: "uploading: {{.Done}} of {{.Count}} files done"}
	msgUploadingMB = diag.Message{ID: "deploy.uploading-mb", Text: "uploading: {{.Done}} of {{.Count}} files done ({{.DoneMB}} MB of {{.TotalMB}} MB)"}
	msgDeleting    = diag.Message{ID: "deploy.deleting", Text: "deleting: {{.Done}} of {{.Count}} files done"}

	msgListNew     = diag.Message{ID: "deploy.list-new", Text: "upload new"}
	msgListChanged = diag.Message{ID: "deploy.list-changed", Text: "upload changed"}
	msgListForced  = diag.Message{ID: "deploy.list-forced", Text: "upload forced"}
	msgListDelete  = diag.Message{ID: "deploy.list-delete", Text: "delete"}
	msgListKeep    = diag.Message{ID: "deploy.list-keep", Text: "keep"}

	msgSummary       = diag.Message{ID: "deploy.summary", Text: "{{.Upload}} to upload ({{.New}} new, {{.Changed}} changed), {{.Delete}} to delete, {{.Unchanged}} unchanged"}
	msgSummaryForced = diag.Message{ID: "deploy.summary-forced", Text: "{{.Upload}} to upload ({{.New}} new, {{.Changed}} changed, {{.Forced}} forced), {{.Delete}} to delete, {{.Unchanged}} unchanged"}
	msgSummaryKept   = diag.Message{ID: "deploy.summary-kept", Text: "{{.Summary}}, {{.Kept}} kept that the site no longer has (--no-delete)"}

	msgNoBuild      = diag.Message{ID: "deploy.no-build", Text: "{{.Dir}} holds no built site ({{.Err}}): run gen build first"}
	msgBusy         = diag.Message{ID: "deploy.busy", Text: "{{.Err}}: nothing was deployed; then run gen deploy again"}
	msgUnfinished   = diag.Message{ID: "deploy.unfinished", Text: "{{.Dir}} holds a build that has not finished putting its files in place: run gen build, then gen deploy"}
	msgCannotRead   = diag.Message{ID: "deploy.cannot-read", Text: "cannot read {{.Target}}: {{.Why}}"}
	msgCannotOpen   = diag.Message{ID: "deploy.cannot-open", Text: "cannot open {{.Target}}: {{.Err}}"}
	msgNoScheme     = diag.Message{ID: "deploy.no-scheme", Text: "{{.Target}}: this gen cannot publish to {{.Scheme}}:// targets; install the gen that can, with go install -tags deploycloud github.com/eventnews/gen/generator/cmd/gen@latest"}
	msgNoSchemeGS   = diag.Message{ID: "deploy.no-scheme-gs", Text: "{{.Target}}: this gen cannot publish to {{.Scheme}}:// targets; install the gen that can, with go install -tags deploycloud github.com/eventnews/gen/generator/cmd/gen@latest, or reach the bucket through Google's S3-compatible endpoint with an HMAC key: s3://{{.Bucket}}?endpoint=https://storage.googleapis.com&region=auto"}
	msgFileError    = diag.Message{ID: "deploy.file-error", Text: "{{.Err}}"}
	msgLinkToFolder = diag.Message{ID: "deploy.link-to-folder", Text: "is a link to a folder; gen deploy does not follow it (copy the files instead)"}
	msgRefused      = diag.Message{ID: "deploy.refused", Text: "--target {{.Target}} {{.Reason}}; nothing was changed"}
	msgIsDir        = diag.Message{ID: "deploy.is-dir", Text: "is {{.Dir}}, the folder it would publish"}
	msgInsideDir    = diag.Message{ID: "deploy.inside-dir", Text: "lies inside {{.Dir}}, the folder it would publish"}
	msgHoldsDir     = diag.Message{ID: "deploy.holds-dir", Text: "holds {{.Dir}}, the folder it would publish"}
	msgStopped      = diag.Message{ID: "deploy.stopped", Text: "stopped"}
	msgUnreachable  = diag.Message{ID: "deploy.unreachable", Text: "cannot reach {{.Addr}} ({{.Err}})"}
	msgNoBucket     = diag.Message{ID: "deploy.no-bucket", Text: "the bucket does not exist (create it first, or check the name)"}
	msgNoHost       = diag.Message{ID: "deploy.no-host", Text: "there is no server {{.Host}}: check the bucket's name and the endpoint in the target URL (a bucket behind an endpoint of its own usually needs use_path_style=true)"}
	msgNoRegion     = diag.Message{ID: "deploy.no-region", Text: "the bucket's region is not known: add it to the target URL, like s3://bucket?region=eu-central-1, or set AWS_REGION"}
	msgNoKeys       = diag.Message{ID: "deploy.no-credentials", Text: "there are no credentials for the bucket: give them to gen deploy as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (in CI, from its secrets), or name a profile with AWS_PROFILE"}
	msgFileChanged  = diag.Message{ID: "deploy.file-changed", Text: "the file changed while gen deploy ran: run gen deploy again once gen build is done"}
	msgAccessDenied = diag.Message{ID: "deploy.access-denied", Text: "access denied: check the credentials in the environment ({{.Detail}})"}
)

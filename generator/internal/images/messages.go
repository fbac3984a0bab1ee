package images

import "github.com/eventnews/gen/generator/internal/diag"

// What is wrong with a picture, in English; package speak says it in other
// languages. Each names the picture's file (File); package build puts it
// at every place that names the picture.
var (
	msgNotPicture  = diag.Message{ID: "picture.not-a-picture", Text: "picture {{.File}} is not a JPEG, PNG, WebP or GIF picture (it is {{.Kind}}): export it again as JPEG or PNG"}
	msgDamaged     = diag.Message{ID: "picture.damaged", Text: "picture {{.File}} cannot be read as {{.Format}} ({{.Err}}): the file is damaged or cut short; export it again"}
	msgNoPixels    = diag.Message{ID: "picture.no-pixels", Text: "picture {{.File}} has no pixels ({{.Width}} × {{.Height}}): export it again"}
	msgTooBig      = diag.Message{ID: "picture.too-many-pixels", Text: "picture {{.File}} is {{.Width}} × {{.Height}} pixels ({{.Megapixels}} megapixels); gen reads pictures of up to {{.Max}} megapixels: make it smaller, or raise images.maxPixels in site.yaml"}
	msgNotWritten  = diag.Message{ID: "picture.not-written", Text: "picture {{.File}} cannot be written as {{.Format}}: {{.Err}}"}
	msgCannotRead  = diag.Message{ID: "picture.cannot-read", Text: "picture {{.File}} cannot be read: {{.Err}}"}
	msgFailed      = diag.Message{ID: "picture.failed", Text: "picture {{.File}}: {{.Err}}"}
	msgCacheMake   = diag.Message{ID: "picture-cache.cannot-make", Text: "cannot make the picture cache {{.Dir}}: {{.Err}} (move it with --cacheDir)"}
	msgCacheWrite  = diag.Message{ID: "picture-cache.cannot-write", Text: "cannot write into the picture cache {{.Dir}}: {{.Err}} (move it with --cacheDir)"}
	msgProgress    = diag.Message{ID: "picture.progress", Text: "pictures: {{.Made}} of {{.Total}} ready ({{.Took}})"}
	msgProgressEnd = diag.Message{ID: "picture.progress-end", Text: "pictures: {{.Made}} ready in {{.Took}}, kept in the cache for the next build"}
)

// What a file that is not a picture is instead (msgNotPicture's Kind).
var (
	kindPDF   = diag.Message{ID: "picture.kind-pdf", Text: "a PDF document"}
	kindHEIC  = diag.Message{ID: "picture.kind-heic", Text: "a HEIC or AVIF picture, which gen cannot read yet"}
	kindVideo = diag.Message{ID: "picture.kind-video", Text: "a video or MP4 file"}
	kindTIFF  = diag.Message{ID: "picture.kind-tiff", Text: "a TIFF or camera RAW file"}
	kindZIP   = diag.Message{ID: "picture.kind-zip", Text: "a ZIP archive or an office document"}
	kindEmpty = diag.Message{ID: "picture.kind-empty", Text: "empty"}
	kindOther = diag.Message{ID: "picture.kind-other", Text: "not a picture"}
)

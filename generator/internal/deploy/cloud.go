//go:build deploycloud

package deploy

// Google Cloud Storage (gs://) and Azure Blob Storage (azblob://), for a gen
// built with -tags deploycloud. They are not in every gen because their
// SDKs start with gen on every command: 60 MB more binary and about 20 MB
// more memory before any work, which a press office that publishes to S3
// or a folder should not pay (Hugo keeps its deploy behind a build tag for
// the same reason).
import (
	_ "gocloud.dev/blob/azureblob"
	_ "gocloud.dev/blob/gcsblob"
)

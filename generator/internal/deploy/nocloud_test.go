//go:build !deploycloud

package deploy

import (
	"context"
	"strings"
	"testing"
)

// Without the deploycloud tag, gs:// and azblob:// are refused with the way
// to a gen that has them, and for Google the S3-compatible way in.
func TestCloudTargetsNeedTheTag(t *testing.T) {
	dir := writeTree(t, map[string]string{"index.html": "x"})
	for target, want := range map[string]string{
		"gs://press":     "gs://press: this gen cannot publish to gs:// targets; install the gen that can, with go install -tags deploycloud github.com/eventnews/gen/generator/cmd/gen@latest, or reach the bucket through Google's S3-compatible endpoint with an HMAC key: s3://press?endpoint=https://storage.googleapis.com&region=auto",
		"azblob://press": "azblob://press: this gen cannot publish to azblob:// targets; install the gen that can, with go install -tags deploycloud github.com/eventnews/gen/generator/cmd/gen@latest",
	} {
		_, err := Prepare(context.Background(), Options{Dir: dir, Target: target})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v\nwant %s", target, err, want)
		}
	}
}

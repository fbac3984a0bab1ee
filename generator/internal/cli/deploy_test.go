package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gen deploy's mistakes are told in one line, before anything is read
// from the target: exit 2 for the command line, 1 for a site not built.
func TestDeployUsage(t *testing.T) {
	plain := pressSite(t, map[string]string{})
	named := pressSite(t, map[string]string{})
	yaml := filepath.Join(named, "site.yaml")
	data, _ := os.ReadFile(yaml)
	os.WriteFile(yaml, append(data, "deploy:\n  targets:\n    - {name: production, url: \"s3://press?region=eu-central-1\"}\n    - {name: staging, url: \"file:///srv/www/staging\"}\n"...), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-s", plain}, 2, "gen deploy: no target: add deploy.targets to site.yaml, or name one with --target s3://bucket?region=eu-central-1\n"},
		{[]string{"-s", plain, "--target", "production"}, 2, "gen deploy: --target production: no such target in site.yaml, which has no deploy.targets\n"},
		{[]string{"-s", named, "--target", "prodution"}, 2, "gen deploy: --target prodution: no such target in site.yaml; did you mean production?\n"},
		{[]string{"-s", named, "--target", "live"}, 2, "gen deploy: --target live: no such target in site.yaml (production, staging)\n"},
		{[]string{"-s", plain, "--target", "ftp://host/www"}, 2, "gen deploy: --target: url \"ftp://host/www\" must start with s3://, gs://, azblob:// or file://\n"},
		{[]string{"-s", plain, "--target", "s3://AKIA:secret@press"}, 2, "gen deploy: --target: url \"s3://AKIA:secret@press\" holds a user name or password: leave them out, gen deploy takes credentials from the environment\n"},
		{[]string{"-s", plain, "--workers", "0", "--target", "file:///srv/www"}, 2, "gen deploy: --workers 0: give 1 or more\n"},
		{[]string{"-s", plain, "--dryrun"}, 2, "gen deploy: unknown option --dryrun; did you mean --dryRun? (gen deploy -h lists every option)\n"},
		{[]string{"-s", plain, "--dry-rn"}, 2, "gen deploy: unknown option --dry-rn; did you mean --dry-run? (gen deploy -h lists every option)\n"},
		{[]string{"-s", named, "--target", "staging"}, 1, "gen deploy: " + filepath.Join(named, "public") + " holds no built site ("},
	} {
		r := run(append([]string{"deploy"}, c.args...)...)
		if r.code != c.code || !strings.HasPrefix(r.stderr, c.want) {
			t.Errorf("gen deploy %v: exit %d\n%s\nwant %d and\n%s", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if r := run("deploi"); r.code != 2 || !strings.HasPrefix(r.stderr, `gen: unknown command "deploi"; did you mean "deploy"?`) {
		t.Errorf("gen deploi: %d %s", r.code, r.stderr)
	}
	r := run("deploy", "-h")
	for _, opt := range []string{"  --dry-run, --dryRun\n", "  --max-deletes, --maxDeletes N\n", "  --no-delete\n", "  --target NAME\n", "  --force\n", "  --workers N\n"} {
		if r.code != 0 || !strings.Contains(r.stderr, opt) {
			t.Errorf("gen deploy -h does not list %q:\n%s", opt, r.stderr)
		}
	}
}

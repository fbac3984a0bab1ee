package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/deploy"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
)

var (
	msgHelpDeploy = diag.Message{ID: "help.deploy", Text: `Publish the built site (run gen build first) to a bucket or a folder: upload
the files that changed, delete the ones the site no longer has. The plan is
printed before anything changes; --dry-run prints it with every file and
stops there.

The target is a name from deploy.targets in site.yaml (the first one by
default), or a URL: s3://bucket?region=eu-central-1, gs://bucket,
azblob://container, file:///srv/www/press. Credentials come from the
environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and so on).`}
	msgFlagDeploySource      = diag.Message{ID: "flag.deploy.source", Text: "the site `directory` (holding site.yaml)"}
	msgFlagDeployDestination = diag.Message{ID: "flag.deploy.destination", Text: "the built site to publish: the `directory` gen build wrote into; a relative one lies in the site's folder (default: public)"}
	msgFlagTarget            = diag.Message{ID: "flag.deploy.target", Text: "where to publish: a `name` from deploy.targets in site.yaml, or a URL (default: the first target in site.yaml)"}
	msgFlagDryRun            = diag.Message{ID: "flag.deploy.dry-run", Text: "print what would be uploaded and deleted, and change nothing"}
	msgFlagNoDelete          = diag.Message{ID: "flag.deploy.no-delete", Text: "keep files in the target that the site no longer has"}
	msgFlagMaxDeletes        = diag.Message{ID: "flag.deploy.max-deletes", Text: "refuse to deploy if more than `N` files would be deleted (-1: no limit)"}
	msgFlagForce             = diag.Message{ID: "flag.deploy.force", Text: "upload every file, changed or not (after changing cacheControl or gzip in site.yaml)"}
	msgFlagWorkers           = diag.Message{ID: "flag.deploy.workers", Text: "upload `N` files at once"}
)

// The lines of gen deploy.
var (
	msgDeployWorkers        = diag.Message{ID: "deploy.workers", Text: "gen deploy: --workers {{.Workers}}: give 1 or more"}
	msgDeployNothingChanged = diag.Message{ID: "deploy.nothing-changed", Text: "gen deploy: nothing was changed"}
	msgDeployNoTarget       = diag.Message{ID: "deploy.no-target", Text: "no target: add deploy.targets to site.yaml, or name one with --target s3://bucket?region=eu-central-1"}
	msgDeployBadURL         = diag.Message{ID: "deploy.bad-target-url", Text: "--target: {{.Problem}}"}
	msgDeployUnknown        = diag.Message{ID: "deploy.unknown-target", Text: "--target {{.Target}}: no such target in site.yaml ({{.Names}})"}
	msgDeployUnknownNear    = diag.Message{ID: "deploy.unknown-target-near", Text: "--target {{.Target}}: no such target in site.yaml; did you mean {{.Near}}?"}
	msgDeployUnknownNone    = diag.Message{ID: "deploy.unknown-target-none", Text: "--target {{.Target}}: no such target in site.yaml, which has no deploy.targets"}

	msgDeployPlan       = diag.Message{ID: "deploy.plan", Text: "deploying {{.Dir}} to {{.Target}}: {{.Summary}}"}
	msgDeployTooMany    = diag.Message{ID: "deploy.too-many-deletes", Text: "gen deploy: refused: {{.Count}} files would be deleted, more than --max-deletes {{.Max}}; nothing was changed. Check that {{.Dir}} is the site to publish and {{.Target}} the right target, then allow it with --max-deletes {{.Count}} (or -1 for no limit)"}
	msgDeployDryRun     = diag.Message{ID: "deploy.dry-run", Text: "dry run: nothing was changed"}
	msgDeployFailedFile = diag.Message{ID: "deploy.failed-file", Text: "gen deploy: {{.Op}} {{.Path}}: {{.Err}}"}
	msgDeployUpload     = diag.Message{ID: "deploy.op-upload", Text: "upload"}
	msgDeployDelete     = diag.Message{ID: "deploy.op-delete", Text: "delete"}
	msgDeployed         = diag.Message{ID: "deploy.deployed", Text: "deployed: {{.Uploaded}} uploaded, {{.Deleted}} deleted"}
	msgDeployPartial    = diag.Message{ID: "deploy.partial", Text: "gen deploy: not all deployed: {{.Uploaded}} of {{.Uploads}} files uploaded, {{.Failed}} failed, {{.NotTried}} not tried; {{.Deleted}} of {{.Deletes}} deletions done{{.Waiting}}. The target holds part of the new site: run gen deploy again"}
	msgDeployWaiting    = diag.Message{ID: "deploy.deletes-wait", Text: " (deletions wait until every upload passes)"}
)

// deployFlags are the options of gen deploy.
type deployFlags struct {
	source, dest, target string
	dryRun, noDelete     bool
	force                bool
	maxDeletes, workers  int
}

func (f *deployFlags) register(fs *flag.FlagSet, sp *speak.Speaker) {
	fs.StringVar(&f.source, "source", ".", sp.Say(msgFlagDeploySource))
	fs.StringVar(&f.dest, "destination", "", sp.Say(msgFlagDeployDestination))
	fs.StringVar(&f.target, "target", "", sp.Say(msgFlagTarget))
	fs.BoolVar(&f.dryRun, "dry-run", false, sp.Say(msgFlagDryRun))
	fs.BoolVar(&f.noDelete, "no-delete", false, sp.Say(msgFlagNoDelete))
	fs.IntVar(&f.maxDeletes, "max-deletes", 256, sp.Say(msgFlagMaxDeletes))
	fs.BoolVar(&f.force, "force", false, sp.Say(msgFlagForce))
	fs.IntVar(&f.workers, "workers", 10, sp.Say(msgFlagWorkers))
}

func runDeploy(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("deploy", msgHelpDeploy, stderr, sp)
	var f deployFlags
	f.register(fs, sp)
	alias(fs, "source", "s")
	alias(fs, "destination", "d")
	alias(fs, "dry-run", "dryRun")
	alias(fs, "max-deletes", "maxDeletes")
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	if f.workers < 1 {
		fmt.Fprintln(stderr, sp.Say(msgDeployWorkers, "Workers", f.workers))
		return 2
	}
	site, err := sitefs.Open(f.source)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "deploy", "Err", err))
		return 2
	}
	cfg, err := config.Load(site)
	site.Close()
	if err != nil {
		return report(stderr, err, sp)
	}
	target, err := deployTarget(&cfg.Deploy, f.target)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "deploy", "Err", err))
		return 2
	}
	if f.dest == "" {
		f.dest = "public"
	}
	if !filepath.IsAbs(f.dest) {
		f.dest = filepath.Join(f.source, f.dest)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, err := deploy.Prepare(ctx, deploy.Options{
		Dir: f.dest, Site: f.source, Target: target, Force: f.force, NoDelete: f.noDelete, Workers: f.workers, Speak: sp,
		Rules: deploy.Rules{CacheControl: cfg.Deploy.CacheControl, Gzip: cfg.Deploy.Gzip},
	})
	var refused *deploy.Refused
	switch {
	case errors.As(err, &refused):
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "deploy", "Err", err))
		return 2
	case err != nil:
		for _, line := range strings.Split(sp.Error(err), "\n") {
			fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "deploy", "Err", line))
		}
		fmt.Fprintln(stderr, sp.Say(msgDeployNothingChanged))
		return 1
	}
	defer d.Close()
	return applyDeploy(ctx, d, &f, target, stdout, stderr, sp)
}

// applyDeploy prints the plan and, unless it is a dry run or deletes too
// much, carries it out and says what was and was not done.
func applyDeploy(ctx context.Context, d *deploy.Deployment, f *deployFlags, target string, stdout, stderr io.Writer, sp *speak.Speaker) int {
	p := &d.Plan
	fmt.Fprintln(stdout, sp.Say(msgDeployPlan, "Dir", f.dest, "Target", target, "Summary", p.Summary()))
	if f.dryRun {
		p.WriteList(stdout)
	}
	if n := len(p.Deletes); f.maxDeletes >= 0 && n > f.maxDeletes {
		fmt.Fprintln(stderr, sp.Say(msgDeployTooMany, "Count", n, "Max", f.maxDeletes, "Dir", f.dest, "Target", target))
		return 1
	}
	if f.dryRun {
		fmt.Fprintln(stdout, sp.Say(msgDeployDryRun))
		return 0
	}
	r := d.Apply(ctx, deploy.ApplyOptions{Progress: stderr})
	for _, fl := range r.Failed {
		op := msgDeployUpload
		if fl.Op == "delete" {
			op = msgDeployDelete
		}
		fmt.Fprintln(stderr, sp.Say(msgDeployFailedFile, "Op", op, "Path", fl.Path, "Err", fl.Err))
	}
	if r.OK() {
		fmt.Fprintln(stdout, sp.Say(msgDeployed, "Uploaded", r.Uploaded, "Deleted", r.Deleted))
		return 0
	}
	waiting := ""
	if r.DeletesSkipped > 0 {
		waiting = sp.Say(msgDeployWaiting)
	}
	fmt.Fprintln(stderr, sp.Say(msgDeployPartial, "Uploaded", r.Uploaded, "Uploads", len(p.Uploads), "Failed", countOp(r.Failed, "upload"),
		"NotTried", r.NotTried, "Deleted", r.Deleted, "Deletes", len(p.Deletes), "Waiting", waiting))
	return 1
}

// deployTarget returns the URL of the target named by flag (a name or a
// URL; "" for the first in site.yaml), or why there is none.
func deployTarget(d *config.Deploy, flag string) (string, error) {
	switch {
	case flag == "" && len(d.Targets) == 0:
		return "", msgDeployNoTarget.At("", 0, 0)
	case flag == "":
		return d.Targets[0].URL, nil
	case strings.Contains(flag, "://"):
		if p := config.TargetURLProblem(flag); p != nil {
			return "", msgDeployBadURL.At("", 0, 0, "Problem", p)
		}
		return flag, nil
	}
	if t, ok := d.Target(flag); ok {
		return t.URL, nil
	}
	var names []string
	for _, t := range d.Targets {
		names = append(names, t.Name)
	}
	if near := nearest(flag, names); near != "" {
		return "", msgDeployUnknownNear.At("", 0, 0, "Target", flag, "Near", near)
	}
	if len(names) > 0 {
		return "", msgDeployUnknown.At("", 0, 0, "Target", flag, "Names", strings.Join(names, ", "))
	}
	return "", msgDeployUnknownNone.At("", 0, 0, "Target", flag)
}

func countOp(fs []deploy.Failure, op string) int {
	n := 0
	for _, f := range fs {
		if f.Op == op {
			n++
		}
	}
	return n
}

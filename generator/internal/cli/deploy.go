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
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/speak"
)

const deployHelp = `Publish the built site (run gen build first) to a bucket or a folder: upload
the files that changed, delete the ones the site no longer has. The plan is
printed before anything changes; --dry-run prints it with every file and
stops there.

The target is a name from deploy.targets in site.yaml (the first one by
default), or a URL: s3://bucket?region=eu-central-1, gs://bucket,
azblob://container, file:///srv/www/press. Credentials come from the
environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and so on).`

// deployFlags are the options of gen deploy.
type deployFlags struct {
	source, dest, target string
	dryRun, noDelete     bool
	force                bool
	maxDeletes, workers  int
}

func (f *deployFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site `directory` (holding site.yaml)")
	fs.StringVar(&f.dest, "destination", "", "the built site to publish: the `directory` gen build wrote into; a relative one lies in the site's folder (default: public)")
	fs.StringVar(&f.target, "target", "", "where to publish: a `name` from deploy.targets in site.yaml, or a URL (default: the first target in site.yaml)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print what would be uploaded and deleted, and change nothing")
	fs.BoolVar(&f.noDelete, "no-delete", false, "keep files in the target that the site no longer has")
	fs.IntVar(&f.maxDeletes, "max-deletes", 256, "refuse to deploy if more than `N` files would be deleted (-1: no limit)")
	fs.BoolVar(&f.force, "force", false, "upload every file, changed or not (after changing cacheControl or gzip in site.yaml)")
	fs.IntVar(&f.workers, "workers", 10, "upload `N` files at once")
}

func runDeploy(args []string, stdout, stderr io.Writer, getenv func(string) string, sp *speak.Speaker) int {
	fs := newFlags("deploy", deployHelp, stderr)
	var f deployFlags
	f.register(fs)
	alias(fs, "source", "s")
	alias(fs, "destination", "d")
	alias(fs, "dry-run", "dryRun")
	alias(fs, "max-deletes", "maxDeletes")
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	if f.workers < 1 {
		fmt.Fprintf(stderr, "gen deploy: --workers %d: give 1 or more\n", f.workers)
		return 2
	}
	site, err := sitefs.Open(f.source)
	if err != nil {
		fmt.Fprintln(stderr, "gen deploy:", err)
		return 2
	}
	cfg, err := config.Load(site)
	site.Close()
	if err != nil {
		return report(stderr, err, sp)
	}
	target, msg := deployTarget(&cfg.Deploy, f.target)
	if msg != "" {
		fmt.Fprintln(stderr, "gen deploy:", msg)
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
		fmt.Fprintln(stderr, "gen deploy:", err)
		return 2
	case err != nil:
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "gen deploy: %s\n", line)
		}
		fmt.Fprintln(stderr, "gen deploy: nothing was changed")
		return 1
	}
	defer d.Close()
	return applyDeploy(ctx, d, &f, target, stdout, stderr)
}

// applyDeploy prints the plan and, unless it is a dry run or deletes too
// much, carries it out and says what was and was not done.
func applyDeploy(ctx context.Context, d *deploy.Deployment, f *deployFlags, target string, stdout, stderr io.Writer) int {
	p := &d.Plan
	fmt.Fprintf(stdout, "deploying %s to %s: %s\n", f.dest, target, p.Summary())
	if f.dryRun {
		p.WriteList(stdout)
	}
	if n := len(p.Deletes); f.maxDeletes >= 0 && n > f.maxDeletes {
		fmt.Fprintf(stderr, "gen deploy: refused: %d files would be deleted, more than --max-deletes %d; nothing was changed. Check that %s is the site to publish and %s the right target, then allow it with --max-deletes %d (or -1 for no limit)\n",
			n, f.maxDeletes, f.dest, target, n)
		return 1
	}
	if f.dryRun {
		fmt.Fprintln(stdout, "dry run: nothing was changed")
		return 0
	}
	r := d.Apply(ctx, deploy.ApplyOptions{Progress: stderr})
	for _, fl := range r.Failed {
		fmt.Fprintf(stderr, "gen deploy: %s %s: %s\n", fl.Op, fl.Path, fl.Err)
	}
	if r.OK() {
		fmt.Fprintf(stdout, "deployed: %d uploaded, %d deleted\n", r.Uploaded, r.Deleted)
		return 0
	}
	fmt.Fprintf(stderr, "gen deploy: not all deployed: %d of %d files uploaded, %d failed, %d not tried; %d of %d deletions done",
		r.Uploaded, len(p.Uploads), countOp(r.Failed, "upload"), r.NotTried, r.Deleted, len(p.Deletes))
	if r.DeletesSkipped > 0 {
		fmt.Fprint(stderr, " (deletions wait until every upload passes)")
	}
	fmt.Fprintln(stderr, ". The target holds part of the new site: run gen deploy again")
	return 1
}

// deployTarget returns the URL of the target named by flag (a name or a
// URL; "" for the first in site.yaml), or why there is none.
func deployTarget(d *config.Deploy, flag string) (string, string) {
	switch {
	case flag == "" && len(d.Targets) == 0:
		return "", "no target: add deploy.targets to site.yaml, or name one with --target s3://bucket?region=eu-central-1"
	case flag == "":
		return d.Targets[0].URL, ""
	case strings.Contains(flag, "://"):
		if msg := config.CheckTargetURL(flag); msg != "" {
			return "", "--target: " + msg
		}
		return flag, ""
	}
	if t, ok := d.Target(flag); ok {
		return t.URL, ""
	}
	var names []string
	for _, t := range d.Targets {
		names = append(names, t.Name)
	}
	msg := fmt.Sprintf("--target %s: no such target in site.yaml", flag)
	if near := nearest(flag, names); near != "" {
		return "", msg + fmt.Sprintf("; did you mean %s?", near)
	}
	if len(names) > 0 {
		return "", msg + " (" + strings.Join(names, ", ") + ")"
	}
	return "", msg + ", which has no deploy.targets"
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

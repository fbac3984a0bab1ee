package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// sample is one measured run of one tool.
type sample struct {
	wall time.Duration
	rss  int64 // peak resident set size, bytes
}

// contender is one command measured by compare.
type contender struct {
	name string
	// base names the output directories: run k writes into base-k, a new
	// directory (see measure).
	base    string
	runs    int
	command func() *exec.Cmd
	samples []sample
	// rebuild, if set, is measured right after each run of this one: the
	// same tool again into the output this run just wrote (-rebuild).
	rebuild *contender
}

// out is the output directory of run k.
func (t *contender) out(k int) string { return fmt.Sprintf("%s-%d", t.base, k) }

// last is the output directory of the latest run.
func (t *contender) last() string { return t.out(t.runs) }

type compareOptions struct {
	sizes      []int
	runs       int
	seed       int64
	work       string
	peer       string
	hugo       string
	genBin     string
	repo       string
	keep       bool
	serveEdits int
	servePause time.Duration
	warmup     int
	overlay    string
	also       string
	rebuild    bool
}

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	var o compareOptions
	n := fs.String("n", "1000", "comma-separated `sizes`: releases per site (each in up to three languages)")
	fs.IntVar(&o.runs, "runs", 5, "measured runs per tool and size")
	fs.Int64Var(&o.seed, "seed", 1, "random seed of the generated sites")
	fs.StringVar(&o.work, "work", "", "work `directory` for sites and outputs (default: a new temporary directory, removed afterwards)")
	fs.StringVar(&o.peer, "peer", "", "Hugo peer configuration `directory` (default: ../shared/bench/hugo-peer beside the repository)")
	fs.StringVar(&o.hugo, "hugo", "hugo", "the Hugo `command`")
	fs.StringVar(&o.genBin, "gen", "", "a gen `binary` to measure (default: go build the repository's)")
	fs.StringVar(&o.repo, "repo", "", "the gen `repository` to build gen from and copy the theme from (default: the one holding the working directory)")
	fs.BoolVar(&o.keep, "keep", false, "keep the work directory")
	fs.IntVar(&o.serveEdits, "serve-edits", 0, "also measure gen serve on the smallest size: this many edits of one release, write to reload event (0: skip)")
	fs.IntVar(&o.warmup, "warmup", 1, "unmeasured runs per tool and size before the measured ones")
	fs.StringVar(&o.also, "also", "", "also measure another gen binary, written `NAME=PATH` (a branch, a prototype), reported beside gen")
	fs.StringVar(&o.overlay, "overlay", "", "copy this `directory` over each generated gen site (layouts/ overrides, say) to measure a theme change before it lands; the report says so")
	fs.DurationVar(&o.servePause, "serve-pause", 3*time.Second, "pause between two edits, so that each meets a server at rest")
	fs.BoolVar(&o.rebuild, "rebuild", false, "after each gen run (and -also run), also measure a second build of the same site into the output it just wrote, as after an edit that changes nothing")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	var err error
	if o.sizes, err = sizes(*n); err != nil || o.runs < 1 || o.warmup < 0 {
		fmt.Fprintln(stderr, "genbench compare:", cmp(err, "-runs must be at least 1, -warmup at least 0"))
		return 2
	}
	if name, bin, ok := strings.Cut(o.also, "="); o.also != "" && (!ok || name == "" || bin == "" || name == "gen" || name == "hugo" || name == "floor") {
		fmt.Fprintln(stderr, "genbench compare: write -also NAME=PATH, with a NAME other than gen, hugo and floor")
		return 2
	}
	if err := compare(o, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "genbench compare:", err)
		return 1
	}
	return 0
}

func cmp(err error, otherwise string) string {
	if err != nil {
		return err.Error()
	}
	return otherwise
}

func compare(o compareOptions, stdout, stderr io.Writer) error {
	repo, hugoVersion, cleanup, err := o.prepare(stderr)
	if err != nil {
		return err
	}
	defer cleanup()
	self, err := os.Executable()
	if err != nil {
		return err
	}

	o.printHeader(stdout, repo, hugoVersion)

	var results []*sizeResult
	for _, n := range o.sizes {
		res, err := o.prepareSize(repo, self, n, stderr)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	if err := o.runRounds(self, results, stderr); err != nil {
		return err
	}
	if err := o.countPages(results, stderr); err != nil {
		return err
	}
	if !o.keep {
		for _, res := range results {
			for _, t := range res.tools {
				removeOutputs(t)
			}
		}
	}

	printTimes(stdout, results)
	printRatios(stdout, results)
	for _, r := range results {
		fmt.Fprintf(stdout, "\npage sets at %d × 3 (gen vs hugo):\n", r.n)
		r.diff.print(stdout, "gen", "hugo")
		if r.serveNotes != "" {
			fmt.Fprintf(stdout, "\ngen serve at %d × 3: %s\n", r.n, r.serveNotes)
		}
	}
	for _, r := range results {
		if !r.diff.same() {
			return fmt.Errorf("the page sets of gen and Hugo differ at %d releases", r.n)
		}
	}
	return nil
}

// prepare finds the repository, the Hugo peer configuration and Hugo,
// makes the work directory and builds gen unless given; cleanup removes
// the work directory unless kept.
func (o *compareOptions) prepare(stderr io.Writer) (repo string, hugoVersion []byte, cleanup func(), err error) {
	cleanup = func() {}
	repo = o.repo
	if repo == "" {
		if repo, err = benchsite.FindRepo(); err != nil {
			return "", nil, nil, err
		}
	}
	if o.peer == "" {
		o.peer = filepath.Join(filepath.Dir(repo), "shared", "bench", "hugo-peer")
	}
	if _, err := os.Stat(filepath.Join(o.peer, "hugo.yaml")); err != nil {
		return "", nil, nil, fmt.Errorf("no Hugo peer configuration: %w (use -peer DIR)", err)
	}
	hugoVersion, err = exec.Command(o.hugo, "version").Output()
	if err != nil {
		return "", nil, nil, fmt.Errorf("cannot run %s: %v (install it with apt-get install -y hugo, or use -hugo PATH)", o.hugo, err)
	}
	if o.work == "" {
		if o.work, err = os.MkdirTemp("", "genbench-"); err != nil {
			return "", nil, nil, err
		}
		if !o.keep {
			work := o.work
			cleanup = func() { os.RemoveAll(work) }
		}
	}
	if o.genBin == "" {
		o.genBin = filepath.Join(o.work, "bin", "gen")
		fmt.Fprintln(stderr, "building gen …")
		build := exec.Command("go", "build", "-o", o.genBin, "./generator/cmd/gen")
		build.Dir, build.Stdout, build.Stderr = repo, stderr, stderr
		if err := build.Run(); err != nil {
			cleanup()
			return "", nil, nil, fmt.Errorf("go build gen: %w", err)
		}
	}
	return repo, hugoVersion, cleanup, nil
}

// printHeader tells the machine, the tools and how they are run.
func (o *compareOptions) printHeader(stdout io.Writer, repo string, hugoVersion []byte) {
	fmt.Fprintf(stdout, "machine: %s, %d CPUs (GOMAXPROCS %d), %s/%s, %s\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
	rev, _ := exec.Command("git", "-C", repo, "describe", "--always", "--dirty").Output()
	fmt.Fprintf(stdout, "gen: %s at commit %s", o.genBin, strings.TrimSpace(string(rev))+"\n")
	fmt.Fprintf(stdout, "hugo: %s", hugoVersion)
	fmt.Fprintf(stdout, "runs: %d rounds after %d warm-up round(s); each round runs gen, hugo and the floor on every size, the order rotated each round, each run into a new output directory (all deleted at the end); seed %d; work directory %s\n", o.runs, o.warmup, o.seed, o.work)
	if o.overlay != "" {
		fmt.Fprintf(stdout, "NOTE: gen's sites have %s copied over them: these are not the figures of the shipped theme\n", o.overlay)
	}
	fmt.Fprintln(stdout)
}

// sizeResult is what compare measured at one site size.
type sizeResult struct {
	n          int
	site       string
	files      int
	tools      []*contender
	pages      map[string]int
	diff       *pageDiff
	serve      []time.Duration
	serveNotes string
}

// prepareSize writes the site of n releases and its Hugo twin and sets up
// the tools that build them.
func (o *compareOptions) prepareSize(repo, self string, n int, stderr io.Writer) (*sizeResult, error) {
	dir := filepath.Join(o.work, fmt.Sprint(n))
	site := filepath.Join(dir, "site")
	hugoSite := filepath.Join(dir, "hugo-site")
	fmt.Fprintf(stderr, "writing a site of %d releases …\n", n)
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := benchsite.WriteFrom(os.DirFS(repo), site, n, o.seed); err != nil {
		return nil, err
	}
	if o.overlay != "" {
		if err := copyAll(o.overlay, site); err != nil {
			return nil, err
		}
	}
	if err := hugoTree(site, o.peer, hugoSite); err != nil {
		return nil, err
	}
	md := 0
	for _, langs := range benchsite.Releases(n, o.seed) {
		md += len(langs)
	}
	gen := &contender{name: "gen", base: filepath.Join(dir, "out-gen")}
	gen.command = func() *exec.Cmd {
		return exec.Command(o.genBin, "build", "--source", site, "--destination", gen.last(), "--now", benchsite.Now, "--quiet")
	}
	hugo := &contender{name: "hugo", base: filepath.Join(dir, "out-hugo")}
	hugo.command = func() *exec.Cmd {
		return exec.Command(o.hugo, "--quiet", "--source", hugoSite, "--destination", hugo.last(), "--cacheDir", filepath.Join(dir, "hugo-cache"))
	}
	fl := &contender{name: "floor", base: filepath.Join(dir, "out-floor")}
	fl.command = func() *exec.Cmd {
		return exec.Command(self, "floor", "-source", site, "-o", fl.last())
	}
	tools := []*contender{gen, hugo, fl}
	if name, bin, ok := strings.Cut(o.also, "="); ok {
		other := &contender{name: name, base: filepath.Join(dir, "out-"+name)}
		other.command = func() *exec.Cmd {
			return exec.Command(bin, "build", "--source", site, "--destination", other.last(), "--now", benchsite.Now, "--quiet")
		}
		tools = append(tools, other)
	}
	if o.rebuild {
		for _, t := range tools {
			if t != hugo && t != fl {
				t.rebuild = &contender{name: t.name + " rebuild", base: t.base, command: t.command}
			}
		}
	}
	return &sizeResult{n: n, site: site, files: md, tools: tools, pages: map[string]int{}}, nil
}

// runRounds runs every tool on every size, o.warmup rounds unrecorded
// and then o.runs rounds.
func (o *compareOptions) runRounds(self string, results []*sizeResult, stderr io.Writer) error {
	// Every round runs every tool on every size, the order rotated from
	// round to round, so that a change in the machine's load falls on all
	// of them alike, across sizes too.
	for r := -o.warmup; r < o.runs; r++ {
		for _, res := range results {
			for k := range res.tools {
				t := res.tools[(k+max(r, 0))%len(res.tools)]
				fmt.Fprintf(stderr, "run %d/%d, n=%d: %s\n", r+1, o.runs, res.n, t.name)
				s, err := measure(self, t)
				if err != nil {
					return err
				}
				if r >= 0 {
					t.samples = append(t.samples, s)
				}
				if t.rebuild == nil {
					continue
				}
				fmt.Fprintf(stderr, "run %d/%d, n=%d: %s\n", r+1, o.runs, res.n, t.rebuild.name)
				if s, err = measureAgain(self, t.rebuild); err != nil {
					return err
				}
				if r >= 0 {
					t.rebuild.samples = append(t.rebuild.samples, s)
				}
			}
		}
	}
	return nil
}

// countPages counts each tool's HTML pages and compares gen's page set
// with Hugo's, and measures gen serve at the smallest size when asked.
func (o *compareOptions) countPages(results []*sizeResult, stderr io.Writer) error {
	for _, res := range results {
		var all []*contender
		for _, t := range res.tools {
			all = append(all, t)
			if t.rebuild != nil {
				t.rebuild.runs = t.runs
				all = append(all, t.rebuild)
			}
		}
		res.tools = all
		for _, t := range res.tools {
			ps, err := htmlPaths(t.last())
			if err != nil {
				return err
			}
			res.pages[t.name] = len(ps)
		}
		a, _ := htmlPaths(named(res.tools, "gen").last())
		b, _ := htmlPaths(named(res.tools, "hugo").last())
		res.diff = comparePages(a, b)
		if o.serveEdits > 0 && res.n == slices.Min(o.sizes) {
			res.serve, res.serveNotes = measureServe(o.genBin, res.site, o.serveEdits, o.servePause, stderr)
		}
	}
	return nil
}

// printTimes prints the table of wall time and memory.
func printTimes(stdout io.Writer, results []*sizeResult) {
	fmt.Fprintln(stdout, "| releases × languages | Markdown files | tool | HTML pages | wall, median | wall, min–max | µs per page | peak RSS, median |")
	fmt.Fprintln(stdout, "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range results {
		for _, t := range r.tools {
			w := median(t.samples, func(s sample) float64 { return float64(s.wall) })
			lo := slices.MinFunc(t.samples, func(a, b sample) int { return int(a.wall - b.wall) }).wall
			hi := slices.MaxFunc(t.samples, func(a, b sample) int { return int(a.wall - b.wall) }).wall
			rss := median(t.samples, func(s sample) float64 { return float64(s.rss) })
			fmt.Fprintf(stdout, "| %d × 3 | %d | %s | %d | %s | %s–%s | %.0f | %.0f MiB |\n", r.n, r.files, t.name, r.pages[t.name],
				ms(w), ms(float64(lo)), ms(float64(hi)), w/1e3/float64(max(1, r.pages[t.name])), rss/(1<<20))
		}
	}
}

// printRatios prints gen's time and memory as ratios of Hugo's and of
// the floor's, and how the time per page grows with the size.
func printRatios(stdout io.Writer, results []*sizeResult) {
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "| releases × languages | tool | /hugo wall | /hugo peak RSS | /floor wall | /floor peak RSS |")
	fmt.Fprintln(stdout, "| --- | --- | ---: | ---: | ---: | ---: |")
	wall := func(t *contender) float64 {
		return median(t.samples, func(s sample) float64 { return float64(s.wall) })
	}
	rss := func(t *contender) float64 { return median(t.samples, func(s sample) float64 { return float64(s.rss) }) }
	for _, r := range results {
		h, f := named(r.tools, "hugo"), named(r.tools, "floor")
		for _, g := range r.tools {
			if g == h || g == f {
				continue
			}
			fmt.Fprintf(stdout, "| %d × 3 | %s | %.3f | %.3f | %.2f | %.2f |\n", r.n, g.name, wall(g)/wall(h), rss(g)/rss(h), wall(g)/wall(f), rss(g)/rss(f))
		}
	}
	if len(results) > 1 {
		first, last := results[0], results[len(results)-1]
		fmt.Fprintf(stdout, "\nwall time per page at %d releases / at %d releases:", last.n, first.n)
		for k, t := range last.tools {
			perLast := wall(t) / float64(max(1, last.pages[t.name]))
			perFirst := wall(first.tools[k]) / float64(max(1, first.pages[t.name]))
			fmt.Fprintf(stdout, " %s %.3f", t.name, perLast/perFirst)
			if k < len(last.tools)-1 {
				fmt.Fprint(stdout, ",")
			}
		}
		fmt.Fprintln(stdout)
	}
}

// named returns the contender called name.
func named(tools []*contender, name string) *contender {
	for _, t := range tools {
		if t.name == name {
			return t
		}
	}
	return nil
}

// measureAgain runs t, a rebuild, into the output its tool last wrote,
// which it leaves in place.
func measureAgain(self string, t *contender) (sample, error) {
	c := t.command()
	return measureCmd(self, t.name, c)
}

// removeOutputs deletes the output directories of t's runs.
func removeOutputs(t *contender) {
	for k := 1; k <= t.runs; k++ {
		os.RemoveAll(t.out(k))
	}
}

// measure runs t once into a new output directory, through "genbench
// measure" (see runMeasure), and returns what that reports. Outputs are
// deleted only when compare ends (removeOutputs): on ext4, the allocator
// passes over the inodes deleted in the last half minute, one by one, each
// time it makes a file, so deleting one run's 10,000 files before the next
// run slows that run's file creation many times over (perf shows
// recently_deleted under ext4_create and ext4_mkdir), and measures the
// file system's memory of the previous run rather than the tool.
func measure(self string, t *contender) (sample, error) {
	t.runs++
	if err := os.RemoveAll(t.last()); err != nil {
		return sample{}, err
	}
	return measureCmd(self, t.name, t.command())
}

// measureCmd runs c through "genbench measure" and returns what it
// reports.
func measureCmd(self, name string, c *exec.Cmd) (sample, error) {
	helper := exec.Command(self, append([]string{"measure", "--", c.Path}, c.Args[1:]...)...)
	var report, out bytes.Buffer
	helper.Stdout, helper.Stderr = &report, &out
	if err := helper.Run(); err != nil {
		return sample{}, fmt.Errorf("%s failed: %v\n%s", name, err, out.Bytes())
	}
	var wall, rss int64
	if _, err := fmt.Sscanf(report.String(), "wall %d rss %d", &wall, &rss); err != nil {
		return sample{}, fmt.Errorf("%s: cannot read the measurement %q", name, report.String())
	}
	return sample{wall: time.Duration(wall), rss: rss}, nil
}

// runMeasure is "genbench measure -- COMMAND ARGS": it runs the command,
// its output going to stderr, and prints "wall NS rss BYTES". It exists
// because Linux counts a child's peak RSS from the memory of the process
// that started it (the child starts as a copy), so compare, which holds
// generated sites in memory, cannot start the measured tools itself: this
// small process does, and its own few MiB are the floor of what it reports.
func runMeasure(args []string, stdout, stderr io.Writer) int {
	if len(args) < 2 || args[0] != "--" {
		fmt.Fprintln(stderr, "usage: genbench measure -- COMMAND [ARGS]")
		return 2
	}
	c := exec.Command(args[1], args[2:]...)
	c.Stdout, c.Stderr = stderr, stderr
	start := time.Now()
	err := c.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintln(stderr, "genbench measure:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wall %d rss %d\n", wall.Nanoseconds(), peakRSS(c.ProcessState))
	return 0
}

// hugoTree lays out a Hugo site beside the gen site: the same content, and
// the peer's configuration, layouts and i18n. It is a directory of its own
// because both tools read layouts/ and i18n/ at the site root.
func hugoTree(site, peer, dest string) error {
	for _, item := range []struct{ from, to string }{
		{filepath.Join(site, "content"), filepath.Join(dest, "content")},
		{filepath.Join(peer, "hugo.yaml"), filepath.Join(dest, "hugo.yaml")},
		{filepath.Join(peer, "layouts"), filepath.Join(dest, "layouts")},
		{filepath.Join(peer, "i18n"), filepath.Join(dest, "i18n")},
	} {
		if err := copyAll(item.from, item.to); err != nil {
			return err
		}
	}
	return nil
}

func copyAll(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func median[T any](xs []T, f func(T) float64) float64 {
	v := make([]float64, len(xs))
	for i, x := range xs {
		v[i] = f(x)
	}
	slices.Sort(v)
	if len(v) == 0 {
		return 0
	}
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func ms(ns float64) string { return fmt.Sprintf("%.0f ms", ns/1e6) }

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

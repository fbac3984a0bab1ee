package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/serve"
	"github.com/eventnews/gen/generator/internal/speak"
	"github.com/eventnews/gen/generator/internal/watch"
)

var (
	msgHelpServe    = diag.Message{ID: "help.serve", Text: "Preview the site in a browser while you edit. The site is built in memory\n(public/ is not touched) and every saved change shows in the browser by\nitself; mistakes are shown on the page with their file and line."}
	msgFlagPort     = diag.Message{ID: "flag.serve.port", Text: "answer on this `port`; if it is busy and --port is not given, the next free one is taken"}
	msgFlagBind     = diag.Message{ID: "flag.serve.bind", Text: "listen on this `address` (0.0.0.0 for every network interface, to try the site on a phone)"}
	msgFlagPoll     = diag.Message{ID: "flag.serve.poll", Text: "check for changes every 500ms (or --poll=2s) instead of waiting for the system to report them: for network drives and containers"}
	msgFlagNavigate = diag.Message{ID: "flag.serve.navigate", Text: "when you save a page, show that page in the browser"}
	msgFlagNoReload = diag.Message{ID: "flag.serve.no-live-reload", Text: "do not add the script that reloads open pages when a file changes"}

	msgServeBadPort    = diag.Message{ID: "serve.bad-port", Text: "gen serve: --port {{.Port}} is not a port (0 to 65535)"}
	msgServeBadBaseURL = diag.Message{ID: "serve.bad-base-url", Text: "gen serve: --baseURL {{.URL}} is not an http or https URL"}
)

func runServe(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveCommand(ctx, args, stdout, stderr, getenv)
}

// pollFlag is --poll, alone (the default interval) or --poll=700ms.
type pollFlag struct{ every time.Duration }

func (p *pollFlag) IsBoolFlag() bool { return true }

func (p *pollFlag) String() string {
	if p == nil || p.every == 0 {
		return ""
	}
	return p.every.String()
}

func (p *pollFlag) Set(s string) error {
	switch s {
	case "true":
		p.every = watch.DefaultPoll
		return nil
	case "false":
		p.every = 0
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 10*time.Millisecond {
		return errors.New(msgPollInterval.Text) // package flag prints it; flagError finds its words
	}
	p.every = d
	return nil
}

// serveCommand is gen serve until ctx is done.
func serveCommand(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	sp, err := speaker("serve", args, getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "serve", "Err", err))
		return 2
	}
	fs := newFlags("serve", msgHelpServe, stderr, sp)
	var c common
	c.register(fs, sp)
	port := fs.Int("port", 1313, sp.Say(msgFlagPort))
	bind := fs.String("bind", "127.0.0.1", sp.Say(msgFlagBind))
	var poll pollFlag
	fs.Var(&poll, "poll", sp.Say(msgFlagPoll))
	navigate := fs.Bool("navigate", false, sp.Say(msgFlagNavigate))
	noReload := fs.Bool("no-live-reload", false, sp.Say(msgFlagNoReload))
	cacheDir := cacheDirFlag(fs, sp)
	alias(fs, "port", "p")
	alias(fs, "navigate", "navigateToChanged")
	alias(fs, "no-live-reload", "disableLiveReload")
	if code := parse(fs, args, sp); code >= 0 {
		return code
	}
	portGiven := false
	fs.Visit(func(f *flag.Flag) { portGiven = portGiven || f.Name == "port" })
	if !serveOptionsValid(stderr, *port, c.baseURL, sp) {
		return 2
	}
	now, err := c.clock(getenv)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "serve", "Err", err))
		return 2
	}
	pinned := c.now != "" || getenv("SOURCE_DATE_EPOCH") != ""

	ln, note, err := serve.Listen(*bind, *port, portGiven)
	if err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "serve", "Err", err))
		return 1
	}
	if note != nil {
		fmt.Fprintln(stderr, sp.Line(note))
	}
	actual, address, hosts, anyIP := serveAddress(ln, *bind, c.baseURL)
	opts := serve.Options{
		Source: c.source,
		// Without --baseURL the site is served on this address under the
		// path of site.yaml's baseURL, as it will be published.
		// Pictures are made once and kept, in memory and in the cache
		// folder, across every rebuild.
		Build:    build.Options{BaseURL: c.baseURL, Origin: address, Drafts: c.drafts, Future: c.future, Images: pictureCache(*cacheDir, c.source), Progress: stderr, Speaker: sp},
		Listener: ln,
		Hosts:    hosts,
		AnyIP:    anyIP,
		Navigate: *navigate, NoLiveReload: *noReload,
		Poll: poll.every,
		Log:  stderr,
		Lang: sp.Lang(),
	}
	if pinned {
		opts.Build.Now = now
	}
	srv, err := serve.New(opts)
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "serve", "Err", err))
		return 1
	}
	fmt.Fprintln(stdout, sp.Say(msgServing, "URL", address+strings.TrimPrefix(srv.BasePath(), "/")))
	if anyIP {
		fmt.Fprintln(stdout, sp.Say(msgEveryInterface, "Port", actual, "Path", srv.BasePath()))
	}
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintln(stderr, sp.Say(msgCommandError, "Command", "serve", "Err", err))
		return 1
	}
	fmt.Fprintln(stderr, sp.Say(msgStopped))
	return 0
}

// serveOptionsValid reports whether --port and --baseURL can be served,
// and says what is wrong with them if not.
func serveOptionsValid(stderr io.Writer, port int, baseURL string, sp *speak.Speaker) bool {
	if port < 0 || port > 65535 {
		fmt.Fprintln(stderr, sp.Say(msgServeBadPort, "Port", port))
		return false
	}
	if baseURL != "" {
		if u, err := url.Parse(baseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintln(stderr, sp.Say(msgServeBadBaseURL, "URL", strconv.Quote(baseURL)))
			return false
		}
	}
	return true
}

// serveAddress tells the port ln listens on, the address to print for it,
// the host names to answer to (bind's and --baseURL's) and whether it
// listens on every interface.
func serveAddress(ln net.Listener, bind, baseURL string) (actual int, address string, hosts []string, anyIP bool) {
	actual = ln.Addr().(*net.TCPAddr).Port
	host := bind
	if ip := net.ParseIP(bind); bind == "" || ip != nil && ip.IsUnspecified() {
		host, anyIP = "localhost", true
	}
	address = "http://" + net.JoinHostPort(host, strconv.Itoa(actual)) + "/"
	hosts = []string{bind}
	if u, err := url.Parse(baseURL); err == nil && baseURL != "" {
		hosts = append(hosts, u.Hostname())
	}
	return actual, address, hosts, anyIP
}

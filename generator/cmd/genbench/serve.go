package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/benchsite"
)

// measureServe starts gen serve on site, edits one Chinese release edits
// times (appending a sentence, so only that page and what shows its body
// change) and measures each time from the write to the live-reload event
// that names the page. Between edits it waits pause, so that each edit meets
// a server at rest (the server finishes the rest of the site after the
// event). It returns the latencies and a line for the report.
func measureServe(genBin, site string, edits int, pause time.Duration, log io.Writer) ([]time.Duration, string) {
	lat, err := serveEdits(genBin, site, edits, pause, log)
	if err != nil {
		return nil, "not measured: " + err.Error()
	}
	sorted := slices.Clone(lat)
	slices.Sort(sorted)
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) + " ms" }
	return lat, fmt.Sprintf("write to reload event over %d edits of one release: median %s, min %s, max %s (pause %v between edits)",
		len(lat), ms(time.Duration(median(lat, func(d time.Duration) float64 { return float64(d) }))), ms(sorted[0]), ms(sorted[len(sorted)-1]), pause)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	src := fs.String("source", "", "the site `directory` (required; one release is edited and restored)")
	gen := fs.String("gen", "", "the gen `binary` (required)")
	edits := fs.Int("edits", 20, "number of edits")
	pause := fs.Duration("pause", 3*time.Second, "pause between two edits, so that each meets a server at rest")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *src == "" || *gen == "" || *edits < 1 {
		fmt.Fprintln(stderr, "genbench serve: -source and -gen are required, -edits at least 1")
		return 2
	}
	lat, note := measureServe(*gen, *src, *edits, *pause, stderr)
	fmt.Fprintln(stdout, note)
	if lat == nil {
		return 1
	}
	return 0
}

type sseMessage struct {
	at    time.Time
	paths []string
}

func serveEdits(genBin, site string, edits int, pause time.Duration, log io.Writer) ([]time.Duration, error) {
	port, stderr, stop, err := startServe(genBin, site)
	if err != nil {
		return nil, err
	}
	defer stop()

	base := "http://127.0.0.1:" + strconv.Itoa(port)
	resp, err := http.Get(base + "/__gen/events")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("/__gen/events: %s", resp.Status)
	}
	events := readEvents(resp.Body)

	file, page, err := pickRelease(site)
	if err != nil {
		return nil, err
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	defer os.WriteFile(file, orig, 0o644)

	var lat []time.Duration
	for k := range edits {
		time.Sleep(pause) // let the server finish the rest of the previous rebuild
		drain(events)
		body := append(slices.Clone(orig), fmt.Sprintf("\n编辑第%d次。\n", k+1)...)
		start := time.Now()
		if err := os.WriteFile(file, body, 0o644); err != nil {
			return nil, err
		}
		at, err := reloaded(events, page, k, stderr)
		if err != nil {
			return nil, err
		}
		lat = append(lat, at.Sub(start))
		fmt.Fprintf(log, "serve: edit %d/%d: %.1f ms\n", k+1, edits, float64(lat[k])/1e6)
	}
	return lat, nil
}

// startServe starts gen serve on a free port and waits until it serves;
// stop interrupts it (and kills it after 10 seconds).
func startServe(genBin, site string) (port int, stderr *strings.Builder, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, nil, nil, err
	}
	port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	cmd := exec.Command(genBin, "serve", "--source", site, "--port", strconv.Itoa(port), "--now", benchsite.Now)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, nil, nil, err
	}
	stderr = &strings.Builder{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return 0, nil, nil, err
	}
	stop = func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Serving the site at") {
				ready <- nil
				io.Copy(io.Discard, stdout)
				return
			}
		}
		ready <- fmt.Errorf("gen serve stopped before serving:\n%s", stderr.String())
	}()
	select {
	case err := <-ready:
		if err != nil {
			stop()
			return 0, nil, nil, err
		}
	case <-time.After(5 * time.Minute):
		stop()
		return 0, nil, nil, fmt.Errorf("gen serve did not start within 5 minutes")
	}
	return port, stderr, stop, nil
}

// readEvents sends each message of the event stream body, with the time
// it came, until the stream ends.
func readEvents(body io.Reader) chan sseMessage {
	events := make(chan sseMessage, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(body)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			at := time.Now()
			var m struct {
				Paths []string `json:"paths"`
			}
			json.Unmarshal([]byte(data), &m)
			events <- sseMessage{at: at, paths: m.Paths}
		}
	}()
	return events
}

// reloaded waits up to 2 minutes for the event that reloads page after
// edit k and returns when it came.
func reloaded(events <-chan sseMessage, page string, k int, stderr *strings.Builder) (time.Time, error) {
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case m, ok := <-events:
			if !ok {
				return time.Time{}, fmt.Errorf("the event stream ended:\n%s", stderr.String())
			}
			if slices.Contains(m.paths, page) {
				return m.at, nil
			}
		case <-deadline:
			return time.Time{}, fmt.Errorf("no reload event for %s within 2 minutes of edit %d", page, k+1)
		}
	}
}

func drain(ch <-chan sseMessage) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

// pickRelease returns a Chinese release file of site and its page URL: the
// middle one by name, so neither the newest nor the oldest.
func pickRelease(site string) (file, page string, err error) {
	files, err := filepath.Glob(filepath.Join(site, "content", "news", "*", "index.zh.md"))
	if err != nil || len(files) == 0 {
		return "", "", fmt.Errorf("no Chinese release in %s", site)
	}
	slices.Sort(files)
	file = files[len(files)/2]
	return file, "/zh/news/" + filepath.Base(filepath.Dir(file)) + "/", nil
}

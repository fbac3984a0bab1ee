package build_test

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
)

// The compiled templates (theme/exec.go) render every file of the sample
// site and of a benchmark site byte for byte as html/template's interpreter
// does, and they, not the interpreter, render the pages: none is handed
// back.
func TestCompiledTemplatesMatchTheInterpreter(t *testing.T) {
	sites := []struct {
		name string
		opts build.Options
	}{
		{"sample", build.Options{Source: repoRoot, Now: sampleNow}},
		{"sample with drafts and future releases", build.Options{Source: repoRoot, Now: sampleNow, Drafts: true, Future: true}},
		{"benchmark site", build.Options{Source: writeBenchSite(t, 60), Now: benchNow}},
	}
	ran := regexp.MustCompile(`compiled templates ran (\d+) times, handed (\d+) back`)
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			var log bytes.Buffer
			opts := site.opts
			opts.Log = &log
			compiled, err := build.Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			opts.Log, opts.Interpret = nil, true
			interpreted, err := build.Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			m := ran.FindStringSubmatch(log.String())
			if m == nil {
				t.Fatalf("no count of compiled runs in the log:\n%s", log.String())
			}
			runs, _ := strconv.Atoi(m[1])
			if back, _ := strconv.Atoi(m[2]); back != 0 {
				t.Errorf("%d runs handed back to html/template", back)
			}
			// The first page of each layout and language goes through
			// html/template, which escapes the layout; the rest are compiled.
			if runs < compiled.Rendered/2 {
				t.Errorf("compiled templates ran %d times for %d pages", runs, compiled.Rendered)
			}
			if len(compiled.Files) != len(interpreted.Files) {
				t.Fatalf("%d files compiled, %d interpreted", len(compiled.Files), len(interpreted.Files))
			}
			for i, f := range compiled.Files {
				g := interpreted.Files[i]
				if f.Path != g.Path {
					t.Fatalf("file %d: %s compiled, %s interpreted", i, f.Path, g.Path)
				}
				if !bytes.Equal(f.Bytes, g.Bytes) {
					t.Errorf("%s differs:\n%s", f.Path, firstDifference(f.Bytes, g.Bytes))
				}
			}
		})
	}
}

func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "compiled:    …" + string(a[from:min(len(a), i+80)]) + "…\ninterpreted: …" + string(b[from:min(len(b), i+80)]) + "…"
}

package markdown

import (
	"strings"
	"testing"
	"time"
)

// raceEnabled is set by race_test.go.
var raceEnabled = false

func TestPathologicalInputsStayFast(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing test: skipped with -short and -race")
	}
	for name, src := range map[string]string{
		"repeated headings": strings.Repeat("## Итоги\n\n", 20000),
		"links on one line": strings.Repeat("[a](b) <http://x.y> ", 20000),
		"empty links":       strings.Repeat("[](b)", 20000),
		"quotes":            strings.Repeat(`"а "б 'в' г" д" `, 20000),
		"cjk lines":         strings.Repeat("中文\n", 50000),
		"long words":        strings.Repeat("слово-за-словом ", 50000),
	} {
		// Each case takes well under a second; a quadratic step takes many.
		start := time.Now()
		for _, lang := range []string{"ru", "zh"} {
			r := convert(t, lang, src)
			_ = Summarize(r.PlainText, lang, 0)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %v", name, d)
		}
		t.Logf("%s: %v", name, time.Since(start))
	}
}

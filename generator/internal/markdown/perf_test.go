package markdown

import (
	"strings"
	"testing"
)

// BenchmarkPathological guards against quadratic steps on hostile input:
// each case runs in well under a second per op; a quadratic step takes many.
// The links cases are the most links on one line that the markup limit
// lets through; "-refused" ones are far past it and measure the refusal.
// go test -bench Pathological ./generator/internal/markdown
func BenchmarkPathological(b *testing.B) {
	for name, src := range map[string]string{
		"repeated-headings":         strings.Repeat("## Итоги\n\n", 20000),
		"links-on-one-line":         strings.Repeat("[a](b) <http://x.y> ", 1000),
		"links-on-one-line-refused": strings.Repeat("[a](b) <http://x.y> ", 20000),
		"empty-links":               strings.Repeat("[](b)", 2000),
		"empty-links-refused":       strings.Repeat("[](b)", 20000),
		"quotes":                    strings.Repeat(`"а "б 'в' г" д" `, 20000),
		"cjk-lines":                 strings.Repeat("中文\n", 50000),
		"long-words":                strings.Repeat("слово-за-словом ", 50000),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, lang := range []string{"ru", "zh"} {
					r, err := New(Options{Lang: lang, PlainText: true}).Convert([]byte(src))
					if _, ok := err.(*LimitError); ok && strings.HasSuffix(name, "-refused") {
						continue
					}
					if err != nil {
						b.Fatal(err)
					}
					_ = summarizeText(r.PlainText, lang, 0)
				}
			}
		})
	}
}

package serve

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// contextLines is how many lines are shown before and after the line of a
// diagnostic.
const contextLines = 2

// maxLineRunes cuts long source lines in excerpts.
const maxLineRunes = 160

// problem is a diagnostic with the source lines around it.
type problem struct {
	d       *diag.Diagnostic
	excerpt []excerptLine
	caret   int // runes before the column on the diagnostic's line, -1 for none
}

type excerptLine struct {
	n    int
	text string
	hit  bool
}

// problems attaches source excerpts to diagnostics; read returns a file of
// the site (nil if it cannot be read).
func problems(ds []*diag.Diagnostic, read func(string) []byte) []problem {
	out := make([]problem, 0, len(ds))
	for _, d := range ds {
		p := problem{d: d, caret: -1}
		if d.Path != "" && d.Line > 0 {
			if data := read(d.Path); data != nil {
				p.excerpt, p.caret = excerpt(data, d.Line, d.Col)
			}
		}
		out = append(out, p)
	}
	return out
}

func excerpt(data []byte, line, col int) ([]excerptLine, int) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	lines := strings.Split(string(data), "\n")
	if line > len(lines) {
		return nil, -1
	}
	var out []excerptLine
	caret := -1
	for n := max(1, line-contextLines); n <= min(len(lines), line+contextLines); n++ {
		text := showTabs(lines[n-1])
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		if n == line && col > 0 {
			caret = caretAt(lines[n-1], col)
		}
		if utf8.RuneCountInString(text) > maxLineRunes {
			text = string([]rune(text)[:maxLineRunes]) + "…"
		}
		out = append(out, excerptLine{n: n, text: text, hit: n == line})
	}
	if caret > maxLineRunes {
		caret = -1
	}
	return out, caret
}

// tabShown is how an excerpt shows a tab: an arrow, as wide as the four
// spaces an editor usually shows, so that a tab YAML refuses can be seen.
const tabShown = "→   "

func showTabs(s string) string { return strings.ReplaceAll(s, "\t", tabShown) }

// caretAt returns how many characters of the shown line come before the
// column col (1-based, in characters) of the raw line, or -1.
func caretAt(raw string, col int) int {
	runes := []rune(raw)
	if col-1 > len(runes) {
		return -1
	}
	return utf8.RuneCountInString(showTabs(string(runes[:col-1])))
}

// terminalText formats problems for the terminal: each diagnostic as
// path:line:col: message, then its excerpt.
func terminalText(ps []problem, sp *speak.Speaker) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(sp.Line(p.d))
		b.WriteByte('\n')
		width := 0
		for _, l := range p.excerpt {
			width = max(width, len(fmt.Sprint(l.n)))
		}
		for _, l := range p.excerpt {
			mark := " "
			if l.hit {
				mark = ">"
			}
			fmt.Fprintf(&b, "  %s %*d | %s\n", mark, width, l.n, l.text)
			if l.hit && p.caret >= 0 {
				fmt.Fprintf(&b, "    %*s | %s^\n", width, "", strings.Repeat(" ", p.caret))
			}
		}
	}
	return b.String()
}

// overlayHTML is the element shown over every page while the site does not
// build. Everything taken from the site is escaped.
func overlayHTML(ps []problem, haveGood bool, w words) string {
	var b strings.Builder
	b.WriteString(`<div id="gen-overlay" role="alert" aria-live="assertive"><style>` + overlayCSS + `</style><div class="gen-box">`)
	fmt.Fprintf(&b, `<button type="button" class="gen-close" aria-label="%s" title="%s">×</button>`, html.EscapeString(w.hide), html.EscapeString(w.hideTitle))
	errs := 0
	for _, p := range ps {
		if p.d.Severity == diag.Error {
			errs++
		}
	}
	fmt.Fprintf(&b, `<p class="gen-head">%s</p>`, html.EscapeString(w.errors(errs)))
	sub := w.fix
	if haveGood {
		sub = w.lastGood
	}
	fmt.Fprintf(&b, `<p class="gen-sub">%s</p>`, html.EscapeString(sub))
	for _, p := range ps {
		b.WriteString(`<section class="gen-problem">`)
		if where := where(p.d); where != "" {
			fmt.Fprintf(&b, `<p class="gen-where">%s</p>`, html.EscapeString(where))
		}
		msg := w.msg(p.d)
		if p.d.Severity == diag.Warning {
			msg = w.warning + msg
		}
		fmt.Fprintf(&b, `<p class="gen-msg">%s</p>`, html.EscapeString(msg))
		if len(p.excerpt) > 0 {
			b.WriteString(`<pre class="gen-src">`)
			width := 0
			for _, l := range p.excerpt {
				width = max(width, len(fmt.Sprint(l.n)))
			}
			for _, l := range p.excerpt {
				cls := ""
				if l.hit {
					cls = ` class="gen-hit"`
				}
				fmt.Fprintf(&b, "<span%s>%*d | %s</span>\n", cls, width, l.n, html.EscapeString(l.text))
				if l.hit && p.caret >= 0 {
					fmt.Fprintf(&b, "<span class=\"gen-caret\">%*s | %s^</span>\n", width, "", strings.Repeat(" ", p.caret))
				}
			}
			b.WriteString(`</pre>`)
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</div></div>`)
	return b.String()
}

// where is path:line:col of a diagnostic, the parts it has.
func where(d *diag.Diagnostic) string {
	return strings.TrimSuffix(d.Where(), ": ")
}

const overlayCSS = `#gen-overlay{all:initial;position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.55);overflow:auto;font:15px/1.45 system-ui,sans-serif}` +
	`#gen-overlay .gen-box{max-width:60rem;margin:2rem auto;padding:1.25rem 1.5rem;background:#fff;color:#1a1a1a;border-top:6px solid #c62828;border-radius:6px;box-shadow:0 8px 32px rgba(0,0,0,.35);position:relative}` +
	`#gen-overlay .gen-close{position:absolute;top:.5rem;right:.75rem;border:0;background:none;font-size:1.6rem;cursor:pointer;color:#555}` +
	`#gen-overlay .gen-head{margin:0 0 .25rem;font-size:1.2rem;font-weight:700;color:#b71c1c}` +
	`#gen-overlay .gen-sub{margin:0 0 1rem;color:#444}` +
	`#gen-overlay .gen-problem{margin:1rem 0;padding-top:.75rem;border-top:1px solid #ddd}` +
	`#gen-overlay .gen-where{margin:0;font:600 14px/1.4 ui-monospace,monospace;color:#333}` +
	`#gen-overlay .gen-msg{margin:.25rem 0 .5rem;font-weight:600}` +
	`#gen-overlay .gen-src{margin:0;padding:.5rem .75rem;background:#f6f6f6;border-radius:4px;overflow:auto;font:13px/1.5 ui-monospace,monospace;white-space:pre}` +
	`#gen-overlay .gen-hit{background:#ffe3e3;display:inline-block;min-width:100%}` +
	`#gen-overlay .gen-caret{color:#c62828;font-weight:700}`

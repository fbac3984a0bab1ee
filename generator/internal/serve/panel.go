package serve

import (
	"fmt"
	"html"
	"strings"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
)

// panels returns the warning panel of every page a warning of the build
// is about (one on the page's content file), by output path. A panel
// lists the page's warnings and counts the site's, in the page's
// language; it never blocks the page.
func panels(res *build.Result) map[string]string {
	if len(res.Warnings) == 0 || res.Site == nil {
		return nil
	}
	byFile := map[string][]*diag.Diagnostic{}
	for _, d := range res.Warnings {
		if d.Path != "" {
			byFile[d.Path] = append(byFile[d.Path], d)
		}
	}
	out := map[string]string{}
	made := map[string]string{} // by content file: pages of one file share a panel
	langs := map[string]words{}
	for _, p := range res.Site.Pages {
		if p.File == nil || byFile[p.File.Path] == nil {
			continue
		}
		panel, ok := made[p.File.Path]
		if !ok {
			w, ok := langs[p.Lang]
			if !ok {
				w = wordsIn(p.Lang)
				langs[p.Lang] = w
			}
			panel = panelHTML(byFile[p.File.Path], len(res.Warnings), w)
			made[p.File.Path] = panel
		}
		out[p.Path] = panel
	}
	return out
}

// panelHTML is the panel of a page with the warnings ds, of site on the
// whole site. Everything taken from the site is escaped.
func panelHTML(ds []*diag.Diagnostic, site int, w words) string {
	var b strings.Builder
	b.WriteString(`<aside id="gen-warnings" role="status"><style>` + panelCSS + `</style><details open>`)
	fmt.Fprintf(&b, `<summary>%s</summary>`, html.EscapeString(w.warnings(len(ds), site)))
	fmt.Fprintf(&b, `<p class="gen-hint">%s</p><ul>`, html.EscapeString(w.panelHint))
	for _, d := range ds {
		b.WriteString(`<li class="gen-warning">`)
		if where := where(d); where != "" {
			fmt.Fprintf(&b, `<span class="gen-where">%s</span> `, html.EscapeString(where))
		}
		fmt.Fprintf(&b, `<span class="gen-msg">%s</span></li>`, html.EscapeString(w.msg(d)))
	}
	b.WriteString(`</ul></details></aside>`)
	return b.String()
}

const panelCSS = `#gen-warnings{all:initial;position:fixed;right:1rem;bottom:1rem;z-index:2147483646;max-width:min(32rem,calc(100vw - 2rem));max-height:45vh;overflow:auto;background:#fffdf3;color:#1a1a1a;border-left:5px solid #e0a800;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.25);font:14px/1.45 system-ui,sans-serif}` +
	`#gen-warnings summary{cursor:pointer;padding:.5rem .75rem;font-weight:700;color:#7a5a00}` +
	`#gen-warnings .gen-hint{margin:0;padding:0 .75rem;color:#555}` +
	`#gen-warnings ul{margin:.25rem 0 .5rem;padding:0 .75rem 0 1.75rem}` +
	`#gen-warnings li{margin:.35rem 0}` +
	`#gen-warnings .gen-where{display:block;font:600 12px/1.4 ui-monospace,monospace;color:#333}`

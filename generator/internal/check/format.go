package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Formats returns the names of the output formats of Write.
func Formats() []string { return []string{"text", "json", "github"} }

// Write prints diagnostics in a format:
//
//	text    path:line:col: error: message
//	json    [{"path", "line", "col", "severity", "code", "id", "message"}, ...]
//	        (id is the message's stable ID, "" for a message without one)
//	github  ::error file=path,line=L,col=C::message (GitHub Actions annotations)
//
// prefix is put before paths in the github format, so that they are
// relative to the repository root when the site is in a subdirectory.
func Write(w io.Writer, ds []*diag.Diagnostic, format, prefix string) error {
	switch format {
	case "json":
		type item struct {
			Path     string `json:"path"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
			ID       string `json:"id"`
			Message  string `json:"message"`
		}
		items := make([]item, 0, len(ds))
		for _, d := range ds {
			items = append(items, item{d.Path, d.Line, d.Col, d.Severity.String(), d.Code, d.ID, d.Msg})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(items)
	case "github":
		for _, d := range ds {
			var props []string
			if d.Path != "" {
				props = append(props, "file="+ghProp(path.Join(prefix, d.Path)))
				if d.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", d.Line))
					if d.Col > 0 {
						props = append(props, fmt.Sprintf("col=%d", d.Col))
					}
				}
			}
			cmd := "::" + d.Severity.String()
			if len(props) > 0 {
				cmd += " " + strings.Join(props, ",")
			}
			if _, err := fmt.Fprintf(w, "%s::%s\n", cmd, ghData(d.Msg)); err != nil {
				return err
			}
		}
		return nil
	case "text", "":
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, Text(d)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats(), ", "))
}

// Text formats one diagnostic as path:line:col: severity: message.
func Text(d *diag.Diagnostic) string {
	return d.Where() + d.Severity.String() + ": " + d.Msg
}

// GitHub workflow commands escape %, CR and LF in data, and also : and ,
// in properties.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

package linkcheck

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// xmlURLText are the XML elements whose text is a URL: sitemap loc, RSS
// link and guid, Atom id and uri.
var xmlURLText = map[string]bool{"loc": true, "link": true, "guid": true, "id": true, "uri": true}

// parseXML returns the links of an XML file (see the package doc). It
// stops at the first syntax error, keeping what it found before.
func parseXML(data []byte) []link {
	var links []link
	d := xml.NewDecoder(bytes.NewReader(data))
	var text *link // the URL element being read, if any
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err != nil {
			return links
		}
		switch t := tok.(type) {
		case xml.StartElement:
			permalink := true
			for _, a := range t.Attr {
				switch {
				case a.Name.Local == "href":
					links = append(links, link{strings.TrimSpace(a.Value), line, col})
				case a.Name.Local == "isPermaLink" && a.Value == "false":
					permalink = false
				}
			}
			text = nil
			if xmlURLText[t.Name.Local] && (t.Name.Local != "guid" || permalink) {
				text = &link{"", line, col}
			}
		case xml.CharData:
			if text != nil {
				text.url += string(t)
			}
		case xml.EndElement:
			if text != nil && strings.TrimSpace(text.url) != "" {
				text.url = strings.TrimSpace(text.url)
				links = append(links, *text)
			}
			text = nil
		}
	}
}

// parseICS returns the URL properties of an iCalendar file, its folded
// lines joined.
func parseICS(data []byte) []link {
	var links []link
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		start := i
		prop := lines[i]
		for i+1 < len(lines) && lines[i+1] != "" && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
			i++
			prop += lines[i][1:]
		}
		name, value, ok := strings.Cut(prop, ":")
		if name, _, _ = strings.Cut(name, ";"); ok && strings.EqualFold(name, "URL") {
			links = append(links, link{value, start + 1, 1})
		}
	}
	return links
}

package escape_test

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/escape"
)

var seeds = []string{"", "plain", `<a href="x">&amp;</a>`, "中文 текст", "\xff\xfe", "\x00\x1f\t\n\r", "\r\n", "\uFFFE\uFFFF\uFFFD",
	"a b+c?d#e%f/g", `\;,`, "line\r\nbreak\rx", "</script><!--", "\u2028\u2029", "\x7f", "%41 ü"}

// xmlAllowed is s as an XML parser reads the escaped s back: what XML
// does not allow made U+FFFD (rune by rune, so each invalid byte), line
// ends made "\n".
func xmlAllowed(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r\n", "\n"), "\r", "\n")
}

// encoding/xml reads back the character data and the attribute value
// XMLText and XMLAttr write.
func FuzzXML(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		b.WriteString(`<a x="`)
		escape.XMLAttr(&b, s)
		b.WriteString(`">`)
		escape.XMLText(&b, s)
		b.WriteString(`</a>`)
		var got struct {
			X    string `xml:"x,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(b.String()), &got); err != nil {
			t.Fatalf("%q: %v", b.String(), err)
		}
		want := xmlAllowed(s)
		if got.Text != want {
			t.Errorf("XMLText(%q) reads back as %q, want %q", s, got.Text, want)
		}
		// An attribute's white space is normalised to spaces (XML 1.0 §3.3.3).
		wantAttr := strings.NewReplacer("\n", " ", "\t", " ").Replace(want)
		if got.X != wantAttr && got.X != want {
			t.Errorf("XMLAttr(%q) reads back as %q, want %q", s, got.X, wantAttr)
		}
		var text strings.Builder
		escape.XMLText(&text, s)
		if strings.Contains(text.String(), `&quot;`) {
			t.Errorf("XMLText(%q) = %q escapes a quote", s, text.String())
		}
	})
}

// URI leaves only what a URI may hold, and decoding its escapes gives the
// input back; url.Parse accepts it as a path.
func FuzzURI(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape.URI(s)
		for i := 0; i < len(got); i++ {
			if c := got[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("<>\"{}|\\^`", c) >= 0 {
				t.Fatalf("URI(%q) = %q holds %q", s, got, c)
			}
		}
		if strings.Contains(s, "%") {
			return // escapes of the input's own are kept, not decoded
		}
		if back, err := url.PathUnescape(got); err != nil || back != s {
			t.Errorf("URI(%q) = %q decodes to %q, %v", s, got, back, err)
		}
		if _, err := url.Parse("/" + strings.TrimLeft(got, "/:")); err != nil {
			t.Errorf("URI(%q) = %q: %v", s, got, err)
		}
	})
}

// Segment makes one path segment whose decoding (url.PathUnescape) is the
// name; Path keeps the slashes between names.
func FuzzSegment(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape.Segment(s)
		if strings.ContainsAny(got, "/?#+ ") {
			t.Errorf("Segment(%q) = %q", s, got)
		}
		if back, err := url.PathUnescape(got); err != nil || back != s {
			t.Errorf("Segment(%q) = %q decodes to %q, %v", s, got, back, err)
		}
		u, err := url.Parse("/" + got)
		if err != nil || u.Path != "/"+s {
			t.Errorf("Segment(%q) = %q parses as %v, %v", s, got, u, err)
		}
		p := escape.Path(s)
		if back, err := url.PathUnescape(p); err != nil || back != s || strings.Count(p, "/") != strings.Count(s, "/") {
			t.Errorf("Path(%q) = %q decodes to %q, %v", s, p, back, err)
		}
	})
}

// icalUnescape reads a TEXT value as RFC 5545 §3.3.11 says.
func icalUnescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ';' || c == ',' {
			return "", false // must be escaped
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i++; i == len(s) {
			return "", false
		}
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			return "", false
		}
	}
	return b.String(), true
}

// ICalText gives a valid TEXT value that reads back as the input with its
// line breaks as "\n", controls but tab dropped and invalid UTF-8 as
// U+FFFD.
func FuzzICalText(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape.ICalText(s)
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\r\n\x7f") {
			t.Fatalf("ICalText(%q) = %q", s, got)
		}
		back, ok := icalUnescape(got)
		if !ok {
			t.Fatalf("ICalText(%q) = %q is not a TEXT value", s, got)
		}
		var want strings.Builder
		for _, r := range strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n") {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
				continue
			}
			want.WriteRune(r)
		}
		if back != want.String() {
			t.Errorf("ICalText(%q) = %q reads back as %q, want %q", s, got, back, want.String())
		}
	})
}

// JSONString writes what encoding/json.Marshal writes, which
// json.Unmarshal reads back and which cannot end a <script> element.
func FuzzJSONString(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		escape.JSONString(&b, s)
		got := b.String()
		if got != string(want) {
			t.Errorf("JSONString(%q) = %s, encoding/json gives %s", s, got, want)
		}
		if lower := strings.ToLower(got); strings.Contains(lower, "</script") || strings.Contains(lower, "<!--") {
			t.Errorf("JSONString(%q) = %s could end a script", s, got)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != strings.ToValidUTF8(s, "\uFFFD") && utf8.ValidString(s) {
			t.Errorf("JSONString(%q) = %s reads back as %q, %v", s, got, back, err)
		}
	})
}

package theme

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"testing"
	"time"
)

func TestOGLocale(t *testing.T) {
	for tag, want := range map[string]string{
		"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "zh": "zh_CN", "ru": "ru_RU", "en": "en_US",
		"en-GB": "en_GB", "pt-BR": "pt_BR", "not a tag": "",
	} {
		if got := OGLocale(tag); got != want {
			t.Errorf("OGLocale(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestUTCOffset(t *testing.T) {
	zone := func(name string) *time.Location {
		l, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	at := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	for name, want := range map[string]string{
		"Asia/Shanghai": "UTC+8", "Europe/Moscow": "UTC+3", "Asia/Kolkata": "UTC+5:30",
		"America/Sao_Paulo": "UTC-3", "UTC": "UTC",
	} {
		if got := UTCOffset(at.In(zone(name))); got != want {
			t.Errorf("UTCOffset in %s = %q, want %q", name, got, want)
		}
	}
}

func TestJSONLDLeavesOutEmptyValues(t *testing.T) {
	got, err := JSONLD(map[string]any{
		"@type": "Event", "name": "Expo", "image": "", "sameAs": nil,
		"location": map[string]any{"@type": "Place", "name": "", "address": map[string]any{"@type": "PostalAddress", "addressLocality": ""}},
		"list":     []any{"", "a"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"@type":"Event","list":["a"],"name":"Expo"}`; string(got) != want {
		t.Errorf("JSONLD = %s, want %s", got, want)
	}
}

// A title can hold anything a press officer types; inside
// <script type="application/ld+json"> it must stay one JSON string.
func TestJSONLDCannotCloseTheScript(t *testing.T) {
	title := `Expo </script><script>alert(1)</script> <!-- & "quoted" ` + "\u2028"
	tpl := template.Must(template.New("").Funcs(template.FuncMap{"jsonLD": JSONLD, "dict": commonFuncs(nil, nil)["dict"]}).Parse(
		`<script type="application/ld+json">{{ jsonLD (dict "headline" .) }}</script>`))
	var b bytes.Buffer
	if err := tpl.Execute(&b, title); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	body := strings.TrimSuffix(strings.TrimPrefix(out, `<script type="application/ld+json">`), `</script>`)
	for _, bad := range []string{"<", ">", "\u2028"} {
		if strings.Contains(body, bad) {
			t.Errorf("script body contains %q: %s", bad, out)
		}
	}
	var got struct{ Headline string }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("script body is not JSON: %v\n%s", err, body)
	}
	if got.Headline != title {
		t.Errorf("headline = %q, want %q", got.Headline, title)
	}
}

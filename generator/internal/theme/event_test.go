package theme

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
)

// The markup eventWhen replaced, as template actions: eventWhen must give
// the same bytes, escaping included.
const eventWhenTemplate = `{{- if .AllDay -}}
<time datetime="{{ isoDate .Start }}">{{ dateLong (local .Start) }}</time>
{{- if and (not .End.IsZero) (not (sameDay .Start .End)) }} – <time datetime="{{ isoDate .End }}">{{ dateLong (local .End) }}</time>{{ end }}
{{- else -}}
<time datetime="{{ rfc3339 .Start }}">{{ T "dateTime" (dict "Date" (dateLong (local .Start)) "Time" (timeShort (local .Start))) }}</time>
{{- if not .End.IsZero }} – <time datetime="{{ rfc3339 .End }}">{{ if sameDay .Start .End }}{{ timeShort (local .End) }}{{ else }}{{ T "dateTime" (dict "Date" (dateLong (local .End)) "Time" (timeShort (local .End))) }}{{ end }}</time>{{ end }} ({{ utcOffset .Start }})
{{- end -}}`

func TestEventWhenMatchesTheTemplateItReplaced(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("baseURL: https://example.org/\ntimeZone: Asia/Shanghai\nlanguages:\n" +
			"  - {code: en, name: English, locale: en, title: News}\n  - {code: ru, name: Русский, locale: ru, title: Новости}\n  - {code: zh, name: 中文, locale: zh-Hans, title: 新闻}\n")},
		// A message with what html/template escapes, so both must escape it alike.
		"i18n/en.yaml":                    {Data: []byte("dateTime: \"{{.Date}} + {{.Time}} <at> 'local' & \\\"so\\\"\"\n")},
		"i18n/ru.yaml":                    {Data: []byte("dateTime: \"{{.Date}}, {{.Time}}\"\n")},
		"themes/default/layouts/old.html": {Data: []byte(eventWhenTemplate)},
		"themes/default/layouts/new.html": {Data: []byte(`{{ eventWhen . }}`)},
	}
	th := loadFS(t, fsys)
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	utc := time.UTC
	at := func(y int, m time.Month, d, h, min int, loc *time.Location) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	events := []*content.Event{
		{AllDay: true, Start: at(2024, 5, 17, 0, 0, sh)},
		{AllDay: true, Start: at(2024, 5, 17, 0, 0, sh), End: at(2024, 5, 21, 0, 0, sh)},
		{AllDay: true, Start: at(2024, 5, 17, 0, 0, sh), End: at(2024, 5, 17, 0, 0, sh)},
		{Start: at(2024, 5, 17, 10, 30, sh)},
		{Start: at(2024, 5, 17, 10, 30, sh), End: at(2024, 5, 17, 18, 0, sh)},
		{Start: at(2024, 5, 17, 10, 30, sh), End: at(2024, 5, 18, 12, 0, sh)},
		// Given in another zone: shown in the site's, the day decided there.
		{Start: at(2024, 12, 31, 20, 0, utc), End: at(2025, 1, 1, 1, 0, utc)},
	}
	for _, lang := range []string{"en", "ru", "zh"} {
		for i, e := range events {
			want := render(t, th, "old.html", lang, e)
			got := render(t, th, "new.html", lang, e)
			if got != want {
				t.Errorf("%s, event %d:\n got %s\nwant %s", lang, i, got, want)
			}
		}
	}
	if got := render(t, th, "new.html", "en", events[4]); got == "" || !strings.Contains(got, "&#43;") || !strings.Contains(got, "&lt;at&gt;") {
		t.Errorf("the message's text is not escaped: %s", got)
	}
}

// eventWhen gives each event's HTML once per language and then the same
// HTML until ForgetPartials, like partialCached: a changed event shows only
// in the next run.
func TestEventWhenIsKeptUntilForgetPartials(t *testing.T) {
	th := loadTest(t, map[string]string{"when.html": `{{ eventWhen . }}`})
	e := &content.Event{AllDay: true, Start: time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC)}
	first := render(t, th, "when.html", "en", e)
	if !strings.Contains(first, `datetime="2024-05-17"`) {
		t.Fatalf("eventWhen gave %s", first)
	}
	e.Start = e.Start.AddDate(0, 0, 1)
	if got := render(t, th, "when.html", "en", e); got != first {
		t.Errorf("before ForgetPartials: got %s, want the kept %s", got, first)
	}
	if got := render(t, th, "when.html", "ru", e); !strings.Contains(got, `datetime="2024-05-18"`) {
		t.Errorf("another language shares the kept HTML: %s", got)
	}
	th.ForgetPartials()
	if got := render(t, th, "when.html", "en", e); !strings.Contains(got, `datetime="2024-05-18"`) {
		t.Errorf("after ForgetPartials: got %s, want the changed event", got)
	}
}

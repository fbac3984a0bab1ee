package theme

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/themes"
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
		// An end given in another zone is shown in the start's.
		{Start: at(2024, 12, 31, 20, 0, sh), End: at(2024, 12, 31, 13, 0, utc)},
	}
	// The template showed every event in the site's zone; eventWhen shows
	// each in its own (TestEventWhenShowsTheEventsZone), which for these
	// is the site's.
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

// eventWhen shows an event's times in the event's own zone, named by its
// city (with a timeZone), CLDR's name of the zone, or its UTC offset, in
// the words of the default theme.
func TestEventWhenShowsTheEventsZone(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte("baseURL: https://example.org/\ntimeZone: Asia/Shanghai\nlanguages:\n" +
			"  - {code: zh, name: 中文, locale: zh-Hans, title: 新闻}\n  - {code: ru, name: Русский, locale: ru, title: Новости}\n  - {code: en, name: English, locale: en, title: News}\n")},
		"themes/default/layouts/when.html": {Data: []byte(`{{ eventWhen . }}`)},
	}
	for _, lang := range []string{"zh", "ru", "en"} {
		b, err := fs.ReadFile(themes.Default(), "i18n/"+lang+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		fsys["themes/default/i18n/"+lang+".yaml"] = &fstest.MapFile{Data: b}
	}
	th := loadFS(t, fsys)
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	event := func(block string) *content.Event {
		f, err := content.Parse("content/x.md", []byte("---\ntitle: x\ndate: 2024-05-17\nevent:\n"+block+"---\n"), content.Options{Location: sh})
		if err != nil {
			t.Fatal(err)
		}
		return f.Front.Event
	}
	vladivostok := "  start: 2024-09-05 10:00\n  end: 2024-09-05 18:00\n  timeZone: Asia/Vladivostok\n"
	for _, tc := range []struct {
		lang, block, want string
	}{
		{"ru", vladivostok + "  city: Владивосток\n",
			`<time datetime="2024-09-05T10:00:00&#43;10:00">5 сентября 2024 г., 10:00</time> – <time datetime="2024-09-05T18:00:00&#43;10:00">18:00</time> (Владивосток)`},
		{"zh", vladivostok + "  city: 符拉迪沃斯托克\n",
			`<time datetime="2024-09-05T10:00:00&#43;10:00">2024年9月5日 10:00</time> – <time datetime="2024-09-05T18:00:00&#43;10:00">18:00</time>（符拉迪沃斯托克时间）`},
		{"en", vladivostok + "  city: Vladivostok\n",
			"<time datetime=\"2024-09-05T10:00:00&#43;10:00\">September 5, 2024, 10:00\u202fam</time> – <time datetime=\"2024-09-05T18:00:00&#43;10:00\">6:00\u202fpm</time> (Vladivostok time)"},
		// Without a city: CLDR's name of the zone.
		{"ru", vladivostok, `18:00</time> (Владивосток, стандартное время)`},
		{"zh", vladivostok, `18:00</time>（海参崴标准时间）`},
		// An offset and no timeZone: the offset, even with a city, which
		// may not be where the offset is.
		{"ru", "  start: 2024-09-05T10:00:00+10:00\n  city: Владивосток\n",
			`<time datetime="2024-09-05T10:00:00&#43;10:00">5 сентября 2024 г., 10:00</time> (UTC&#43;10)`},
		{"zh", "  start: 2024-09-05T10:00:00+10:00\n", `10:00</time>（UTC&#43;10）`},
		// No zone at all: the site's, as before.
		{"ru", "  start: 2024-09-05 10:00\n  city: Харбин\n", `10:00</time> (UTC&#43;8)`},
		// An all-day event shows its dates as written, without a zone.
		{"ru", "  start: 2024-09-05\n  end: 2024-09-06\n  timeZone: Asia/Vladivostok\n",
			`<time datetime="2024-09-05">5 сентября 2024 г.</time> – <time datetime="2024-09-06">6 сентября 2024 г.</time>`},
		// Europe/Berlin puts its clocks forward on 31 March 2024: 10:00 on
		// either side of the change is 10:00, at another offset.
		{"en", "  start: 2024-03-30 10:00\n  end: 2024-03-31 10:00\n  timeZone: Europe/Berlin\n",
			"<time datetime=\"2024-03-30T10:00:00&#43;01:00\">March 30, 2024, 10:00\u202fam</time> – <time datetime=\"2024-03-31T10:00:00&#43;02:00\">March 31, 2024, 10:00\u202fam</time> (Central European Standard Time)"},
	} {
		got := render(t, th, "when.html", tc.lang, event(tc.block))
		// CLDR's narrow no-break spaces (before "г." and "am") are not
		// what this test is about.
		if nb := strings.NewReplacer("\u202f", " "); !strings.HasSuffix(nb.Replace(got), nb.Replace(tc.want)) {
			t.Errorf("%s %q:\n got %s\nwant …%s", tc.lang, tc.block, got, tc.want)
		}
	}
}

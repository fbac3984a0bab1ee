package ical_test

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/ical"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
)

// summary200 is exactly 200 characters of Russian and Chinese with the
// characters TEXT must escape.
var summary200 = func() string {
	s := `Выставка; форум, и "круглый стол" \ 展会；论坛，圆桌会。` + "\n"
	for utf8.RuneCountInString(s) < 200 {
		s += "Сотрудничество, доверие; 合作，信任。"
	}
	return string([]rune(s)[:200])
}()

var testSite = `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
-- i18n/ru.yaml --
events: События
-- content/news/expo/index.zh.md --
---
title: 第八届中俄博览会开幕
date: 2024-05-17
event:
  name: 第八届中俄博览会
  start: 2024-05-17
  end: 2024-05-21
  city: 哈尔滨
  venue: 哈尔滨国际会展中心
---
开幕。
-- content/news/expo/index.ru.md --
---
title: В Харбине открылось ЭКСПО
summary: ` + strconv.Quote(summary200) + `
event:
  name: ЭКСПО, форум; "Сделано в России" и 中俄博览会
  city: Харбин
  venue: МВЦ, павильон 1
---
Текст.
-- content/news/forum/index.ru.md --
---
title: Форум в Москве
date: 2024-05-18
event:
  start: 2024-06-20T10:00:00+03:00
  end: 2024-06-20 18:30
---
Форум.
-- content/news/day/index.ru.md --
---
title: Один день
date: 2024-05-19
event:
  name: Однодневная встреча
  start: 2024-07-01
---
-- content/news/nothing/index.ru.md --
---
title: Без события
date: 2024-05-20
---
`

var now = time.Date(2024, 6, 1, 12, 30, 0, 0, time.FixedZone("", 8*3600))

// calendars builds the test site and returns the calendars it wrote.
func calendars(t *testing.T) map[string]string {
	t.Helper()
	s := sitetest.New(t, testSite).Build(build.Options{Now: now}).OK()
	out := map[string]string{}
	for name, b := range s.Files {
		if strings.HasSuffix(name, ".ics") {
			out[name] = string(b)
		}
	}
	return out
}

func parse(t *testing.T, files map[string]string, name string) *ics.Calendar {
	t.Helper()
	body, ok := files[name]
	if !ok {
		t.Fatalf("no calendar %s", name)
	}
	c, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, body)
	}
	return c
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func calProp(c *ics.Calendar, name string) string {
	for _, p := range c.CalendarProperties {
		if p.IANAToken == name {
			return p.Value
		}
	}
	return ""
}

func TestFiles(t *testing.T) {
	files := calendars(t)
	for _, want := range []string{"zh/events.ics", "ru/events.ics", "en/events.ics",
		"zh/news/expo/event.ics", "ru/news/expo/event.ics", "ru/news/forum/event.ics", "ru/news/day/event.ics"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	if _, ok := files["ru/news/nothing/event.ics"]; ok {
		t.Error("a page without an event has a calendar")
	}
	if n := len(parse(t, files, "ru/events.ics").Events()); n != 3 {
		t.Errorf("ru/events.ics has %d events, want 3", n)
	}
	// An empty calendar still parses, so a subscription keeps working.
	if n := len(parse(t, files, "en/events.ics").Events()); n != 0 {
		t.Errorf("en/events.ics has %d events", n)
	}
}

func TestEventRoundTrip(t *testing.T) {
	files := calendars(t)
	c := parse(t, files, "ru/news/expo/event.ics")
	evs := c.Events()
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	e := evs[0]
	for p, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertySummary:     `ЭКСПО, форум; "Сделано в России" и 中俄博览会`,
		ics.ComponentPropertyLocation:    "МВЦ, павильон 1, Харбин",
		ics.ComponentPropertyDescription: summary200,
		ics.ComponentPropertyUniqueId:    "news/expo@news.example.org",
		ics.ComponentPropertyUrl:         "https://news.example.org/ru/news/expo/",
		ics.ComponentPropertyDtstamp:     "20240601T043000Z",
		ics.ComponentPropertyDtStart:     "20240517",
		ics.ComponentPropertyDtEnd:       "20240522",
	} {
		if got := prop(e, p); got != want {
			t.Errorf("%s = %q, want %q", p, got, want)
		}
	}
	if utf8.RuneCountInString(prop(e, ics.ComponentPropertyDescription)) != 200 {
		t.Errorf("the description is not the 200 characters written")
	}
	for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtStart, ics.ComponentPropertyDtEnd} {
		if v := e.GetProperty(p).ICalParameters["VALUE"]; len(v) != 1 || v[0] != "DATE" {
			t.Errorf("%s of an all-day event is not VALUE=DATE: %v", p, v)
		}
	}
	start, err1 := e.GetAllDayStartAt()
	end, err2 := e.GetAllDayEndAt()
	if err1 != nil || err2 != nil || start.Format(time.DateOnly) != "2024-05-17" || end.Format(time.DateOnly) != "2024-05-22" {
		t.Errorf("all-day 17–21 May reads as %v – %v (%v %v); DTEND is exclusive", start, end, err1, err2)
	}

	for name, want := range map[string]string{
		"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "PRODID": "-//eventnews//gen//RU",
		"X-WR-CALNAME": `ЭКСПО, форум; "Сделано в России" и 中俄博览会`, "X-WR-TIMEZONE": "Asia/Shanghai",
	} {
		if got := calProp(c, name); got != want {
			t.Errorf("calendar %s = %q, want %q", name, got, want)
		}
	}
	// The same event in another language shares the UID.
	zh := parse(t, files, "zh/news/expo/event.ics").Events()[0]
	if prop(zh, ics.ComponentPropertyUniqueId) != "news/expo@news.example.org" || prop(zh, ics.ComponentPropertySummary) != "第八届中俄博览会" {
		t.Errorf("zh event: %s", files["zh/news/expo/event.ics"])
	}
}

func TestTimedAndOneDayEvents(t *testing.T) {
	files := calendars(t)
	e := parse(t, files, "ru/news/forum/event.ics").Events()[0]
	// 10:00 Moscow is 07:00 UTC; the end, written without a zone, is in the
	// start's: 18:30 Moscow is 15:30 UTC.
	if got := prop(e, ics.ComponentPropertyDtStart); got != "20240620T070000Z" {
		t.Errorf("DTSTART %q", got)
	}
	start, err := e.GetStartAt()
	if err != nil || !start.Equal(time.Date(2024, 6, 20, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("start %v %v", start, err)
	}
	end, err := e.GetEndAt()
	if err != nil || !end.Equal(time.Date(2024, 6, 20, 15, 30, 0, 0, time.UTC)) {
		t.Errorf("end %v %v", end, err)
	}
	if got := prop(e, ics.ComponentPropertySummary); got != "Форум в Москве" {
		t.Errorf("an event without a name takes the page title, got %q", got)
	}
	if prop(e, ics.ComponentPropertyLocation) != "" {
		t.Error("LOCATION without venue or city")
	}

	day := parse(t, files, "ru/news/day/event.ics").Events()[0]
	if s, e := prop(day, ics.ComponentPropertyDtStart), prop(day, ics.ComponentPropertyDtEnd); s != "20240701" || e != "20240702" {
		t.Errorf("a one-day event is %s–%s, want 20240701–20240702", s, e)
	}
	cal := parse(t, files, "ru/events.ics")
	if got := calProp(cal, "X-WR-CALNAME"); got != "Новости событий — События" {
		t.Errorf("X-WR-CALNAME %q", got)
	}
	if calProp(cal, "REFRESH-INTERVAL") != "PT12H" {
		t.Error("events.ics has no refresh interval")
	}
}

// An event's times are read in its own zone (event.timeZone), and the
// calendar gives their instants in UTC, on either side of a change of
// daylight saving time too.
func TestEventsInTheirOwnZone(t *testing.T) {
	s := sitetest.New(t, sitetest.Config+`-- content/news/port/index.ru.md --
---
title: Форум во Владивостоке
date: 2024-05-18
event:
  start: 2024-09-05 10:00
  end: 2024-09-05 18:00
  timeZone: Asia/Vladivostok
  city: Владивосток
---
-- content/news/fair/index.ru.md --
---
title: Ярмарка в Берлине
date: 2024-05-18
event:
  start: 2024-03-30 10:00
  end: 2024-03-31 10:00
  timeZone: Europe/Berlin
---
-- content/news/nyc/index.ru.md --
---
title: Встреча в Нью-Йорке
date: 2024-05-18
event:
  start: 2024-11-02T10:00:00-04:00
  end: 2024-11-03 10:00
  timeZone: America/New_York
---
`).Build(build.Options{Now: now}).OK()
	for page, want := range map[string][2]string{
		"port": {"20240905T000000Z", "20240905T080000Z"}, // +10:00
		"fair": {"20240330T090000Z", "20240331T080000Z"}, // +01:00, then +02:00
		"nyc":  {"20241102T140000Z", "20241103T150000Z"}, // -04:00, then -05:00
	} {
		name := "ru/news/" + page + "/event.ics"
		e := parse(t, map[string]string{name: s.File(name)}, name).Events()[0]
		if got := [2]string{prop(e, ics.ComponentPropertyDtStart), prop(e, ics.ComponentPropertyDtEnd)}; got != want {
			t.Errorf("%s: DTSTART, DTEND %v, want %v", page, got, want)
		}
	}
}

// Every physical line ends in CRLF, is at most 75 octets and is whole
// UTF-8; unfolding gives back the content lines.
func TestLines(t *testing.T) {
	files := calendars(t)
	long := 0
	for name, body := range files {
		if !strings.HasSuffix(body, "\r\n") {
			t.Errorf("%s does not end in CRLF", name)
		}
		for i, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
			if strings.ContainsAny(line, "\r\n") {
				t.Errorf("%s:%d: bare CR or LF", name, i+1)
			}
			if len(line) > ical.MaxLine {
				t.Errorf("%s:%d: %d octets", name, i+1, len(line))
			}
			if len(line) > 70 {
				long++
			}
			if !utf8.ValidString(line) {
				t.Errorf("%s:%d: a UTF-8 sequence is split: %q", name, i+1, line)
			}
		}
	}
	if long == 0 {
		t.Error("no line came near the limit: folding is not tested")
	}
}

func TestFold(t *testing.T) {
	for _, s := range []string{
		"DESCRIPTION:" + strings.Repeat("a", 200),
		"DESCRIPTION:" + strings.Repeat("я", 100),
		"SUMMARY:a" + strings.Repeat("中", 60),
		"SUMMARY:" + strings.Repeat("a", 63), // exactly 75
		"X:" + strings.Repeat("😀", 40),
	} {
		var b strings.Builder
		ical.Fold(&b, s)
		out := b.String()
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > 75 || !utf8.ValidString(l) || (i > 0 && l[0] != ' ') {
				t.Errorf("line %d of %q: %q", i, s[:12], l)
			}
			if i < len(lines)-1 && len(l) < 72 {
				t.Errorf("line %d folded early: %d octets", i, len(l))
			}
		}
		if unfolded := strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", ""); unfolded != s {
			t.Errorf("unfolding does not give back %q", s)
		}
	}
	var b strings.Builder
	ical.Fold(&b, "SUMMARY:"+strings.Repeat("a", 67))
	if b.String() != "SUMMARY:"+strings.Repeat("a", 67)+"\r\n" {
		t.Errorf("a 75-octet line is folded")
	}
}

func TestGolden(t *testing.T) {
	golden.Check(t, "ru/events.ics", []byte(calendars(t)["ru/events.ics"]))
}

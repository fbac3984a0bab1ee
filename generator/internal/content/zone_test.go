package content_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
)

// event parses a file whose front matter holds the given event block.
func event(t *testing.T, block string) (*content.Event, error) {
	t.Helper()
	f, err := content.Parse("content/x.ru.md", []byte("---\ntitle: x\ndate: 2024-05-17\nevent:\n"+block+"---\n"), opts)
	if err != nil {
		return nil, err
	}
	return f.Front.Event, nil
}

// at is the local time and offset of t in its own location: what a page
// shows.
func at(t time.Time) string { return t.Format("2006-01-02 15:04 -07:00") }

func TestEventTimeZones(t *testing.T) {
	for _, tc := range []struct {
		name, block        string
		start, end, zoneAt string // local times as at writes them; zoneAt: Start's location
		timeZone           string
	}{{
		name:     "timeZone reads times written without a zone",
		block:    "  start: 2024-09-05 10:00\n  end: 2024-09-05T18:30\n  timeZone: Asia/Vladivostok\n",
		start:    "2024-09-05 10:00 +10:00",
		end:      "2024-09-05 18:30 +10:00",
		zoneAt:   "Asia/Vladivostok",
		timeZone: "Asia/Vladivostok",
	}, {
		name:     "timeZone after the times it reads",
		block:    "  timeZone: Europe/Moscow\n  start: 2024-09-05 10:00\n",
		start:    "2024-09-05 10:00 +03:00",
		zoneAt:   "Europe/Moscow",
		timeZone: "Europe/Moscow",
	}, {
		name:     "an offset that is the zone's is kept",
		block:    "  start: 2024-09-05T10:00:00+10:00\n  timeZone: Asia/Vladivostok\n",
		start:    "2024-09-05 10:00 +10:00",
		zoneAt:   "Asia/Vladivostok",
		timeZone: "Asia/Vladivostok",
	}, {
		name:   "an offset on start is the event's zone: the end is read in it",
		block:  "  start: 2024-09-05T10:00:00+10:00\n  end: 2024-09-05 18:00\n",
		start:  "2024-09-05 10:00 +10:00",
		end:    "2024-09-05 18:00 +10:00",
		zoneAt: "",
	}, {
		name:   "an offset on end only is the event's zone too",
		block:  "  start: 2024-09-05 10:00\n  end: 2024-09-05T18:00:00+03:00\n",
		start:  "2024-09-05 10:00 +03:00",
		end:    "2024-09-05 18:00 +03:00",
		zoneAt: "",
	}, {
		name:   "two offsets: the end keeps its instant, shown in the start's",
		block:  "  start: 2024-09-05T10:00:00+10:00\n  end: 2024-09-05T12:00:00+03:00\n",
		start:  "2024-09-05 10:00 +10:00",
		end:    "2024-09-05 19:00 +10:00",
		zoneAt: "",
	}, {
		name:   "no zone anywhere: the site's",
		block:  "  start: 2024-09-05 10:00\n",
		start:  "2024-09-05 10:00 +08:00",
		zoneAt: "CST",
	}, {
		name:     "an all-day event in a zone starts at its midnight",
		block:    "  start: 2024-09-05\n  end: 2024-09-06\n  timeZone: Asia/Vladivostok\n",
		start:    "2024-09-05 00:00 +10:00",
		end:      "2024-09-06 00:00 +10:00",
		zoneAt:   "Asia/Vladivostok",
		timeZone: "Asia/Vladivostok",
	}, {
		// Europe/Berlin puts its clocks forward on 31 March 2024: the
		// same time of day is an hour earlier in UTC after the change.
		name:     "across a change of daylight saving time",
		block:    "  start: 2024-03-30 10:00\n  end: 2024-03-31 10:00\n  timeZone: Europe/Berlin\n",
		start:    "2024-03-30 10:00 +01:00",
		end:      "2024-03-31 10:00 +02:00",
		zoneAt:   "Europe/Berlin",
		timeZone: "Europe/Berlin",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := event(t, tc.block)
			if err != nil {
				t.Fatal(err)
			}
			if at(e.Start) != tc.start || e.TimeZone != tc.timeZone || e.Start.Location().String() != tc.zoneAt {
				t.Errorf("start %s in %q, timeZone %q; want %s in %q, %q", at(e.Start), e.Start.Location(), e.TimeZone, tc.start, tc.zoneAt, tc.timeZone)
			}
			if got := at(e.End); tc.end != "" && got != tc.end {
				t.Errorf("end %s, want %s", got, tc.end)
			}
			if tc.end != "" && e.End.Location() != e.Start.Location() {
				t.Errorf("end in %q, start in %q: one event, one zone", e.End.Location(), e.Start.Location())
			}
		})
	}
	// The instants, as a calendar gives them.
	e, _ := event(t, "  start: 2024-03-30 10:00\n  end: 2024-03-31 10:00\n  timeZone: Europe/Berlin\n")
	if s, en := e.Start.UTC().Format(time.TimeOnly), e.End.UTC().Format(time.TimeOnly); s != "09:00:00" || en != "08:00:00" {
		t.Errorf("Berlin 10:00 before and after the change is %s and %s UTC, want 09:00 and 08:00", s, en)
	}
}

func TestEventTimeZoneErrors(t *testing.T) {
	for _, tc := range []struct{ block, want string }{
		{"  start: 2024-09-05 10:00\n  timeZone: Asia/Vladivostock\n",
			`content/x.ru.md:6:13: event.timeZone: "Asia/Vladivostock" is not a known time zone: did you mean "Asia/Vladivostok"?`},
		{"  start: 2024-09-05 10:00\n  timeZone: asia/vladivostok\n",
			`content/x.ru.md:6:13: event.timeZone: "asia/vladivostok" is not a known time zone: did you mean "Asia/Vladivostok"?`},
		{"  start: 2024-09-05 10:00\n  timeZone: Vladivostok\n",
			`content/x.ru.md:6:13: event.timeZone: "Vladivostok" is not a known time zone: did you mean "Asia/Vladivostok"?`},
		{"  start: 2024-09-05 10:00\n  timeZone: America/New York\n",
			`content/x.ru.md:6:13: event.timeZone: "America/New York" is not a known time zone: did you mean "America/New_York"?`},
		{"  start: 2024-09-05 10:00\n  timeZone: Владивосток\n",
			`content/x.ru.md:6:13: event.timeZone: "Владивосток" is not a known time zone: use an IANA name, like "Asia/Vladivostok" or "Europe/Moscow"`},
		{"  start: 2024-09-05 10:00\n  timeZone: Local\n",
			`content/x.ru.md:6:13: event.timeZone: "Local" would depend on the machine that builds the site: name the zone, like "Asia/Vladivostok"`},
		{"  start: 2024-09-05T10:00:00+03:00\n  timeZone: Asia/Vladivostok\n",
			`content/x.ru.md:5:10: event.start: "2024-09-05T10:00:00+03:00" is at +03:00, but in Asia/Vladivostok (event.timeZone) it is +10:00 then: write the time without the offset`},
		{"  timeZone: [Asia/Vladivostok]\n  start: 2024-09-05\n",
			`content/x.ru.md:5:13: event.timeZone must be text, not a list`},
		// New York puts its clocks forward from 02:00 to 03:00 on 10 March 2024.
		{"  start: 2024-03-10 02:30\n  timeZone: America/New_York\n",
			`content/x.ru.md:5:10: event.start: "2024-03-10 02:30" does not exist in America/New_York, which puts its clocks forward at that time: write the time after the change, like 03:30`},
	} {
		_, err := event(t, tc.block)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.block, err, tc.want)
		}
	}
	// A time the zone has twice (the clocks go back) is the first.
	e, err := event(t, "  start: 2024-11-03 01:30\n  timeZone: America/New_York\n")
	if err != nil || at(e.Start) != "2024-11-03 01:30 -04:00" {
		t.Errorf("New York 01:30 on the day the clocks go back: %v %v, want the first, at -04:00", e, err)
	}
}

func TestEventZoneIsInherited(t *testing.T) {
	files := byPath(load(t, `
-- content/news/x/index.md --
---
title: 展会
date: 2024-05-17
event:
  start: 2024-09-05 10:00
  end: 2024-09-05 18:00
  timeZone: Asia/Vladivostok
  city: 符拉迪沃斯托克
---
-- content/news/x/index.ru.md --
---
title: Выставка
event:
  city: Владивосток
---
-- content/news/x/index.en.md --
---
title: Expo
event:
  timeZone: Europe/Moscow
---
`))
	zh, ru, en := files["content/news/x/index.md"].Front.Event, files["content/news/x/index.ru.md"].Front.Event, files["content/news/x/index.en.md"].Front.Event
	if !ru.Start.Equal(zh.Start) || at(ru.Start) != "2024-09-05 10:00 +10:00" || at(ru.End) != "2024-09-05 18:00 +10:00" || ru.TimeZone != "Asia/Vladivostok" || ru.City != "Владивосток" {
		t.Errorf("ru: %s – %s in %q, want the zh times in Vladivostok", at(ru.Start), at(ru.End), ru.TimeZone)
	}
	if !en.Start.Equal(zh.Start) || at(en.Start) != "2024-09-05 03:00 +03:00" || en.TimeZone != "Europe/Moscow" {
		t.Errorf("en, which names its own zone: %s in %q, want the same instant in Moscow", at(en.Start), en.TimeZone)
	}
}

// Every name the hints choose from is a zone time.LoadLocation knows.
func TestZoneNamesLoad(t *testing.T) {
	n := 0
	for _, tc := range []string{"Asia/Vladivostok", "Europe/Moscow", "Asia/Shanghai", "America/New_York"} {
		if _, err := event(t, "  start: 2024-09-05\n  timeZone: "+tc+"\n"); err != nil {
			t.Errorf("%s: %v", tc, err)
		}
	}
	for _, name := range content.ZoneNames() {
		if _, err := time.LoadLocation(name); err != nil || strings.TrimSpace(name) != name || name == "" {
			t.Errorf("%q: %v", name, err)
		}
		n++
	}
	if n < 400 {
		t.Errorf("only %d zone names", n)
	}
}

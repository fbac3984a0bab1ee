package build_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
)

// vladivostokSite has a release about a forum in Vladivostok at 10:00 local
// time (+10:00), on a site in Beijing time (+08:00): the Chinese version
// names the zone and writes the times, the Russian and English ones
// inherit them and name the city in their language.
const vladivostokSite = sitetest.Config + `-- content/news/eef/index.zh.md --
---
title: 东方经济论坛在符拉迪沃斯托克开幕
date: 2024-08-20
event:
  name: 东方经济论坛
  start: 2024-09-05 10:00
  end: 2024-09-05 18:00
  timeZone: Asia/Vladivostok
  city: 符拉迪沃斯托克
  venue: 远东联邦大学
---
论坛开幕。
-- content/news/eef/index.ru.md --
---
title: Во Владивостоке открылся ВЭФ
event:
  name: Восточный экономический форум
  city: Владивосток
  venue: ДВФУ
---
Форум открылся.
-- content/news/eef/index.en.md --
---
title: Eastern Economic Forum opens in Vladivostok
event:
  name: Eastern Economic Forum
  city: Vladivostok
  venue: FEFU
---
The forum opened.
`

// A Vladivostok event shows 10:00 in Vladivostok, with the city, in every
// language; the calendars and JSON-LD carry the same instant.
func TestGoldenVladivostokEvent(t *testing.T) {
	s := sitetest.New(t, vladivostokSite).Build(build.Options{Now: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)}).OK()
	for _, name := range []string{"zh/news/eef/index.html", "ru/news/eef/index.html", "en/news/eef/index.html"} {
		golden.Check(t, name, []byte(s.File(name)))
	}
	when := map[string]string{
		"zh": `<time datetime="2024-09-05T10:00:00&#43;10:00">2024年9月5日 10:00</time> – <time datetime="2024-09-05T18:00:00&#43;10:00">18:00</time>（符拉迪沃斯托克时间）`,
		"ru": `<time datetime="2024-09-05T10:00:00&#43;10:00">5 сентября 2024` + "\u202f" + `г., 10:00</time> – <time datetime="2024-09-05T18:00:00&#43;10:00">18:00</time> (Владивосток)`,
		"en": `<time datetime="2024-09-05T10:00:00&#43;10:00">September 5, 2024, 10:00` + "\u202f" + `am</time> – <time datetime="2024-09-05T18:00:00&#43;10:00">6:00` + "\u202f" + `pm</time> (Vladivostok time)`,
	}
	for lang, w := range when {
		// The release, the events page and the home's upcoming events.
		s.Assert(lang+"/news/eef/index.html", w, `"startDate":"2024-09-05T10:00:00+10:00"`, `"endDate":"2024-09-05T18:00:00+10:00"`, "! UTC&#43;8", "! >08:00")
		s.Assert(lang+"/events/index.html", w)
		s.Assert(lang+"/index.html", w)
		s.Assert(lang+"/news/eef/event.ics", "DTSTART:20240905T000000Z", "DTEND:20240905T080000Z")
		s.Assert(lang+"/events.ics", "DTSTART:20240905T000000Z")
	}
	// Upcoming until it ends at 18:00 in Vladivostok, 08:00 UTC; then past.
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2024, 9, 5, 7, 59, 0, 0, time.UTC), `<h2 id="upcoming">`},
		{time.Date(2024, 9, 5, 8, 0, 0, 0, time.UTC), `<h2 id="past">`},
	} {
		s := sitetest.New(t, vladivostokSite).Build(build.Options{Now: tc.now}).OK()
		page := s.File("ru/events/index.html")
		section := page[strings.Index(page, tc.want):]
		if end := strings.Index(section[4:], "<h2"); end >= 0 {
			section = section[:end+4]
		}
		if !strings.Contains(section, "/ru/news/eef/") {
			t.Errorf("at %s the forum is not under %s:\n%s", tc.now, tc.want, page)
		}
	}
}

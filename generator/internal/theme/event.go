package theme

import (
	"html/template"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
)

// eventWhen is the layouts' eventWhen for one language: when an event
// takes place, as HTML. An all-day event shows its date, and its end date
// when it ends on another day; a timed one shows the date and time of its
// start (message "dateTime" with .Date and .Time), its end's time (or date
// and time, on another day), and the site zone's offset, "(UTC+8)", since
// readers sit in other zones. Each is a <time> whose datetime is the date
// (all-day) or RFC 3339 instant. Text is escaped as html/template escapes
// it, so a layout that wrote the same markup gives the same bytes.
func eventWhen(cfg *config.Site, l *locale.Locale) func(*content.Event) template.HTML {
	loc := cfg.Location
	z := zone{cfg}
	day, instant, sameDay := z.isoDate, z.rfc3339, z.sameDay
	dateTime := func(t time.Time) string {
		t = t.In(loc)
		return l.T("dateTime", map[string]any{"Date": l.DateLong(t), "Time": l.Time(t)})
	}
	return func(e *content.Event) template.HTML {
		if e == nil {
			return ""
		}
		var b strings.Builder
		tag := func(datetime, text string) {
			b.WriteString(`<time datetime="`)
			b.WriteString(escapeText(datetime))
			b.WriteString(`">`)
			b.WriteString(escapeText(text))
			b.WriteString(`</time>`)
		}
		if e.AllDay {
			tag(day(e.Start), l.DateLong(e.Start.In(loc)))
			if !e.End.IsZero() && !sameDay(e.Start, e.End) {
				b.WriteString(" – ")
				tag(day(e.End), l.DateLong(e.End.In(loc)))
			}
			return template.HTML(b.String())
		}
		tag(instant(e.Start), dateTime(e.Start))
		if !e.End.IsZero() {
			b.WriteString(" – ")
			if sameDay(e.Start, e.End) {
				tag(instant(e.End), l.Time(e.End.In(loc)))
			} else {
				tag(instant(e.End), dateTime(e.End))
			}
		}
		b.WriteString(" (")
		b.WriteString(escapeText(UTCOffset(e.Start.In(loc))))
		b.WriteString(")")
		return template.HTML(b.String())
	}
}

// zone reads times in the site's time zone (cfg.Location, looked up at
// each call), for the layout functions and eventWhen alike.
type zone struct{ cfg *config.Site }

func (z zone) isoDate(t time.Time) string { return t.In(z.cfg.Location).Format(time.DateOnly) }
func (z zone) rfc3339(t time.Time) string { return t.In(z.cfg.Location).Format(time.RFC3339) }

// sameDay reports whether a and b fall on the same day in the zone.
func (z zone) sameDay(a, b time.Time) bool {
	a, b = a.In(z.cfg.Location), b.In(z.cfg.Location)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// escapeText escapes a string as html/template does in text and in a
// quoted attribute (its htmlEscaper; see escape.go).
func escapeText(s string) string { return escReplace(s, &escHTMLTable) }

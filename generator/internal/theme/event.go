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
// takes place, as HTML, in the event's own zone (the Location of its start:
// event.timeZone, else the offset it was written with, else the site's; see
// package content), so an event in Vladivostok at 10:00 shows 10:00 in
// every language. An all-day event shows its date, and its end date when
// it ends on another day; a timed one shows the date and time of its start
// (message "dateTime" with .Date and .Time), its end's time (or date and
// time, on another day), and which zone that is (zoneLabel), since readers
// sit in other zones. Each is a <time> whose datetime is the date
// (all-day) or the RFC 3339 instant with the event's offset. The strings
// are made in Go and written by a small html/template (whenMarkup), so they
// are escaped exactly as a layout that wrote the same markup would escape
// them.
func eventWhen(l *locale.Locale) func(*content.Event) (template.HTML, error) {
	markup := template.Must(template.New("eventWhen").Parse(whenMarkup))
	dateTime := func(t time.Time) string {
		return l.T("dateTime", map[string]any{"Date": l.DateLong(t), "Time": l.Time(t)})
	}
	return func(e *content.Event) (template.HTML, error) {
		if e == nil {
			return "", nil
		}
		start, end := e.Start, e.End
		if !end.IsZero() {
			end = end.In(start.Location())
		}
		var w when
		switch {
		case e.AllDay:
			w.Start = moment{start.Format(time.DateOnly), l.DateLong(start)}
			if !end.IsZero() && !sameDay(start, end) {
				w.End = &moment{end.Format(time.DateOnly), l.DateLong(end)}
			}
		default:
			w.Start = moment{start.Format(time.RFC3339), dateTime(start)}
			switch {
			case end.IsZero():
			case sameDay(start, end):
				w.End = &moment{end.Format(time.RFC3339), l.Time(end)}
			default:
				w.End = &moment{end.Format(time.RFC3339), dateTime(end)}
			}
			w.Zone = zoneLabel(l, e, start)
		}
		var b strings.Builder
		if err := markup.Execute(&b, w); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
}

// zoneLabel says in which zone an event's times are, after them, with the
// message "eventZone" (" ({{.Zone}})"; "（{{.Zone}}）" in Chinese). An event
// with a timeZone is named by its city (message "eventZoneCity": "{{.City}}
// time", "{{.City}}", "{{.City}}时间"), else by CLDR's name of the zone
// (locale.ZoneName); otherwise, and when CLDR has no name, by its UTC
// offset at the start: "UTC+10" for a time written with +10:00, the site
// zone's for a time written without one. A city is not used without a
// timeZone: the times would then be in the site's zone, not the city's.
// A language without these messages gets " (...)" and the city as it is.
func zoneLabel(l *locale.Locale, e *content.Event, start time.Time) string {
	name := UTCOffset(start)
	if e.TimeZone != "" {
		if city := strings.TrimSpace(e.City); city != "" {
			name = city
			if l.Has("eventZoneCity") {
				name = l.T("eventZoneCity", map[string]any{"City": city})
			}
		} else if z := l.ZoneName(start); z != "" {
			name = z
		}
	}
	if l.Has("eventZone") {
		return l.T("eventZone", map[string]any{"Zone": name})
	}
	return " (" + name + ")"
}

// sameDay reports whether a and b fall on the same day, each read in its
// own location.
func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// whenKey names one output of eventWhen: an event in a language.
type whenKey struct {
	lang  string
	event *content.Event
}

// eventWhenCached is when for lang, each event's HTML kept until
// ForgetPartials: a release shows its event on its own page and again in
// the events list and on the home page, and an event does not change
// during a run.
func (t *Theme) eventWhenCached(lang string, when func(*content.Event) (template.HTML, error)) func(*content.Event) (template.HTML, error) {
	return func(e *content.Event) (template.HTML, error) {
		k := whenKey{lang, e}
		if h, ok := t.whens.Load(k); ok {
			return h.(template.HTML), nil
		}
		h, err := when(e)
		if err == nil {
			t.whens.Store(k, h)
		}
		return h, err
	}
}

// whenMarkup writes a when.
const whenMarkup = `<time datetime="{{ .Start.At }}">{{ .Start.Text }}</time>` +
	`{{ with .End }} – <time datetime="{{ .At }}">{{ .Text }}</time>{{ end }}` +
	`{{ .Zone }}`

// when is what eventWhen shows: the start, the end if shown, and for a
// timed event which zone they are in (zoneLabel, with its punctuation).
type when struct {
	Start moment
	End   *moment
	Zone  string
}

// moment is one <time>: its datetime attribute and its text.
type moment struct{ At, Text string }

// zone reads times in the site's time zone (cfg.Location, looked up at
// each call), for the layout functions.
type zone struct{ cfg *config.Site }

func (z zone) isoDate(t time.Time) string { return t.In(z.cfg.Location).Format(time.DateOnly) }
func (z zone) rfc3339(t time.Time) string { return t.In(z.cfg.Location).Format(time.RFC3339) }

// sameDay reports whether a and b fall on the same day in the zone.
func (z zone) sameDay(a, b time.Time) bool {
	a, b = a.In(z.cfg.Location), b.In(z.cfg.Location)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

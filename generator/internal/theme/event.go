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
// (all-day) or RFC 3339 instant. The strings are made in Go and written by
// a small html/template (whenMarkup), so they are escaped exactly as a
// layout that wrote the same markup would escape them.
func eventWhen(cfg *config.Site, l *locale.Locale) func(*content.Event) (template.HTML, error) {
	markup := template.Must(template.New("eventWhen").Parse(whenMarkup))
	loc := cfg.Location
	z := zone{cfg}
	day, instant, sameDay := z.isoDate, z.rfc3339, z.sameDay
	dateTime := func(t time.Time) string {
		t = t.In(loc)
		return l.T("dateTime", map[string]any{"Date": l.DateLong(t), "Time": l.Time(t)})
	}
	return func(e *content.Event) (template.HTML, error) {
		if e == nil {
			return "", nil
		}
		var w when
		switch {
		case e.AllDay:
			w.Start = moment{day(e.Start), l.DateLong(e.Start.In(loc))}
			if !e.End.IsZero() && !sameDay(e.Start, e.End) {
				w.End = &moment{day(e.End), l.DateLong(e.End.In(loc))}
			}
		default:
			w.Start = moment{instant(e.Start), dateTime(e.Start)}
			switch {
			case e.End.IsZero():
			case sameDay(e.Start, e.End):
				w.End = &moment{instant(e.End), l.Time(e.End.In(loc))}
			default:
				w.End = &moment{instant(e.End), dateTime(e.End)}
			}
			w.Zone = UTCOffset(e.Start.In(loc))
		}
		var b strings.Builder
		if err := markup.Execute(&b, w); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
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
	`{{ with .Zone }} ({{ . }}){{ end }}`

// when is what eventWhen shows: the start, the end if shown, and the
// zone's offset for a timed event.
type when struct {
	Start moment
	End   *moment
	Zone  string
}

// moment is one <time>: its datetime attribute and its text.
type moment struct{ At, Text string }

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

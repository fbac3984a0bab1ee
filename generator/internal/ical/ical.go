// Package ical writes iCalendar files (RFC 5545): /<lang>/events.ics, a
// calendar of every event of a language to subscribe to, and
// /<lang>/news/<slug>/event.ics, one event to add. It writes nothing to
// disk: Files returns render.Files.
//
// Rules:
//   - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
//     sequence; a continuation line starts with one space. TEXT values
//     escape "\", ";", "," and newlines; other control characters are
//     dropped.
//   - The calendar is VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH, with
//     PRODID "-//eventnews//gen//<LANG>", and NAME and X-WR-CALNAME in the
//     language: "<site title> — <events message>" for events.ics, the event's
//     name for event.ics. events.ics asks to be refreshed every 12 hours
//     (REFRESH-INTERVAL, X-PUBLISHED-TTL) and lists past events too.
//   - UID is "<translation key>@<host of baseURL>": stable across builds and
//     renamed slugs, and the same for the three languages of one release,
//     since it is one event; each calendar file holds one language.
//   - DTSTAMP is the build clock (--now) in UTC, so output is reproducible.
//   - An all-day event is DTSTART;VALUE=DATE with DTEND;VALUE=DATE the day
//     after its last day (DTEND is exclusive), its dates as written. A timed
//     event is written in UTC ("Z"): the instants of its times as read in
//     the event's own zone (event.timeZone, or the offset written; see
//     package content), which every client and parser reads the same way,
//     across changes of daylight saving time too, and shows in the reader's
//     own zone, with no VTIMEZONE to get wrong; X-WR-TIMEZONE names the
//     site's zone for clients that display a calendar in it. A timed event
//     without an end has no DTEND (it ends when it starts).
//   - SUMMARY is the event's name, or the page title; LOCATION "venue, city";
//     URL the page's permalink; DESCRIPTION the page's summary.
//   - A language without events still gets an events.ics, with no VEVENT,
//     so a subscription keeps working; RFC 5545's grammar asks for at least
//     one component, which common clients and parsers do not enforce.
package ical

import (
	"cmp"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/escape"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// MaxLine is the longest content line in octets, without CRLF.
const MaxLine = 75

// Files returns every calendar of s: each language's events.ics, then the
// event.ics of each page with an event.
func Files(s *site.Site, locales *locale.Set) []render.File {
	host := ""
	if u, err := url.Parse(s.Config.BaseURL); err == nil {
		host = u.Hostname()
	}
	var out []render.File
	for _, l := range s.Languages {
		name := l.Title
		if loc := locales.For(l.Code); loc.Has("events") {
			name += " — " + loc.T("events")
		}
		// Each VEVENT is written once, for events.ics and for the page's
		// own event.ics.
		events := make([]string, len(l.EventPages))
		size := 0
		for i, p := range l.EventPages {
			e := &calendar{s: s, lang: l, host: host}
			e.event(p)
			events[i] = e.b.String()
			size += len(events[i])
		}
		c := &calendar{s: s, lang: l, host: host}
		c.b.Grow(size + 512)
		c.begin(name, true)
		for _, ev := range events {
			c.b.WriteString(ev)
		}
		c.end()
		out = append(out, render.File{Path: site.FilePath(s.Config.BasePath(), l.Calendar), Bytes: c.bytes()})

		for i, p := range l.EventPages {
			if p.Calendar == "" {
				continue
			}
			c := &calendar{s: s, lang: l, host: host}
			c.b.Grow(len(events[i]) + 512)
			c.begin(summary(p), false)
			c.b.WriteString(events[i])
			c.end()
			out = append(out, render.File{Path: site.FilePath(s.Config.BasePath(), p.Calendar), Bytes: c.bytes()})
		}
	}
	return out
}

type calendar struct {
	s    *site.Site
	lang *site.Language
	host string
	b    strings.Builder
}

func (c *calendar) bytes() []byte { return []byte(c.b.String()) }

func (c *calendar) begin(name string, subscribe bool) {
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//eventnews//gen//" + strings.ToUpper(c.lang.Code))
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	c.line("NAME:" + escape.ICalText(name))
	c.line("X-WR-CALNAME:" + escape.ICalText(name))
	c.line("X-WR-TIMEZONE:" + escape.ICalText(c.s.Config.Location.String()))
	if subscribe {
		c.line("REFRESH-INTERVAL;VALUE=DURATION:PT12H")
		c.line("X-PUBLISHED-TTL:PT12H")
	}
}

func (c *calendar) end() { c.line("END:VCALENDAR") }

func (c *calendar) event(p *site.Page) {
	e := p.Event
	permalink := escape.URI(c.s.Config.AbsURL(p.URL))
	uid := p.Key
	if c.host != "" {
		uid += "@" + c.host
	}
	c.line("BEGIN:VEVENT")
	c.line("UID:" + escape.ICalText(uid))
	c.line("DTSTAMP:" + utc(c.s.Now))
	if e.AllDay {
		last := cmp.Or(e.End, e.Start)
		if last.Before(e.Start) {
			last = e.Start
		}
		c.line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
		y, m, d := last.Date()
		c.line("DTEND;VALUE=DATE:" + time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC).Format("20060102"))
	} else {
		c.line("DTSTART:" + utc(e.Start))
		if e.End.After(e.Start) {
			c.line("DTEND:" + utc(e.End))
		}
	}
	c.line("SUMMARY:" + escape.ICalText(summary(p)))
	var where []string
	for _, s := range []string{e.Venue, e.City} {
		if s = strings.TrimSpace(s); s != "" {
			where = append(where, s)
		}
	}
	if len(where) > 0 {
		c.line("LOCATION:" + escape.ICalText(strings.Join(where, ", ")))
	}
	c.line("URL:" + permalink)
	if p.Summary != "" {
		c.line("DESCRIPTION:" + escape.ICalText(p.Summary))
	}
	c.line("END:VEVENT")
}

func summary(p *site.Page) string { return cmp.Or(strings.TrimSpace(p.Event.Name), p.Title) }

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// line writes one content line, folded.
func (c *calendar) line(s string) { Fold(&c.b, s) }

// Fold writes a content line followed by CRLF, folded so that no line is
// longer than MaxLine octets and no UTF-8 sequence is split: a line break,
// then one space, which counts toward the next line's length.
func Fold(b *strings.Builder, s string) {
	limit := MaxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = MaxLine - 1
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

package rules

import (
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/markdown"
	"github.com/eventnews/gen/generator/internal/status"
)

// SummaryLimit is how much of a summary feed readers show: characters in
// Chinese, Japanese and Korean, words elsewhere (counted like
// markdown.WordCount).
func SummaryLimit(lang string) (limit int, chars bool) {
	l := strings.ToLower(lang)
	if strings.HasPrefix(l, "zh") || strings.HasPrefix(l, "ja") || strings.HasPrefix(l, "ko") {
		return markdown.SummaryChars, true
	}
	return markdown.SummaryWords, false
}

func (c *checker) checkSense() {
	for _, f := range c.in.Files {
		c.checkEvent(f)
		if fm := &f.Front; fm.Has("summary") {
			limit, chars := SummaryLimit(f.Lang)
			if n := markdown.WordCount(fm.Summary); n > limit {
				line, col := at(f, "summary")
				c.add(pick(chars, msgSummaryChars, msgSummaryWords).Warn(f.Path, line, col, "Count", n, "Limit", limit), CodeContent)
			}
		}
		if f.Front.TranslatedFrom != "" {
			c.checkMark(f)
		}
	}
}

func (c *checker) checkEvent(f *content.File) {
	fm := &f.Front
	e := fm.Event
	if e == nil {
		return
	}
	if !e.Start.IsZero() && !e.End.IsZero() && e.End.Before(e.Start) && (fm.Has("event.start") || fm.Has("event.end")) {
		key := "event.end"
		if !fm.Has(key) {
			key = "event.start"
		}
		line, col := at(f, key)
		c.add(msgEventOrder.At(f.Path, line, col, "End", c.when(e.End, e.AllDay), "Start", c.when(e.Start, e.AllDay)), CodeContent)
	}
	if fm.Has("event") && strings.TrimSpace(e.Name) == "" {
		key := "event"
		if fm.Has("event.name") {
			key = "event.name"
		}
		line, col := at(f, key)
		c.add(msgEventNoName.Warn(f.Path, line, col), CodeContent)
	}
}

// when writes an event's time as its front matter does: in the event's
// own zone, where package content put it.
func (c *checker) when(t time.Time, allDay bool) string {
	if allDay {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

// checkMark checks the translatedFrom value of f.
func (c *checker) checkMark(f *content.File) {
	v := f.Front.TranslatedFrom
	line, col := at(f, "translatedFrom")
	m, err := status.ParseMark(v)
	switch {
	case err != nil:
		c.add(msgMarkForm.At(f.Path, line, col, "Value", v), CodeContent)
	case m.Lang == f.Lang:
		c.add(msgMarkOwn.At(f.Path, line, col, "Value", v), CodeContent)
	default:
		if _, ok := c.in.Config.Language(m.Lang); !ok {
			c.add(msgMarkLang.At(f.Path, line, col, "Value", v, "Lang", m.Lang, "Langs", strings.Join(c.in.Config.Codes(), ", ")), CodeContent)
		}
	}
}

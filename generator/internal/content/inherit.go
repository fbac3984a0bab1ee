package content

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
)

// inherit skips the checks of missing fields in unreadable files and in
// their translations: what they lack is unknown.
func inherit(files []*File, opts Options, unreadable map[*File]bool) []*diag.Diagnostic {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b *File) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Lang, b.Lang))
	})
	byKey := map[string][]*File{}
	var keys []string
	for _, f := range sorted {
		if _, ok := byKey[f.Key]; !ok {
			keys = append(keys, f.Key)
		}
		byKey[f.Key] = append(byKey[f.Key], f)
	}
	slices.Sort(keys)

	var ds []*diag.Diagnostic
	for _, key := range keys {
		group := byKey[key]
		first := map[string]*File{}
		for _, f := range group {
			if other, ok := first[f.Lang]; ok {
				pos := f.Front.Pos["translationKey"]
				ds = append(ds, msgKeyReused.At(f.Path, pos.Line, pos.Col, "Key", key, "Lang", f.Lang, "Other", other.Path))
				continue
			}
			first[f.Lang] = f
		}
		src := first[opts.Default]
		for _, f := range group {
			if src != nil && f.Lang != opts.Default {
				inheritFrom(&f.Front, &src.Front)
			}
			if !unreadable[f] && (src == nil || !unreadable[src]) {
				ds = append(ds, checkRequired(f, src)...)
			}
		}
	}
	return ds
}

// inheritFrom fills the shared fields fm does not write from src.
func inheritFrom(fm, src *FrontMatter) {
	if !fm.Has("date") {
		fm.Date = src.Date
	}
	if !fm.Has("tags") {
		fm.Tags = keyTags(src.Tags) // a term is a word of src's language
	}
	if !fm.Has("aliases") {
		fm.Aliases = slices.Clone(src.Aliases)
	}
	if se := src.Event; se != nil {
		if fm.Event == nil {
			e := *se
			fm.Event = &e
		} else {
			if !fm.Has("event.start") && !fm.Has("event.end") {
				inheritTimes(fm.Event, se)
			}
			if !fm.Has("event.url") {
				fm.Event.URL = se.URL
			}
		}
	}
	if si := src.Image; si != nil {
		if fm.Image == nil {
			im := *si
			fm.Image = &im
		} else if !fm.Has("image.src") {
			fm.Image.Src = si.Src
			if !fm.Has("image.original") {
				fm.Image.Original = si.Original
			}
		}
	}
}

// inheritTimes gives e the times of src, with their zone: src's
// timeZone, unless e names a zone of its own, in which it then shows them.
func inheritTimes(e, src *Event) {
	e.Start, e.End, e.AllDay = src.Start, src.End, src.AllDay
	if e.TimeZone == "" {
		e.TimeZone = src.TimeZone
		return
	}
	if loc, _, _ := loadZone(e.TimeZone); loc != nil && !e.AllDay {
		e.Start, e.End = inZone(e.Start, loc), inZone(e.End, loc)
	}
}

// inZone is t in loc; a zero t stays zero.
func inZone(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

// checkRequired reports required fields that are still missing after
// inheritance. A field that src writes but could not be decoded is src's
// error, not the translation's.
func checkRequired(f, src *File) []*diag.Diagnostic {
	fm := &f.Front
	if src == f {
		src = nil
	}
	srcHas := func(key string) bool { return src != nil && src.Front.Has(key) }
	var ds []*diag.Diagnostic
	if f.Kind == KindPage && fm.Date.IsZero() && !fm.Has("date") && !srcHas("date") {
		ds = append(ds, msgDateRequired.At(f.Path, 1, 1))
	}
	// An event or image copied whole from src is checked in src.
	if e := fm.Event; e != nil && fm.Has("event") && e.Start.IsZero() && !fm.Has("event.start") && !srcHas("event.start") {
		pos := fm.Pos["event"]
		ds = append(ds, msgStartRequired.At(f.Path, pos.Line, pos.Col))
	}
	if im := fm.Image; im != nil && fm.Has("image") {
		pos := fm.Pos["image"]
		switch {
		case im.Src == "" && !fm.Has("image.src") && !srcHas("image.src"):
			ds = append(ds, msgSrcRequired.At(f.Path, pos.Line, pos.Col))
		case src != nil && im.Src != "" && strings.TrimSpace(im.Alt) == "" && !fm.Has("image.src"):
			ds = append(ds, msgAltFrom.At(f.Path, pos.Line, pos.Col, "Source", src.Path))
		}
	}
	return ds
}

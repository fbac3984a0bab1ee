package locale

import (
	"strings"
	"time"
)

// ZoneName is CLDR's long name of the time zone of t at that moment in the
// language, as CLDR's full time format writes it: "Владивосток,
// стандартное время", "海参崴标准时间", "Vladivostok Standard Time";
// "Central European Summer Time" in summer. golocales gives it only
// inside that format, so it is what the full time leaves when the medium
// time (the same time without its zone) is taken out. It is "" when CLDR
// has no name for the zone (a zone without a metazone, such as the fixed
// offset of "+10:00", or an old alias like Asia/Harbin), when the format
// of the language writes no zone, or when all it writes is the zone's
// abbreviation.
func (l *Locale) ZoneName(t time.Time) string {
	full, medium := l.cldr.FormatTimeFull(t), l.cldr.FormatTimeMedium(t)
	i := strings.Index(full, medium)
	if i < 0 || medium == "" {
		return ""
	}
	name := strings.TrimSpace(full[:i] + full[i+len(medium):])
	if abbr, _ := t.Zone(); name == abbr || strings.ContainsAny(name, "0123456789") {
		return ""
	}
	return name
}

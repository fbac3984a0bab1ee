package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateForm is every accepted date: a day, an optional time of day (minutes,
// seconds and fractions) after "T" or a space, and an optional zone.
var dateForm = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?([Zz]|[+-]\d{2}:?\d{2})?)?$`)

// parseDate reads s in loc unless s names its own zone. time.Parse is not
// used because it would take the machine's zone for a matching offset.
func parseDate(s string, loc *time.Location) (t time.Time, dateOnly, ok bool) {
	m := dateForm.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, false
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	h, mi, sec := num(m[4]), num(m[5]), num(m[6])
	ns := 0
	if m[7] != "" {
		ns = num(m[7] + strings.Repeat("0", 9-len(m[7])))
	}
	if !validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false, false
	}
	switch z := m[8]; {
	case z == "Z" || z == "z":
		loc = time.UTC
	case z != "":
		z = strings.ReplaceAll(z[1:], ":", "")
		zh, zm := num(z[:2]), num(z[2:])
		if zh > 23 || zm > 59 {
			return time.Time{}, false, false
		}
		offset := (zh*60 + zm) * 60
		if m[8][0] == '-' {
			offset = -offset
		}
		loc = time.UTC
		if offset != 0 {
			loc = time.FixedZone("", offset)
		}
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), m[4] == "", true
}

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Dates written in the customs of the site's languages, read as year, month,
// day: 17.05.2024 (ru), 2024年5月17日 (zh), 2024/5/17 and 2024-5-17.
var (
	dayFirst  = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})((?:[ T]\d{1,2}:\d{2})?)$`)
	yearFirst = regexp.MustCompile(`^(\d{4})(?:[-./](\d{1,2})[-./](\d{1,2})|年(\d{1,2})月(\d{1,2})日)((?:[ T]\d{1,2}:\d{2})?)$`)
	slashed   = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})((?:[ T]\d{1,2}:\d{2})?)$`)
	isoLike   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
)

// dateHint suggests how to write s, or returns "" when s has the right shape
// but is not a real date (2024-02-30).
func dateHint(s string) string {
	s = strings.TrimSpace(s)
	if isoLike.MatchString(s) {
		return ""
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, m, d, clock := 0, 0, 0, ""
	if g := dayFirst.FindStringSubmatch(s); g != nil {
		y, m, d, clock = atoi(g[3]), atoi(g[2]), atoi(g[1]), g[4]
	} else if g := yearFirst.FindStringSubmatch(s); g != nil {
		y, m, d, clock = atoi(g[1]), atoi(g[2]+g[4]), atoi(g[3]+g[5]), g[6]
	} else if g := slashed.FindStringSubmatch(s); g != nil {
		a, b := atoi(g[1]), atoi(g[2])
		switch {
		case a > 12: // day/month/year
			y, m, d = atoi(g[3]), b, a
		case b > 12: // month/day/year
			y, m, d = atoi(g[3]), a, b
		}
		clock = g[4]
	}
	if clock != "" {
		hh, mm, _ := strings.Cut(clock[1:], ":")
		if atoi(hh) > 23 || atoi(mm) > 59 {
			y = 0
		}
		clock = fmt.Sprintf(" %02d:%s", atoi(hh), mm)
	}
	if validDay(y, m, d) && y > 0 {
		return fmt.Sprintf(" (write it as %04d-%02d-%02d%s)", y, m, d, clock)
	}
	return " (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)"
}

package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/diag"
)

// dateFields splits every accepted date, and nothing else, into its
// parts: a day, an optional time of day (minutes, seconds and fractions)
// after "T" or a space, and an optional zone. It reads what the regular
// expression
//
//	^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?([Zz]|[+-]\d{2}:?\d{2})?)?$
//
// matches, and returns its submatches; TestDateFields holds it to that.
func dateFields(s string) (m [9]string, ok bool) {
	i := 0
	// digits takes n ASCII digits at i.
	digits := func(n int) (string, bool) {
		if len(s)-i < n {
			return "", false
		}
		for j := i; j < i+n; j++ {
			if s[j] < '0' || s[j] > '9' {
				return "", false
			}
		}
		i += n
		return s[i-n : i], true
	}
	// next takes the byte c at i.
	next := func(c byte) bool {
		if i < len(s) && s[i] == c {
			i++
			return true
		}
		return false
	}
	var y, mo, d bool
	if m[1], y = digits(4); !y || !next('-') {
		return m, false
	}
	if m[2], mo = digits(2); !mo || !next('-') {
		return m, false
	}
	if m[3], d = digits(2); !d {
		return m, false
	}
	if i < len(s) {
		if !next('T') && !next('t') && !next(' ') {
			return m, false
		}
		var h, mi bool
		if m[4], h = digits(2); !h || !next(':') {
			return m, false
		}
		if m[5], mi = digits(2); !mi {
			return m, false
		}
		if next(':') {
			var sec bool
			if m[6], sec = digits(2); !sec {
				return m, false
			}
			if next('.') {
				n := 0
				for n < 9 && i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '9' {
					n++
				}
				if n == 0 {
					return m, false
				}
				m[7], _ = digits(n)
			}
		}
		next(' ')
		switch start := i; {
		case next('Z') || next('z'):
			m[8] = s[start:i]
		case next('+') || next('-'):
			_, zh := digits(2)
			next(':')
			if _, zm := digits(2); !zh || !zm {
				return m, false
			}
			m[8] = s[start:i]
		}
	}
	if i != len(s) {
		return m, false
	}
	m[0] = s
	return m, true
}

// parseDate reads s in loc unless s names its own zone. time.Parse is not
// used because it would take the machine's zone for a matching offset.
func parseDate(s string, loc *time.Location) (t time.Time, dateOnly, ok bool) {
	t, dateOnly, _, ok = parseDateZoned(s, loc)
	return t, dateOnly, ok
}

// parseDateZoned is parseDate that also says whether s names its own zone
// (an offset or Z), so that loc did not count.
func parseDateZoned(s string, loc *time.Location) (t time.Time, dateOnly, zoned, ok bool) {
	m, ok := dateFields(s)
	if !ok {
		return time.Time{}, false, false, false
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	h, mi, sec := num(m[4]), num(m[5]), num(m[6])
	ns := 0
	if m[7] != "" {
		ns = num(m[7] + strings.Repeat("0", 9-len(m[7])))
	}
	if !validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false, false, false
	}
	switch z := m[8]; {
	case z == "Z" || z == "z":
		loc = time.UTC
	case z != "":
		z = strings.ReplaceAll(z[1:], ":", "")
		zh, zm := num(z[:2]), num(z[2:])
		if zh > 23 || zm > 59 {
			return time.Time{}, false, false, false
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
	return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), m[4] == "", m[8] != "", true
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

// dateHint returns the message for s, which is no valid date, with its
// arguments besides Key and Value: how to write s, or no suggestion when s
// has the right shape but is not a real date (2024-02-30).
func dateHint(s string) (diag.Message, []any) {
	s = strings.TrimSpace(s)
	if isoLike.MatchString(s) {
		return msgBadDate, nil
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
		return msgBadDateWrite, []any{"Date", fmt.Sprintf("%04d-%02d-%02d%s", y, m, d, clock)}
	}
	return msgBadDateForms, nil
}

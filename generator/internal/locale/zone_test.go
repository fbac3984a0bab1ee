package locale

import (
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
)

func TestZoneName(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	summer := func(loc *time.Location) time.Time { return time.Date(2024, 7, 1, 10, 0, 0, 0, loc) }
	winter := func(loc *time.Location) time.Time { return time.Date(2024, 1, 15, 10, 0, 0, 0, loc) }
	for _, tc := range []struct {
		locale string
		t      time.Time
		want   string
	}{
		{"ru", summer(zone("Asia/Vladivostok")), "Владивосток, стандартное время"},
		{"zh-Hans", summer(zone("Asia/Vladivostok")), "海参崴标准时间"},
		{"en", summer(zone("Asia/Vladivostok")), "Vladivostok Standard Time"},
		{"en", summer(zone("Europe/Berlin")), "Central European Summer Time"},
		{"en", winter(zone("Europe/Berlin")), "Central European Standard Time"},
		{"ru", winter(zone("America/New_York")), "Восточная Америка, стандартное время"},
		{"ru", summer(time.FixedZone("", 10*3600)), ""},
		{"ru", summer(zone("Asia/Harbin")), ""}, // an alias CLDR gives no name
	} {
		l, err := newLocale(config.Language{Code: tc.locale[:2], Locale: tc.locale})
		if err != nil {
			t.Fatal(err)
		}
		if got := l.ZoneName(tc.t); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.locale, tc.t, got, tc.want)
		}
	}
}

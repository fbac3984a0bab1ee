package content

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
	// Time zones load even on machines without a zone database.
	_ "time/tzdata"

	"github.com/eventnews/gen/generator/internal/diag"
)

// zoneNames lists the IANA time zones of places (Area/Location: Africa,
// America, Antarctica, Asia, Atlantic, Australia, Europe, Indian,
// Pacific), one a line, sorted: the names a misspelt event.timeZone is
// compared with. Any name time.LoadLocation knows is accepted, listed or
// not. It was made from Go's lib/time/zoneinfo.zip, which is the IANA
// database time/tzdata embeds.
//
//go:embed zones.txt
var zoneNames string

// loadZone loads an IANA time zone name; for a name that is none, it
// returns nil and why, a message about event.timeZone with its arguments,
// with the nearest known name when there is one.
func loadZone(name string) (*time.Location, diag.Message, []any) {
	if name == "Local" {
		return nil, msgZoneLocal, nil
	}
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc, diag.Message{}, nil
	}
	if near := nearestZone(name); near != "" {
		return nil, msgZoneNear, []any{"Zone", fmt.Sprintf("%q", name), "Near", fmt.Sprintf("%q", near)}
	}
	return nil, msgZoneUnknown, []any{"Zone", fmt.Sprintf("%q", name)}
}

// nearestZone returns the known zone name closest to name: the same name
// in other letter case or with spaces for "_", a zone named for the city
// written ("Vladivostok"), else the nearest in spelling (diag.Distance,
// as suggest does for keys); "" when none is near.
func nearestZone(name string) string {
	want := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", "_"))
	if want == "" {
		return ""
	}
	best, bestDist := "", len(want)
	for z := range strings.Lines(zoneNames) {
		z = strings.TrimSpace(z)
		lz := strings.ToLower(z)
		city := lz[strings.LastIndexByte(lz, '/')+1:]
		if lz == want || city == want {
			return z
		}
		for _, cand := range []string{lz, city} {
			if dist := diag.Distance(want, cand); dist < bestDist {
				best, bestDist = z, dist
			}
		}
	}
	if best != "" && bestDist*3 <= len(want)+1 {
		return best
	}
	return ""
}

// ZoneNames returns the zone names hints choose from, sorted.
func ZoneNames() []string {
	return strings.Fields(zoneNames)
}

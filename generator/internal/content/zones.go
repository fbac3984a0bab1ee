package content

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
	// Time zones load even on machines without a zone database.
	_ "time/tzdata"
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
// returns nil and says why, with the nearest known name when there is one.
func loadZone(name string) (*time.Location, string) {
	if name == "Local" {
		return nil, `"Local" would depend on the machine that builds the site: name the zone, like "Asia/Vladivostok"`
	}
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc, ""
	}
	if near := nearestZone(name); near != "" {
		return nil, fmt.Sprintf("%q is not a known time zone: did you mean %q?", name, near)
	}
	return nil, fmt.Sprintf(`%q is not a known time zone: use an IANA name, like "Asia/Vladivostok" or "Europe/Moscow"`, name)
}

// nearestZone returns the known zone name closest to name: the same name
// in other letter case or with spaces for "_", a zone named for the city
// written ("Vladivostok"), else the nearest in spelling (editDistance,
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
			if dist := editDistance(want, cand); dist < bestDist {
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

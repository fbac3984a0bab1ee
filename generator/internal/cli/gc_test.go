package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestBuildGCPercentYieldsToTheEnvironment(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if pct, ok := buildGCPercent(env(nil)); !ok || pct != 75 {
		t.Errorf("without GOGC or GOMEMLIMIT: %d, %v; want 75, true", pct, ok)
	}
	for _, k := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, ok := buildGCPercent(env(map[string]string{k: "200"})); ok {
			t.Errorf("with %s set, gen build still sets its own target", k)
		}
	}
}

// Below the floor the collector's target is the floor; above it, GOGC's.
func TestHeapFloorPercent(t *testing.T) {
	const mib = 1 << 20
	h := &heapFloor{floor: 48 * mib, pct: 50}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 1200},       // 4 MiB × 1200 % = 48 MiB: the runtime's own minimum
		{2 * mib, 1200}, // 2 MiB × 13 would be 26 MiB: the minimum decides
		{16 * mib, 200}, // 16 MiB × 3 = 48 MiB
		{24 * mib, 100}, // 24 MiB × 2 = 48 MiB
		{32 * mib, 50},  // 32 MiB × 1.5 = 48 MiB: GOGC=50 from here
		{100 * mib, 50},
	} {
		if got := h.percent(c.live); got != c.want {
			t.Errorf("live %d MiB: GOGC %d, want %d", c.live/mib, got, c.want)
		}
	}
}

// With the floor set, allocating less than the floor collects nothing; stop
// restores the collector's target.
func TestHeapFloorDefersCollections(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n := m.NumGC
	stop := startHeapFloor(64<<20, 50)
	var keep [][]byte
	for range 200 { // 20 MiB, half of it kept
		b := make([]byte, 100<<10)
		if len(keep) < 100 {
			keep = append(keep, b)
		}
	}
	runtime.ReadMemStats(&m)
	stop()
	if m.NumGC != n {
		t.Errorf("%d collections below the floor", m.NumGC-n)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after stop, GOGC is %d, want 100 as before", got)
	}
	runtime.KeepAlive(keep)
}

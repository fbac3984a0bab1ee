package cli

import "testing"

func TestBuildGCPercentYieldsToTheEnvironment(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if pct, ok := buildGCPercent(env(nil)); !ok || pct != 50 {
		t.Errorf("without GOGC or GOMEMLIMIT: %d, %v; want 50, true", pct, ok)
	}
	for _, k := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, ok := buildGCPercent(env(map[string]string{k: "200"})); ok {
			t.Errorf("with %s set, gen build still sets its own target", k)
		}
	}
}

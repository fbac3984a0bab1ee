package content

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDateFields checks dateFields against the regular expression in its
// documentation.
func TestDateFields(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?([Zz]|[+-]\d{2}:?\d{2})?)?$`)
	check := func(s string) bool {
		want := re.FindStringSubmatch(s)
		got, ok := dateFields(s)
		if ok != (want != nil) || ok && !slices.Equal(got[:], want) {
			t.Fatalf("dateFields(%q) = %q, %v; want %q", s, got, ok, want)
		}
		return ok
	}
	for _, s := range []string{
		"2024-05-17", "2024-05-17T10:00", "2024-05-17t10:00", "2024-05-17 10:00", "2024-05-17 10:00:05",
		"2024-05-17T10:00:05.123456789", "2024-05-17T10:00:05.1234567890", "2024-05-17T10:00:05.", "2024-05-17T10:00:05Z",
		"2024-05-17T10:00z", "2024-05-17T10:00+08:00", "2024-05-17T10:00-0800", "2024-05-17T10:00 +08:00",
		"2024-05-17T10:00  +08:00", "2024-05-17 10:00 ", "2024-05-17T10:00+08:0", "2024-05-17T10:00+08:000",
		"2024-05-17T10:00+8:00", "2024-05-17 Z", "2024-05-17 ", "2024-05-17T", "2024-5-17", "24-05-17", "2024-05-1",
		"2024-05-17T10", "2024-05-17T10:0", "2024-05-17T10:00:0", "２０２４-05-17", "2024-05-17T10:00:05.5+08:00", "",
	} {
		check(s)
	}
	pieces := []string{"2024", "-", "05", "17", "1", "T", "t", " ", "10", ":", "00", ".", "123", "5", "Z", "z", "+", "08", "x"}
	r := rand.New(rand.NewPCG(5, 6))
	matched := 0
	for range 200000 {
		var b strings.Builder
		b.WriteString("2024-05-17")
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if check(b.String()) {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d random dates matched", matched)
	}
}

func TestParseDateRejectsWhatIsNoDate(t *testing.T) {
	beijing := time.FixedZone("CST", 8*3600)
	for _, bad := range []string{"2023-02-29", "2024-05-17 24:00", "2024-05-17T10:60", "2024-05-17T10:00:00+25:00", "2024-5-17", "20240517", "2024-05-17Z", ""} {
		if _, _, ok := parseDate(bad, beijing); ok {
			t.Errorf("parseDate(%q) accepted", bad)
		}
	}
}

func TestDateHints(t *testing.T) {
	for in, want := range map[string]string{
		"17.05.2024":       " (write it as 2024-05-17)",
		"7.5.2024 10:00":   " (write it as 2024-05-07 10:00)",
		"2024/05/17":       " (write it as 2024-05-17)",
		"2024.5.17":        " (write it as 2024-05-17)",
		"2024-5-17":        " (write it as 2024-05-17)",
		"2024年5月17日":       " (write it as 2024-05-17)",
		"17/05/2024":       " (write it as 2024-05-17)",
		"05/17/2024":       " (write it as 2024-05-17)",
		"2024-02-30":       "",
		"31.02.2024":       " (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)",
		"05/06/2024":       " (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)",
		"17.05.2024 25:00": " (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)",
	} {
		m, args := dateHint(in)
		got := strings.TrimPrefix(m.Format(append([]any{"Key", "date", "Value", `"x"`}, args...)...), `date: "x" is not a valid date`)
		if got != want {
			t.Errorf("dateHint(%q) = %q, want %q", in, got, want)
		}
	}
}

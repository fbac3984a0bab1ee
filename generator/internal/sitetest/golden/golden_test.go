package golden

import (
	"strings"
	"testing"
)

// Check itself is tested in package sitetest, beside a testing.TB that
// records failures.

func TestDiffShowsTheLinesThatDiffer(t *testing.T) {
	for _, tc := range []struct{ name, want, got, diff string }{{
		name: "a changed line and an added one",
		want: "a\nb\nc\nd\ne\nf\ng\nh\ni\n",
		got:  "a\nb\nc\nd\nE\nE2\nf\ng\nh\ni\n",
		diff: "     2  b\n     3  c\n     4  d\n-    5  e\n+    5  E\n+    6  E2\n     7  f\n     8  g\n     9  h\n",
	}, {
		name: "two changes far apart, the equal lines between them left out",
		want: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
		got:  "one\n2\n3\n4\n5\n6\n7\n8\n9\nten\n",
		diff: "-    1  1\n+    1  one\n     2  2\n     3  3\n     4  4\n…\n     7  7\n     8  8\n     9  9\n-   10  10\n+   10  ten\n",
	}, {
		name: "a removed line",
		want: "a\nb\nc\n",
		got:  "a\nc\n",
		diff: "     1  a\n-    2  b\n     2  c\n",
	}, {
		name: "a missing final newline",
		want: "x\n",
		got:  "x",
		diff: "-    1  x\n+    1  x\n\\ no newline at the end\n",
	}, {
		name: "equal texts",
		want: "same\n",
		got:  "same\n",
		diff: "",
	}} {
		if d := diff(tc.want, tc.got); d != tc.diff {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.name, d, tc.diff)
		}
	}
	if d := diff("", strings.Repeat("x\n", 100)); !strings.HasSuffix(d, "+   80  x\n…\n") || strings.Contains(d, "+   81") {
		t.Errorf("a long difference is not cut:\n%s", d)
	}
	// A middle too long to compare line by line is replaced whole.
	big := strings.Repeat("a\n", 3000)
	if d := diff(big, "b\n"+big[2:]+"c\n"); !strings.HasPrefix(d, "-    1  a\n-    2  a\n") {
		t.Errorf("a large difference:\n%.200s", d)
	}
}

package content_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/content"
)

// flowListFile is a file whose aliases are one flow list of n entries.
func flowListFile(n int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: x\naliases: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("/old/" + strconv.Itoa(i) + "/")
	}
	b.WriteString("]\n---\n")
	return []byte(b.String())
}

// BenchmarkParseFlowList reads ever longer flow lists: the time per byte
// stays flat, so a long line costs its length, not its square.
// go test -run X -bench ParseFlowList ./generator/internal/content
func BenchmarkParseFlowList(b *testing.B) {
	for _, n := range []int{10000, 40000, 160000} {
		src := flowListFile(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := content.Parse("content/x.md", src, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A flow list of 200,000 entries (2.6 MB) reads in well under a second;
// hangLimit only catches work out of proportion to it.
func TestLongFlowListIsBounded(t *testing.T) {
	const hangLimit = 20 * time.Second
	src := flowListFile(200000)
	done := make(chan error, 1)
	go func() {
		f, err := content.Parse("content/x.md", src, opts)
		if err == nil && len(f.Front.Aliases) != 200000 {
			err = fmt.Errorf("%d aliases", len(f.Front.Aliases))
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(hangLimit):
		t.Fatalf("reading the front matter still runs after %v", hangLimit)
	}
}

package build_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
)

// manyTags is a site with one release that carries n tags in every
// language.
func manyTags(n int) string {
	var tags strings.Builder
	for i := range n {
		if i > 0 {
			tags.WriteString(", ")
		}
		fmt.Fprintf(&tags, "t%d", i)
	}
	var b strings.Builder
	b.WriteString(sitetest.Config)
	for _, l := range []string{"zh", "ru", "en"} {
		fmt.Fprintf(&b, "-- content/news/x/index.%s.md --\n---\ntitle: X %s\ndate: 2024-05-17\ntags: [%s]\n---\nBody.\n", l, l, tags.String())
	}
	return b.String()
}

// outputBytes is the size of everything a build wrote but copied files.
func outputBytes(s *sitetest.Site) int {
	n := 0
	for _, f := range s.Result.Files {
		n += len(f.Bytes)
	}
	return n
}

// TestOutputGrowsLinearlyWithTags builds one release with n and 4n tags:
// each tag adds a bounded number of bytes (its pages and feeds, its link
// on the release and the tags index), so 4n tags write about four times
// as much. When every tag's feeds listed every tag of the release, the
// output grew with the square of the tags.
func TestOutputGrowsLinearlyWithTags(t *testing.T) {
	const n = 150
	small := outputBytes(sitetest.New(t, manyTags(n)).Build(build.Options{}).OK())
	large := outputBytes(sitetest.New(t, manyTags(4*n)).Build(build.Options{}).OK())
	// Bytes per tag: every tag has, in each of three languages, a list
	// page and two feeds of one item of at most ten categories, an entry
	// in the sitemap, the tags index and the release's page and head.
	const perTag = 24 << 10
	if large > 4*n*perTag {
		t.Errorf("%d tags wrote %d bytes, %d per tag; want at most %d per tag", 4*n, large, large/(4*n), perTag)
	}
	if large > 4*small+4*small/10 {
		t.Errorf("%d tags wrote %d bytes, %.1f times as much as %d tags (%d bytes); want about 4 times", 4*n, large, float64(large)/float64(small), n, small)
	}
}

// BenchmarkManyTags builds, in memory, one release with 1,000, 2,000 and
// 4,000 tags: time and bytes allocated per build grow linearly with the
// tags (see bytes/tag and ns/tag, which stay flat).
func BenchmarkManyTags(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		b.Run(fmt.Sprintf("tags=%d", n), func(b *testing.B) {
			s := sitetest.New(b, manyTags(n))
			size := 0
			b.ReportAllocs()
			for b.Loop() {
				size = outputBytes(s.Build(build.Options{}).OK())
			}
			b.ReportMetric(float64(size)/float64(n), "outbytes/tag")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/tag")
		})
	}
}

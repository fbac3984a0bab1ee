package build_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/speak"
)

// releasePath is the release that hostileSite writes.
const releasePath = "content/news/x/index.en.md"

// hostileSite is a site with one release: front matter (YAML lines) and
// body as given. The body goes in as bytes, never through txtar.
func hostileSite(tb testing.TB, frontMatter, body string) *sitetest.Site {
	s := sitetest.New(tb, sitetest.Config)
	s.FS[releasePath] = &fstest.MapFile{Data: []byte("---\n" + frontMatter + "---\n" + body), Mode: 0o644}
	return s
}

// hangLimit is far above what any build here takes, even under -race: a
// build that runs longer does work out of proportion to its input.
const hangLimit = 20 * time.Second

// buildWithin builds s, failing t if the build is still running after
// hangLimit.
func buildWithin(t *testing.T, s *sitetest.Site) *sitetest.Site {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Build(build.Options{})
	}()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("the build still runs after %v", hangLimit)
	}
	return s
}

// Lines, paragraphs and sizes of each body below.
func fiveMBRelease() string {
	para := strings.Repeat("Words of a release, with *emphasis*, \"quotes\" and [a link](https://example.org/news/).\n", 5) + "\n"
	return strings.Repeat(para, 5<<20/len(para))
}

func paragraphs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d, with *some* markup.\n\n", i)
	}
	return b.String()
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// deepAndLong is a list MaxDepth (100) deep, the most that converts, whose
// deepest item holds n bytes of lines: the slowest body per byte found.
func deepAndLong(n int) string {
	line := strings.Repeat("  ", 100) + "x\n"
	return nestedList(100) + strings.Repeat(line, n/len(line))
}

func aliasBomb() string {
	var b strings.Builder
	b.WriteString("params:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	return b.String()
}

// Any single input finishes or fails within seconds (hangLimit is the hang
// detector); what fails says where and why.
func TestHostileInputIsBounded(t *testing.T) {
	const fm = "title: X\ndate: 2024-05-17\n"
	for _, tc := range []struct {
		name, frontMatter, body string
		page                    string // in the release's page when the build succeeds
		err                     string // "": the build succeeds
		errAbout                string // or fails with one error of the release that says this
		lang, said              string // err in another language
	}{
		{name: "a 5 MB release", body: fiveMBRelease(), page: `<em>emphasis</em>, “quotes” and <a href="https://example.org/news/">a link</a>.</p>`},
		{name: "40,000 paragraphs", body: paragraphs(40000), page: "<p>Paragraph 39999, with <em>some</em> markup.</p>"},
		{name: "a 5 MB line", body: strings.Repeat("word ", 1<<20), page: "<p>word word word"},
		{name: "a list 100 deep holding 256 KB", body: deepAndLong(256 << 10), page: "<li>item\nx\nx\nx"},
		{name: "block quotes 100 deep, 1 MB of them", body: strings.Repeat(strings.Repeat(">", 100)+" x\n", 1<<20/103), page: "<blockquote>\n<p>x\nx\nx"},
		{name: "3,000-deep block quotes", body: strings.Repeat(">", 3000) + " deep\n",
			err:  releasePath + ":5:101: block quotes, lists and footnotes nest more than 100 deep here: nest them less deeply",
			lang: "ru", said: releasePath + ":5:101: цитаты, списки и сноски вложены здесь больше чем на 100 уровней: уменьшите вложенность"},
		{name: "a list nested 2,000 deep", body: nestedList(2000),
			err: releasePath + ":105:201: block quotes, lists and footnotes nest more than 100 deep here: nest them less deeply"},
		{name: "emphasis nested 20,000 deep", body: strings.Repeat("*a **a ", 20000) + "b" + strings.Repeat(" a** a*", 20000),
			err:  releasePath + ":5:1: too much markup in one paragraph (120000 of the characters * _ ~ [ ] < ` in 280001 bytes): split it into shorter paragraphs",
			lang: "ru", said: releasePath + ":5:1: слишком много разметки в одном абзаце (символов * _ ~ [ ] < ` — 120000, байтов — 280001): разбейте его на более короткие абзацы"},
		{name: "links nested 20,000 deep", body: strings.Repeat("[", 20000) + "x" + strings.Repeat("](u)", 20000),
			err: releasePath + ":5:1: too much markup in one paragraph (40000 of the characters * _ ~ [ ] < ` in 100001 bytes): split it into shorter paragraphs"},
		{name: "a table of empty cells", body: "|" + strings.Repeat(" a |", 5000) + "\n|" + strings.Repeat("-|", 5000) + "\n" + strings.Repeat("|b\n", 5000),
			err:  releasePath + ":5:1: a table of up to 5002 columns and 5000 rows would be mostly empty cells: give it fewer columns or write out its rows",
			lang: "zh", said: releasePath + ":5:1: 一个最多 5002 列、5000 行的表格大部分会是空单元格：请减少列数，或把各行写完整"},
		// gen's own budget for params (or yaml.v3's guard, should params
		// be decoded by yaml.v3) stops it; either message names aliases.
		{name: "a YAML alias bomb", frontMatter: aliasBomb(), body: "Body.\n",
			errAbout: "alias"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := buildWithin(t, hostileSite(t, fm+tc.frontMatter, tc.body))
			if tc.err == "" && tc.errAbout == "" {
				s.OK()
				s.Assert("en/news/x/index.html", "<h1>X</h1>", tc.page)
				return
			}
			var got []string
			for _, d := range diag.Flatten(s.Err) {
				got = append(got, d.Error())
			}
			if tc.errAbout != "" {
				if len(got) != 1 || !strings.HasPrefix(got[0], releasePath+":") || !strings.Contains(got[0], tc.errAbout) {
					t.Errorf("errors:\n%s\nwant one of %s about %q", strings.Join(got, "\n"), releasePath, tc.errAbout)
				}
				return
			}
			if len(got) != 1 || got[0] != tc.err {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.err)
			}
			if said := speak.New(tc.lang).Error(s.Err); tc.said != "" && said != tc.said {
				t.Errorf("in %s:\n%s\nwant:\n%s", tc.lang, said, tc.said)
			}
		})
	}
}

// BenchmarkHostileBuild builds one release whose body grows: its MB/s
// stays about the same when the build time grows linearly with the input.
// Past a nesting depth of 100 the build stops with an error after reading
// the body; depth-100 is the deepest that builds.
// go test -run X -bench HostileBuild ./generator/internal/build
func BenchmarkHostileBuild(b *testing.B) {
	for _, bc := range []struct {
		name string
		body string
	}{
		{"list-depth-500", nestedList(500)},
		{"list-depth-1000", nestedList(1000)},
		{"list-depth-2000", nestedList(2000)},
		{"quote-depth-500", strings.Repeat(strings.Repeat(">", 500)+" deep\n", 200)},
		{"quote-depth-1000", strings.Repeat(strings.Repeat(">", 1000)+" deep\n", 200)},
		{"quote-depth-2000", strings.Repeat(strings.Repeat(">", 2000)+" deep\n", 200)},
		{"depth-100-1MB", deepAndLong(1 << 20)},
		{"depth-100-2MB", deepAndLong(2 << 20)},
		{"depth-100-4MB", deepAndLong(4 << 20)},
		{"paragraphs-10000", paragraphs(10000)},
		{"paragraphs-20000", paragraphs(20000)},
		{"paragraphs-40000", paragraphs(40000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := hostileSite(b, "title: X\ndate: 2024-05-17\n", bc.body)
			b.SetBytes(int64(len(bc.body)))
			b.ReportAllocs()
			for b.Loop() {
				s.Build(build.Options{})
			}
		})
	}
}

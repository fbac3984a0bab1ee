package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/benchsite"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// siteBodies returns the Markdown bodies of a benchsite of n releases, by
// language, in path order.
func siteBodies(tb testing.TB, n int) map[string][][]byte {
	files := benchsite.Files(n, 1)
	paths := make([]string, 0, len(files))
	for p := range files {
		if strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	out := map[string][][]byte{}
	for _, p := range paths {
		data := files[p]
		i := bytes.Index(data[3:], []byte("\n---\n"))
		if !bytes.HasPrefix(data, []byte("---\n")) || i < 0 {
			tb.Fatalf("%s: no front matter", p)
		}
		lang := p[len(p)-5 : len(p)-3]
		out[lang] = append(out[lang], data[3+i+5:])
	}
	return out
}

// BenchmarkConvertSite converts every body of a 1,000-release benchsite
// (about 2,900 files): gen's Convert, and the floor, goldmark alone with
// the same extensions, for comparison.
func BenchmarkConvertSite(b *testing.B) {
	bodies := siteBodies(b, 1000)
	langs := []string{"zh", "ru", "en"}
	b.Run("gen", func(b *testing.B) {
		convs := map[string]*Converter{}
		for _, l := range langs {
			convs[l] = New(Options{Lang: l})
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				for _, src := range bodies[l] {
					if _, err := convs[l].Convert(src); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		mds := map[string]goldmark.Markdown{}
		for _, l := range langs {
			exts := []goldmark.Extender{extension.GFM, extension.Footnote}
			if l == "zh" {
				exts = append(exts, extension.NewCJK(extension.WithEscapedSpace()))
			} else {
				exts = append(exts, extension.Typographer)
			}
			mds[l] = goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithParserOptions(parser.WithHeadingAttribute()))
		}
		var buf bytes.Buffer
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				for _, src := range bodies[l] {
					buf.Reset()
					if err := mds[l].Convert(src, &buf); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
}

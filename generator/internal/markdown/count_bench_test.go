package markdown

import "testing"

// BenchmarkCount counts the words of the plain text of every body of a
// 1,000-release benchsite.
func BenchmarkCount(b *testing.B) {
	var texts [][]byte
	for lang, bodies := range siteBodies(b, 1000) {
		c := New(Options{Lang: lang, PlainText: true})
		for _, src := range bodies {
			r, err := c.Convert(src)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, []byte(r.PlainText))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			count(t)
		}
	}
}

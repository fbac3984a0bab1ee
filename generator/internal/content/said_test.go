package content_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// Front matter mistakes are diag.Messages: a reader of Russian or Chinese
// reads them in that language, and the English stays as it was.
func TestMistakesSaidInEveryLanguage(t *testing.T) {
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"}
	for _, tc := range []struct{ front, en string }{
		{"params: [1]", "params must be a mapping of names to values, not a list"},
		{"params: {a: 1, a: 2}", `duplicate params key "a" (first set on line 3)`},
		{"params: {<<: 1}", `params: "<<" merges a mapping or a list of mappings, not "1"`},
		{"slug: a/b", `slug: "a/b" must be one URL segment`},
		{"layout: a.b", `layout: "a.b" must be a layout name`},
		{"date: 17.05.2024", `date: "17.05.2024" is not a valid date (write it as 2024-05-17)`},
		{"date: 2024-02-30", `date: "2024-02-30" is not a valid date`},
		{"date: 2024-05-17\nevent: {start: 2024-05-17, timeZone: Asia/Shanghia}", `event.timeZone: "Asia/Shanghia" is not a known time zone: did you mean "Asia/Shanghai"?`},
		{"tags: [expo, Expo]", `tags: "Expo" is the tag "expo" again`},
		{"aliases: [news/old]", `aliases: "news/old" must be a site path starting with one "/"`},
		{"image: {src: /a/b.jpg, alt: x}", `image.src: "/a/b.jpg" must be a file in the page bundle`},
	} {
		f, err := content.Parse("content/x.md", []byte("---\ntitle: x\n"+tc.front+"\n---\n"), opts)
		var ds []*diag.Diagnostic
		if f != nil {
			ds = append(ds, f.Warnings...)
		}
		ds = append(ds, diag.Flatten(err)...)
		if len(ds) == 0 {
			t.Errorf("%q: no mistake found", tc.front)
			continue
		}
		d := ds[0]
		if !strings.Contains(d.Error(), tc.en) {
			t.Errorf("%q: %q, want it to hold %q", tc.front, d.Error(), tc.en)
		}
		for _, lang := range []string{"ru", "zh"} {
			if got := speak.New(lang).Line(d); d.ID == "" || got == d.Error() {
				t.Errorf("%q: %s says it in English: %q", tc.front, lang, got)
			}
		}
	}
}

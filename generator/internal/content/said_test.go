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

// A folder or page name no URL can carry is said in the reader's language,
// naming it.
func TestBadNamesSaid(t *testing.T) {
	opts := content.Options{Languages: []string{"zh", "ru", "en"}, Default: "zh"}
	for _, tc := range []struct{ path, lang, want string }{
		{"content/news/dot./index.zh.md", "ru", `content/news/dot./index.zh.md: имя папки "dot." оканчивается точкой, которую Windows и некоторые хостинги отбрасывают: переименуйте папку без неё`},
		{"content/news/a /index.zh.md", "zh", `content/news/a /index.zh.md: 文件夹名 "a "以空格结尾，Windows 和某些托管服务会丢掉它：请重命名文件夹，去掉它`},
		{"content/news/b\a.zh.md", "zh", `content/news/b\a.zh.md: 页面名 "b\a"含有控制字符（U+0007），网址中不能有它：请重命名文件，去掉它`},
	} {
		_, err := content.Parse(tc.path, []byte("---\ntitle: x\n---\n"), opts)
		if got := speak.New(tc.lang).Error(err); got != tc.want {
			t.Errorf("%s in %s:\n%s\nwant\n%s", tc.path, tc.lang, got, tc.want)
		}
	}
}

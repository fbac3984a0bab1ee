package build

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/locale"
)

// BenchmarkOutputs measures feeds, sitemap, robots.txt, calendars and
// aliases alone on a site of 3 languages × 400 releases, each with tags, an
// event and an alias, full content in feeds.
func BenchmarkOutputs(b *testing.B) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(`baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
languages:
  - {code: zh, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, locale: ru, title: Новости событий, weight: 2}
  - {code: en, locale: en, title: Event News, weight: 3}
feeds: {limit: 50, fullContent: true}
`)}}
	const n = 400
	tags := []string{"trade", "expo", "youth", "energy", "culture"}
	for i := range n {
		day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		for _, lang := range []string{"zh", "ru", "en"} {
			front := fmt.Sprintf("---\ntitle: Release %d %s, «выставка»; 展会\n", i, lang)
			if lang == "zh" {
				front += fmt.Sprintf("date: %s\ntags: [%s, %s]\naliases: [/old/%d/]\nevent: {name: Expo %d, start: %s, end: %s, city: Харбин, venue: Центр}\n",
					day.Format(time.DateOnly), tags[i%5], tags[(i+2)%5], i, i, day.Format(time.DateOnly), day.AddDate(0, 0, 2).Format(time.DateOnly))
			}
			body := strings.Repeat(fmt.Sprintf("Paragraph of release %d with [a link](../r%d/) and ![photo](p.jpg).\n\n", i, i+1), 5)
			fsys[fmt.Sprintf("content/news/r%d/index.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(front + "---\n" + body)}
		}
	}
	res, err := Run(context.Background(), Options{FS: fsys, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	locales, err := locale.Load(WithDefaultTheme(fsys), []string{"themes/default/i18n", "i18n"}, res.Config.Languages)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var files int
	for b.Loop() {
		out, err := outputs(res.Site, res.Config, locales)
		if err != nil {
			b.Fatal(err)
		}
		files = len(out)
	}
	b.ReportMetric(float64(files), "files")
}

package serve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeBenchSite writes a trilingual site of n releases (n×3 Markdown files)
// under dir, using the repository's default theme and i18n files. The
// content tree also suits ../shared/bench/hugo-peer.
func writeBenchSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	copyTree(tb, filepath.Join(repoRoot, "themes"), filepath.Join(dir, "themes"))
	copyTree(tb, filepath.Join(repoRoot, "i18n"), filepath.Join(dir, "i18n"))
	mustWrite(tb, filepath.Join(dir, "site.yaml"), `baseURL: https://example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
pageSize: 10
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
`)
	tags := []string{"trade", "expo", "energy", "culture", "youth", "sme", "regions", "tourism", "education", "science", "sport", "media", "health", "transport", "agriculture", "finance", "industry", "digital", "logistics", "arts"}
	para := map[string]string{
		"zh": "中俄两国企业代表在会上就贸易、投资和物流合作进行了深入交流，双方表示将继续扩大务实合作，推动地方交流不断深化。",
		"ru": "Представители компаний двух стран обсудили торговлю, инвестиции и логистику и договорились расширять практическое сотрудничество между регионами.",
		"en": "Company representatives from both countries discussed trade, investment and logistics, and agreed to widen practical cooperation between their regions.",
	}
	title := map[string]string{"zh": "第%d届中俄合作论坛", "ru": "Форум сотрудничества № %d", "en": "Cooperation forum no. %d"}
	for i := range n {
		slug := fmt.Sprintf("release-%04d", i)
		date := fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28)
		t1, t2 := tags[i%len(tags)], tags[(i*7+3)%len(tags)]
		for _, lang := range []string{"zh", "ru", "en"} {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nsummary: %q\ntags: [%s, %s]\n", fmt.Sprintf(title[lang], i), date, para[lang], t1, t2)
			if i%5 == 0 {
				fmt.Fprintf(&b, "event:\n  name: %q\n  start: %s\n  city: Harbin\n", fmt.Sprintf(title[lang], i), date)
			}
			b.WriteString("---\n\n")
			for j := range 6 {
				if j == 2 {
					b.WriteString("## " + fmt.Sprintf(title[lang], j) + "\n\n")
				}
				b.WriteString(para[lang] + " " + para[lang] + "\n\n")
			}
			mustWrite(tb, filepath.Join(dir, "content", "news", slug, "index."+lang+".md"), b.String())
		}
	}
	for _, lang := range []string{"zh", "ru", "en"} {
		mustWrite(tb, filepath.Join(dir, "content", "news", "_index."+lang+".md"), "---\ntitle: News "+lang+"\n---\n")
	}
}

func copyTree(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(to, rel), data)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func mustWrite(tb testing.TB, p, s string) {
	tb.Helper()
	if err := writeFile(p, []byte(s)); err != nil {
		tb.Fatal(err)
	}
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

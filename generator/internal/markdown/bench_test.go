package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// release builds a realistic release body of about 1,000 words (for
// Chinese, 1,000 characters and words counted as WordCount counts them):
// a lead, sections with headings, lists, a table, links, quotes and a
// footnote.
func release(lang string) string {
	var lead, para, item string
	var heads []string
	switch lang {
	case "zh":
		lead = "**哈尔滨，5月17日** —— 第八届中国—俄罗斯博览会今天在哈尔滨国际会展中心开幕，来自[三十多个国家和地区](https://expo.example.com/zh/participants)的一千八百余家企业参展。\n"
		para = "本届博览会展览面积达十万平方米，设有装备制造、农业食品、能源化工、跨境电商和文化旅游等十二个展区。\n" +
			"组委会负责人表示，博览会已成为中俄两国经贸合作的重要平台，今年首次设立了地方合作专馆，" +
			"集中展示两国[友好省州](/zh/news/regions/)的合作成果。[^1]\n"
		item = "- 5月17日 开幕式及中俄地方合作论坛，地点：[主会场](https://expo.example.com/zh/venue)\n"
		heads = []string{"展会概况", "主要活动", "参展指南", "媒体联系"}
	default:
		lead = "**Харбин, 17 мая** — Восьмое Российско-Китайское ЭКСПО открылось сегодня в Международном выставочном центре Харбина. В нём участвуют более 1 800 компаний из [30 стран и регионов](https://expo.example.com/ru/participants).\n"
		para = "Площадь экспозиции составляет 100 тысяч квадратных метров, работают двенадцать тематических зон: машиностроение,\n" +
			"сельское хозяйство и продукты питания, энергетика, трансграничная электронная торговля и туризм. \"Выставка стала\n" +
			"главной площадкой \"делового диалога\" двух стран\", -- отметил председатель оргкомитета. Подробности на [сайте](/ru/news/regions/).[^1]\n"
		item = "- 17 мая -- церемония открытия и форум межрегионального сотрудничества, место: [главный зал](https://expo.example.com/ru/venue)\n"
		heads = []string{"Программа выставки", "Основные мероприятия", "Как принять участие", "Контакты для прессы"}
	}
	c := New(Options{Lang: lang, PlainText: true})
	words := func(s string) int {
		r, err := c.Convert([]byte(s))
		if err != nil {
			panic(err)
		}
		return r.Words
	}
	var b strings.Builder
	b.WriteString(lead + "\n")
	for i := 0; words(b.String()) < 1000; i++ {
		fmt.Fprintf(&b, "## %s\n\n%s\n%s\n", heads[i%len(heads)], para, para)
		for range 4 {
			b.WriteString(item)
		}
		b.WriteString("\n| Зона / 展区 | Площадь |\n| --- | --- |\n| A | 12 000 |\n| B | 8 500 |\n\n")
	}
	b.WriteString("[^1]: Данные оргкомитета / 组委会数据.\n")
	return b.String()
}

func BenchmarkConvert(b *testing.B) {
	for _, lang := range []string{"ru", "zh"} {
		b.Run(lang, func(b *testing.B) {
			src := []byte(release(lang))
			c := New(Options{Lang: lang, PlainText: true})
			r, err := c.Convert(src)
			if err != nil {
				b.Fatal(err)
			}
			if r.Words < 1000 || r.Words > 1400 {
				b.Fatalf("release has %d words, want about 1,000", r.Words)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Convert(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestBenchmarkRelease(t *testing.T) {
	for _, lang := range []string{"ru", "zh"} {
		r := convert(t, lang, release(lang))
		if r.Words < 1000 || r.Words > 1400 {
			t.Errorf("%s release: %d words", lang, r.Words)
		}
		if len(r.Headings) == 0 || len(r.Links) == 0 || r.FirstParagraph == "" {
			t.Errorf("%s release: %d headings, %d links, first paragraph %q", lang, len(r.Headings), len(r.Links), r.FirstParagraph)
		}
	}
}

package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func convert(t *testing.T, lang, src string) *Result {
	t.Helper()
	r, err := New(Options{Lang: lang, PlainText: true}).Convert([]byte(src))
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return r
}

func wantContains(t *testing.T, html string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(html, s) {
			t.Errorf("output lacks %q:\n%s", s, html)
		}
	}
}

func wantLacks(t *testing.T, html string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(html, s) {
			t.Errorf("output has %q:\n%s", s, html)
		}
	}
}

func TestGFMAndFootnotes(t *testing.T) {
	src := `| Дата | Событие |
| --- | --- |
| 17 мая | Открытие |

~~отменено~~ перенесено

Подробнее: https://expo.example.com/ru

- [x] аккредитация
- [ ] пресс-тур

Цифры по данным оргкомитета.[^1]

[^1]: Оргкомитет выставки, 2024.
`
	r := convert(t, "ru", src)
	wantContains(t, r.HTML,
		"<table>", "<th>Дата</th>", "<td>17 мая</td>",
		"<del>отменено</del>",
		`<a href="https://expo.example.com/ru">https://expo.example.com/ru</a>`,
		`<input checked="" disabled="" type="checkbox"> аккредитация`,
		`<input disabled="" type="checkbox"> пресс-тур`,
		`<sup id="fnref:1"><a href="#fn:1"`,
		`<li id="fn:1">`, "Оргкомитет выставки, 2024.",
	)
}

func TestTypographerRussian(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`"Сделано в России"`, "<p>«Сделано в России»</p>"},
		{`Он сказал: "Стенд "Сделано в России" открыт"`, "<p>Он сказал: «Стенд „Сделано в России“ открыт»</p>"},
		{`Проект 'Восток' стартовал`, "<p>Проект „Восток“ стартовал</p>"},
		{`Москва -- Харбин`, "<p>Москва – Харбин</p>"},
		{`Выставка --- крупнейшая`, "<p>Выставка — крупнейшая</p>"},
		{`И так далее...`, "<p>И так далее…</p>"},
		{"`\"код\" -- ...`", "<p><code>&quot;код&quot; -- ...</code></p>"},
	} {
		r := convert(t, "ru", tc.src)
		if got := strings.TrimSpace(r.HTML); got != tc.want {
			t.Errorf("ru %q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
	// The quotes reach plain text too.
	r := convert(t, "ru", `"Сделано в России"`)
	if r.PlainText != "«Сделано в России»" {
		t.Errorf("PlainText = %q", r.PlainText)
	}
}

func TestTypographerEnglish(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`"Made in Russia" -- it's 'big'...`, "<p>“Made in Russia” – it’s ‘big’…</p>"},
		{`Harbin --- the host`, "<p>Harbin — the host</p>"},
		{`a << b >> c`, "<p>a &lt;&lt; b &gt;&gt; c</p>"},
	} {
		for _, lang := range []string{"en", "de", ""} { // other languages are treated like en
			r := convert(t, lang, tc.src)
			if got := strings.TrimSpace(r.HTML); got != tc.want {
				t.Errorf("%s %q:\n got %s\nwant %s", lang, tc.src, got, tc.want)
			}
		}
	}
}

func TestChineseHasNoTypographer(t *testing.T) {
	for _, lang := range []string{"zh", "zh-Hans", "ja", "ko"} {
		r := convert(t, lang, `"中文" -- 展会 --- 开幕... 'x'`)
		wantContains(t, r.HTML, "&quot;中文&quot; -- 展会 --- 开幕... 'x'")
		wantLacks(t, r.HTML, "“", "”", "–", "—", "…", "«", "‘")
		if want := `"中文" -- 展会 --- 开幕... 'x'`; r.PlainText != want {
			t.Errorf("%s PlainText = %q, want %q", lang, r.PlainText, want)
		}
	}
}

func TestEastAsianLineBreaks(t *testing.T) {
	for _, lang := range []string{"zh", "ru", "en"} {
		r := convert(t, lang, "第十届中俄博览会在哈尔滨\n举行，\n展期五天。")
		wantContains(t, r.HTML, "<p>第十届中俄博览会在哈尔滨举行，展期五天。</p>")
		if r.PlainText != "第十届中俄博览会在哈尔滨举行，展期五天。" {
			t.Errorf("%s PlainText = %q", lang, r.PlainText)
		}
	}
	// Across inline markup too.
	r := convert(t, "zh", "在哈尔滨\n**举行**，[详见](/x)\n附件[^1]\n结束\n\n[^1]: 注")
	wantContains(t, r.HTML, "<p>在哈尔滨<strong>举行</strong>，<a href=\"/x\">详见</a>附件<sup", "</sup>结束</p>")
	if want := "在哈尔滨举行，详见附件结束\n注"; r.PlainText != want {
		t.Errorf("PlainText = %q, want %q", r.PlainText, want)
	}

	// Latin words keep their line break; mixed boundaries keep it as well.
	r = convert(t, "zh", "Harbin\nExpo 在\n哈尔滨 2024\n年")
	wantContains(t, r.HTML, "Harbin\nExpo", "2024\n年")
	if r.PlainText != "Harbin Expo 在哈尔滨 2024 年" {
		t.Errorf("PlainText = %q", r.PlainText)
	}
	r = convert(t, "en", "The expo\nopens today.")
	wantContains(t, r.HTML, "<p>The expo\nopens today.</p>")
	if r.PlainText != "The expo opens today." {
		t.Errorf("PlainText = %q", r.PlainText)
	}
	// Korean separates words with spaces: the break stays.
	r = convert(t, "ko", "하얼빈\n박람회")
	wantContains(t, r.HTML, "하얼빈\n박람회")
}

func TestHeadingIDs(t *testing.T) {
	src := `# Выставка

## Программа выставки

## 展会概况

## Facts & Figures

## Программа выставки

## Программа выставки

## Контакты {#contacts}

## Contacts

## "Сделано в России" — итоги 2024

### ` + "`code`" + ` and **bold** [link](/x)

## !!!
`
	r := convert(t, "ru", src)
	want := []Heading{
		{1, "выставка", "Выставка"},
		{2, "программа-выставки", "Программа выставки"},
		{2, "展会概况", "展会概况"},
		{2, "facts-figures", "Facts & Figures"},
		{2, "программа-выставки-1", "Программа выставки"},
		{2, "программа-выставки-2", "Программа выставки"},
		{2, "contacts", "Контакты"},
		{2, "contacts-1", "Contacts"},
		{2, "сделано-в-россии-итоги-2024", "«Сделано в России» — итоги 2024"},
		{3, "code-and-bold-link", "code and bold link"},
		{2, "heading", "!!!"},
	}
	if !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("Headings:\n got %+v\nwant %+v", r.Headings, want)
	}
	for _, h := range want {
		wantContains(t, r.HTML, fmt.Sprintf(`<h%d id="%s">`, h.Level, h.ID))
	}
}

func TestHeadingIDsExplicitWinsOverGenerated(t *testing.T) {
	// An explicit id later in the page keeps its name; the earlier generated
	// one moves aside. Repeated explicit ids are made unique too.
	r := convert(t, "en", "## Intro\n\n## Other {#intro}\n\n## Dup {#d}\n\n## Dup2 {#d}\n")
	var ids []string
	for _, h := range r.Headings {
		ids = append(ids, h.ID)
	}
	if want := []string{"intro-1", "intro", "d", "d-1"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
}

func TestHeadingIDsPerConvert(t *testing.T) {
	c := New(Options{Lang: "ru", PlainText: true})
	for i := range 3 {
		r, err := c.Convert([]byte("## Итоги\n\n## Итоги\n"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Headings[0].ID != "итоги" || r.Headings[1].ID != "итоги-1" {
			t.Fatalf("call %d: ids %q %q: state leaked between pages", i, r.Headings[0].ID, r.Headings[1].ID)
		}
	}
}

func TestConcurrentConverts(t *testing.T) {
	c := New(Options{Lang: "ru", PlainText: true})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				title := fmt.Sprintf("Раздел %d %d", g, i)
				src := fmt.Sprintf("## %s\n\n## %s\n\n\"Текст\" [ссылка](/p/%d)\n", title, title, i)
				r, err := c.Convert([]byte(src))
				if err != nil {
					errs <- err
					return
				}
				id := slug(title)
				if len(r.Headings) != 2 || r.Headings[0].ID != id || r.Headings[1].ID != id+"-1" {
					errs <- fmt.Errorf("goroutine %d: headings %+v", g, r.Headings)
					return
				}
				if len(r.Links) != 1 || r.Links[0].Dest != fmt.Sprintf("/p/%d", i) {
					errs <- fmt.Errorf("goroutine %d: links %+v", g, r.Links)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRawHTML(t *testing.T) {
	src := "Текст <span onclick=\"x()\">тут</span>\n\n<script>alert(1)</script>\n\n<div>блок</div>\n"
	r := convert(t, "ru", src)
	wantLacks(t, r.HTML, "<script", "<span", "<div", "onclick")
	wantContains(t, r.HTML, "<!-- raw HTML omitted -->")
	if strings.Contains(r.PlainText, "alert") || strings.Contains(r.PlainText, "span") {
		t.Errorf("PlainText has markup: %q", r.PlainText)
	}

	u, err := New(Options{Lang: "ru", Unsafe: true, PlainText: true}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, u.HTML, "<script>alert(1)</script>", `<span onclick="x()">тут</span>`, "<div>блок</div>")
}

func TestDangerousLinks(t *testing.T) {
	for _, src := range []string{
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html,<script>alert(1)</script>)",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x](   javascript:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x](&#106;avascript:alert(1))",
		"[x](&#x6A;&#x61;vascript:alert(1))",
		"[x](java&#9;script:alert(1))",
		"[x](&#32;javascript:alert(1))",
		"[x](javascript&colon;alert(1))",
		"[x](javascript\\:alert(1))",
		"[x](file:///etc/passwd)",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"<javascript:alert(1)>",
		"<JAVASCRIPT:alert(1)>",
		"![x](javascript:alert(1))",
		"![x](data:image/svg+xml;base64,PHN2Zz4=)",
		"[![x](javascript:alert(1))](vbscript:x)",
	} {
		for _, unsafe := range []bool{false, true} {
			r, err := New(Options{Lang: "en", Unsafe: unsafe, PlainText: true}).Convert([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if bad := badURLAttr(r.HTML); bad != "" {
				t.Errorf("unsafe=%v %q: output carries %q:\n%s", unsafe, src, bad, r.HTML)
			}
			if len(r.Links) == 0 {
				t.Errorf("%q: link not reported", src)
			}
		}
	}
}

func TestSafeLinksUntouched(t *testing.T) {
	src := "[a](https://other.example.org/путь?q=1) [b](/ru/news/) [c](mailto:press@example.com) " +
		"[d](#программа) [e](weixin://dl/chat) ![f](img.jpg \"Фото\") [javascript docs](https://example.com/javascript:x)\n"
	r := convert(t, "en", src)
	wantContains(t, r.HTML,
		`<a href="https://other.example.org/%D0%BF%D1%83%D1%82%D1%8C?q=1">a</a>`,
		`<a href="/ru/news/">b</a>`,
		`<a href="mailto:press@example.com">c</a>`,
		`<a href="weixin://dl/chat">e</a>`,
		`<img src="img.jpg" alt="f" title="Фото">`,
		`<a href="https://example.com/javascript:x">`,
	)
	// Nothing special for external links: no target, no rel.
	wantLacks(t, r.HTML, "target=", "rel=")
	// Deterministic.
	for range 5 {
		if again := convert(t, "en", src); again.HTML != r.HTML {
			t.Fatalf("output differs between runs")
		}
	}
}

func TestDangerousURL(t *testing.T) {
	for _, u := range []string{
		"javascript:alert(1)", " JavaScript:x", "\x01javascript:x", "java\tscript:x", "java\nscript:x",
		"vbscript:x", "livescript:x", "data:text/html,x", "DATA:image/png;base64,AAAA", "file:///etc/passwd",
		"&#106;avascript:x", "javascript&colon;x", "&#x09;javascript:x",
	} {
		if !DangerousURL(u) {
			t.Errorf("DangerousURL(%q) = false", u)
		}
	}
	for _, u := range []string{
		"", "/javascript:x", "https://example.com/javascript:x", "./javascript:x", "mailto:a@b", "tel:+7",
		"weixin://x", "#javascript", "?javascript:x", "javascripts:x", "jav%61script:x",
	} {
		if DangerousURL(u) {
			t.Errorf("DangerousURL(%q) = true", u)
		}
	}
}

func TestResultFields(t *testing.T) {
	src := "![Фото стенда](stand.jpg)\n" + // 1
		"\n" + // 2
		"**Харбин**, 17 мая. Открылась [выставка](https://expo.example.com)\n" + // 3
		"\"Россия -- Китай\".\n" + // 4
		"\n" + // 5
		"## Программа {#program}\n" + // 6
		"\n" + // 7
		"- День 1: [открытие][open]\n" + // 8
		"- День 2: <https://expo.example.com/day2> и ![схема](map.png)\n" + // 9
		"\n" + // 10
		"```\n" + // 11
		"code block\n" + // 12
		"```\n" + // 13
		"\n" + // 14
		"Подробности — www.example.com.\n" + // 15
		"\n" + // 16
		"[open]: /ru/open/\n" // 17
	r := convert(t, "ru", src)

	wantLinks := []Link{
		{Dest: "stand.jpg", Image: true, Line: 1, Col: 1},
		{Dest: "https://expo.example.com", Line: 3, Col: 31},
		{Dest: "/ru/open/", Line: 8, Col: 11},
		{Dest: "https://expo.example.com/day2", Line: 9, Col: 11},
		{Dest: "map.png", Image: true, Line: 9, Col: 45},
		{Dest: "http://www.example.com", Line: 15, Col: 15},
	}
	if !reflect.DeepEqual(r.Links, wantLinks) {
		t.Errorf("Links:\n got %+v\nwant %+v", r.Links, wantLinks)
	}
	if want := [](Heading){{2, "program", "Программа"}}; !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("Headings = %+v", r.Headings)
	}
	if want := "Харбин, 17 мая. Открылась выставка «Россия – Китай»."; r.FirstParagraph != want {
		t.Errorf("FirstParagraph = %q, want %q", r.FirstParagraph, want)
	}
	wantPlain := "Фото стенда\n" +
		"Харбин, 17 мая. Открылась выставка «Россия – Китай».\n" +
		"Программа\n" +
		"День 1: открытие\n" +
		"День 2: https://expo.example.com/day2 и схема\n" +
		"code block\n" +
		"Подробности — www.example.com."
	if r.PlainText != wantPlain {
		t.Errorf("PlainText:\n got %q\nwant %q", r.PlainText, wantPlain)
	}
	if r.Words != WordCount(wantPlain) || r.Words != 28 {
		t.Errorf("Words = %d, want %d (28)", r.Words, WordCount(wantPlain))
	}
	if r.ReadingMinutes != 1 {
		t.Errorf("ReadingMinutes = %d", r.ReadingMinutes)
	}
}

func TestPlainTextDecodesEscapesAndSkipsMarkers(t *testing.T) {
	r := convert(t, "en", "AT&amp;T \\*not emphasis\\* &copy; `a &amp; b`[^n]\n\n[^n]: Note.\n")
	if want := "AT&T *not emphasis* © a &amp; b\nNote."; r.PlainText != want {
		t.Errorf("PlainText = %q, want %q", r.PlainText, want)
	}
}

func TestFirstParagraphFallback(t *testing.T) {
	r := convert(t, "zh", "## 标题\n\n> 引用的第一段。\n")
	if r.FirstParagraph != "引用的第一段。" {
		t.Errorf("FirstParagraph = %q", r.FirstParagraph)
	}
	r = convert(t, "zh", "")
	if r.FirstParagraph != "" || r.PlainText != "" || r.Words != 0 || r.ReadingMinutes != 1 {
		t.Errorf("empty body: %+v", r)
	}
}

func TestHeadingAttributesFiltered(t *testing.T) {
	src := "## Итоги {#results .wide style=\"color:red\" onclick=\"alert(1)\"}\n"
	r := convert(t, "ru", src)
	wantContains(t, r.HTML, `<h2 class="wide" id="results">Итоги</h2>`)
	u, err := New(Options{Lang: "ru", Unsafe: true, PlainText: true}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, u.HTML, `style="color:red"`)
}

func TestPlainTextOnlyWhenAsked(t *testing.T) {
	src := "## Итоги\n\nВыставка открылась сегодня.\n"
	kept, err := New(Options{Lang: "ru", PlainText: true}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	dropped, err := New(Options{Lang: "ru"}).Convert([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if kept.PlainText != "Итоги\nВыставка открылась сегодня." {
		t.Errorf("PlainText = %q", kept.PlainText)
	}
	if dropped.PlainText != "" {
		t.Errorf("without Options.PlainText the text is still held: %q", dropped.PlainText)
	}
	if dropped.Words != kept.Words || dropped.Words != 4 || dropped.FirstParagraph != kept.FirstParagraph {
		t.Errorf("words %d and %d (want 4), first paragraph %q and %q: dropping the text changed the counts",
			dropped.Words, kept.Words, dropped.FirstParagraph, kept.FirstParagraph)
	}
}

// Convert makes the summary once, as Summarize would from the first
// paragraph in the converter's language: by characters for Chinese, by
// words otherwise.
func TestConvertSummarizes(t *testing.T) {
	long := map[string]string{
		"zh": strings.Repeat("第十届中俄博览会在哈尔滨开幕，", 20),
		"ru": strings.Repeat("Десятое российско-китайское ЭКСПО открылось в Харбине. ", 20),
		"en": strings.Repeat("The tenth China-Russia Expo opened in Harbin today. ", 20),
	}
	for lang, text := range long {
		r := convert(t, lang, "## Итоги\n\n"+text+"\n\nSecond paragraph.\n")
		if r.Summary == "" || r.Summary != summarizeText(r.FirstParagraph, lang, 0) {
			t.Errorf("%s: Summary %q, want Summarize of the first paragraph %q", lang, r.Summary, summarizeText(r.FirstParagraph, lang, 0))
		}
		if len(r.Summary) >= len(strings.TrimSpace(text)) {
			t.Errorf("%s: a long first paragraph was not cut: %q", lang, r.Summary)
		}
	}
}

// An image without alt text (none, or only blanks) is marked, for the
// warning gen build gives; alt text made of markup counts by its text.
func TestImageWithoutAlt(t *testing.T) {
	r := convert(t, "en", "![](a.jpg) ![ ](b.jpg) ![*hall*](c.jpg) [![](d.jpg)](/x/)\n")
	var got []string
	for _, l := range r.Links {
		if l.NoAlt {
			got = append(got, l.Dest)
		}
	}
	if want := []string{"a.jpg", "b.jpg", "d.jpg"}; !reflect.DeepEqual(got, want) {
		t.Errorf("images without alt: %v, want %v", got, want)
	}
}

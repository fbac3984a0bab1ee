package markdown

import (
	"errors"
	"html"
	"regexp"
	"strings"
	"testing"
)

var urlAttr = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)

// badURLAttr returns the first href or src value in out whose scheme runs
// script, decoded the way a browser decodes it, or "".
func badURLAttr(out string) string {
	for _, m := range urlAttr.FindAllStringSubmatch(out, -1) {
		v := strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, html.UnescapeString(m[1]))
		v = strings.ToLower(v)
		for _, s := range []string{"javascript:", "vbscript:", "livescript:", "data:text"} {
			if strings.HasPrefix(v, s) {
				return m[1]
			}
		}
	}
	return ""
}

func FuzzConvertSafe(f *testing.F) {
	for _, s := range []string{
		"",
		"# Заголовок\n\n\"Текст\" -- [ссылка](https://example.com)",
		"## 展会概况\n\n哈尔滨\n举行",
		"<script>alert(1)</script>",
		"<SCRIPT src=x></SCRIPT>",
		"[x](javascript:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x]( java&#x09;script:alert(1))",
		"[x](data:text/html,<script>alert(1)</script>)",
		"<javascript:alert(1)>",
		"![a](vbscript:x)",
		"[x][r]\n\n[r]: <javascript:alert(1)>",
		"## t {onclick=\"alert(1)\" #id}",
		"| a | b |\n|---|---|\n| [x](javascript:1) | <script> |",
		"text[^1]\n\n[^1]: <script>x</script>",
		"- [ ] <img src=javascript:x>",
		"`<script>`",
		"&lt;script&gt;",
		"Слово-слово, 3,5 млн\n\n```\ncode here\n```\n\n> цитата «тут»\n\n1. раз\n2. два\n\n    indented code",
		"哈尔滨 Expo 2024年\n\n| 城市 | 人数 |\n|---|---|\n| 哈尔滨 | 1,200 |\n\n* a\n  * b\n\n---\n\nend's",
	} {
		f.Add(s, "ru")
		f.Add(s, "zh")
		f.Add(s, "en")
	}
	convs := map[string]*Converter{}
	for _, l := range []string{"ru", "zh", "en"} {
		convs[l] = New(Options{Lang: l, PlainText: true})
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		c, ok := convs[lang]
		if !ok {
			c = New(Options{Lang: lang, PlainText: true})
		}
		r, err := c.Convert([]byte(src))
		var limit *LimitError
		if errors.As(err, &limit) {
			t.Skip(err) // a body past a limit, refused as it should be
		}
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		// Without the plain text the words are counted another way.
		lean, err := New(Options{Lang: lang}).Convert([]byte(src))
		if err != nil {
			t.Fatalf("Convert without plain text: %v", err)
		}
		if lean.Words != r.Words || lean.ReadingMinutes != r.ReadingMinutes {
			t.Errorf("words %d, minutes %d without the plain text; %d, %d with it (%q)", lean.Words, lean.ReadingMinutes, r.Words, r.ReadingMinutes, r.PlainText)
		}
		if strings.Contains(strings.ToLower(r.HTML), "<script") {
			t.Errorf("output has <script:\n%s", r.HTML)
		}
		if bad := badURLAttr(r.HTML); bad != "" {
			t.Errorf("output has dangerous URL %q:\n%s", bad, r.HTML)
		}
		seen := map[string]bool{}
		for _, h := range r.Headings {
			if seen[h.ID] {
				t.Errorf("duplicate heading id %q", h.ID)
			}
			seen[h.ID] = true
		}
		for _, l := range r.Links {
			if l.Line < 1 || l.Col < 1 {
				t.Errorf("link without position: %+v", l)
			}
		}
		_ = summarizeText(r.PlainText, lang, 10)
	})
}

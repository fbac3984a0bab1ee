package render

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/site"
)

func TestLanguageSwitcherMarksEachKindOfEntry(t *testing.T) {
	zh := config.Language{Code: "zh", Locale: "zh-Hans", Name: "中文"}
	ru := config.Language{Code: "ru", Locale: "ru", Name: `Рус "&" <ский>`}
	en := config.Language{Code: "en", Locale: "en", Name: "English"}
	p := &site.Page{Alternates: []site.Alternate{
		{Lang: zh, URL: "/zh/news/a/", Current: true, Exists: true},
		{Lang: ru, URL: "/ru/news/выставка/", Exists: true},
		{Lang: en, URL: "/en/news/", Fallback: true},
	}}
	d := newData(p, &site.Site{Config: &config.Site{}}, language{})
	want := `<nav class="lang-switch" aria-label="">
<ul>
<li><span aria-current="true" lang="zh-Hans">中文</span></li>
<li><a href="/ru/news/%D0%B2%D1%8B%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B0/" hreflang="ru" lang="ru" data-lang="ru">Рус &#34;&amp;&#34; &lt;ский&gt;</a></li>
<li><a class="fallback" href="/en/news/" hreflang="en" lang="en" data-lang="en" title="">English<span class="fallback-mark" aria-hidden="true">*</span><span class="visually-hidden"> ()</span></a></li>
</ul>
</nav>`
	if got := string(d.languageSwitcher()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

package sharecard_test

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/sharecard"
)

// BenchmarkCard draws one card of a Chinese title: what a cold build pays
// per release and language without a picture.
func BenchmarkCard(b *testing.B) {
	c := sharecard.Card{Site: "中俄活动新闻", Title: "第八届中俄博览会在哈尔滨开幕，俄罗斯Formica集团旗下的展览运营商Business Event参与组织"}
	for b.Loop() {
		if _, err := c.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

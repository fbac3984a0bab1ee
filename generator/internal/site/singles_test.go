package site

import (
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
)

func TestSinglesAreThePagesOutsideSections(t *testing.T) {
	cfg, err := config.Parse("site.yaml", []byte("baseURL: https://example.org/\ndefaultLanguage: en\nlanguages:\n  - {code: en, name: English, locale: en, title: News, weight: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	page := func(path, key, section string, age int) *content.File {
		return &content.File{Path: path, Lang: "en", Key: key, Section: section, Name: key,
			Front: content.FrontMatter{Title: key, Date: day.AddDate(0, 0, -age)}}
	}
	files := []*content.File{
		page("content/news/a/index.en.md", "news/a", "news", 1),
		page("content/about.en.md", "about", "", 5),
		page("content/news/b/index.en.md", "news/b", "news", 2),
		page("content/contact.en.md", "contact", "", 3),
	}
	s, err := Build(files, Options{Config: cfg, Now: day})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range s.Languages[0].Singles {
		got = append(got, p.Key)
	}
	if len(got) != 2 || got[0] != "contact" || got[1] != "about" {
		t.Errorf("Singles = %v, want [contact about] (newest first, no releases)", got)
	}
	if n := len(s.Languages[0].Regular); n != 4 {
		t.Errorf("Regular has %d pages, want 4", n)
	}
}

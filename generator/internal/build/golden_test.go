package build_test

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/sitetest"
	"github.com/eventnews/gen/generator/internal/sitetest/golden"
)

func TestGoldenReleasePages(t *testing.T) {
	s := sitetest.New(t, newsSite).Build(build.Options{}).OK()
	for _, name := range []string{"zh/news/expo/index.html", "ru/news/expo/index.html", "en/news/expo/index.html"} {
		golden.Check(t, name, []byte(s.File(name)))
	}
}

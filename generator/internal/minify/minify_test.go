package minify_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/minify"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/speak"
)

// A file that cannot be minified is an error naming it, in the reader's
// language.
func TestCannotMinifyNamesTheFile(t *testing.T) {
	read := func(string) ([]byte, error) { return []byte("function ( {"), nil }
	_, err := minify.New().File(render.File{Path: "js/broken.js", Src: "static/js/broken.js"}, read)
	if err == nil || !strings.HasPrefix(err.Error(), "static/js/broken.js: cannot minify it (") || !strings.HasSuffix(err.Error(), "): fix the file, or build without --minify") {
		t.Fatalf("error %v", err)
	}
	for lang, want := range map[string][2]string{
		"ru": {"static/js/broken.js: не удаётся минифицировать файл (", "): исправьте файл или соберите сайт без --minify"},
		"zh": {"static/js/broken.js: 无法压缩此文件（", "）：请修正文件，或不用 --minify 生成网站"},
	} {
		got := speak.New(lang).Error(err)
		if !strings.HasPrefix(got, want[0]) || !strings.HasSuffix(got, want[1]) {
			t.Errorf("%s: %s", lang, got)
		}
	}
}

package status

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/speak"
)

// setLine names what keeps it from changing a file, in the reader's
// language.
func TestSetLineProblems(t *testing.T) {
	for in, want := range map[string]string{
		"Just text\n":        "content/a.zh.md: 文件没有文件头：文件必须以一行“---”开头",
		"---\ntitle: x\n":    "content/a.zh.md: 文件头没有以一行“---”结束",
		"\xEF\xBB\xBFbody\n": "content/a.zh.md: 文件没有文件头：文件必须以一行“---”开头",
	} {
		_, problem := setLine([]byte(in), `translatedFrom: "ru@0123456789ab"`)
		if problem == nil {
			t.Errorf("%q: no problem", in)
			continue
		}
		if got := speak.New("zh").Line(problem.At("content/a.zh.md", 0, 0)); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

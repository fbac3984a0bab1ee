package config_test

import (
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The mistakes of site.yaml that yaml.v3 finds, and those of deploy
// targets, are said in the reader's language.
func TestMistakesSaidInRussianAndChinese(t *testing.T) {
	const langs = "languages:\n  - code: zh\n"
	for _, tc := range []struct{ data, lang, want string }{
		{langs + "pageSize: ten\n", "ru", `site.yaml:3:11: pageSize: ожидается целое число, а не "ten"`},
		{"languages: zh\n", "zh", `site.yaml:1:12: languages：应为语言列表，而不是"zh"`},
		{langs + "tags: [a]\n", "ru", `site.yaml:3:7: tags: ожидается набор ключей с strict, например {strict: true}, а не список`},
		{langs + "theme: a\ntheme: b\n", "ru", `site.yaml:4: ключ "theme" уже задан в строке 3: удалите один из двух`},
		{langs + "deploy:\n  targets:\n    - {name: a, url: \"ftp://host/x\"}\n", "ru",
			`site.yaml:5:7: deploy.targets: адрес "ftp://host/x" должен начинаться с s3://, gs://, azblob:// или file://`},
		{langs + "deploy:\n  targets:\n    - {name: a}\n", "zh",
			`site.yaml:5:7: deploy.targets：发布目标需要一个 url，如 s3://bucket?region=eu-central-1`},
		{langs + "deploy:\n  targets:\n    - {name: a, url: \"s3://k:s@b\"}\n", "ru",
			`site.yaml:5:7: deploy.targets: в адресе "s3://k:s@b" есть имя пользователя или пароль: уберите их, gen deploy берёт учётные данные из переменных окружения`},
		{langs + "deploy:\n  targets:\n    - {name: a, url: \"file://\"}\n", "zh",
			`site.yaml:5:7: deploy.targets：网址 "file://" 没有指明文件夹：请写成 file:///srv/www/press 这样`},
		{langs + "deploy:\n  targets:\n    - {name: a, url: \"gs://?x=y\"}\n", "ru",
			`site.yaml:5:7: deploy.targets: в адресе "gs://?x=y" нет бакета: напишите его так: gs://bucket`},
	} {
		_, err := config.Parse("site.yaml", []byte(tc.data))
		var said []string
		for _, d := range diag.Flatten(err) {
			said = append(said, speak.New(tc.lang).Line(d))
		}
		if got := strings.Join(said, "\n"); got != tc.want {
			t.Errorf("%q in %s:\n%s\nwant\n%s", tc.data, tc.lang, got, tc.want)
		}
	}
	if p := config.TargetURLProblem("s3://"); p == nil || speak.New("zh").Error(p) != `网址 "s3://" 没有指明存储桶：请写成 s3://bucket 这样` {
		t.Errorf("TargetURLProblem(s3://) = %v", p)
	}
}

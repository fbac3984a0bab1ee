package config

import (
	"reflect"
	"testing"
)

func TestParseDeploy(t *testing.T) {
	s, err := Parse("site.yaml", []byte(`languages: [{code: zh}]
deploy:
  targets:
    - name: production
      url: s3://press-site?region=eu-central-1
    - name: folder
      url: file:///srv/www/press
  cacheControl:
    - {pattern: "*.pdf", value: "public, max-age=604800"}
    - {pattern: "zh/news/*/index.html", value: ""}
  gzip: true
`))
	if err != nil {
		t.Fatal(err)
	}
	want := Deploy{
		Targets: []DeployTarget{
			{Name: "production", URL: "s3://press-site?region=eu-central-1"},
			{Name: "folder", URL: "file:///srv/www/press"},
		},
		CacheControl: []CacheRule{
			{Pattern: "*.pdf", Value: "public, max-age=604800"},
			{Pattern: "zh/news/*/index.html", Value: ""},
		},
		Gzip: true,
	}
	if !reflect.DeepEqual(s.Deploy, want) {
		t.Errorf("deploy = %+v\nwant %+v", s.Deploy, want)
	}
	if tg, ok := s.Deploy.Target("folder"); !ok || tg.URL != "file:///srv/www/press" {
		t.Errorf("Target(folder) = %+v, %v", tg, ok)
	}
	if _, ok := s.Deploy.Target("staging"); ok {
		t.Error("Target(staging) found")
	}
}

func TestCacheRuleMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"*.pdf", "report.pdf", true},
		{"*.pdf", "zh/news/x/report.pdf", true}, // no slash: the name
		{"*.pdf", "zh/news/x/report.pdf.html", false},
		{"css/*", "css/main.css", true},
		{"css/*", "zh/css/main.css", false}, // a slash: the whole path
		{"css/*", "css/fonts/a.woff2", false},
		{"zh/news/*/index.html", "zh/news/harbin/index.html", true},
		{"zh/news/*/index.html", "ru/news/harbin/index.html", false},
	} {
		if got := (CacheRule{Pattern: tc.pattern}).Match(tc.path); got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestParseDeployErrors(t *testing.T) {
	const langs = "languages:\n  - code: zh\n"
	for _, tc := range []struct{ name, data, want string }{
		{"unknown key", langs + "deploy:\n  target: x\n",
			`site.yaml:4:3: unknown key "target" (known keys: cacheControl, gzip, targets)`},
		{"unknown target key", langs + "deploy:\n  targets:\n    - {name: a, url: \"s3://b\", region: x}\n",
			`site.yaml:5:32: unknown key "region" (known keys: name, url)`},
		{"unknown rule key", langs + "deploy:\n  cacheControl:\n    - {pattern: \"*\", cache: x}\n",
			`site.yaml:5:22: unknown key "cache" (known keys: pattern, value)`},
		{"targets not a list", langs + "deploy:\n  targets: s3://b\n",
			`site.yaml:4:12: deploy.targets: must be a list of targets, each with a name and a url, not "s3://b"`},
		{"gzip not a switch", langs + "deploy:\n  gzip: yes please\n",
			`site.yaml:4:9: deploy.gzip: must be true or false, not "yes please"`},
		{"target without a name, twice and bad", langs + "deploy:\n  targets:\n" +
			"    - url: s3://b\n" +
			"    - {name: a, url: \"s3://b\"}\n" +
			"    - {name: a, url: \"ftp://host/x\"}\n" +
			"    - {name: c}\n" +
			"    - {name: d, url: \"s3://key:secret@b\"}\n" +
			"    - {name: e, url: \"s3://?region=x\"}\n" +
			"    - {name: f, url: \"file://\"}\n",
			"site.yaml:5:7: deploy.targets: a target needs a name, such as production\n" +
				"site.yaml:7:7: deploy.targets: \"a\" is listed twice\n" +
				"site.yaml:7:7: deploy.targets: url \"ftp://host/x\" must start with s3://, gs://, azblob:// or file://\n" +
				"site.yaml:8:7: deploy.targets: a target needs a url, such as s3://bucket?region=eu-central-1\n" +
				"site.yaml:9:7: deploy.targets: url \"s3://key:secret@b\" holds a user name or password: leave them out, gen deploy takes credentials from the environment\n" +
				"site.yaml:10:7: deploy.targets: url \"s3://?region=x\" names no bucket: write it like s3://bucket\n" +
				"site.yaml:11:7: deploy.targets: url \"file://\" names no folder: write it like file:///srv/www/press"},
		{"bad patterns", langs + "deploy:\n  cacheControl:\n    - {value: x}\n    - {pattern: \"[a\", value: x}\n",
			"site.yaml:5:7: deploy.cacheControl: a rule needs a pattern, such as \"*.pdf\"\n" +
				"site.yaml:6:7: deploy.cacheControl: pattern \"[a\" is not a valid pattern (write it like \"*.pdf\" or \"css/*\")"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("site.yaml", []byte(tc.data))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tc.want)
			}
		})
	}
}

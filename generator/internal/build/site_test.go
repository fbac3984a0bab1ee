package build_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventnews/gen/generator/internal/build"
	"golang.org/x/tools/txtar"
)

// repoRoot is the repository root, where the sample site and default theme live.
var repoRoot = filepath.Join("..", "..", "..")

// testSite is a site written as a txtar archive plus, unless the archive has
// its own layouts, the repository's default theme.
type testSite struct {
	t     testing.TB
	fs    fstest.MapFS
	files map[string][]byte
	res   *build.Result
	err   error
}

const baseConfig = `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
pageSize: 2
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
`

var testNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func newSite(t testing.TB, archive string) *testSite {
	t.Helper()
	m := fstest.MapFS{}
	addDir(t, m, filepath.Join(repoRoot, "themes", "default"), "themes/default")
	ar := txtar.Parse([]byte(archive))
	for _, f := range ar.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return &testSite{t: t, fs: m}
}

func addDir(t testing.TB, m fstest.MapFS, dir, prefix string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[prefix+"/"+filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (s *testSite) build(opts build.Options) *testSite {
	s.t.Helper()
	opts.FS = s.fs
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	s.res, s.err = build.Run(context.Background(), opts)
	s.files = map[string][]byte{}
	if s.res != nil {
		for _, f := range s.res.Files {
			if f.Src != "" {
				s.files[f.Path] = s.fs[f.Src].Data
			} else {
				s.files[f.Path] = f.Bytes
			}
		}
	}
	return s
}

func (s *testSite) ok() *testSite {
	s.t.Helper()
	if s.err != nil {
		s.t.Fatalf("build failed:\n%v", s.err)
	}
	return s
}

func (s *testSite) file(name string) string {
	s.t.Helper()
	b, ok := s.files[name]
	if !ok {
		var names []string
		for n := range s.files {
			names = append(names, n)
		}
		s.t.Fatalf("no output file %s; have %s", name, strings.Join(names, " "))
	}
	return string(b)
}

// assert checks that each want string appears in file; a string starting
// with "! " must not appear.
func (s *testSite) assert(name string, wants ...string) {
	s.t.Helper()
	body := s.file(name)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(body, neg) {
				s.t.Errorf("%s contains %q but must not", name, neg)
			}
			continue
		}
		if !strings.Contains(body, w) {
			s.t.Errorf("%s lacks %q\n--- %s ---\n%s", name, w, name, body)
		}
	}
}

func (s *testSite) missing(names ...string) {
	s.t.Helper()
	for _, n := range names {
		if _, ok := s.files[n]; ok {
			s.t.Errorf("output has %s but must not", n)
		}
	}
}

// Package sitetest is the test kit: it builds a site written as a txtar
// archive in memory, the way gen builds it (build.Run, with the default
// theme of the binary laid under it), and asserts on the output files.
//
//	s := sitetest.New(t, sitetest.Config+`-- content/about.ru.md --
//	---
//	title: О нас
//	date: 2024-05-01
//	---
//	`).Build(build.Options{}).OK()
//	s.Assert("ru/about/index.html", "<h1>О нас</h1>", "! draft")
//	s.Missing("zh/about/index.html")
//
// A test overrides a file of the default theme by writing it in its
// archive, under themes/default/ or layouts/. Sample gives the
// repository's own site instead of an archive, and OnDisk writes a site
// into a directory for what needs one: symbolic links, a destination, gen
// as a command. Golden files are package golden's: importing this package
// gives a test binary golden's -update flag.
//
// Pictures are made through one picture cache in the temporary folder,
// shared by every test process (Pictures): it is keyed by the pictures'
// bytes and settings, so a test never sees another's pictures, and the
// sample's photos, slow to make under the race detector, are made once
// per machine. A test that counts picture work passes its own cache.
//
// sitetest imports build, so only external test packages (package x_test)
// of the packages build imports can use it: an internal test file that
// imported it would make an import cycle.
package sitetest

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/images"
	_ "github.com/eventnews/gen/generator/internal/sitetest/golden" // every kit user takes -update
)

// PicturesDir is the folder of the picture cache the tests share.
func PicturesDir() string { return filepath.Join(os.TempDir(), "gen-test-pictures") }

// Pictures is a picture cache in PicturesDir.
func Pictures() *images.Cache { return images.NewCache(PicturesDir()) }

// Config is the site.yaml of most test sites: three languages, zh by
// default, Beijing time, two releases to a list page.
const Config = `-- site.yaml --
baseURL: https://news.example.org/
defaultLanguage: zh
timeZone: Asia/Shanghai
pageSize: 2
languages:
  - {code: zh, name: 中文, locale: zh-Hans, title: 中俄活动新闻, weight: 1}
  - {code: ru, name: Русский, locale: ru, title: Новости событий, weight: 2}
  - {code: en, name: English, locale: en, title: Event News, weight: 3}
`

// Now is the build clock of Build when its options set none.
var Now = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// Site is a test site and, once built, what its build gave.
type Site struct {
	tb testing.TB
	// FS is the site as written, without the default theme; a test may
	// change it between builds.
	FS fstest.MapFS
	// Result and Err are what the last Build's build.Run returned.
	Result *build.Result
	Err    error
	// Files maps every output path to its bytes, the copied files (static
	// files, bundle resources) read from the site or the default theme.
	Files map[string][]byte
}

// New returns the site of a txtar archive (see FS).
func New(tb testing.TB, archive string) *Site {
	tb.Helper()
	return &Site{tb: tb, FS: FS(tb, archive)}
}

// FS returns the files of a txtar archive as a file system rooted at the
// site root. A name written twice is a mistake of the test.
func FS(tb testing.TB, archive string) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		if _, dup := m[f.Name]; dup {
			tb.Fatalf("the archive has %s twice", f.Name)
		}
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}

// Build runs build.Run over the site with opts, FS set to the site, Now
// to Now and Images to the shared cache (Pictures) unless set, and
// keeps what it gave. Two output files at one path fail the test.
func (s *Site) Build(opts build.Options) *Site {
	s.tb.Helper()
	opts.FS = s.FS
	if opts.Now.IsZero() {
		opts.Now = Now
	}
	if opts.Images == nil {
		opts.Images = Pictures()
	}
	s.Result, s.Err = build.Run(context.Background(), opts)
	s.Files = map[string][]byte{}
	if s.Result == nil {
		return s
	}
	fsys := build.WithDefaultTheme(s.FS)
	for _, f := range s.Result.Files {
		if _, dup := s.Files[f.Path]; dup {
			s.tb.Errorf("two output files at %s", f.Path)
		}
		data := f.Bytes
		var err error
		switch {
		case f.Src != "":
			data, err = fs.ReadFile(fsys, f.Src)
		case f.Disk != "": // a picture in the picture cache
			data, err = os.ReadFile(f.Disk)
		}
		if err != nil {
			s.tb.Fatalf("output %s: %v", f.Path, err)
		}
		s.Files[f.Path] = data
	}
	return s
}

// OK fails the test unless the last build succeeded.
func (s *Site) OK() *Site {
	s.tb.Helper()
	if s.Err != nil {
		s.tb.Fatalf("build failed:\n%v", s.Err)
	}
	return s
}

// Diagnostics returns the errors and the warnings of the last build, in
// file order.
func (s *Site) Diagnostics() []*diag.Diagnostic {
	ds := diag.Flatten(s.Err)
	if s.Result != nil {
		ds = append(ds, s.Result.Warnings...)
	}
	slices.SortStableFunc(ds, diag.Compare)
	return ds
}

// File returns an output file; a file that is not there fails the test,
// naming the files that are.
func (s *Site) File(name string) string {
	s.tb.Helper()
	b, ok := s.Files[name]
	if !ok {
		s.tb.Fatalf("no output file %s; have %s", name, strings.Join(slices.Sorted(maps.Keys(s.Files)), " "))
	}
	return string(b)
}

// Assert checks that each want appears in the output file name; a want
// starting with "! " must not appear.
func (s *Site) Assert(name string, wants ...string) {
	s.tb.Helper()
	body := s.File(name)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(body, neg) {
				s.tb.Errorf("%s contains %q but must not", name, neg)
			}
			continue
		}
		if !strings.Contains(body, w) {
			s.tb.Errorf("%s lacks %q\n--- %s ---\n%s", name, w, name, body)
		}
	}
}

// Missing checks that the last build wrote none of names.
func (s *Site) Missing(names ...string) {
	s.tb.Helper()
	for _, n := range names {
		if _, ok := s.Files[n]; ok {
			s.tb.Errorf("output has %s but must not", n)
		}
	}
}

// OnDisk writes the site into a new directory and returns it, for what an
// in-memory site cannot hold: symbolic links, a destination, a site for gen
// itself. The files are created in the order of their names.
func (s *Site) OnDisk() string {
	s.tb.Helper()
	return s.write(slices.Sorted(maps.Keys(s.FS)))
}

// OnDiskReversed is OnDisk creating the files in the reverse order, so
// that a test can show the order changes nothing.
func (s *Site) OnDiskReversed() string {
	s.tb.Helper()
	names := slices.Sorted(maps.Keys(s.FS))
	slices.Reverse(names)
	return s.write(names)
}

func (s *Site) write(names []string) string {
	s.tb.Helper()
	dir := s.tb.TempDir()
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			s.tb.Fatal(err)
		}
		if err := os.WriteFile(p, s.FS[name].Data, 0o644); err != nil {
			s.tb.Fatal(err)
		}
	}
	return dir
}

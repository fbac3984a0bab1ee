package build

import (
	"slices"
	"sync"

	"github.com/eventnews/gen/generator/internal/aliases"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/feeds"
	"github.com/eventnews/gen/generator/internal/ical"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/search"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitemap"
)

// outputs returns the files besides HTML pages: feeds, sitemap, robots.txt,
// calendars, the search index, alias redirects. Aliases come last: they must not replace any
// other output.
// Feeds, sitemap, calendars and the search index are made at the same time.
func outputs(s *site.Site, cfg *config.Site, locales *locale.Set) ([]render.File, error) {
	_ = cfg // s.Config is the same configuration
	var parts [4][]render.File
	var wg sync.WaitGroup
	wg.Go(func() { parts[0] = feeds.Files(s, locales) })
	wg.Go(func() { parts[1] = sitemap.Files(s) })
	wg.Go(func() { parts[3] = search.Files(s, locales) })
	parts[2] = ical.Files(s, locales)
	wg.Wait()
	out := slices.Concat(parts[:]...)
	redirects, err := aliases.Files(s, out)
	if err != nil {
		return nil, err
	}
	return append(out, redirects...), nil
}

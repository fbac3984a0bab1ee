package build

import (
	"github.com/eventnews/gen/generator/internal/aliases"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/feeds"
	"github.com/eventnews/gen/generator/internal/ical"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/sitemap"
)

// outputs returns the files besides HTML pages: feeds, sitemap, robots.txt,
// calendars, alias redirects. Aliases come last: they must not replace any
// other output.
func outputs(s *site.Site, cfg *config.Site, locales *locale.Set) ([]render.File, error) {
	_ = cfg // s.Config is the same configuration
	var out []render.File
	out = append(out, feeds.Files(s, locales)...)
	out = append(out, sitemap.Files(s)...)
	out = append(out, ical.Files(s, locales)...)
	redirects, err := aliases.Files(s, out)
	if err != nil {
		return nil, err
	}
	return append(out, redirects...), nil
}

package build

import (
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/locale"
	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
)

// outputs returns the files besides HTML pages: feeds, sitemap, robots.txt,
// calendars, alias redirects.
func outputs(s *site.Site, cfg *config.Site, locales *locale.Set) ([]render.File, error) {
	return nil, nil
}

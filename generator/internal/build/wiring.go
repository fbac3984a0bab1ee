package build

import (
	"io/fs"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/content"
	"github.com/eventnews/gen/generator/internal/locale"
)

// LoadConfig reads site.yaml from fsys and applies opts.BaseURL or
// opts.Origin: the one way a run, and gen check after it, get the
// configuration.
func LoadConfig(fsys fs.FS, opts Options) (*config.Site, error) {
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	return opts.config(cfg)
}

// ContentOptions are the options content.Load reads the site's files with.
func ContentOptions(cfg *config.Site) content.Options {
	return content.Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Location: cfg.Location, StrictTags: cfg.Tags.Strict}
}

// LoadLocales reads the theme's strings and the site's, which win.
func LoadLocales(fsys fs.FS, cfg *config.Site) (*locale.Set, error) {
	return locale.Load(fsys, []string{"themes/" + cfg.Theme + "/i18n", "i18n"}, cfg.Languages)
}

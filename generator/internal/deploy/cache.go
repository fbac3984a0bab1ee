package deploy

import (
	"path"
	"strings"

	"github.com/eventnews/gen/generator/internal/config"
)

// gen's own Cache-Control values.
const (
	cacheYear = "public, max-age=31536000, immutable" // the name changes with the bytes
	cacheDay  = "public, max-age=86400"
	cacheNone = "no-cache" // keep it, but ask the server every time (an ETag makes that cheap)
)

// dayKinds are the extensions of files that rarely change under the same
// name: pictures, fonts, stylesheets, scripts, documents, audio and video.
var dayKinds = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".svg": true, ".ico": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true,
	".css": true, ".js": true, ".mjs": true, ".pdf": true, ".mp3": true, ".ogg": true,
	".mp4": true, ".webm": true, ".wasm": true,
}

// cacheControl is the Cache-Control of the file at p: the first of the
// site's rules that matches, else gen's own.
func cacheControl(p string, rules []config.CacheRule) string {
	for _, r := range rules {
		if r.Match(p) {
			return r.Value
		}
	}
	name := path.Base(p)
	switch {
	case hashed(name):
		return cacheYear
	case dayKinds[strings.ToLower(path.Ext(name))]:
		return cacheDay
	}
	return cacheNone
}

// hashed reports whether a file name holds a content hash, as in
// main.1a2b3c4d.css or app-0f3c9a7be1.js: 8 or more hex digits, at least
// one of them a letter (so a date such as 20240517 is not taken for one),
// after a dot or a hyphen and before the extension's dot.
func hashed(name string) bool {
	stem := strings.TrimSuffix(name, path.Ext(name))
	i := strings.LastIndexAny(stem, ".-")
	if i < 0 {
		return false
	}
	h := stem[i+1:]
	if len(h) < 8 {
		return false
	}
	letter := false
	for _, c := range h {
		switch {
		case c >= 'a' && c <= 'f':
			letter = true
		case c < '0' || c > '9':
			return false
		}
	}
	return letter
}

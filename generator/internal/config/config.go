// Package config reads site.yaml into an immutable Site.
//
// Rules:
//   - Decoding is strict: an unknown key is an error naming its line and column.
//     Text that yaml.v3 cannot read is explained in plain words (package
//     yamlerr).
//   - languages is a list; each has code, name, locale (BCP 47, e.g. zh-Hans),
//     title (the site title in that language) and weight. Languages are ordered
//     by weight, then code. defaultLanguage must be one of them.
//   - timeZone is an IANA name; dates without a zone in front matter are read
//     in it. Default UTC. "Local" is refused: output would depend on the
//     machine.
//   - baseURL must be absolute (http or https) and always ends with "/";
//     without it the site's URLs are site paths without a host. It may have
//     a path (https://example.org/press/, a GitHub Pages project site): its
//     path is the base path (BasePath), which every URL gen writes starts
//     with (/press/zh/news/x/), while output files stay where they are
//     (public/zh/news/x/index.html). The path is kept percent-encoded as
//     net/url writes it, so it is a valid URL path; "." and ".." segments
//     are refused. RelURL and AbsURL make URLs under it, and WithBaseURL
//     (gen build, serve and check --baseURL) and WithOrigin (gen serve on
//     its own address) replace it after Load.
//   - pageSize (default 10) is the number of entries on a list page.
//   - tags: {strict: true} takes only tag keys in front matter (see package
//     content); by default a word of a page's language is a tag too.
//   - images (package images): widths (each 1 to MaxWidth; default 480,
//     800, 1200, 1600; sorted, duplicates dropped), quality and jpegQuality
//     (1 to 100; default 75 and 80), keepCredit, original, maxPixels
//     (positive; default 100,000,000), maxBytes (positive; default
//     20,000,000: a bigger picture file is a warning of gen build) and
//     sizes (default the default theme's column).
//   - deploy (for gen deploy) lists targets, each a unique name and a URL
//     whose scheme is s3, gs, azblob or file, naming a bucket or a folder
//     and holding no user name or password (credentials come from the
//     environment, never from site.yaml); cacheControl rules, each a
//     pattern (path.Match syntax: matched against the file's name when it
//     has no slash, else against its whole path) and a value; and gzip.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	// Time zones load even on machines without a zone database.
	_ "time/tzdata"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/eventnews/gen/generator/internal/yamlerr"
	"gopkg.in/yaml.v3"
)

// FileName is the configuration file at the site root.
const FileName = "site.yaml"

// Language is one configured language.
type Language struct {
	Code   string `yaml:"code"`   // zh, ru, en: URL prefix and file suffix
	Name   string `yaml:"name"`   // shown in the language switcher: 中文, Русский
	Locale string `yaml:"locale"` // BCP 47 tag for <html lang>: zh-Hans, ru, en
	Title  string `yaml:"title"`  // site title in this language
	Weight int    `yaml:"weight"`
}

// Feeds configures RSS and Atom output.
type Feeds struct {
	Limit       int  `yaml:"limit"`       // items per feed; default 20
	FullContent bool `yaml:"fullContent"` // full HTML instead of the summary
}

// Tags configures tags.
type Tags struct {
	// Strict takes only tag keys, each with its labels: a tag written as
	// a word of a page's language (a term) is an error (package content).
	Strict bool `yaml:"strict"`
}

// Site is the whole configuration. Treat it as read-only after Load.
type Site struct {
	BaseURL         string     `yaml:"baseURL"`
	DefaultLanguage string     `yaml:"defaultLanguage"`
	Languages       []Language `yaml:"languages"`
	Theme           string     `yaml:"theme"`
	TimeZone        string     `yaml:"timeZone"`
	PageSize        int        `yaml:"pageSize"`
	// UnsafeHTML lets raw HTML in Markdown through. Off by default.
	UnsafeHTML bool  `yaml:"unsafeHTML"`
	Feeds      Feeds `yaml:"feeds"`
	Tags       Tags  `yaml:"tags"`
	// StaleNotice shows a notice on translations whose source changed since.
	StaleNotice *bool `yaml:"staleNotice"`
	// Params is free for themes.
	Params map[string]any `yaml:"params"`
	// Deploy configures gen deploy.
	Deploy Deploy `yaml:"deploy"`
	// Images configures the pictures of releases.
	Images Images `yaml:"images"`

	Location *time.Location `yaml:"-"`
}

// Default returns the default language.
func (s *Site) Default() Language {
	l, _ := s.Language(s.DefaultLanguage)
	return l
}

// Language returns the language with the given code.
func (s *Site) Language(code string) (Language, bool) {
	for _, l := range s.Languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Codes returns the language codes in site order.
func (s *Site) Codes() []string {
	out := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		out[i] = l.Code
	}
	return out
}

// ShowStaleNotice reports whether stale translations carry a notice.
func (s *Site) ShowStaleNotice() bool { return s.StaleNotice == nil || *s.StaleNotice }

// BasePath is the path of BaseURL, which every URL of the site starts
// with: "/press/" for https://example.org/press/, "/" for a site at the
// root of its host or without baseURL.
func (s *Site) BasePath() string {
	_, p := splitBaseURL(s.BaseURL)
	return p
}

// RelURL is the URL path of u under the base path: a site path, with or
// without its leading "/", gets the base path ("css/main.css" and
// "/css/main.css" → "/press/css/main.css", "" → "/press/"); a URL that
// already starts with the base path, or has a scheme or a host
// ("https://…", "mailto:…", "//host/…"), stays as it is. Unlike Hugo's
// relURL, a leading "/" means the site's root, not the host's: every URL
// gen writes lies under the base path.
func (s *Site) RelURL(u string) string {
	if hasScheme(u) || strings.HasPrefix(u, "//") {
		return u
	}
	base := s.BasePath()
	switch {
	case strings.HasPrefix(u, base) || u != "" && u+"/" == base:
		return u
	case strings.HasPrefix(u, "/"):
		return base + u[1:]
	}
	return base + u
}

// AbsURL is the absolute URL of u: the scheme and host of BaseURL joined
// with RelURL(u), so a page URL, which already holds the base path, does
// not get it twice ("/press/ru/news/" → "https://example.org/press/ru/news/").
// Without a host in BaseURL it is RelURL(u); a URL with a scheme or host
// stays as it is.
func (s *Site) AbsURL(u string) string {
	if hasScheme(u) || strings.HasPrefix(u, "//") {
		return u
	}
	origin, _ := splitBaseURL(s.BaseURL)
	return origin + s.RelURL(u)
}

// WithBaseURL returns a copy of s published at u instead of its baseURL
// (--baseURL on the command line); u is checked and completed as baseURL
// in site.yaml is.
func (s *Site) WithBaseURL(u string) (*Site, error) {
	norm, problem := normalBaseURL(u)
	if problem.ID != "" {
		return nil, errors.New(problem.Format("Key", "--baseURL", "URL", strconv.Quote(u)))
	}
	c := *s
	c.BaseURL = norm
	return &c, nil
}

// WithOrigin returns a copy of s whose baseURL has the scheme and host of
// origin ("http://127.0.0.1:1313") and keeps its own path: gen serve
// answers on its own address under the site's base path.
func (s *Site) WithOrigin(origin string) *Site {
	c := *s
	c.BaseURL = strings.TrimSuffix(origin, "/") + s.BasePath()
	return &c
}

// splitBaseURL splits a baseURL into its scheme and host and its path:
// "https://example.org/press/" → "https://example.org", "/press/". A
// baseURL without a host ("/", or "" in a Site made by hand) has the
// path "/".
func splitBaseURL(u string) (origin, path string) {
	i := strings.Index(u, "://")
	if i < 0 {
		return "", "/"
	}
	j := strings.IndexByte(u[i+3:], '/')
	if j < 0 {
		return u, "/"
	}
	return u[:i+3+j], u[i+3+j:]
}

// hasScheme reports whether u starts with a URL scheme ("https:",
// "mailto:"): letters, then letters, digits, "+", "-" or ".", then ":".
func hasScheme(u string) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// normalBaseURL checks a baseURL and completes it: a final "/", and the
// path percent-encoded where a URL path needs it, as net/url writes it.
// problem says what is wrong (a message with the arguments Key, such as
// "baseURL:", and URL), one
// without an ID when nothing is.
func normalBaseURL(s string) (norm string, problem diag.Message) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return s, msgBaseURLNotAbsolute
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return s, msgBaseURLDots
		}
	}
	origin, _ := splitBaseURL(s)
	p := u.EscapedPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return origin + p, diag.Message{}
}

var (
	msgBaseURLNotAbsolute = diag.Message{ID: "config.baseurl-not-absolute", Text: `{{.Key}} {{.URL}} must be an absolute http or https URL, like "https://example.org/" or "https://example.org/press/"`}
	msgBaseURLDots        = diag.Message{ID: "config.baseurl-dots", Text: `{{.Key}} {{.URL}} must not hold "." or ".." in its path`}
)

// Load reads site.yaml from fsys.
func Load(fsys fs.FS) (*Site, error) {
	data, err := fs.ReadFile(fsys, FileName)
	if le := sitefs.LinkOf(err); le != nil {
		return nil, le.Diagnostic(le.Path)
	}
	if err != nil {
		return nil, msgCannotRead.At(FileName, 0, 0, "Err", unwrapPathErr(err))
	}
	return Parse(FileName, data)
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]+)*$`)

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// msgInvalid is yaml.v3's own words, when package yamlerr cannot say
// better.
var msgInvalid = diag.Message{ID: "config.invalid", Text: "invalid YAML: {{.Problem}}"}

var msgCannotRead = diag.Message{ID: "config.cannot-read", Text: "cannot read the site configuration: {{.Err}}"}

// The messages of site.yaml's settings, in English; package speak says
// them in other languages.
var (
	msgNotMapping  = diag.Message{ID: "config.not-mapping", Text: "the configuration must be a mapping of keys to values"}
	msgNoLanguage  = diag.Message{ID: "config.no-language", Text: "languages: at least one language is required"}
	msgNoCode      = diag.Message{ID: "config.no-code", Text: "languages: a language needs a code"}
	msgCodeCase    = diag.Message{ID: "config.code-case", Text: `languages: code "{{.Code}}" must be lower-case letters, like "ru"`}
	msgCodeTwice   = diag.Message{ID: "config.code-twice", Text: `languages: "{{.Code}}" is listed twice`}
	msgDefaultLang = diag.Message{ID: "config.default-language", Text: `defaultLanguage: "{{.Lang}}" is not one of the configured languages ({{.Langs}})`}
	msgPositive    = diag.Message{ID: "config.positive", Text: "{{.Key}}: must be a positive number, not {{.Value}}"}
	msgZoneLocal   = diag.Message{ID: "config.zone-local", Text: `timeZone: "Local" would depend on the machine that builds the site (use a name like "Asia/Shanghai")`}
	msgZoneUnknown = diag.Message{ID: "config.zone-unknown", Text: `timeZone: "{{.Zone}}" is not a known time zone (use a name like "Asia/Shanghai")`}
	msgUnknownKey  = diag.Message{ID: "config.unknown-key", Text: `unknown key "{{.Key}}" (known keys: {{.Known}})`}
)

// Parse decodes site.yaml; path names the file in messages.
func Parse(path string, data []byte) (*Site, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		return nil, yamlerr.Explain(path, data, 0, err, msgInvalid)
	}
	var errs diag.List
	s := &Site{}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, msgNotMapping.At(path, 1, 1)
	}
	doc := root.Content[0]
	checkKeys(path, doc, reflectKeys(s), &errs)
	decodeErr := doc.Decode(s)
	if decodeErr != nil {
		addYAMLErr(path, doc, decodeErr, &errs)
	}
	keyPos := func(key string) (int, int) {
		for i := 0; i+1 < len(doc.Content); i += 2 {
			if doc.Content[i].Value == key {
				return doc.Content[i+1].Line, doc.Content[i+1].Column
			}
		}
		return doc.Line, doc.Column
	}
	langNodes := checkNestedKeys(path, doc, &errs)

	if decodeErr != nil {
		// The checks below would report the values that failed to decode again.
		return nil, errs.Err()
	}
	checkLanguages(path, s, langNodes, keyPos, &errs)
	checkValues(path, doc, s, keyPos, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// checkNestedKeys reports unknown keys in the mappings under the top level
// (languages, feeds, tags, images, deploy) and returns the languages' nodes.
func checkNestedKeys(path string, doc *yaml.Node, errs *diag.List) []*yaml.Node {
	var langNodes []*yaml.Node
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "languages" && doc.Content[i+1].Kind == yaml.SequenceNode {
			langNodes = doc.Content[i+1].Content
			for _, ln := range langNodes {
				if ln.Kind == yaml.MappingNode {
					checkKeys(path, ln, reflectKeys(&Language{}), errs)
				}
			}
		}
		if doc.Content[i].Value == "feeds" && doc.Content[i+1].Kind == yaml.MappingNode {
			checkKeys(path, doc.Content[i+1], reflectKeys(&Feeds{}), errs)
		}
		if doc.Content[i].Value == "tags" && doc.Content[i+1].Kind == yaml.MappingNode {
			checkKeys(path, doc.Content[i+1], reflectKeys(&Tags{}), errs)
		}
		if doc.Content[i].Value == "images" && doc.Content[i+1].Kind == yaml.MappingNode {
			checkKeys(path, doc.Content[i+1], reflectKeys(&Images{}), errs)
		}
	}
	checkDeployKeys(path, child(doc, "deploy"), errs)
	return langNodes
}

// checkLanguages checks the languages' codes, fills in their defaults,
// sorts them by weight and checks or sets defaultLanguage. keyPos gives
// where a top-level key's value starts.
func checkLanguages(path string, s *Site, langNodes []*yaml.Node, keyPos func(string) (int, int), errs *diag.List) {
	if len(s.Languages) == 0 {
		l, c := keyPos("languages")
		errs.Add(msgNoLanguage.At(path, l, c))
	}
	seen := map[string]bool{}
	for i, l := range s.Languages {
		line, col := 0, 0
		if i < len(langNodes) {
			line, col = langNodes[i].Line, langNodes[i].Column
		}
		switch {
		case l.Code == "":
			errs.Add(msgNoCode.At(path, line, col))
		case !langCode.MatchString(l.Code):
			errs.Add(msgCodeCase.At(path, line, col, "Code", l.Code))
		case seen[l.Code]:
			errs.Add(msgCodeTwice.At(path, line, col, "Code", l.Code))
		}
		seen[l.Code] = true
		if l.Locale == "" {
			s.Languages[i].Locale = l.Code
		}
		if l.Name == "" {
			s.Languages[i].Name = l.Code
		}
	}
	slices.SortStableFunc(s.Languages, func(a, b Language) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Code, b.Code)
	})
	if s.DefaultLanguage == "" && len(s.Languages) > 0 {
		s.DefaultLanguage = s.Languages[0].Code
	} else if s.DefaultLanguage != "" && !seen[s.DefaultLanguage] && len(s.Languages) > 0 {
		l, c := keyPos("defaultLanguage")
		errs.Add(msgDefaultLang.At(path, l, c, "Lang", s.DefaultLanguage, "Langs", strings.Join(s.Codes(), ", ")))
	}
}

// checkValues checks the other values and fills in their defaults.
func checkValues(path string, doc *yaml.Node, s *Site, keyPos func(string) (int, int), errs *diag.List) {
	if s.BaseURL == "" {
		s.BaseURL = "/"
	} else if norm, problem := normalBaseURL(s.BaseURL); problem.ID != "" {
		l, c := keyPos("baseURL")
		errs.Add(problem.At(path, l, c, "Key", "baseURL:", "URL", strconv.Quote(s.BaseURL)))
	} else {
		s.BaseURL = norm
	}
	if s.Theme == "" {
		s.Theme = "default"
	}
	if s.PageSize == 0 {
		s.PageSize = 10
	} else if s.PageSize < 0 {
		l, c := keyPos("pageSize")
		errs.Add(msgPositive.At(path, l, c, "Key", "pageSize", "Value", s.PageSize))
	}
	if s.Feeds.Limit == 0 {
		s.Feeds.Limit = 20
	} else if s.Feeds.Limit < 0 {
		l, c := feedsLimitPos(doc)
		errs.Add(msgPositive.At(path, l, c, "Key", "feeds.limit", "Value", s.Feeds.Limit))
	}
	if s.TimeZone == "" {
		s.TimeZone = "UTC"
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if s.TimeZone == "Local" {
		l, c := keyPos("timeZone")
		errs.Add(msgZoneLocal.At(path, l, c))
		loc = time.UTC
	} else if err != nil {
		l, c := keyPos("timeZone")
		errs.Add(msgZoneUnknown.At(path, l, c, "Zone", s.TimeZone))
		loc = time.UTC
	}
	s.Location = loc
	checkDeploy(path, doc, &s.Deploy, errs)
	checkImages(path, doc, &s.Images, errs)
}

func reflectKeys(v any) map[string]bool {
	keys := map[string]bool{}
	switch v.(type) {
	case *Site:
		for _, k := range []string{"baseURL", "defaultLanguage", "languages", "theme", "timeZone", "pageSize", "unsafeHTML", "feeds", "tags", "staleNotice", "params", "deploy", "images"} {
			keys[k] = true
		}
	case *Language:
		for _, k := range []string{"code", "name", "locale", "title", "weight"} {
			keys[k] = true
		}
	case *Tags:
		keys["strict"] = true
	case *Feeds:
		for _, k := range []string{"limit", "fullContent"} {
			keys[k] = true
		}
	case *Images:
		for _, k := range []string{"widths", "quality", "jpegQuality", "keepCredit", "original", "maxPixels", "maxBytes", "sizes"} {
			keys[k] = true
		}
	case *Deploy:
		for _, k := range []string{"targets", "cacheControl", "gzip"} {
			keys[k] = true
		}
	case *DeployTarget:
		for _, k := range []string{"name", "url"} {
			keys[k] = true
		}
	case *CacheRule:
		for _, k := range []string{"pattern", "value"} {
			keys[k] = true
		}
	}
	return keys
}

func checkKeys(path string, m *yaml.Node, known map[string]bool, errs *diag.List) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if !known[k.Value] {
			names := make([]string, 0, len(known))
			for n := range known {
				names = append(names, n)
			}
			slices.Sort(names)
			errs.Add(msgUnknownKey.At(path, k.Line, k.Column, "Key", k.Value, "Known", strings.Join(names, ", ")))
		}
	}
}

// yamlTypeErr matches the entries of a yaml.TypeError.
var yamlTypeErr = regexp.MustCompile("^line (\\d+): cannot unmarshal !!\\w+(?: `(.*)`)? into (.+)$")

// wanted says in words what a Go type needs.
var wanted = map[string]diag.Message{
	"int":                     diag.Message{ID: "config.want-int", Text: "a whole number"},
	"bool":                    msgWantBool,
	"*bool":                   msgWantBool,
	"string":                  diag.Message{ID: "config.want-text", Text: "text"},
	"[]config.Language":       diag.Message{ID: "config.want-languages", Text: "a list of languages"},
	"config.Language":         diag.Message{ID: "config.want-language", Text: "a mapping with code, name, locale, title and weight"},
	"config.Feeds":            diag.Message{ID: "config.want-feeds", Text: "a mapping with limit and fullContent"},
	"config.Tags":             diag.Message{ID: "config.want-tags", Text: "a mapping with strict, like {strict: true}"},
	"map[string]interface {}": msgKindMapping,
	"config.Deploy":           diag.Message{ID: "config.want-deploy", Text: "a mapping with targets, cacheControl and gzip"},
	"config.Images":           diag.Message{ID: "config.want-images", Text: "a mapping with widths, quality, jpegQuality, keepCredit, original, maxPixels, maxBytes and sizes"},
	"[]int":                   diag.Message{ID: "config.want-ints", Text: "a list of whole numbers"},
	"[]config.DeployTarget":   diag.Message{ID: "config.want-targets", Text: "a list of targets, each with a name and a url"},
	"config.DeployTarget":     diag.Message{ID: "config.want-target", Text: "a mapping with name and url"},
	"[]config.CacheRule":      diag.Message{ID: "config.want-rules", Text: "a list of rules, each with a pattern and a value"},
	"config.CacheRule":        diag.Message{ID: "config.want-rule", Text: "a mapping with pattern and value"},
}

// The messages of values yaml.v3 could not decode.
var (
	msgWantBool    = diag.Message{ID: "config.want-bool", Text: "true or false"}
	msgKindList    = diag.Message{ID: "kind.list", Text: "a list"}
	msgKindMapping = diag.Message{ID: "kind.mapping", Text: "a mapping"}
	msgWrongType   = diag.Message{ID: "config.wrong-type", Text: "{{.Key}}: must be {{.Want}}, not {{.Got}}"}
	msgCannotUse   = diag.Message{ID: "config.cannot-use", Text: "{{.Key}}: cannot use {{.Got}} here"}
	msgKeyTwice    = diag.Message{ID: "config.key-twice", Text: "mapping key {{.Key}} already defined at line {{.Line}}"}
)

// keyTwice matches yaml.v3's message of a key set twice.
var keyTwice = regexp.MustCompile(`^mapping key (".*") already defined at line (\d+)$`)

func addYAMLErr(path string, doc *yaml.Node, err error, errs *diag.List) {
	te, ok := err.(*yaml.TypeError)
	if !ok {
		errs.Add(msgInvalid.At(path, 0, 0, "Problem", err))
		return
	}
	for _, e := range te.Errors {
		errs.Add(typeErr(path, doc, e))
	}
}

// typeErr says one entry of a yaml.TypeError.
func typeErr(path string, doc *yaml.Node, e string) *diag.Diagnostic {
	line := 0
	if m := yamlTypeErr.FindStringSubmatch(e); m != nil {
		fmt.Sscan(m[1], &line)
		if key, v := findValue(doc, "", line, m[2]); v != nil {
			if w, ok := wanted[m[3]]; ok {
				return msgWrongType.At(path, line, v.Column, "Key", key, "Want", w, "Got", describe(v))
			}
			return msgCannotUse.At(path, line, v.Column, "Key", key, "Got", describe(v))
		}
	}
	problem := e
	if m := yamlLine.FindStringSubmatch("yaml: " + e); m != nil {
		fmt.Sscan(m[1], &line)
		problem = m[2]
	}
	if m := keyTwice.FindStringSubmatch(problem); m != nil {
		return msgKeyTwice.At(path, line, 0, "Key", m[1], "Line", m[2])
	}
	return msgInvalid.At(path, line, 0, "Problem", problem)
}

// findValue finds the value on the given line that yaml.v3 reported as
// text, and the dotted key leading to it ("languages.code").
func findValue(n *yaml.Node, key string, line int, text string) (string, *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if key != "" {
				k = key + "." + k
			}
			if name, v := findValue(n.Content[i+1], k, line, text); v != nil {
				return name, v
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if name, v := findValue(c, key, line, text); v != nil {
				return name, v
			}
		}
	}
	if n.Line == line && key != "" && (n.Kind != yaml.ScalarNode || n.Value == text) {
		return key, n
	}
	return "", nil
}

// describe says what n is: a list, a mapping (said in the reader's
// language), or its value in quotes.
func describe(n *yaml.Node) any {
	switch n.Kind {
	case yaml.SequenceNode:
		return msgKindList
	case yaml.MappingNode:
		return msgKindMapping
	}
	return fmt.Sprintf("%q", n.Value)
}

func feedsLimitPos(doc *yaml.Node) (int, int) {
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "feeds" {
			f := doc.Content[i+1]
			for j := 0; j+1 < len(f.Content); j += 2 {
				if f.Content[j].Value == "limit" {
					return f.Content[j+1].Line, f.Content[j+1].Column
				}
			}
		}
	}
	return 0, 0
}

package config

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"gopkg.in/yaml.v3"
)

// Deploy says where gen deploy publishes the built site and how.
type Deploy struct {
	// Targets are the places to publish to, by name; the first is the
	// default.
	Targets []DeployTarget `yaml:"targets"`
	// CacheControl rules come before gen's own; the first that matches a
	// file gives its Cache-Control.
	CacheControl []CacheRule `yaml:"cacheControl"`
	// Gzip stores text files compressed, with Content-Encoding: gzip.
	Gzip bool `yaml:"gzip"`
}

// DeployTarget is one place to publish to.
type DeployTarget struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"` // s3://bucket?region=…, gs://bucket, azblob://container, file:///path
}

// CacheRule gives the files matching Pattern a Cache-Control header.
// A pattern without a slash matches the file's name (*.pdf); one with a
// slash, its whole path from the top of the site (css/*, zh/news/*/index.html).
// * stands for any characters but a slash.
type CacheRule struct {
	Pattern string `yaml:"pattern"`
	Value   string `yaml:"value"` // "" sends no Cache-Control
}

// DeploySchemes are the kinds of target gen deploy knows.
var DeploySchemes = []string{"s3", "gs", "azblob", "file"}

// Target returns the target with the given name.
func (d *Deploy) Target(name string) (DeployTarget, bool) {
	for _, t := range d.Targets {
		if t.Name == name {
			return t, true
		}
	}
	return DeployTarget{}, false
}

// checkDeploy checks the deploy mapping of the document doc, once decoded
// into d.
func checkDeploy(file string, doc *yaml.Node, d *Deploy, errs *diag.List) {
	node := child(doc, "deploy")
	if node == nil {
		return
	}
	targets, rules := child(node, "targets"), child(node, "cacheControl")
	seen := map[string]bool{}
	for i, t := range d.Targets {
		line, col := item(targets, i)
		switch {
		case t.Name == "":
			errs.Add(msgTargetName.At(file, line, col))
		case seen[t.Name]:
			errs.Add(msgTargetTwice.At(file, line, col, "Name", strconv.Quote(t.Name)))
		}
		seen[t.Name] = true
		if p := TargetURLProblem(t.URL); p != nil {
			errs.Add(msgTargetURL.At(file, line, col, "Problem", p))
		}
	}
	for i, r := range d.CacheControl {
		line, col := item(rules, i)
		if r.Pattern == "" {
			errs.Add(msgRulePattern.At(file, line, col))
		} else if _, err := path.Match(r.Pattern, ""); err != nil {
			errs.Add(msgRuleBadPattern.At(file, line, col, "Pattern", strconv.Quote(r.Pattern)))
		}
	}
}

// The messages of a target's URL.
var (
	msgTargetURL      = diag.Message{ID: "config.deploy-target-url", Text: "deploy.targets: {{.Problem}}"}
	msgTargetNoURL    = diag.Message{ID: "config.target-no-url", Text: "a target needs a url, such as s3://bucket?region=eu-central-1"}
	msgTargetScheme   = diag.Message{ID: "config.target-scheme", Text: "url {{.URL}} must start with s3://, gs://, azblob:// or file://"}
	msgTargetUser     = diag.Message{ID: "config.target-user", Text: "url {{.URL}} holds a user name or password: leave them out, gen deploy takes credentials from the environment"}
	msgTargetNoFolder = diag.Message{ID: "config.target-no-folder", Text: "url {{.URL}} names no folder: write it like file:///srv/www/press"}
	msgTargetNoBucket = diag.Message{ID: "config.target-no-bucket", Text: "url {{.URL}} names no bucket: write it like {{.Scheme}}://bucket"}
)

// TargetURLProblem returns what is wrong with a target's URL, as a
// diagnostic without a place (say it with speak, or put it in a message
// of its own), or nil.
func TargetURLProblem(raw string) *diag.Diagnostic {
	if raw == "" {
		return msgTargetNoURL.At("", 0, 0)
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil || !slices.Contains(DeploySchemes, u.Scheme):
		return msgTargetScheme.At("", 0, 0, "URL", quote(raw))
	case u.User != nil:
		return msgTargetUser.At("", 0, 0, "URL", quote(raw))
	case u.Scheme == "file" && u.Path == "":
		return msgTargetNoFolder.At("", 0, 0, "URL", quote(raw))
	case u.Scheme != "file" && u.Host == "":
		return msgTargetNoBucket.At("", 0, 0, "URL", quote(raw), "Scheme", u.Scheme)
	}
	return nil
}

func quote(s string) string { return `"` + s + `"` }

// Match reports whether the file at p (slash-separated, from the top of
// the site) matches the pattern of r.
func (r CacheRule) Match(p string) bool {
	subject := p
	if !strings.Contains(r.Pattern, "/") {
		subject = path.Base(p)
	}
	ok, _ := path.Match(r.Pattern, subject)
	return ok
}

// child returns the value of key in the mapping m, or nil.
func child(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// item returns the position of the i-th entry of the list seq.
func item(seq *yaml.Node, i int) (int, int) {
	if seq == nil || seq.Kind != yaml.SequenceNode || i >= len(seq.Content) {
		return 0, 0
	}
	return seq.Content[i].Line, seq.Content[i].Column
}

// checkDeployKeys reports unknown keys inside the deploy mapping.
func checkDeployKeys(file string, node *yaml.Node, errs *diag.List) {
	if node == nil || node.Kind != yaml.MappingNode {
		return
	}
	checkKeys(file, node, reflectKeys(&Deploy{}), errs)
	for _, list := range []struct {
		key   string
		known map[string]bool
	}{{"targets", reflectKeys(&DeployTarget{})}, {"cacheControl", reflectKeys(&CacheRule{})}} {
		key, known := list.key, list.known
		if seq := child(node, key); seq != nil && seq.Kind == yaml.SequenceNode {
			for _, m := range seq.Content {
				if m.Kind == yaml.MappingNode {
					checkKeys(file, m, known, errs)
				}
			}
		}
	}
}

var (
	msgTargetName     = diag.Message{ID: "config.deploy-target-name", Text: "deploy.targets: a target needs a name, such as production"}
	msgTargetTwice    = diag.Message{ID: "config.deploy-target-twice", Text: "deploy.targets: {{.Name}} is listed twice"}
	msgRulePattern    = diag.Message{ID: "config.deploy-rule-pattern", Text: `deploy.cacheControl: a rule needs a pattern, such as "*.pdf"`}
	msgRuleBadPattern = diag.Message{ID: "config.deploy-bad-pattern", Text: `deploy.cacheControl: pattern {{.Pattern}} is not a valid pattern (write it like "*.pdf" or "css/*")`}
)

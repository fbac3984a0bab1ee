package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// gen init writes a site that builds at once with the theme in the binary:
// every page in three languages, no problem for gen check, every
// translation up to date for gen status.
func TestInitWritesASiteThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "press")
	r := gen(t, nil, "init", dir, "--title", "Harbin Expo Press Office")
	if r.code != 0 || !strings.Contains(r.stdout, "Created a new site in "+dir) {
		t.Fatalf("gen init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := gen(t, nil, "build", "--source", dir, "--now", "2024-06-01"); r.code != 0 {
		t.Fatalf("gen build: exit %d\n%s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "public")
	for _, lang := range []string{"zh", "ru", "en"} {
		for _, page := range []string{"index.html", "news/index.html", "news/expo-opens/index.html", "tags/index.html", "tags/expo/index.html", "events/index.html", "404.html"} {
			body, err := os.ReadFile(filepath.Join(out, lang, page))
			if err != nil {
				t.Errorf("no %s/%s", lang, page)
				continue
			}
			for _, want := range []string{`<link rel="stylesheet"`, "Harbin Expo Press Office", "</html>"} {
				if !strings.Contains(string(body), want) {
					t.Errorf("%s/%s lacks %q", lang, page, want)
				}
			}
		}
	}
	for lang, want := range map[string]string{"zh": "第八届中俄博览会在哈尔滨开幕", "ru": "В Харбине открылось", "en": "8th China–Russia Expo opens"} {
		if body, _ := os.ReadFile(filepath.Join(out, lang, "news", "expo-opens", "index.html")); !strings.Contains(string(body), want) {
			t.Errorf("the %s release lacks its title %q", lang, want)
		}
	}
	if r := gen(t, nil, "check", "--source", dir, "--now", "2024-06-01"); r.code != 0 || r.stdout != "" {
		t.Errorf("gen check on a new site: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := gen(t, nil, "status", "--source", dir); r.code != 0 || !strings.Contains(r.stdout, "0 out of date, 0 missing, 0 not marked") {
		t.Errorf("gen status on a new site: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// gen new site DIR is gen init DIR (Hugo's habit), and a folder that holds
// anything is refused with nothing written.
func TestNewSiteAndNonEmptyFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if r := gen(t, nil, "new", "site", dir); r.code != 0 {
		t.Fatalf("gen new site: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	r := gen(t, nil, "init", dir)
	if r.code != 2 || !strings.Contains(r.stderr, "is not empty") {
		t.Errorf("gen init on a site: exit %d\n%s", r.code, r.stderr)
	}
	if d := diffTrees(before, tree(t, dir)); len(d) > 0 {
		t.Errorf("changed: %v", d)
	}
	if r := gen(t, nil, "init"); r.code != 2 || !strings.Contains(r.stderr, "name the folder for the new site") {
		t.Errorf("gen init alone: exit %d\n%s", r.code, r.stderr)
	}
}

// The CI files gen init writes run: each gen command of their steps works
// on a new site, with the variables CI would give.
func TestInitsCIFilesRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if r := gen(t, nil, "init", dir); r.code != 0 {
		t.Fatalf("gen init: %s", r.stderr)
	}
	var github struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	var gitlab map[string]struct {
		Script    []string `yaml:"script"`
		Artifacts struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
		Cache struct {
			Paths []string `yaml:"paths"`
		} `yaml:"cache"`
	}
	readYAML(t, filepath.Join(dir, ".github", "workflows", "publish.yml"), &github)
	readYAML(t, filepath.Join(dir, ".gitlab-ci.yml"), &gitlab)
	var commands []string
	for _, job := range github.Jobs {
		for _, s := range job.Steps {
			commands = append(commands, s.Run)
		}
	}
	commands = append(commands, gitlab["pages"].Script...)
	if p := gitlab["pages"].Artifacts.Paths; len(p) != 1 || p[0] != "public" {
		t.Errorf("GitLab Pages publishes public/, the artifact is %v", p)
	}
	vars := strings.NewReplacer(`${{ steps.pages.outputs.base_url }}`, "https://octo.github.io/press", "$CI_PAGES_URL", "https://press.gitlab.io/site")
	ran := 0
	for _, line := range commands {
		line = strings.TrimSpace(vars.Replace(line))
		if !strings.HasPrefix(line, "gen ") {
			continue
		}
		args := splitArgs(line)[1:]
		args = append(args, "--source", dir, "--now", "2024-06-01")
		if r := gen(t, nil, args...); r.code != 0 {
			t.Errorf("%s: exit %d\n%s%s", line, r.code, r.stdout, r.stderr)
		}
		ran++
	}
	if ran != 4 {
		t.Errorf("ran %d gen commands of the CI files, want 4 (check and build, twice)", ran)
	}
	// GitLab keeps the picture cache it names, inside the site's folder.
	if entries, err := os.ReadDir(filepath.Join(dir, ".gen-cache")); err != nil || len(entries) == 0 {
		t.Errorf("the GitLab job's --cacheDir .gen-cache is not in the site's folder: %v", err)
	}
	if p := gitlab["pages"].Cache.Paths; len(p) != 1 || p[0] != ".gen-cache" {
		t.Errorf("GitLab keeps %v between runs, want the picture cache .gen-cache", p)
	}
	workflow, _ := os.ReadFile(filepath.Join(dir, ".github", "workflows", "publish.yml"))
	if !strings.Contains(string(workflow), "uses: actions/cache@v4\n        with:\n          path: ~/.cache/gen\n") {
		t.Error("the GitHub workflow does not keep gen's picture cache (~/.cache/gen) between runs")
	}
}

func readYAML(t *testing.T, p string, v any) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
}

// splitArgs splits a shell line into words, keeping "double-quoted" words
// whole.
func splitArgs(line string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`"([^"]*)"|(\S+)`).FindAllStringSubmatch(line, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

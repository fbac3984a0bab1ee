package serve_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/eventnews/gen/generator/internal/build"
	"github.com/eventnews/gen/generator/internal/serve"
)

// A site whose baseURL has a path is served under it, on the server's own
// address (Build.Origin), as a host serving the output there would:
// pages, files, 404 pages and directory redirects under /press/, "/"
// redirected to it, nothing outside it; live reload names the URLs the
// browser shows, /press/ included.
func TestServesUnderTheBasePath(t *testing.T) {
	t.Parallel()
	ts := start(t, copySampleAt(t, "https://events.example.org/press/"), serve.Options{Navigate: true, Build: build.Options{Origin: ownAddress}})
	if got := ts.srv.BasePath(); got != "/press/" {
		t.Errorf("BasePath() = %q", got)
	}
	for _, c := range []struct {
		path   string
		status int
		want   string
	}{
		{"/press/", 200, `<a href="/press/ru/" hreflang="ru"`},
		{"/press/en/", 200, `<link rel="stylesheet" href="/press/css/main.css">`},
		{"/press" + releaseURL, 200, `<link rel="canonical" href="` + ts.url + `/press/en/news/harbin-expo-opens/">`},
		{"/press/css/main.css", 200, "{"},
		{"/press/robots.txt", 200, "Sitemap: " + ts.url + "/press/sitemap.xml"},
		{"/press/ru/no-such-page/", 404, `lang="ru"`},
		{"/press/no-such-page", 404, `data-not-found="zh"`},
		{"/en/", 404, `/en/ is not part of the site: its baseURL puts it under <a href="/press/">/press/</a>`},
		{"/css/main.css", 404, "not part of the site"},
		{"/__gen/live.js", 200, "EventSource"},
	} {
		status, _, body := ts.get(c.path)
		if status != c.status || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d, want %d with %q; body starts %.300q", c.path, status, c.status, c.want, body)
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for from, to := range map[string]string{
		"/":                                   "/press/",
		"/?a=1":                               "/press/?a=1",
		"/press":                              "/press/",
		"/press/en/news/harbin-expo-opens":    "/press" + releaseURL,
		"/press/en/news/harbin-expo-opens?q=": "/press" + releaseURL + "?q=",
	} {
		resp, err := client.Get(ts.url + from)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Header.Get("Location") != to || resp.StatusCode/100 != 3 {
			t.Errorf("GET %s: %d to %q, want a redirect to %s", from, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
	es := ts.stream()
	ts.write(release, ts.read(release)+"\nOne more paragraph.\n")
	m := es.next("navigate", func(m map[string]any) bool { return m["navigate"] != nil })
	if m["navigate"] != "/press"+releaseURL || !hasPath(m, "/press"+releaseURL) {
		t.Errorf("live reload names %v and navigates to %v, want %s", m["paths"], m["navigate"], "/press"+releaseURL)
	}
}

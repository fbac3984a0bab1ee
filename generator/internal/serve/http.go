package serve

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"github.com/eventnews/gen/generator/internal/render"
	"github.com/eventnews/gen/generator/internal/site"
	"github.com/eventnews/gen/generator/internal/speak"
)

// contentTypes maps extensions to what a static host sends; others fall
// back to the system's table, then application/octet-stream.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".ics":         "text/calendar; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".pdf":         "application/pdf",
	".mp4":         "video/mp4",
	".webm":        "video/webm",
	".mp3":         "audio/mpeg",
	".zip":         "application/zip",
	".webmanifest": "application/manifest+json",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// ServeHTTP answers GET and HEAD for the built site, the live-reload
// script and its event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !s.hostAllowed(r.Host) {
		http.Error(w, s.speak.Say(msgForeignHost), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case livePath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, liveJS)
		return
	case eventsPath:
		s.serveEvents(w, r)
		return
	}
	full, ok := sitePath(r.URL)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	snap := s.snap.Load()
	if !snap.built {
		s.writeHTML(w, r, snap, http.StatusInternalServerError, []byte(overlayPage), true)
		return
	}
	base := site.DecodedPath(snap.basePath())
	rel, inside := strings.CutPrefix("/"+full, base)
	if !inside {
		s.outside(w, r, snap, base)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, ok := snap.files[name]
	if !ok && name == rel {
		if _, dir := snap.files[rel+"/index.html"]; dir {
			target := &url.URL{Path: base + rel + "/", RawQuery: r.URL.RawQuery}
			http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
			return
		}
	}
	if !ok {
		s.notFound(w, r, snap, base, rel)
		return
	}
	s.serveFile(w, r, snap, f, http.StatusOK)
}

// outside answers a path outside the base path (decoded): "/" and the base
// path without its final "/" redirect to the base path, anything else is
// not part of the site.
func (s *Server) outside(w http.ResponseWriter, r *http.Request, snap *snapshot, base string) {
	if r.URL.Path == "/" || r.URL.Path+"/" == base {
		target := &url.URL{Path: base, RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusFound)
		return
	}
	link := (&url.URL{Path: base}).String()
	body := fmt.Sprintf("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>%s is not part of the site: its baseURL puts it under <a href=\"%s\">%s</a>.</p></body></html>\n",
		html.EscapeString(r.URL.Path), html.EscapeString(link), html.EscapeString(base))
	s.writeHTML(w, r, snap, http.StatusNotFound, []byte(body), false)
}

const (
	livePath   = "/__gen/live.js"
	eventsPath = "/__gen/events"
)

// overlayPage is the page served while the site has never built.
const overlayPage = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>gen serve: the site does not build</title></head><body></body></html>\n"

// sitePath returns the path a URL asks for, decoded, without the leading
// slash. It refuses NUL bytes, backslashes, and "." or ".." segments
// however they are encoded.
func sitePath(u *url.URL) (string, bool) {
	p := u.Path
	if p == "" || p[0] != '/' {
		return "", false
	}
	if strings.ContainsAny(p, "\x00\\") || strings.Contains(strings.ToLower(u.RawPath), "%5c") {
		return "", false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	return p[1:], true
}

// notFound serves the 404 page of the language the path (rel, under the
// base path) starts with, else the site's /404.html, as a static host
// configured for the site would.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot, base, rel string) {
	first, _, _ := strings.Cut(rel, "/")
	for _, name := range []string{first + "/404.html", "404.html"} {
		if f, ok := snap.files[name]; ok {
			s.serveFile(w, r, snap, f, http.StatusNotFound)
			return
		}
	}
	body := fmt.Sprintf("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>%s is not part of the site.</p></body></html>\n", html.EscapeString(base+rel))
	s.writeHTML(w, r, snap, http.StatusNotFound, []byte(body), false)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, snap *snapshot, f render.File, status int) {
	ctype := contentType(f.Path)
	if f.Src == "" && strings.HasPrefix(ctype, "text/html") {
		s.writePage(w, r, snap, status, f.Bytes, snap.panels[f.Path])
		return
	}
	w.Header().Set("Content-Type", ctype)
	if f.Disk != "" {
		// A processed picture, in the picture cache gen itself wrote.
		in, err := os.Open(f.Disk)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		defer in.Close()
		http.ServeContent(w, r, f.Path, time.Time{}, in)
		return
	}
	if f.Src == "" {
		if status != http.StatusOK {
			w.WriteHeader(status)
			if r.Method != http.MethodHead {
				w.Write(f.Bytes)
			}
			return
		}
		http.ServeContent(w, r, f.Path, time.Time{}, bytes.NewReader(f.Bytes))
		return
	}
	// Files copied from the site are read through sitefs, so that no
	// symbolic link leads outside it, or from the theme in the binary.
	src, err := s.files.Open(f.Src)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	seeker, ok := src.(io.ReadSeeker)
	if status != http.StatusOK || !ok {
		w.WriteHeader(status)
		io.Copy(w, src)
		return
	}
	http.ServeContent(w, r, f.Path, time.Time{}, seeker)
}

// writeHTML sends a page with the live-reload script and, while the site
// does not build, the error overlay, added before </body>.
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, snap *snapshot, status int, page []byte, empty bool) {
	s.writeTail(w, r, snap, status, page, empty, "")
}

// writePage is writeHTML for a page of the site, with its warning panel.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, snap *snapshot, status int, page []byte, panel string) {
	s.writeTail(w, r, snap, status, page, false, panel)
}

func (s *Server) writeTail(w http.ResponseWriter, r *http.Request, snap *snapshot, status int, page []byte, empty bool, panel string) {
	var tail strings.Builder
	tail.WriteString(panel)
	lang := pageLang(page, r.URL.Path)
	if empty {
		lang = pageLang(nil, r.URL.Path) // the stand-in page of a site that never built
	}
	tail.WriteString(snap.overlay.in(lang))
	if !s.opts.NoLiveReload {
		fmt.Fprintf(&tail, `<script src="%s" data-instance="%s" data-gen="%d" data-lang="%s"`, livePath, s.instance, snap.gen, lang)
		if s.opts.Navigate {
			tail.WriteString(` data-navigate="1"`)
		}
		if empty {
			tail.WriteString(` data-empty="1"`)
		}
		tail.WriteString("></script>\n")
	}
	out := inject(page, tail.String())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(out)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(out)
	}
}

// inject puts tail before the last </body>, or at the end.
func inject(page []byte, tail string) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tail))
	out = append(out, page[:i]...)
	out = append(out, tail...)
	return append(out, page[i:]...)
}

// hostAllowed reports whether a Host header names this machine in a way a
// page elsewhere cannot forge through DNS: localhost, a loopback address,
// a name given with --bind or --baseURL, or, when listening on every
// interface, any IP address.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || s.hosts[host] {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || s.anyIP)
}

// sameOrigin checks the Origin of a live-reload request: a browser sends
// it on cross-origin requests, and it must then be this server.
func (s *Server) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host) && s.hostAllowed(u.Host)
}

// pageLang returns the language of a page for the overlay: its <html
// lang> ("zh-Hans" is zh), else the first or second segment of its URL
// path ("/zh/", "/press/zh/"), when gen speaks it; else English.
func pageLang(page []byte, urlPath string) string {
	head := page[:min(len(page), 4096)]
	if i := bytes.Index(head, []byte("<html")); i >= 0 {
		tag := head[i:]
		if j := bytes.IndexByte(tag, '>'); j >= 0 {
			tag = tag[:j]
		}
		if _, v, ok := bytes.Cut(tag, []byte(` lang="`)); ok {
			v, _, _ = bytes.Cut(v, []byte(`"`))
			primary, _, _ := strings.Cut(strings.ToLower(string(v)), "-")
			if speak.Supported(primary) {
				return primary
			}
		}
	}
	segs := strings.Split(strings.Trim(urlPath, "/"), "/")
	for _, seg := range segs[:min(2, len(segs))] {
		if speak.Supported(seg) {
			return seg
		}
	}
	return "en"
}

package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// message is what the event stream tells open tabs. Instance changes when
// the server restarts, so a tab from an earlier run reloads.
type message struct {
	Instance string `json:"instance"`
	// Paths are the site URLs whose output changed ("/en/news/x/").
	Paths []string `json:"paths,omitempty"`
	// Navigate is the page of the file that changed, for --navigate.
	Navigate string `json:"navigate,omitempty"`
	// Overlay is the error overlay to show, in each language gen speaks (a
	// tab shows the one of its page's language); null leaves it as it is,
	// "" hides it.
	Overlay overlays `json:"overlay,omitempty"`
	// Gen is set on the first message of a stream: the generation of the
	// output being served. A tab whose page is older reloads.
	Gen uint64 `json:"gen,omitempty"`
}

// hub sends messages to every open event stream.
type hub struct {
	mu     sync.Mutex
	subs   map[chan []byte]bool
	closed bool
	done   chan struct{}
}

func newHub() *hub { return &hub{subs: map[chan []byte]bool{}, done: make(chan struct{})} }

// subBuffer is how many messages a slow tab may fall behind before its
// stream is closed (the browser then reconnects).
const subBuffer = 64

func (h *hub) subscribe() (chan []byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch := make(chan []byte, subBuffer)
	h.subs[ch] = true
	return ch, true
}

func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[ch] {
		delete(h.subs, ch)
		close(ch)
	}
}

func (h *hub) publish(m message) {
	data, _ := json.Marshal(m)
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- data:
		default:
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// close ends every stream; later subscriptions fail.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// serveEvents is the Server-Sent Events stream at /__gen/events.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if !s.sameOrigin(r) {
		http.Error(w, "gen serve: live reload answers only to pages it served itself", http.StatusForbidden)
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "gen serve is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	snap := s.snap.Load()
	hello := message{Instance: s.instance, Overlay: snap.overlay, Gen: snap.gen}
	if hello.Overlay == nil {
		hello.Overlay = hidden()
	}
	data, _ := json.Marshal(hello)
	fmt.Fprintf(w, "retry: 1000\ndata: %s\n\n", data)
	flusher.Flush()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case data, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "data: %s\n\n", data)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

// liveJS is served at /__gen/live.js and loaded by every HTML page. It
// reloads the tab when its page, a stylesheet, a script or a file the page
// uses changed, shows and hides the error overlay, and with --navigate goes
// to the page that changed.
const liveJS = `(function () {
  "use strict";
  var me = document.currentScript;
  var instance = me.getAttribute("data-instance");
  var navigate = me.getAttribute("data-navigate") === "1";
  var empty = me.getAttribute("data-empty") === "1";
  var gen = Number(me.getAttribute("data-gen"));
  var lang = me.getAttribute("data-lang") || "en";
  function dec(p) {
    try { return decodeURI(p); } catch (e) { return p; }
  }
  function here() {
    return dec(location.pathname).replace(/\/index\.html$/, "/");
  }
  function used(p) {
    var els = document.querySelectorAll("[src],link[href]");
    for (var i = 0; i < els.length; i++) {
      var v = els[i].getAttribute("src") || els[i].getAttribute("href");
      try {
        var u = new URL(v, location.href);
        if (u.origin === location.origin && dec(u.pathname) === p) return true;
      } catch (e) {}
    }
    return false;
  }
  function affects(p) {
    if (p === here()) return true;
    if (/\.(css|js)$/.test(p)) return true;
    if (/(\/|\.html|\.xml|\.ics|\.json|\.txt)$/.test(p)) return false;
    return used(p);
  }
  function bindClose(o) {
    var b = o.querySelector(".gen-close");
    if (b) b.onclick = function () { o.style.display = "none"; };
  }
  function setOverlay(html) {
    var o = document.getElementById("gen-overlay");
    if (!html) { if (o) o.remove(); return; }
    var box = document.createElement("div");
    box.innerHTML = html;
    var n = box.firstElementChild;
    if (o) o.replaceWith(n); else document.body.appendChild(n);
    bindClose(n);
  }
  var first = document.getElementById("gen-overlay");
  if (first) bindClose(first);
  var es = new EventSource("/__gen/events");
  es.onopen = function () { window.__genLive = true; }; // tests wait for it
  es.onmessage = function (e) {
    var m = JSON.parse(e.data);
    if (m.instance !== instance || (m.gen && m.gen !== gen)) { es.close(); location.reload(); return; }
    if (m.overlay) setOverlay(m.overlay[lang] || m.overlay.en || "");
    var paths = (m.paths || []).map(dec);
    if (!paths.length) return;
    if (navigate && m.navigate && dec(m.navigate) !== here()) { es.close(); location.href = m.navigate; return; }
    if (empty || paths.some(affects)) { es.close(); location.reload(); }
  };
})();
`

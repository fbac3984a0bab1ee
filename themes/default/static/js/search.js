// The search page of the default theme: it reads the static index gen
// writes beside the page (generator/internal/search describes the files)
// and shows the releases that hold every word of the query, best first.
// It needs search-terms.js, loaded before it, for the query's terms.
(function () {
  "use strict";

  const root = document.getElementById("search");
  const T = window.genSearchTerms;
  if (!root || !T) return;

  const PAGE = 10; // results shown at a time
  const DEBOUNCE = 150; // ms after the last key before searching
  const MAX_PREFIX_CHUNKS = 4; // chunks read for the word being typed
  const SNIPPET = 160; // characters around the first match

  const form = root.querySelector("form");
  const input = root.querySelector("#search-q");
  const tagSelect = root.querySelector("#search-tag");
  const yearSelect = root.querySelector("#search-year");
  const status = root.querySelector("#search-status");
  const list = root.querySelector("#search-results");
  const more = root.querySelector("#search-more");
  const text = root.dataset;
  const indexURL = new URL(text.index, location.href);

  const files = new Map(); // URL → promise of its JSON
  function load(name) {
    const url = new URL(name, indexURL).href;
    if (!files.has(url)) {
      files.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }));
    }
    return files.get(url);
  }

  // Keys are compared in code point order, as gen sorted them.
  function compare(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) {
        const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
        return sx !== sy ? (sx ? 1 : -1) : x - y;
      }
    }
    return a.length - b.length;
  }

  // chunkOf is the index of the chunk whose range holds key.
  function chunkOf(meta, key) {
    let lo = 0, hi = meta.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compare(meta.chunks[mid][0], key) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  const chunk = (meta, i) => load("t." + meta.chunks[i][1] + ".json");

  // postings decodes a term's postings into a Map of document id → flags
  // (1 the tags' labels, 2 the body, 4 the title).
  function postings(list) {
    const m = new Map();
    let doc = -1;
    for (const v of list || []) {
      doc += Math.floor(v / 8) + 1;
      m.set(doc, v % 8);
    }
    return m;
  }

  // parse splits a query into units that must all match: a word (its
  // stem; the last word, while not followed by a space, also as a prefix)
  // or a run of CJK characters.
  function parse(q) {
    const tokens = T.scan(q);
    const units = tokens.map((t) => t.cjk ? { cjk: true, text: t.text } : { cjk: false, form: t.text, stem: T.stem(t.text) });
    const last = units[units.length - 1];
    if (last && !last.cjk && !/\s$/.test(q) && Array.from(last.form).length >= 2) last.prefix = true;
    return units;
  }

  // term reads the postings of one key.
  async function term(meta, key) {
    const c = await chunk(meta, chunkOf(meta, key));
    return postings(c.t[key]);
  }

  // prefixed reads the postings of every stem whose key, or one of whose
  // word forms, starts with prefix: a Map of document id → flags.
  async function prefixed(meta, prefix, exact) {
    const first = chunkOf(meta, prefix);
    let last = first;
    while (last + 1 < meta.chunks.length && last - first + 1 < MAX_PREFIX_CHUNKS && meta.chunks[last + 1][0].startsWith(prefix)) last++;
    const stems = new Set();
    for (let i = first; i <= last; i++) {
      const c = await chunk(meta, i);
      for (const k in c.t) if (k.startsWith(prefix)) stems.add(k);
      for (const k in c.f) if (k.startsWith(prefix)) stems.add(c.f[k]);
    }
    stems.delete(exact);
    const out = new Map();
    await Promise.all(Array.from(stems, async (s) => {
      for (const [d, f] of await term(meta, s)) out.set(d, (out.get(d) || 0) | f);
    }));
    return out;
  }

  // Scores of one unit in a document: a match in the title above one in
  // the body, above one in the tags' labels; a whole word above a prefix;
  // a CJK run above its characters apart.
  const WHOLE = [0, 4, 8, 8, 16, 16, 16, 16]; // by flags
  const PREFIX = [0, 3, 6, 6, 12, 12, 12, 12];
  const APART = [0, 1, 2, 2, 4, 4, 4, 4];

  async function scoreWord(meta, u) {
    const [exact, pre] = await Promise.all([term(meta, u.stem), u.prefix ? prefixed(meta, u.form, u.stem) : new Map()]);
    const out = new Map();
    for (const [d, f] of pre) out.set(d, PREFIX[f]);
    for (const [d, f] of exact) out.set(d, Math.max(WHOLE[f], out.get(d) || 0));
    return out;
  }

  async function scoreRun(meta, u) {
    const chars = Array.from(u.text);
    const grams = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
    const [ones, twos] = await Promise.all([
      Promise.all(chars.map((c) => term(meta, c))),
      Promise.all(grams.map((g) => term(meta, g))),
    ]);
    const out = new Map();
    for (const [d, f] of ones[0]) {
      let all = f, ok = true;
      for (const m of ones) {
        if (!m.has(d)) { ok = false; break; }
        all &= m.get(d);
      }
      if (!ok) continue;
      if (chars.length === 1) { out.set(d, WHOLE[f]); continue; }
      // All the pairs in one field: the run is (almost surely) there.
      let run = 7, whole = true;
      for (const m of twos) {
        if (!m.has(d)) { whole = false; break; }
        run &= m.get(d);
      }
      out.set(d, whole && run ? WHOLE[run] : APART[all || 1]);
    }
    return out;
  }

  // run finds the documents that match every unit, best first (the sum
  // of the units' scores), newer first among equals (ids go newest first).
  async function run(meta, units, filter) {
    const scores = await Promise.all(units.map((u) => u.cjk ? scoreRun(meta, u) : scoreWord(meta, u)));
    scores.sort((a, b) => a.size - b.size);
    const hits = [];
    for (const [d, s] of scores[0]) {
      let total = s;
      for (let i = 1; i < scores.length && total >= 0; i++) total = scores[i].has(d) ? total + scores[i].get(d) : -1;
      if (total >= 0 && filter(d)) hits.push([d, total]);
    }
    hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return hits.map((h) => h[0]);
  }

  async function filterOf(meta, tag, year) {
    let docs = null;
    if (tag) {
      const tags = await load(meta.filters);
      docs = new Set();
      let d = -1;
      for (const g of tags[tag] || []) docs.add(d += g + 1);
    }
    const y = meta.years.find((r) => String(r[0]) === year);
    return (d) => (!docs || docs.has(d)) && (!year || (y && d >= y[1] && d < y[2]));
  }

  // marks returns the [start, end) ranges of text that the query matched.
  function marks(text, units) {
    const stems = new Set(), prefixes = [], runs = [];
    for (const u of units) {
      if (u.cjk) runs.push(u.text); else { stems.add(u.stem); if (u.prefix) prefixes.push(u.form); }
    }
    const out = [];
    for (const t of T.scan(text)) {
      if (!t.cjk) {
        if (stems.has(T.stem(t.text)) || prefixes.some((p) => t.text.startsWith(p))) out.push([t.start, t.end]);
        continue;
      }
      // Folding leaves CJK characters as they are: offsets follow t.text.
      const chars = Array.from(t.text);
      const offsets = [t.start];
      for (const c of chars) offsets.push(offsets[offsets.length - 1] + c.length);
      for (const r of runs) {
        const want = Array.from(r);
        for (let i = 0; i + want.length <= chars.length; i++) {
          if (want.every((c, j) => chars[i + j] === c)) out.push([offsets[i], offsets[i + want.length]]);
        }
      }
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  // highlight appends text to el, with the ranges in <mark>.
  function highlight(el, text, ranges, from, to) {
    let at = from;
    for (const [s, e] of ranges) {
      if (e <= at || s >= to) continue;
      const a = Math.max(s, at), b = Math.min(e, to);
      el.append(text.slice(at, a));
      const m = document.createElement("mark");
      m.textContent = text.slice(a, b);
      el.append(m);
      at = b;
    }
    el.append(text.slice(at, to));
  }

  // bodyText is the text of a result's page: the snippet comes from the
  // page itself, which the index does not copy (the reader is likely to
  // open it next, from the browser's cache then).
  const bodies = new Map();
  function bodyText(url) {
    if (!bodies.has(url)) {
      bodies.set(url, fetch(url).then((r) => r.ok ? r.text() : "").then((html) => {
        const page = new DOMParser().parseFromString(html, "text/html");
        const body = page.querySelector("article .body") || page.querySelector("main");
        if (!body) return "";
        // Blocks apart, as the index read them.
        for (const el of body.querySelectorAll("p, li, h2, h3, h4, td, th, blockquote, pre, figcaption")) el.append("\n");
        return body.textContent.replace(/[ \t]*\n\s*/g, "\n").trim();
      }).catch(() => ""));
    }
    return bodies.get(url);
  }

  // snippet fills p with the part of text around the first match.
  function snippet(p, text, units) {
    text = text.replace(/\s+/g, " ");
    const ranges = marks(text, units);
    let from = 0;
    if (ranges.length) from = Math.max(0, ranges[0][0] - SNIPPET / 4);
    while (from > 0 && /\S/.test(text[from - 1]) && ranges[0][0] - from < SNIPPET / 2) from--;
    let to = Math.min(text.length, from + SNIPPET);
    if (/[\uD800-\uDBFF]/.test(text[to - 1] || "")) to++;
    p.replaceChildren();
    if (from > 0) p.append("… ");
    highlight(p, text, ranges, from, to);
    if (to < text.length) p.append(" …");
  }

  function result(doc, units, labels) {
    const li = document.createElement("li");
    li.className = "result";
    const h = document.createElement("h2");
    const a = document.createElement("a");
    a.href = doc.url;
    highlight(a, doc.title, marks(doc.title, units), 0, doc.title.length);
    h.append(a);
    li.append(h);
    const meta = document.createElement("p");
    meta.className = "meta";
    if (doc.date) {
      const time = document.createElement("time");
      time.dateTime = doc.iso;
      time.textContent = doc.date;
      meta.append(time);
    }
    doc.tags.forEach((k, i) => {
      meta.append(i === 0 ? (doc.date ? " · " : "") : ", ");
      const t = document.createElement("a");
      t.href = text.tagsUrl + k + "/";
      t.textContent = labels.get(k) || k;
      meta.append(t);
    });
    li.append(meta);
    const p = document.createElement("p");
    p.className = "snippet";
    li.append(p);
    bodyText(doc.url).then((body) => { if (body) snippet(p, body, units); });
    return li;
  }

  // docOf is what the results list shows of document d.
  async function docOf(d) {
    const file = await load("d." + meta.docFiles[Math.floor(d / meta.docsPerFile)] + ".json");
    return file[d % meta.docsPerFile];
  }

  let meta = null;
  let current = { hits: [], shown: 0, units: [] };
  let generation = 0;

  async function show(n) {
    const gen = generation;
    const { hits, units } = current;
    const ids = hits.slice(current.shown, current.shown + n);
    const docs = await Promise.all(ids.map(docOf));
    if (gen !== generation) return;
    const labels = new Map(meta.tags.map((t) => [t[0], t[1]]));
    for (const doc of docs) list.append(result(doc, units, labels));
    current.shown += ids.length;
    more.hidden = current.shown >= hits.length;
  }

  function say(template, values) {
    let s = template;
    for (const k in values) s = s.replace("{" + k + "}", values[k]);
    status.textContent = s;
  }

  async function search() {
    const gen = ++generation;
    const q = input.value;
    const units = parse(q);
    if (!units.length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      root.dataset.shown = q;
      return;
    }
    root.setAttribute("aria-busy", "true");
    try {
      meta = meta || await load(indexURL.href);
      const hits = await run(meta, units, await filterOf(meta, tagSelect.value, yearSelect.value));
      if (gen !== generation) return;
      current = { hits, shown: 0, units };
      list.replaceChildren();
      if (hits.length) say(text.results, { n: hits.length.toLocaleString(document.documentElement.lang) });
      else say(text.none, { q: q.trim() });
      await show(PAGE);
      root.dataset.shown = q;
    } catch (e) {
      if (gen === generation) status.textContent = text.error;
      console.error(e);
    } finally {
      if (gen === generation) root.removeAttribute("aria-busy");
    }
  }

  // The query and filters live in the address, so a search can be shared
  // and the back button returns to it.
  function address() {
    const p = new URLSearchParams();
    if (input.value) p.set("q", input.value);
    if (tagSelect.value) p.set("tag", tagSelect.value);
    if (yearSelect.value) p.set("year", yearSelect.value);
    const s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }

  function fromAddress() {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    tagSelect.value = p.get("tag") || "";
    yearSelect.value = p.get("year") || "";
  }

  let timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, "", address());
      search();
    }, DEBOUNCE);
  }

  input.addEventListener("input", later);
  for (const s of [tagSelect, yearSelect]) {
    s.addEventListener("change", () => {
      history.pushState(null, "", address());
      search();
    });
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    if (address() !== location.pathname + location.search) history.pushState(null, "", address());
    search();
  });
  window.addEventListener("popstate", () => { fromAddress(); search(); });
  more.addEventListener("click", () => {
    const first = current.shown;
    show(PAGE).then(() => {
      const link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });

  // Arrow keys move between the box and the results; Escape goes back to
  // the box.
  root.addEventListener("keydown", (e) => {
    const links = Array.from(list.querySelectorAll(".result h2 a"));
    const at = links.indexOf(document.activeElement);
    let next = null;
    if (e.key === "ArrowDown") next = document.activeElement === input ? links[0] : at >= 0 ? links[at + 1] : null;
    else if (e.key === "ArrowUp" && at >= 0) next = at === 0 ? input : links[at - 1];
    else if (e.key === "Escape" && at >= 0) next = input;
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });

  // Fill the filters from the index, then search what the address holds.
  async function start() {
    try {
      meta = await load(indexURL.href);
    } catch (e) {
      status.textContent = text.error;
      return;
    }
    const collator = new Intl.Collator(document.documentElement.lang);
    for (const [key, label, count] of meta.tags.slice().sort((a, b) => collator.compare(a[1], b[1]))) {
      tagSelect.append(new Option(label + " (" + count + ")", key));
    }
    for (const [year] of meta.years) yearSelect.append(new Option(String(year), String(year)));
    fromAddress();
    root.classList.add("ready");
    if (input.value) search();
  }
  start();
})();

package content

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/yamlerr"
	"gopkg.in/yaml.v3"
)

const bom = "\xEF\xBB\xBF"

// parseFile splits data into front matter and body and decodes the front
// matter; the body is a part of data. It returns what it could decode even
// when it reports problems.
// unreadable says the front matter could not be read as a whole, so which
// keys it has is unknown; warns are the problems that do not stop a build
// (File.Warnings).
func parseFile(p string, data []byte, opts Options) (fm FrontMatter, body []byte, bodyLine int, unreadable bool, errs, warns []*diag.Diagnostic) {
	data = bytes.TrimPrefix(data, []byte(bom))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		return FrontMatter{}, nil, 1, true, []*diag.Diagnostic{msgInvalidUTF8.At(p, line, col)}, nil
	}

	d := &decoder{path: p, loc: opts.Location, strictTags: opts.StrictTags, fm: FrontMatter{Pos: make(map[string]Pos, 16)}}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	switch strings.TrimRight(string(first), " \t") {
	case "---":
	case "+++":
		d.sayAt(1, 1, msgTOML)
		return d.fm, data, 1, true, d.errs, nil
	default:
		d.sayAt(1, 1, msgTitleRequired)
		return d.fm, data, 1, false, d.errs, nil
	}
	yamlText, body, closeLine, ok := cutFrontMatter(rest)
	if !ok {
		d.sayAt(1, 1, msgNotClosed)
		return d.fm, nil, 1, true, d.errs, nil
	}
	d.decode(yamlText)
	if !d.unreadable && !d.fm.Has("title") {
		d.sayAt(1, 1, msgTitleRequired)
	}
	return d.fm, body, closeLine + 1, d.unreadable, d.errs, d.warns
}

// cutFrontMatter finds the closing "---" line in rest, which starts at line 2.
func cutFrontMatter(rest []byte) (yamlText, body []byte, closeLine int, ok bool) {
	line := 2
	for off := 0; off < len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(rest)
		}
		if string(bytes.TrimRight(rest[off:end], " \t")) == "---" {
			return rest[:off], rest[next:], line, true
		}
		off = next
	}
	return nil, nil, 0, false
}

// invalidUTF8At returns the 1-based line and column (in characters) of the
// first byte that is not UTF-8.
func invalidUTF8At(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

type decoder struct {
	path       string
	yaml       []byte // the front matter, from line 2 of the file
	loc        *time.Location
	strictTags bool // only tag keys (site.yaml tags: {strict: true})
	fm         FrontMatter
	errs       []*diag.Diagnostic
	warns      []*diag.Diagnostic // File.Warnings
	unreadable bool
}

// say records the error m at n, its arguments given as name, value
// pairs. Front matter starts on line 2 of the file, so YAML line n is file
// line n+1.
func (d *decoder) say(n *yaml.Node, m diag.Message, args ...any) {
	d.sayAt(n.Line+1, n.Column, m, args...)
}

// sayAt records the error m at a line and column of the file.
func (d *decoder) sayAt(line, col int, m diag.Message, args ...any) {
	d.errs = append(d.errs, m.At(d.path, line, col, args...))
}

// unknownKey reports a key that is not one of known, with the nearest.
func (d *decoder) unknownKey(k *yaml.Node, what string, known []string) {
	if near := nearestKey(k.Value, known); near != "" {
		d.say(k, msgUnknownKeyNear, "What", what, "Key", k.Value, "Near", near)
		return
	}
	d.say(k, msgUnknownKey, "What", what, "Key", k.Value, "Known", strings.Join(known, ", "))
}

// badDate reports n, the value of key, which is no valid date, with a
// hint of how to write it.
func (d *decoder) badDate(n *yaml.Node, key string) {
	m, args := dateHint(n.Value)
	d.say(n, m, append([]any{"Key", key, "Value", fmt.Sprintf("%q", n.Value)}, args...)...)
}

// warn records the warning m at n, as say records an error.
func (d *decoder) warn(n *yaml.Node, m diag.Message, args ...any) {
	d.warns = append(d.warns, m.Warn(d.path, n.Line+1, n.Column, args...))
}

func (d *decoder) pos(key string, n *yaml.Node) {
	d.fm.Pos[key] = Pos{n.Line + 1, n.Column}
}

func (d *decoder) decode(text []byte) {
	d.yaml = text
	// yaml.v3 reads the text into nodes that keep each value's line and
	// column; aliases stay nodes that point at their anchors, so nothing
	// is expanded here (params bounds what its aliases expand to).
	dec := yaml.NewDecoder(bytes.NewReader(text))
	doc := new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if err != io.EOF {
			d.yamlError(err)
		}
		return
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.say(&extra, msgOneDocument)
	} else if err != io.EOF {
		d.yamlError(err)
	}
	replaceNUL(doc)
	if len(doc.Content) == 0 {
		return
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return
	}
	if root.Kind != yaml.MappingNode {
		d.say(root, msgNotMapping)
		d.unreadable = true
		return
	}
	d.mapping(root, "front matter", topKeys, topKeys, d.topKey)
}

// replaceNUL makes every U+0000 in the text of n and the nodes under it
// U+FFFD, as CommonMark does in the body: YAML writes NUL as "\0",
// "\x00" or "\u0000" in double quotes, and nothing gen writes should
// carry one. Aliases are not followed: their targets are walked where they
// are written.
func replaceNUL(n *yaml.Node) {
	if strings.IndexByte(n.Value, 0) >= 0 {
		n.Value = strings.ReplaceAll(n.Value, "\x00", "\uFFFD")
	}
	for _, c := range n.Content {
		replaceNUL(c)
	}
}

// msgInvalid is yaml.v3's own words, when package yamlerr cannot say
// better.
var msgInvalid = diag.Message{ID: "frontmatter.invalid", Text: "invalid front matter: {{.Problem}}"}

// yamlError reports text that yaml.v3 could not read, in plain words
// where package yamlerr knows them.
func (d *decoder) yamlError(err error) {
	d.unreadable = true
	d.errs = append(d.errs, yamlerr.Explain(d.path, d.yaml, 1, err, msgInvalid))
}

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

var (
	topKeys    = []string{"aliases", "date", "draft", "event", "expiryDate", "image", "layout", "params", "publishDate", "search", "sitemap", "slug", "source", "summary", "tags", "title", "translatedFrom", "translationKey", "weight"}
	eventKeys  = []string{"city", "end", "name", "start", "timeZone", "url", "venue"}
	imageKeys  = []string{"alt", "caption", "original", "src"}
	sourceKeys = []string{"name", "url"}

	// The names of nested keys in Pos and messages: "event.city", ….
	eventNames  = prefixed("event.", eventKeys)
	imageNames  = prefixed("image.", imageKeys)
	sourceNames = prefixed("source.", sourceKeys)
)

func prefixed(prefix string, keys []string) []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = prefix + k
	}
	return names
}

// mapping walks the keys of m, reporting unknown and duplicate ones and
// calling fn for every known key with a value other than null. what names
// the mapping in messages; names[i] is what Pos and fn call known[i]
// ("event.city"). known has at most 32 keys.
func (d *decoder) mapping(m *yaml.Node, what string, known, names []string, fn func(key string, v *yaml.Node)) {
	var seenAt [32]int // the file line where known[i] was first set, or 0
	seen := seenAt[:len(known)]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		j := slices.Index(known, k.Value)
		if j < 0 || k.Kind != yaml.ScalarNode {
			d.unknownKey(k, what, known)
			continue
		}
		if line := seen[j]; line != 0 {
			d.say(k, msgDuplicateKey, "What", what, "Key", k.Value, "Line", line)
			continue
		}
		seen[j] = k.Line + 1
		if isNull(v) {
			continue
		}
		d.pos(names[j], v)
		fn(names[j], v)
	}
}

func (d *decoder) topKey(key string, v *yaml.Node) {
	fm := &d.fm
	switch key {
	case "title":
		fm.Title = d.text(key, v)
		if v.Kind == yaml.ScalarNode && strings.TrimSpace(fm.Title) == "" {
			d.say(v, msgTitleEmpty)
		}
	case "summary":
		fm.Summary = d.text(key, v)
	case "slug":
		fm.Slug = d.text(key, v)
		if fm.Slug != "" && !validSlug(fm.Slug) {
			d.say(v, msgBadSlug, "Value", fmt.Sprintf("%q", fm.Slug))
		}
	case "layout":
		fm.Layout = d.text(key, v)
		if fm.Layout != "" && !layoutName.MatchString(fm.Layout) {
			d.say(v, msgBadLayout, "Value", fmt.Sprintf("%q", fm.Layout))
		}
	case "translationKey":
		fm.TranslationKey = d.text(key, v)
		if v.Kind == yaml.ScalarNode && strings.TrimSpace(fm.TranslationKey) == "" {
			fm.TranslationKey = ""
			d.say(v, msgKeyEmpty)
		}
	case "translatedFrom":
		fm.TranslatedFrom = d.text(key, v)
	case "date":
		fm.Date, _ = d.date(key, v)
	case "publishDate":
		fm.PublishDate, _ = d.date(key, v)
	case "expiryDate":
		fm.ExpiryDate, _ = d.date(key, v)
	case "draft":
		fm.Draft = d.bool(key, v)
	case "sitemap":
		b := d.bool(key, v)
		fm.Sitemap = &b
	case "search":
		b := d.bool(key, v)
		fm.Search = &b
	case "weight":
		fm.Weight = d.int(key, v)
	case "tags":
		fm.Tags = d.list(key, v, "[trade, expo]", func(s string) (diag.Message, []any) { return checkTag(s, d.strictTags) })
	case "aliases":
		fm.Aliases = d.list(key, v, `["/news/old-name/"]`, checkAlias)
	case "event":
		fm.Event = d.event(v)
	case "image":
		fm.Image = d.image(v)
	case "source":
		if !d.isMapping(key, v, sourceKeys) {
			return
		}
		s := &Source{}
		d.mapping(v, "source", sourceKeys, sourceNames, func(key string, v *yaml.Node) {
			switch key {
			case "source.name":
				s.Name = d.text(key, v)
			case "source.url":
				s.URL = d.url(key, v)
			}
		})
		fm.Source = s
	case "params":
		fm.Params = d.params(v)
	}
}

func (d *decoder) isMapping(key string, v *yaml.Node, keys []string) bool {
	if v.Kind != yaml.MappingNode {
		d.say(v, msgNotKeyMapping, "Key", key, "Keys", strings.Join(keys, ", "))
		return false
	}
	return true
}

func (d *decoder) event(v *yaml.Node) *Event {
	if !d.isMapping("event", v, eventKeys) {
		return nil
	}
	e := &Event{}
	var start, end, zone *yaml.Node
	d.mapping(v, "event", eventKeys, eventNames, func(key string, v *yaml.Node) {
		switch key {
		case "event.name":
			e.Name = d.text(key, v)
		case "event.city":
			e.City = d.text(key, v)
		case "event.venue":
			e.Venue = d.text(key, v)
		case "event.url":
			e.URL = d.url(key, v)
		case "event.start":
			start = v
		case "event.end":
			end = v
		case "event.timeZone":
			zone = v
		}
	})
	d.eventTimes(e, start, end, zone)
	return e
}

// eventTime is an event's start or end as read.
type eventTime struct {
	key      string
	n        *yaml.Node // nil when not written
	t        time.Time
	dateOnly bool
	zoned    bool // written with an offset or Z
}

// eventTimes reads the start and end of e in the event's zone:
// event.timeZone, else the offset written on start (or on end), else the
// site's. A time written with an offset keeps its instant, and is then
// expressed in the event's zone; with timeZone its offset must be the
// zone's at that moment. A time of day that the zone skips (the hour the
// clocks are put forward) is an error.
func (d *decoder) eventTimes(e *Event, startNode, endNode, zoneNode *yaml.Node) {
	var loc *time.Location
	if zoneNode != nil {
		if name := d.text("event.timeZone", zoneNode); name != "" {
			var why diag.Message
			var args []any
			if loc, why, args = loadZone(name); loc == nil {
				d.say(zoneNode, why, args...)
			} else {
				e.TimeZone = name
			}
		}
	}
	start, end := d.eventTime("event.start", startNode), d.eventTime("event.end", endNode)
	switch {
	case loc != nil:
	case start.zoned:
		loc = start.t.Location()
	case end.zoned:
		loc = end.t.Location()
	default:
		loc = d.loc
	}
	for _, et := range []*eventTime{&start, &end} {
		if et.t.IsZero() {
			continue
		}
		if !et.zoned {
			et.t, _, _ = parseDate(et.n.Value, loc)
			if !et.dateOnly && skipped(et.t, et.n.Value) {
				d.say(et.n, msgClockGap, "Key", et.key, "Value", fmt.Sprintf("%q", et.n.Value), "Zone", loc, "After", afterGap(et.t).Format("15:04"))
			}
			continue
		}
		if _, off := et.t.Zone(); e.TimeZone != "" && off != offsetAt(et.t, loc) {
			d.say(et.n, msgOffsetDiffers, "Key", et.key, "Value", fmt.Sprintf("%q", et.n.Value), "Offset", offsetText(off), "Zone", e.TimeZone, "ZoneOffset", offsetText(offsetAt(et.t, loc)))
		}
		et.t = et.t.In(loc)
	}
	e.Start, e.End, e.AllDay = start.t, end.t, start.dateOnly
	if start.n != nil && end.n != nil && !start.t.IsZero() && !end.t.IsZero() && start.dateOnly != end.dateOnly {
		d.say(end.n, msgEventDayAndTime, "End", fmt.Sprintf("%q", end.n.Value), "Start", fmt.Sprintf("%q", start.n.Value))
	}
}

// eventTime reads the value of key, n, which may be nil.
func (d *decoder) eventTime(key string, n *yaml.Node) eventTime {
	et := eventTime{key: key, n: n}
	if n == nil {
		return et
	}
	if n.Kind != yaml.ScalarNode {
		d.say(n, msgNotDate, "Key", key, "Kind", kindOf(n))
		return et
	}
	var ok bool
	et.t, et.dateOnly, et.zoned, ok = parseDateZoned(n.Value, d.loc)
	if !ok {
		d.badDate(n, key)
	}
	return et
}

// skipped reports whether the time of day written in s is not the time
// of day of t, s read in t's zone: time.Date moved it past a gap.
func skipped(t time.Time, s string) bool {
	m, _ := dateFields(s)
	return m[4] != "" && t.Format("15:04") != m[4]+":"+m[5]
}

// afterGap is t, a time that time.Date made of a time of day its zone
// skips, moved past the gap: 02:30 on the night New York goes from 02:00
// to 03:00 is 03:30. time.Date may have read the time in the offset
// before the change or after it; either way this is the time after.
func afterGap(t time.Time) time.Time {
	_, before := t.Zone()
	_, after := t.Add(3 * time.Hour).Zone()
	return t.Add(time.Duration(after-before) * time.Second)
}

// offsetAt is the offset of loc at the instant t, in seconds east of UTC.
func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

// offsetText writes an offset as front matter does: +10:00, -05:00.
func offsetText(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off%3600/60)
}

func (d *decoder) image(v *yaml.Node) *Image {
	if !d.isMapping("image", v, imageKeys) {
		return nil
	}
	im := &Image{}
	d.mapping(v, "image", imageKeys, imageNames, func(key string, v *yaml.Node) {
		switch key {
		case "image.src":
			im.Src = d.text(key, v)
			if im.Src != "" && !validImageSrc(im.Src) {
				d.say(v, msgBadImageSrc, "Value", fmt.Sprintf("%q", im.Src))
			}
		case "image.alt":
			im.Alt = d.text(key, v)
		case "image.caption":
			im.Caption = d.text(key, v)
		case "image.original":
			im.Original = d.bool(key, v)
		}
	})
	if d.fm.Has("image.src") && strings.TrimSpace(im.Alt) == "" {
		p := d.fm.Pos["image.src"]
		d.sayAt(p.Line, p.Col, msgAltRequired)
	}
	return im
}

// text returns a scalar's text; numbers and booleans count as text.
func (d *decoder) text(key string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode {
		d.say(v, msgNotText, "Key", key, "Kind", kindOf(v))
		return ""
	}
	return v.Value
}

// kindOf names what a node that is not a value holds: a list, a mapping,
// or nothing.
func kindOf(v *yaml.Node) diag.Message {
	switch v.Kind {
	case yaml.SequenceNode:
		return msgKindList
	case yaml.MappingNode:
		return msgKindMapping
	}
	return msgKindEmpty
}

func (d *decoder) bool(key string, v *yaml.Node) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		d.say(v, msgNotBool, "Key", key, "Value", describe(v))
	}
	return b
}

func (d *decoder) int(key string, v *yaml.Node) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Decode(&n) != nil {
		d.say(v, msgNotInt, "Key", key, "Value", describe(v))
	}
	return n
}

// describe is a node's text, quoted, or what it holds instead (a
// diag.Message, said in the reader's language).
func describe(v *yaml.Node) any {
	if v.Kind == yaml.ScalarNode {
		return fmt.Sprintf("%q", v.Value)
	}
	return kindOf(v)
}

func (d *decoder) date(key string, v *yaml.Node) (time.Time, bool) {
	if v.Kind != yaml.ScalarNode {
		d.say(v, msgNotDate, "Key", key, "Kind", kindOf(v))
		return time.Time{}, false
	}
	t, dateOnly, ok := parseDate(v.Value, d.loc)
	if !ok {
		d.badDate(v, key)
	}
	return t, dateOnly
}

// list decodes a list of text, checking each entry with check, which
// returns a message or "".
func (d *decoder) list(key string, v *yaml.Node, example string, check func(string) (diag.Message, []any)) []string {
	if v.Kind == yaml.ScalarNode {
		d.errs = append(d.errs, msgListAsText.At(d.path, v.Line+1, v.Column, "Key", key, "List", flowList(v.Value)))
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.say(v, msgNotList, "Key", key, "Example", example)
		return nil
	}
	out := []string{}
	// Two tags with one name are one tag ("Туризм", "туризм"): the second
	// is a warning, left out, so that a page links each tag once. Any
	// other entry written twice is an error.
	name := func(s string) string { return s }
	if key == "tags" {
		name = TagName
	}
	var seen map[string]int // name → index in out, for long lists; out is searched in short ones
	if len(v.Content) > 16 {
		seen = make(map[string]int, len(v.Content))
	}
	for _, n := range v.Content {
		n = resolve(n)
		if n.Kind != yaml.ScalarNode || isNull(n) {
			d.say(n, msgEntryNotText, "Key", key, "Kind", kindOf(n))
			continue
		}
		if m, args := check(n.Value); m.ID != "" {
			d.say(n, m, append([]any{"Key", key, "Value", fmt.Sprintf("%q", n.Value)}, args...)...)
			continue
		}
		id := name(n.Value)
		first, ok := seen[id]
		if seen == nil {
			first = slices.IndexFunc(out, func(o string) bool { return name(o) == id })
			ok = first >= 0
		}
		switch {
		case ok && key == "tags":
			m, args := sameTag(n.Value, out[first])
			d.warn(n, m, args...)
			continue
		case ok:
			d.say(n, msgListedTwice, "Key", key, "Value", n.Value)
			continue
		}
		if seen != nil {
			seen[id] = len(out)
		}
		out = append(out, n.Value)
	}
	return out
}

// msgListAsText is a list written as text: tags: trade, expo.
var msgListAsText = diag.Message{ID: "frontmatter.list-as-text", Text: "{{.Key}} must be a list: write {{.List}}"}

// flowList writes text that was meant as a list ("trade, expo", "经贸、
// 博览会") as a YAML list in brackets, each entry in quotes where YAML
// needs them.
func flowList(text string) string {
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",，、;；", r) })
	var items []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			if strings.ContainsAny(p, `[]{}#&*!|>'"%@`+"`") || strings.Contains(p, ": ") || strings.HasPrefix(p, "- ") || strings.HasPrefix(p, "? ") {
				p = strconv.Quote(p)
			}
			items = append(items, p)
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func (d *decoder) url(key string, v *yaml.Node) string {
	s := d.text(key, v)
	if s != "" && !validURL(s) {
		d.say(v, msgBadURL, "Key", key, "Value", fmt.Sprintf("%q", s))
	}
	return s
}

var layoutName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// checkAlias returns what is wrong with an alias, a message with the
// arguments it needs besides Key and Value, or a message without an ID.
func checkAlias(s string) (diag.Message, []any) {
	switch {
	case !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//"):
		return msgAliasNotSitePath, nil
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`\?#`, r) }):
		return msgAliasNotPlain, nil
	case hasDotSegment(s):
		return msgAliasDots, nil
	case strings.Contains(s, "%"):
		return checkEscapedAlias(s)
	}
	return diag.Message{}, nil
}

// checkEscapedAlias checks the percent-escapes of an alias, which a host
// decodes before it looks for the file: they must not hide what the
// alias may not hold.
func checkEscapedAlias(s string) (diag.Message, []any) {
	d, err := url.PathUnescape(s)
	switch {
	case err != nil:
		return msgAliasBadPercent, nil
	case strings.Contains(strings.ToLower(s), "%2f"):
		return msgAliasEscapedSlash, nil
	case hasDotSegment(d):
		return msgAliasEscapedDots, nil
	}
	for _, seg := range strings.Split(d, "/") {
		if seg != "" && !goodName(seg) {
			return msgAliasDecodesBad, []any{"Decoded", fmt.Sprintf("%q", d)}
		}
	}
	return diag.Message{}, nil
}

func hasDotSegment(s string) bool {
	return slices.ContainsFunc(strings.Split(s, "/"), func(seg string) bool { return seg == "." || seg == ".." })
}

func validSlug(s string) bool {
	return s != "." && s != ".." && !strings.HasSuffix(s, ".") && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`/\?#%`, r)
	})
}

func hasUnsafeRune(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\\' })
}

// validURL accepts absolute http(s) URLs with a host and site paths. A
// backslash is refused anywhere: browsers read "/\host" as "//host".
func validURL(s string) bool {
	if hasUnsafeRune(s) {
		return false
	}
	if strings.HasPrefix(s, "/") {
		return !strings.HasPrefix(s, "//")
	}
	return isHTTP(s)
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !hasUnsafeRune(s)
}

func validImageSrc(s string) bool {
	if strings.Contains(s, ":") || strings.HasPrefix(s, "/") {
		return isHTTP(s)
	}
	return !hasUnsafeRune(s) && !strings.ContainsAny(s, "?#") && path.Clean(s) == s && s != "." && !strings.HasPrefix(s, "../")
}

// nearestKey returns the known key closest to key, if close enough to be
// what was meant, else "".
func nearestKey(key string, known []string) string {
	best, bestDist := "", len(key)
	for _, k := range known {
		dist := diag.Distance(strings.ToLower(key), strings.ToLower(k))
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best != "" && bestDist*3 <= len(key)+1 {
		return best
	}
	return ""
}

// Package locale holds the string bundles and the CLDR date, time, number and
// plural formats of each configured language.
//
// # Message files
//
// Strings live in go-i18n message files written in YAML, one file per
// language named <code>.yaml (zh.yaml, ru.yaml, en.yaml). Load reads, for each
// language, <dir>/<code>.yaml from every dir in order; the usual order is the
// theme first, then the site: ["themes/default/i18n", "i18n"]. A missing dir or
// file is not an error.
//
// Lookup order and rules:
//   - A later dir overrides an earlier one message by message: a message
//     defined in the site's i18n/ replaces the theme's message of the same ID
//     as a whole (all its plural forms); a message only in the theme survives.
//   - Within one file an ID may be defined once; defining it twice (for
//     instance as the flat key "tag.trade" and as "trade" nested under "tag")
//     is an error.
//   - There is no fallback between languages. T of a message that the
//     language lacks returns the ID itself, so a page shows something; Has
//     tells callers (and `gen check`) whether it exists.
//   - Tag(key) is the message "tag.<key>", falling back to the key.
//
// The file format is go-i18n's:
//
//	readMore: Read more                  # plain message: the "other" form
//	minutes:                             # plural message
//	  one: "{{.Count}} минута"
//	  few: "{{.Count}} минуты"
//	  many: "{{.Count}} минут"
//	  other: "{{.Count}} минуты"
//	share:                               # long form
//	  description: label of the share button
//	  other: Поделиться
//	tag.trade: Торговля                  # flat dotted key: ID "tag.trade"
//	tag:                                 # nested map: a namespace, ID "tag.expo"
//	  expo: Выставка
//
// A map whose keys are all reserved words (id, description, hash, leftDelim,
// rightDelim, zero, one, two, few, many, other, translation; any case) with
// text values is one message; a map with none of them is a namespace whose
// keys are joined to the parent with "."; mixing both is an error. So a tag
// whose key is itself a reserved word ("other", "one", ...) must be written
// as a flat key: `tag.other: Другое`, because `tag: {other: Другое}` defines
// the message "tag". A top-level YAML list of maps with an "id" key is also
// accepted. Messages are text/template templates with go-i18n's options
// (no functions, missing keys print "<no value>"); leftDelim and rightDelim
// change the delimiters of one message. Every template is parsed at Load: a
// bad template, bad YAML, a null value or a message without text is a
// diagnostic with file:line:col, and the message (or the whole file, for bad
// YAML) is left out.
//
// T renders through go-i18n: one Localizer per language, made at Load, with
// the call's data as TemplateData and its count as PluralCount. The one
// shortcut is a call without arguments of a message whose "other" form has
// no template action (no left delimiter): its text is returned as written,
// which is what go-i18n returns for it.
//
// # Plurals
//
// T(id, n) selects the form by the language's CLDR cardinal plural rules
// (go-i18n's rules, the same for rendering and for PluralForms): in Russian
// 1, 21 → one; 2, 22 → few; 5, 11, 25 → many; fractions → other; Chinese has
// only other; English one and other. The count is exposed to the template as
// {{.Count}}. A message lacking the selected form renders its "other" form; a
// message lacking both renders as its ID. A template that fails when executed
// also renders as its ID, never panics.
//
// # Formats
//
// Dates, times and numbers use CLDR patterns from github.com/bep/golocales,
// picked by the language's Locale ("zh-Hans" → zh_hans, "ru-RU" → ru_ru, then
// shorter prefixes) and falling back to its Code. Times are formatted as
// given: callers convert them to the zone to show them in first (the site's;
// an event's own), and a time keeps its own calendar day. ZoneName is CLDR's
// long name of a time's zone ("Владивосток, стандартное время"), "" where
// CLDR has none.
//
// A Set is immutable after Load and safe for concurrent use; the package has
// no mutable package-level state.
package locale

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bep/golocales"
	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/sitefs"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// FileExt is the extension of message files: <dir>/<code>.yaml.
const FileExt = ".yaml"

// Set is the locales of all configured languages.
type Set struct {
	order   []string // language codes in configuration order
	locales map[string]*Locale
}

// Message is one message as defined in a message file.
type Message struct {
	ID   string
	Path string // fsys path of the file that defined it (the winning one)
	Line int    // 1-based position of its key
	Col  int
	// Forms maps a plural form ("zero", "one", "two", "few", "many",
	// "other") to template text; a plain string is the "other" form alone.
	// Empty forms are left out, except that a message whose only text is ""
	// is {"other": ""}.
	Forms map[string]string
	// Description is the long form's description, if any.
	Description string
}

func (m Message) clone() Message {
	m.Forms = maps.Clone(m.Forms)
	return m
}

// entry is a loaded message.
type entry struct {
	msg   Message
	i18n  *i18n.Message
	empty bool // every form is "": renders as ""
	// plain is the "other" form when it has no template action (no left
	// delimiter): what go-i18n returns for it without a count.
	plain   string
	isPlain bool
}

// Locale is one language's strings and formats.
type Locale struct {
	lang      config.Language
	tag       language.Tag
	cldr      golocales.Translator
	msgs      map[string]*entry
	localizer *i18n.Localizer // messages
	probe     *i18n.Localizer // one message whose forms are their own names
	forms     []string
	intForms  []uint8 // the plural form of counts 0, 1, 2, …, as an index into pluralOrder
}

// pluralOrder is CLDR's order of plural categories.
var pluralOrder = [...]string{"zero", "one", "two", "few", "many", "other"}

const probeID = "form"

// Load reads go-i18n message files <dir>/<code>.yaml for every language from
// each dir in order; a later dir overrides an earlier one message by message.
// A missing file or dir is fine. Errors are diagnostics whose paths are fsys
// paths; Load returns them joined together with a Set that leaves out what
// could not be loaded (a language without CLDR data has no Locale).
func Load(fsys fs.FS, dirs []string, langs []config.Language) (*Set, error) {
	var errs diag.List
	s := &Set{locales: make(map[string]*Locale, len(langs))}
	for _, lang := range langs {
		if _, dup := s.locales[lang.Code]; dup {
			continue
		}
		l, err := newLocale(lang)
		if err != nil {
			errs.Add(err)
			continue
		}
		for _, dir := range dirs {
			p := path.Join(dir, lang.Code+FileExt)
			buf, err := fs.ReadFile(fsys, p)
			if le := sitefs.LinkOf(err); le != nil {
				errs.Add(le.Diagnostic(le.Path))
				continue
			}
			if err != nil {
				if !isNotExist(err) {
					errs.Add(msgCannotRead.At(p, 0, 0, "Err", unwrapPathErr(err)))
				}
				continue
			}
			entries, ferrs := parseFile(p, buf)
			errs.Add(ferrs...)
			for _, e := range entries {
				l.msgs[e.msg.ID] = e // later dirs override
			}
		}
		if err := l.finish(); err != nil {
			errs.Add(err)
			continue
		}
		s.order = append(s.order, lang.Code)
		s.locales[lang.Code] = l
	}
	return s, errs.Err()
}

// isNotExist reports a missing file or dir, which Load skips.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// newLocale prepares a Locale without messages.
func newLocale(lang config.Language) (*Locale, error) {
	name := cmp.Or(lang.Locale, lang.Code)
	tag, err := language.Parse(name)
	if err != nil {
		if tag, err = language.Parse(lang.Code); err != nil {
			return nil, msgBadLocale.At("", 0, 0, "Lang", lang.Code, "Locale", name)
		}
	}
	cldr := cldrFor(lang.Locale, lang.Code)
	if cldr == nil {
		return nil, msgNoCLDR.At("", 0, 0, "Lang", lang.Code, "Locale", name)
	}
	return &Locale{
		lang: lang,
		tag:  tag,
		cldr: cldr,
		msgs: map[string]*entry{},
	}, nil
}

// cldrFor finds golocales data for the first of the names, trying each name
// and then its shorter prefixes: zh-Hans-CN, zh-Hans, zh.
func cldrFor(names ...string) golocales.Translator {
	for _, name := range names {
		parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
		for n := len(parts); n > 0; n-- {
			if t := golocales.New(strings.Join(parts[:n], "_")); t != nil {
				return t
			}
		}
	}
	return nil
}

// finish builds the go-i18n bundles once the messages are known.
func (l *Locale) finish() error {
	bundle := i18n.NewBundle(l.tag)
	var ms []*i18n.Message
	for _, id := range slices.Sorted(maps.Keys(l.msgs)) {
		if e := l.msgs[id]; !e.empty {
			ms = append(ms, e.i18n)
		}
	}
	if err := bundle.AddMessages(l.tag, ms...); err != nil {
		return msgNoPlurals.At("", 0, 0, "Lang", l.lang.Code, "Locale", l.tag.String())
	}
	l.localizer = i18n.NewLocalizer(bundle, l.tag.String())

	probe := i18n.NewBundle(l.tag)
	if err := probe.AddMessages(l.tag, &i18n.Message{
		ID: probeID, Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other",
	}); err != nil {
		return msgNoPlurals.At("", 0, 0, "Lang", l.lang.Code, "Locale", l.tag.String())
	}
	l.probe = i18n.NewLocalizer(probe, l.tag.String())
	l.forms, l.intForms = l.probeForms()
	return nil
}

// probeForms finds the plural categories the language's rules produce for
// integers 0–200 and some powers of ten, and for decimals 0.0–20.0 and
// 0.00–2.00 (rules depend on the last two digits of the integer and
// fraction parts, and on the number of fraction digits). It also returns
// the form of each integer 0–200.
func (l *Locale) probeForms() (forms []string, ints []uint8) {
	seen := map[string]bool{}
	for i := int64(0); i <= 200; i++ {
		f, _ := l.pluralForm(i)
		seen[f] = true
		ints = append(ints, uint8(slices.Index(pluralOrder[:], f)))
		f, _ = l.pluralForm(fmt.Sprintf("%d.%d", i/10, i%10))
		seen[f] = true
		f, _ = l.pluralForm(fmt.Sprintf("%d.%02d", i/100, i%100))
		seen[f] = true
	}
	for _, n := range []int64{1000, 10000, 100000, 1000000, 10000000, 1000000000} {
		f, _ := l.pluralForm(n)
		seen[f] = true
	}
	for _, f := range pluralOrder {
		if seen[f] {
			forms = append(forms, f)
		}
	}
	return forms, ints
}

// pluralForm returns the plural category of a count (int64 or a decimal
// string); "other" and false when go-i18n rejects the count.
func (l *Locale) pluralForm(count any) (string, bool) {
	s, err := l.probe.Localize(&i18n.LocalizeConfig{MessageID: probeID, PluralCount: count})
	if err != nil {
		return "other", false
	}
	return s, true
}

// formIndex is pluralForm as an index into pluralOrder, cached for small
// counts.
func (l *Locale) formIndex(count any) (int, bool) {
	if n, ok := count.(int64); ok && n >= 0 && n < int64(len(l.intForms)) {
		return int(l.intForms[n]), true
	}
	f, ok := l.pluralForm(count)
	if !ok {
		return 0, false
	}
	i := slices.Index(pluralOrder[:], f)
	return i, i >= 0
}

// For returns the locale of a language code, nil if not configured.
func (s *Set) For(code string) *Locale {
	if s == nil {
		return nil
	}
	return s.locales[code]
}

// Codes returns the codes of the loaded languages in configuration order.
func (s *Set) Codes() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.order)
}

// Messages returns every message of a language, sorted by ID; nil if the
// language is not configured. The result is a copy.
func (s *Set) Messages(code string) []Message {
	return s.For(code).Messages()
}

// Messages returns every message of the language, sorted by ID, as a copy.
func (l *Locale) Messages() []Message {
	if l == nil {
		return nil
	}
	out := make([]Message, 0, len(l.msgs))
	for _, id := range slices.Sorted(maps.Keys(l.msgs)) {
		out = append(out, l.msgs[id].msg.clone())
	}
	return out
}

// Lang returns the configured language.
func (l *Locale) Lang() config.Language { return l.lang }

// T translates id. With no args, the message is plain. With one integer arg
// (any integer type; floats are accepted too), that is the plural count,
// exposed to the message as {{.Count}}. With a map[string]any (or
// map[string]string) arg, that is the template data, and its "Count" key
// also selects the plural form; an explicit count arg selects the form and
// fills "Count" only if the map lacks it. {{.Count}} prints the value as
// given, without digit grouping: put Number's text in the data to group. A
// missing message, unsupported args or a template that fails to execute
// return id.
func (l *Locale) T(id string, args ...any) string {
	s, ok := l.render(id, args)
	if !ok {
		return id
	}
	return s
}

// Has reports whether the language defines message id.
func (l *Locale) Has(id string) bool {
	return l != nil && l.msgs[id] != nil
}

// Tag returns the label of a tag key: message "tag.<key>", falling back to
// the key.
func (l *Locale) Tag(key string) string {
	s, ok := l.render("tag."+key, nil)
	if !ok {
		return key
	}
	return s
}

// render renders message id through go-i18n. A call without arguments of
// a message whose "other" form is plain text returns that text, as
// go-i18n would, without asking it.
func (l *Locale) render(id string, args []any) (string, bool) {
	e, c, ok := l.prepare(id, args)
	switch {
	case !ok:
		return "", false
	case e.empty:
		return "", true
	case len(args) == 0 && e.isPlain:
		return e.plain, true
	}
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: c.data()}
	if c.hasCount {
		// Without PluralCount go-i18n renders "other": what we want when
		// the message lacks the selected form. With it, an error can only
		// be a failed execution. A count go-i18n rejects fails either way.
		i, ok := l.formIndex(c.pc)
		if !ok {
			return "", false
		}
		if _, ok := e.msg.Forms[pluralOrder[i]]; ok {
			cfg.PluralCount = c.pc
		}
	}
	s, err := l.localizer.Localize(cfg)
	if err != nil {
		return "", false
	}
	return s, true
}

// prepare finds message id and reads T's arguments for it; false for a
// message the language lacks or arguments T does not take.
func (l *Locale) prepare(id string, args []any) (*entry, call, bool) {
	if l == nil {
		return nil, call{}, false
	}
	e := l.msgs[id]
	if e == nil {
		return nil, call{}, false
	}
	c, ok := readArgs(args)
	return e, c, ok
}

// call is the arguments of one T call, read without copying the data.
type call struct {
	anyData  map[string]any
	strData  map[string]string
	count    any  // the count argument as given
	hasArg   bool // there is a count argument
	pc       any  // the plural count as go-i18n wants it: int64 or a decimal string
	hasCount bool // from the count argument or the data's Count
}

func readArgs(args []any) (call, bool) {
	var (
		c       call
		hasData bool
	)
	for _, a := range args {
		switch v := a.(type) {
		case map[string]any:
			if hasData {
				return c, false
			}
			c.anyData, hasData = v, true
		case map[string]string:
			if hasData {
				return c, false
			}
			c.strData, hasData = v, true
		default:
			pc, ok := pluralCount(a, false)
			if !ok || c.hasArg {
				return c, false
			}
			c.count, c.pc, c.hasArg, c.hasCount = a, pc, true, true
		}
	}
	if c.hasArg {
		return c, true
	}
	var (
		n   any
		has bool
	)
	if c.strData != nil {
		n, has = c.strData["Count"]
	} else {
		n, has = c.anyData["Count"]
	}
	if has && n != nil {
		pc, ok := pluralCount(n, true)
		if !ok {
			return c, false
		}
		c.pc, c.hasCount = pc, true
	}
	return c, true
}

// data is the template data: the map argument, or a copy of it whose Count
// is the count argument if it has none. A map[string]string is copied into
// a map[string]any.
func (c *call) data() map[string]any {
	if c.strData == nil && c.anyData != nil {
		if _, ok := c.anyData["Count"]; ok || !c.hasArg {
			return c.anyData // go-i18n and text/template only read it
		}
	}
	var data map[string]any
	if c.strData != nil {
		data = make(map[string]any, len(c.strData))
		for k, s := range c.strData {
			data[k] = s
		}
	} else {
		data = maps.Clone(c.anyData)
	}
	if data == nil {
		data = map[string]any{}
	}
	if c.hasArg {
		if _, ok := data["Count"]; !ok {
			data["Count"] = c.count
		}
	}
	return data
}

// pluralCount converts a count to what go-i18n accepts: int64 or a decimal
// string. Strings are accepted only from template data.
func pluralCount(v any, strOK bool) (any, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return uintCount(uint64(n)), true
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return uintCount(n), true
	case uintptr:
		return uintCount(uint64(n)), true
	case float32:
		return floatCount(float64(n))
	case float64:
		return floatCount(n)
	case string:
		return n, strOK
	}
	return nil, false
}

func uintCount(n uint64) any {
	if n <= math.MaxInt64 {
		return int64(n)
	}
	return strconv.FormatUint(n, 10)
}

func floatCount(f float64) (any, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// PluralForms returns the CLDR cardinal plural categories of the language in
// CLDR order: "one", "few", "many", "other" for ru; "other" for zh; "one",
// "other" for en.
func (l *Locale) PluralForms() []string { return slices.Clone(l.forms) }

// DateLong formats the date part of t: 17 мая 2024 г., 2024年5月17日,
// May 17, 2024. The text is CLDR's verbatim: in ru the space before "г." is
// U+202F NARROW NO-BREAK SPACE.
func (l *Locale) DateLong(t time.Time) string { return l.cldr.FormatDateLong(t) }

// DateMedium formats the date part of t; in CLDR 48 the same as DateLong for
// ru, zh and en.
func (l *Locale) DateMedium(t time.Time) string { return l.cldr.FormatDateMedium(t) }

// DateShort formats the date part of t: 17.05.24, 24/5/17, 5/17/24.
func (l *Locale) DateShort(t time.Time) string { return l.cldr.FormatDateShort(t) }

// Time formats the time of day of t in the short pattern: 10:00 (ru, zh),
// 10:00 am (en, with U+202F before "am").
func (l *Locale) Time(t time.Time) string { return l.cldr.FormatTimeShort(t) }

// Number formats f with the given number of decimals and the language's
// separators: 1 234 567,5 in ru (the group separator is a no-break space),
// 1,234,567.5 in en and zh.
func (l *Locale) Number(f float64, decimals int) string {
	return l.cldr.FormatNumber(f, decimals)
}

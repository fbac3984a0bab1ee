// Package speak says gen's own messages in the language of the person
// reading them: Chinese, Russian or English.
//
// Rules:
//   - Every message a user reads is declared once in Go as a diag.Message
//     (a stable ID and its English text) and said through message bundles
//     embedded in the binary, en.yaml, ru.yaml and zh.yaml (go-i18n message
//     files, CLDR plural forms: ru one, few, many and other; zh other). A
//     test holds every declared ID to all three bundles, with the same
//     template arguments, and the English bundle to the Go text.
//   - A message with an argument Count is counted: its form follows the
//     number ("1 ошибка", "3 ошибки", "5 ошибок"). A []string argument is a
//     list in the language's words ("a, b and c", "a、b 和 c"); a
//     diag.Message argument is said in the language too ("a list"), and
//     so is an error argument (Error).
//   - Error says an error: diagnostics line by line, the system's errors
//     (a missing file, a full disk), which Go writes in English, in the
//     language's words after the file they name; other errors as Go
//     wrote them.
//   - An ID without a translation falls back to English, then to the Go
//     text; a diagnostic keeps its "path:line:col: " prefix as it is.
//   - The language of the command line is --lang, else the first of
//     LC_ALL, LC_MESSAGES and LANG that is set ("ru_RU.UTF-8" is Russian,
//     "zh_CN.UTF-8" and "zh_TW" Chinese), else English (Choose). gen serve's
//     overlay and panel speak the language of the page they are on.
package speak

import (
	"embed"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/eventnews/gen/generator/internal/diag"
)

//go:embed en.yaml ru.yaml zh.yaml
var files embed.FS

// langs are the languages gen speaks, English first (the fallback).
var langs = []string{"en", "ru", "zh"}

// Langs returns the languages gen speaks: en, ru, zh.
func Langs() []string { return slices.Clone(langs) }

// Supported reports whether gen speaks lang.
func Supported(lang string) bool { return slices.Contains(langs, lang) }

// bundle reads the embedded message files once; the bundle does not
// change afterwards.
var bundle = sync.OnceValue(func() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	for _, l := range langs {
		data, err := files.ReadFile(l + ".yaml")
		if err == nil {
			_, err = b.ParseMessageFileBytes(data, l+".yaml")
		}
		if err != nil {
			panic("speak: " + err.Error()) // the bundles are part of the program; a test reads them
		}
	}
	return b
})

// The words of this package.
var (
	msgAnd     = diag.Message{ID: "list.and", Text: " and "}
	msgComma   = diag.Message{ID: "list.comma", Text: ", "}
	msgWarning = diag.Message{ID: "diag.warning", Text: "warning: "}
	msgError   = diag.Message{ID: "diag.error", Text: "error: "}
	msgBadLang = diag.Message{ID: "speak.bad-lang", Text: "--lang {{.Flag}}: gen speaks {{.Langs}}"}
)

// Speaker says messages in one language; a nil *Speaker says them in
// English.
type Speaker struct {
	lang string
	loc  *i18n.Localizer
}

// New returns a Speaker of lang, or of English if gen does not speak it.
func New(lang string) *Speaker {
	if !Supported(lang) {
		lang = "en"
	}
	return &Speaker{lang: lang, loc: i18n.NewLocalizer(bundle(), lang)}
}

// Lang returns the speaker's language.
func (s *Speaker) Lang() string { return s.english().lang }

// english returns s, or a Speaker of English when s is nil: a nil
// *Speaker speaks English, so an option left unset needs no check.
func (s *Speaker) english() *Speaker {
	if s == nil {
		return New("en")
	}
	return s
}

// Say returns m in the speaker's language, its arguments given as name,
// value pairs ("Dest", dest), as for diag.Message.At.
func (s *Speaker) Say(m diag.Message, args ...any) string {
	s = s.english()
	d := m.At("", 0, 0, args...)
	if out, ok := s.say(m.ID, d.Args); ok {
		return out
	}
	return d.Msg
}

// Message returns the message of d in the speaker's language, without its
// place.
func (s *Speaker) Message(d *diag.Diagnostic) string {
	s = s.english()
	if d.ID == "" {
		return d.Msg
	}
	if out, ok := s.say(d.ID, d.Args); ok {
		return out
	}
	return d.Msg
}

// Line returns d as gen prints it: "path:line:col: " (as it is), then
// "warning: " for a warning, then the message, in the speaker's language.
func (s *Speaker) Line(d *diag.Diagnostic) string {
	s = s.english()
	var b strings.Builder
	b.WriteString(d.Where())
	if d.Severity == diag.Warning {
		b.WriteString(s.Say(msgWarning))
	}
	b.WriteString(s.Message(d))
	return b.String()
}

// Text returns d as gen check prints it: "path:line:col: ", then "error: "
// or "warning: ", then the message, in the speaker's language.
func (s *Speaker) Text(d *diag.Diagnostic) string {
	s = s.english()
	severity := msgError
	if d.Severity == diag.Warning {
		severity = msgWarning
	}
	return d.Where() + s.Say(severity) + s.Message(d)
}

// say localizes id with args; false when no bundle has the ID.
func (s *Speaker) say(id string, args []diag.Arg) (string, bool) {
	data := make(map[string]any, len(args))
	var count any
	for _, a := range args {
		v := a.Value
		switch x := v.(type) {
		case []string:
			v = s.list(x)
		case diag.Message:
			v = s.Say(x)
		case error:
			v = s.Error(x)
		}
		if a.Name == "Count" {
			count = v
		}
		data[a.Name] = v
	}
	out, err := s.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	return out, err == nil
}

// list joins items the way the language does: "a, b and c".
func (s *Speaker) list(items []string) string {
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(s.Say(msgAnd))
		default:
			b.WriteString(s.Say(msgComma))
		}
		b.WriteString(it)
	}
	return b.String()
}

// Choose returns the language of the command line: flag (--lang) if set,
// else the first of LC_ALL, LC_MESSAGES and LANG that is set, else
// English. A flag naming a language gen does not speak is an error, said
// in the language of the locale, which Choose then returns.
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		if l := strings.ToLower(flag); Supported(l) {
			return l, nil
		}
	}
	lang := "en"
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			lang = FromLocale(v)
			break
		}
	}
	if flag != "" {
		return lang, msgBadLang.At("", 0, 0, "Flag", flag, "Langs", langs)
	}
	return lang, nil
}

// FromLocale returns the language of a POSIX locale name: "ru_RU.UTF-8"
// is ru, "zh_CN.UTF-8" and "zh_TW" are zh; "C", "POSIX" and any language
// gen does not speak are en.
func FromLocale(v string) string {
	v = strings.ToLower(v)
	if i := strings.IndexAny(v, "_-.@"); i >= 0 {
		v = v[:i]
	}
	if Supported(v) {
		return v
	}
	return "en"
}

package locale

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of this package's message files (i18n/<lang>.yaml), in
// English; package speak says them in other languages.
var (
	msgCannotRead     = diag.Message{ID: "i18n.cannot-read", Text: "read message file: {{.Err}}"}
	msgInvalidYAML    = diag.Message{ID: "i18n.invalid-yaml", Text: "invalid yaml: {{.Problem}}"}
	msgNotMap         = diag.Message{ID: "i18n.not-map", Text: "expected a map from message id to text"}
	msgKeyNotText     = diag.Message{ID: "i18n.key-not-text", Text: "message key must be text"}
	msgEmptyKey       = diag.Message{ID: "i18n.empty-key", Text: "empty message key"}
	msgNoText         = diag.Message{ID: "i18n.no-text", Text: "message {{.ID}} has no text"}
	msgList           = diag.Message{ID: "i18n.list", Text: "message {{.ID}}: a list is not a message"}
	msgListItem       = diag.Message{ID: "i18n.list-item", Text: "list item must be a message with an id"}
	msgMessageMap     = diag.Message{ID: "i18n.message-map", Text: "message map"}
	msgMixed          = diag.Message{ID: "i18n.mixed", Text: "{{.What}} mixes message keys {{.Keys}} with message ids {{.IDs}} (write a tag such as tag.other as a flat key)"}
	msgFormNotText    = diag.Message{ID: "i18n.form-not-text", Text: "message {{.ID}}: {{.Key}} must be text"}
	msgFormTwice      = diag.Message{ID: "i18n.form-twice", Text: "message {{.ID}}: form {{.Form}} given twice"}
	msgNotForm        = diag.Message{ID: "i18n.not-form", Text: "message {{.ID}}: {{.Form}} is not a plural form"}
	msgBadTranslation = diag.Message{ID: "i18n.bad-translation", Text: "message {{.ID}}: translation must be text or a map of plural forms"}
	msgIDMismatch     = diag.Message{ID: "i18n.id-mismatch", Text: "message {{.ID}}: id {{.Other}} does not match its key"}
	msgTwice          = diag.Message{ID: "i18n.twice", Text: "message {{.ID}} is defined twice (first at line {{.Line}})"}
	msgTemplate       = diag.Message{ID: "i18n.template", Text: "message {{.ID}}, form {{.Form}}: {{.Problem}}"}
)

// The messages of a language whose locale gen cannot use (languages in
// site.yaml).
var (
	msgBadLocale = diag.Message{ID: "locale.bad", Text: `language "{{.Lang}}": "{{.Locale}}" is not a locale: write languages.locale in site.yaml like "ru-RU" or "zh-Hans"`}
	msgNoCLDR    = diag.Message{ID: "locale.no-cldr", Text: `language "{{.Lang}}": gen has no date and number formats (CLDR) for locale "{{.Locale}}": write languages.locale in site.yaml as a locale gen knows, like "ru" or "zh-Hans"`}
	msgNoPlurals = diag.Message{ID: "locale.no-plurals", Text: `language "{{.Lang}}": gen has no plural rules for locale "{{.Locale}}": write languages.locale in site.yaml as a locale gen knows, like "ru" or "zh-Hans"`}
)

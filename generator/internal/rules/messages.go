package rules

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of this package, in English. Each names its arguments; a
// message bundle in another language says the same with the same names.
var (
	msgLinkEmpty      = diag.Message{ID: "link.empty", Text: "a link without an address: write it between the parentheses, [text](address)"}
	msgImageEmpty     = diag.Message{ID: "image.empty", Text: "an image without an address: write the picture's file name between the parentheses, ![description](photo.jpg)"}
	msgLinkUnsafe     = diag.Message{ID: "link.unsafe", Text: "link to {{.Dest}}: such links are removed from the page; link to an http or https address"}
	msgImageUnsafe    = diag.Message{ID: "image.unsafe", Text: "image {{.Dest}}: such addresses are removed from the page; use a file of the page's folder or an http or https address"}
	msgLinkInvalid    = diag.Message{ID: "link.invalid", Text: "link to {{.Dest}}: not a valid address"}
	msgImageInvalid   = diag.Message{ID: "image.invalid", Text: "image {{.Dest}}: not a valid address"}
	msgLinkOutside    = diag.Message{ID: "link.outside", Text: "link to {{.Dest}}: {{.File}} is outside content/"}
	msgLinkMissing    = diag.Message{ID: "link.missing", Text: "link to {{.Dest}}: there is no {{.File}}"}
	msgImageMissing   = diag.Message{ID: "image.missing", Text: "image {{.Dest}}: there is no {{.File}}"}
	msgLinkNothing    = diag.Message{ID: "link.nothing", Text: "link to {{.Dest}}: nothing is published at {{.Path}}"}
	msgImageNothing   = diag.Message{ID: "image.nothing", Text: "image {{.Dest}}: nothing is published at {{.Path}}"}
	msgLinkQuery      = diag.Message{ID: "link.query", Text: `link to {{.Dest}}: nothing is published at {{.Path}} ("?" starts a query: a name with "?" is written "%3F" in a link)`}
	msgLinkDraft      = diag.Message{ID: "link.draft", Text: "link to {{.Dest}}: {{.File}} is a draft, so the link leads nowhere"}
	msgLinkExpired    = diag.Message{ID: "link.expired", Text: "link to {{.Dest}}: {{.File}} is expired (expiryDate {{.Date}}), so the link leads nowhere"}
	msgLinkFuture     = diag.Message{ID: "link.future", Text: "link to {{.Dest}}: {{.File}} is not published until {{.Date}}, so the link leads nowhere"}
	msgLinkHidden     = diag.Message{ID: "link.unpublished", Text: "link to {{.Dest}}: {{.File}} is not published, so the link leads nowhere"}
	msgLinkNoLang     = diag.Message{ID: "link.untranslated", Text: "link to {{.Dest}}: {{.Key}} has no {{.Lang}} version, so readers would land on {{.Fallback}}: write the {{.Lang}} version, or link the page that exists, {{.URL}}"}
	msgFragmentHere   = diag.Message{ID: "link.fragment-here", Text: `link to {{.Dest}}: this page has no heading with the id "{{.Fragment}}"`}
	msgFragmentHereHs = diag.Message{ID: "link.fragment-here-headings", Text: `link to {{.Dest}}: this page has no heading with the id "{{.Fragment}}" (headings: {{.Headings}})`}
	msgFragment       = diag.Message{ID: "link.fragment", Text: `link to {{.Dest}}: {{.Target}} has no heading with the id "{{.Fragment}}"`}
	msgFragmentHs     = diag.Message{ID: "link.fragment-headings", Text: `link to {{.Dest}}: {{.Target}} has no heading with the id "{{.Fragment}}" (headings: {{.Headings}})`}

	msgImageNoAlt      = diag.Message{ID: "image.alt", Text: "image {{.Dest}} has no description: write what it shows between the brackets, ![description]({{.Dest}}), for readers who cannot see it"}
	msgLeadMissing     = diag.Message{ID: "image.src-missing", Text: "image.src: there is no {{.File}}: put the picture in the page's folder, or correct its name"}
	msgLeadMissingNear = diag.Message{ID: "image.src-missing-near", Text: `image.src: there is no {{.File}}: did you mean "{{.Near}}"?`}
	msgLeadSingle      = diag.Message{ID: "image.src-single", Text: "image.src: {{.Src}} must be a picture in the page's folder, but {{.File}} is a page without a folder: move it to {{.Bundle}}/index{{.Suffix}}.md and put the picture beside it"}

	msgEventOrder      = diag.Message{ID: "event.order", Text: "event.end {{.End}} is before event.start {{.Start}}: correct one of them"}
	msgEventNoName     = diag.Message{ID: "event.no-name", Text: "event.name is empty: name the event, or delete the event block if there is none"}
	msgSummaryChars    = diag.Message{ID: "summary.long-chars", Text: "summary has {{.Count}} characters; feed readers show about {{.Limit}}, so the end is cut off"}
	msgSummaryWords    = diag.Message{ID: "summary.long-words", Text: "summary has {{.Count}} words; feed readers show about {{.Limit}}, so the end is cut off"}
	msgMarkForm        = diag.Message{ID: "translated-from.form", Text: `translatedFrom: "{{.Value}}" must be a language and a revision, like "zh@1a2b3c4d5e6f" (gen status --mark writes it)`}
	msgMarkOwn         = diag.Message{ID: "translated-from.own", Text: `translatedFrom: "{{.Value}}" names the file's own language; name the language it was translated from`}
	msgMarkLang        = diag.Message{ID: "translated-from.lang", Text: `translatedFrom: "{{.Value}}" names {{.Lang}}, which is not a language of this site ({{.Langs}})`}
	msgTagNoLabel      = diag.Message{ID: "tag.no-label", Text: `tag "{{.Tag}}" has no label in {{.Langs}}, so those pages show "{{.Tag}}": add tag.{{.Tag}} to {{.Files}}`}
	msgTagNoLabelNear  = diag.Message{ID: "tag.no-label-near", Text: `tag "{{.Tag}}" has no label in {{.Langs}}: did you mean "{{.Near}}"? If not, add tag.{{.Tag}} to {{.Files}}`}
	msgTagUnknown      = diag.Message{ID: "tag.unknown", Text: `tag "{{.Tag}}" has no label in any language, so pages show "{{.Tag}}": add tag.{{.Tag}} to {{.Files}}`}
	msgTagUnknownNear  = diag.Message{ID: "tag.unknown-near", Text: `tag "{{.Tag}}" has no label in any language: did you mean "{{.Near}}"? If not, add tag.{{.Tag}} to {{.Files}}`}
	msgStale           = diag.Message{ID: "translation.stale", Text: "out of date: {{.Source}} changed since this was translated; update the translation, then run gen status --mark {{.Lang}} {{.Key}}"}
	msgStaleGone       = diag.Message{ID: "translation.source-gone", Text: "out of date: it was translated from the {{.Lang}} version, which no longer exists"}
	msgMissingNew      = diag.Message{ID: "translation.missing", Text: "no {{.Lang}} translation yet (gen new {{.Key}} --lang {{.Lang}} starts one)"}
	msgMissingWrite    = diag.Message{ID: "translation.missing-write", Text: "no {{.Lang}} translation yet (write {{.File}})"}
	msgStringMissing   = diag.Message{ID: "i18n.missing", Text: `message "{{.Message}}" is missing in {{.Lang}}: add it to {{.File}}`}
	msgStringForm      = diag.Message{ID: "i18n.plural", Text: `message "{{.Message}}" counts things but has no {{.Forms}} form: {{.Lang}} needs {{.Need}}`}
	msgStringForms     = diag.Message{ID: "i18n.plurals", Text: `message "{{.Message}}" counts things but has no {{.Forms}} forms: {{.Lang}} needs {{.Need}}`}
	msgStringUndefined = diag.Message{ID: "i18n.undefined", Text: `the layout asks for message "{{.Message}}", which no language defines: add it to {{.Files}}`}
)

// Messages returns every message of this package, for message bundles.
func Messages() []diag.Message {
	return []diag.Message{
		msgLinkEmpty, msgImageEmpty, msgLinkUnsafe, msgImageUnsafe, msgLinkInvalid, msgImageInvalid,
		msgLinkOutside, msgLinkMissing, msgImageMissing, msgLinkNothing, msgImageNothing, msgLinkQuery,
		msgLinkDraft, msgLinkExpired, msgLinkFuture, msgLinkHidden, msgLinkNoLang,
		msgFragmentHere, msgFragmentHereHs, msgFragment, msgFragmentHs,
		msgImageNoAlt, msgLeadMissing, msgLeadMissingNear, msgLeadSingle,
		msgEventOrder, msgEventNoName, msgSummaryChars, msgSummaryWords, msgMarkForm, msgMarkOwn, msgMarkLang,
		msgTagNoLabel, msgTagNoLabelNear, msgTagUnknown, msgTagUnknownNear,
		msgStale, msgStaleGone, msgMissingNew, msgMissingWrite,
		msgStringMissing, msgStringForm, msgStringForms, msgStringUndefined,
	}
}

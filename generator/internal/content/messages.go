package content

import "github.com/eventnews/gen/generator/internal/diag"

// The messages of this package, in English (besides msgInvalid and
// msgListAsText, declared where they are used); package speak says them in
// other languages.
var (
	msgTOML           = diag.Message{ID: "frontmatter.toml", Text: "TOML front matter is not supported: write YAML between lines ---"}
	msgTitleRequired  = diag.Message{ID: "frontmatter.title-required", Text: "title is required"}
	msgNotClosed      = diag.Message{ID: "frontmatter.not-closed", Text: "front matter is not closed: add a line with --- after it"}
	msgOneDocument    = diag.Message{ID: "frontmatter.one-document", Text: "the front matter must be one YAML document"}
	msgNotMapping     = diag.Message{ID: "frontmatter.not-mapping", Text: `the front matter must be keys with values, like "title: Expo"`}
	msgUnknownKey     = diag.Message{ID: "frontmatter.unknown-key", Text: `unknown {{.What}} key "{{.Key}}" (known keys: {{.Known}})`}
	msgUnknownKeyNear = diag.Message{ID: "frontmatter.unknown-key-near", Text: `unknown {{.What}} key "{{.Key}}" (did you mean "{{.Near}}"?)`}
	msgDuplicateKey   = diag.Message{ID: "frontmatter.duplicate-key", Text: `duplicate {{.What}} key "{{.Key}}" (first set on line {{.Line}})`}
	msgTitleEmpty     = diag.Message{ID: "frontmatter.title-empty", Text: "title must not be empty"}
	msgKeyEmpty       = diag.Message{ID: "frontmatter.translation-key-empty", Text: "translationKey must not be empty"}
	msgAltRequired    = diag.Message{ID: "frontmatter.alt-required", Text: "image.alt is required with image.src: describe the image for readers who cannot see it"}
	msgListedTwice    = diag.Message{ID: "frontmatter.listed-twice", Text: `{{.Key}}: "{{.Value}}" is listed twice`}
	msgNotText        = diag.Message{ID: "frontmatter.not-text", Text: "{{.Key}} must be text, not {{.Kind}}"}
	msgNotBool        = diag.Message{ID: "frontmatter.not-bool", Text: "{{.Key}} must be true or false, not {{.Value}}"}
	msgNotInt         = diag.Message{ID: "frontmatter.not-int", Text: "{{.Key}} must be a whole number, not {{.Value}}"}
	msgNotDate        = diag.Message{ID: "frontmatter.not-date", Text: "{{.Key}} must be a date like 2024-05-17, not {{.Kind}}"}
	msgNotList        = diag.Message{ID: "frontmatter.not-list", Text: "{{.Key}} must be a list, like {{.Example}}"}
	msgEntryNotText   = diag.Message{ID: "frontmatter.entry-not-text", Text: "{{.Key}}: each entry must be text, not {{.Kind}}"}
	msgKindList       = diag.Message{ID: "kind.list", Text: "a list"}
	msgKindMapping    = diag.Message{ID: "kind.mapping", Text: "a mapping"}
	msgKindEmpty      = diag.Message{ID: "kind.empty", Text: "empty"}
	msgKindAliasList  = diag.Message{ID: "kind.alias-list", Text: "an alias of a list (write the list, like [*a, *b])"}

	msgCannotRead  = diag.Message{ID: "content.cannot-read", Text: "cannot read: {{.Err}}"}
	msgNotMarkdown = diag.Message{ID: "content.not-markdown", Text: "not a Markdown file under {{.Dir}}/"}

	msgBadSlug         = diag.Message{ID: "frontmatter.bad-slug", Text: `slug: {{.Value}} must be one URL segment, without spaces or "/", "\", "?", "#", "%", not ending in "."`}
	msgBadLayout       = diag.Message{ID: "frontmatter.bad-layout", Text: `layout: {{.Value}} must be a layout name: letters, digits, "-" and "_"`}
	msgNotKeyMapping   = diag.Message{ID: "frontmatter.not-key-mapping", Text: "{{.Key}} must be a mapping with the keys {{.Keys}}"}
	msgEventDayAndTime = diag.Message{ID: "frontmatter.event-day-and-time", Text: "event.end: {{.End}} and event.start {{.Start}} must both be dates, or both have a time of day"}
	msgBadImageSrc     = diag.Message{ID: "frontmatter.bad-image-src", Text: `image.src: {{.Value}} must be a file in the page bundle, like "photo.jpg", or an http or https URL`}
	msgBadURL          = diag.Message{ID: "frontmatter.bad-url", Text: `{{.Key}}: {{.Value}} must be an http or https URL or a site path starting with "/"`}
	msgClockGap        = diag.Message{ID: "frontmatter.clock-gap", Text: "{{.Key}}: {{.Value}} does not exist in {{.Zone}}, which puts its clocks forward at that time: write the time after the change, like {{.After}}"}
	msgOffsetDiffers   = diag.Message{ID: "frontmatter.offset-differs", Text: "{{.Key}}: {{.Value}} is at {{.Offset}}, but in {{.Zone}} (event.timeZone) it is {{.ZoneOffset}} then: write the time without the offset"}
	msgBadDate         = diag.Message{ID: "frontmatter.bad-date", Text: "{{.Key}}: {{.Value}} is not a valid date"}
	msgBadDateWrite    = diag.Message{ID: "frontmatter.bad-date-write", Text: "{{.Key}}: {{.Value}} is not a valid date (write it as {{.Date}})"}
	msgBadDateForms    = diag.Message{ID: "frontmatter.bad-date-forms", Text: "{{.Key}}: {{.Value}} is not a valid date (write dates as 2024-05-17, 2024-05-17 10:00 or 2024-05-17T10:00:00+08:00)"}
	msgZoneLocal       = diag.Message{ID: "frontmatter.zone-local", Text: `event.timeZone: "Local" would depend on the machine that builds the site: name the zone, like "Asia/Vladivostok"`}
	msgZoneNear        = diag.Message{ID: "frontmatter.zone-near", Text: "event.timeZone: {{.Zone}} is not a known time zone: did you mean {{.Near}}?"}
	msgZoneUnknown     = diag.Message{ID: "frontmatter.zone-unknown", Text: `event.timeZone: {{.Zone}} is not a known time zone: use an IANA name, like "Asia/Vladivostok" or "Europe/Moscow"`}

	msgTagNotKey     = diag.Message{ID: "frontmatter.tag-not-key", Text: "{{.Key}}: {{.Value}} is not a tag key: use lower-case letters, digits and hyphens; this site takes only keys (tags: {strict: true} in site.yaml), each with a label in i18n/<lang>.yaml"}
	msgTagNotKeyLike = diag.Message{ID: "frontmatter.tag-not-key-like", Text: "{{.Key}}: {{.Value}} is not a tag key: use lower-case letters, digits and hyphens, like {{.Fix}}; this site takes only keys (tags: {strict: true} in site.yaml), each with a label in i18n/<lang>.yaml"}
	msgTagNoName     = diag.Message{ID: "frontmatter.tag-no-name", Text: `{{.Key}}: {{.Value}} has no letter or digit to make its web address of: write a word, or a tag key like "trade"`}
	msgTagTwice      = diag.Message{ID: "frontmatter.tag-twice", Text: "tags: {{.Value}} is listed twice: it is shown once; delete one"}
	msgTagAgain      = diag.Message{ID: "frontmatter.tag-again", Text: "tags: {{.Value}} is the tag {{.First}} again (one address, tags/{{.Name}}/): it is shown once; delete one"}

	msgAliasNotSitePath  = diag.Message{ID: "frontmatter.alias-not-site-path", Text: `{{.Key}}: {{.Value}} must be a site path starting with one "/", like "/news/old-name/"`}
	msgAliasNotPlain     = diag.Message{ID: "frontmatter.alias-not-plain", Text: `{{.Key}}: {{.Value}} must be a plain path without spaces, "\", "?" or "#"`}
	msgAliasDots         = diag.Message{ID: "frontmatter.alias-dots", Text: `{{.Key}}: {{.Value}} must not contain "." or ".." segments`}
	msgAliasBadPercent   = diag.Message{ID: "frontmatter.alias-bad-percent", Text: `{{.Key}}: {{.Value}} has a "%" that starts no escape: write "%25" for "%"`}
	msgAliasEscapedSlash = diag.Message{ID: "frontmatter.alias-escaped-slash", Text: `{{.Key}}: {{.Value}} must not escape "/" as "%2F": hosts disagree on what it means`}
	msgAliasEscapedDots  = diag.Message{ID: "frontmatter.alias-escaped-dots", Text: `{{.Key}}: {{.Value}} must not contain "." or ".." segments, escaped or not`}
	msgAliasDecodesBad   = diag.Message{ID: "frontmatter.alias-decodes-bad", Text: `{{.Key}}: {{.Value}} decodes to {{.Decoded}}, which holds a control character, "\" or a name ending in a dot or space: write the alias without it`}

	msgParamsNotMapping  = diag.Message{ID: "params.not-mapping", Text: "params must be a mapping of names to values, not {{.Value}}"}
	msgParamsTooMany     = diag.Message{ID: "params.too-many", Text: "params: too many values (check the YAML aliases)"}
	msgParamsInvalid     = diag.Message{ID: "params.invalid", Text: "params: {{.Problem}}"}
	msgParamsSelfAlias   = diag.Message{ID: "params.self-alias", Text: "{{.At}}: the value contains itself through the alias *{{.Alias}}"}
	msgParamsNameNotText = diag.Message{ID: "params.name-not-text", Text: "{{.At}}: names must be text, not {{.Kind}}"}
	msgParamsMerge       = diag.Message{ID: "params.merge", Text: `{{.At}}: "<<" merges a mapping or a list of mappings, not {{.What}}`}

	msgDateRequired     = diag.Message{ID: "frontmatter.date-required", Text: "date is required"}
	msgStartRequired    = diag.Message{ID: "frontmatter.event-start-required", Text: "event.start is required"}
	msgSrcRequired      = diag.Message{ID: "frontmatter.image-src-required", Text: "image.src is required"}
	msgAltFrom          = diag.Message{ID: "frontmatter.alt-from", Text: "image.alt is required: describe the image from {{.Source}} in this language"}
	msgKeyReused        = diag.Message{ID: "frontmatter.key-reused", Text: `translation key "{{.Key}}" in "{{.Lang}}" is also used by {{.Other}}`}
	msgLangCase         = diag.Message{ID: "file.lang-case", Text: `language "{{.Lang}}" in the file name must be lower case: {{.Lower}}`}
	msgLangUnknown      = diag.Message{ID: "file.lang-unknown", Text: `unknown language "{{.Lang}}" in the file name (configured: {{.Langs}})`}
	msgNoStem           = diag.Message{ID: "file.no-name", Text: `the file name needs a name before "{{.Ext}}"`}
	msgBundleNotSection = diag.Message{ID: "file.bundle-section", Text: "{{.Dir}} is a page bundle (it has {{.Index}}), so it cannot also be a section: remove this file, or move the page into a folder of its own"}
	msgSectionInBundle  = diag.Message{ID: "file.section-in-bundle", Text: "a section cannot lie inside the page bundle {{.Dir}}: move the folder out of the bundle, or remove this file"}
	msgHomeBundle       = diag.Message{ID: "file.home-bundle", Text: "a page bundle needs a directory of its own; the home page is {{.Dir}}/_index.md"}
	msgInvalidUTF8      = diag.Message{ID: "file.utf8", Text: "invalid UTF-8 (save the file as UTF-8)"}
)

// Package escape writes text into the languages gen's output is made of:
// XML (feeds, sitemaps), URLs, iCalendar and JSON inside a <script>
// element. Each escaping exists here once; HTML is escaped by html/template
// in the layouts and by the standard library's html.EscapeString in the
// few places Go writes markup.
//
// Rules:
//   - XMLText and XMLAttr write character data and double-quoted attribute
//     values: "&", "<" and ">" (and in an attribute '"') as entities, and a
//     character XML 1.0 does not allow (controls but tab, line feed and
//     carriage return; U+FFFE, U+FFFF; invalid UTF-8) as U+FFFD, so any
//     string gives well-formed XML.
//   - URI percent-encodes what may not appear in a URI (RFC 3986): bytes
//     outside ASCII, spaces, controls and "<>\"{}|\\^`. Feeds, sitemaps and
//     calendars need URIs, not IRIs. It leaves "%" alone: its input is a URL
//     whose escapes are made already.
//   - Segment writes a name as one segment of a URL path, Path a
//     slash-separated relative path name by name (see Segment).
//   - Href percent-encodes a URL as html/template does for an href (with
//     upper-case hexadecimal digits), for the links Go writes into a
//     page's head.
//   - ICalText escapes an iCalendar TEXT value (RFC 5545 §3.3.11).
//   - JSONString writes a JSON string exactly as encoding/json.Marshal
//     does, so that no text can end the <script> element that holds it.
//
// Each function is fuzzed against the standard library or the
// specification: what it writes parses back to its input.
package escape

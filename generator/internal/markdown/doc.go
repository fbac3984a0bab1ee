// Package markdown turns the Markdown body of a release or page into HTML
// and the facts later stages need: headings, links, the first paragraph,
// plain text, a word count and a reading time.
//
// One [Converter] is built per language with [New] and may be shared by any
// number of goroutines: every piece of per-page state (heading IDs, quote
// nesting, link positions) lives in the [Converter.Convert] call.
//
// # Syntax
//
// CommonMark plus GitHub Flavored Markdown (tables, strikethrough, autolinks,
// task lists) and footnotes. Headings accept an attribute block, of which
// `{#custom-id}` is the useful part: `## Программа {#program}`.
//
// # Typographer, per language
//
//   - ru: "..." → «...», a quote inside a quote and '...' → „...“,
//     -- → – (en dash), --- → — (em dash), ... → …, << >> → « ».
//   - en and any language not listed here: "..." → “...”, '...' → ‘...’,
//     apostrophes → ’, -- → –, --- → —, ... → …; << and >> stay as written.
//   - zh, ja, ko (any code starting with them): no substitutions at all, so
//     no Latin quotes or dashes are forced on CJK text. A backslash-escaped
//     space (`\ `) renders as nothing.
//
// Punctuation is written as UTF-8 characters, not entities.
//
// # Line breaks
//
// A soft line break (a newline inside a paragraph) between two East Asian
// wide characters (Han, Kana, full-width punctuation) is dropped, so
// "哈尔滨\n举行" renders and reads as "哈尔滨举行". Everywhere else, Hangul
// included, it stays a newline in HTML and a space in plain text. This holds
// in every language, so Chinese quoted in a Russian release reads right.
//
// # Heading IDs
//
// Every heading gets an id, unique within the page:
//
//   - an explicit `{#id}` is used as written;
//   - otherwise the heading's plain text is lower-cased, every run of
//     characters that are not letters, digits or combining marks becomes one
//     "-", and leading and trailing "-" are dropped. Letters of any script are
//     kept: "Программа выставки" → "программа-выставки", "展会概况" →
//     "展会概况", "Facts & Figures" → "facts-figures". A heading with no
//     letters or digits gets "heading";
//   - an id already taken on the page (explicitly or by an earlier heading)
//     gets the first free suffix "-1", "-2", ….
//
// # Safety
//
//   - Raw HTML is omitted (goldmark writes "<!-- raw HTML omitted -->")
//     unless [Options.Unsafe] is set, which mirrors unsafeHTML in site.yaml.
//   - Links, images and autolinks whose destination has a javascript:,
//     vbscript:, livescript:, data: or file: scheme are unwrapped, in both
//     modes: a link keeps its text, an image becomes its alt text. The scheme
//     is found the way a browser finds it, after resolving character
//     references and backslash escapes, dropping leading spaces and control
//     characters and removing tabs and newlines, ignoring case. See
//     [DangerousURL], which other stages use for URLs from front matter.
//   - Without Unsafe, heading attributes other than id and class are dropped.
//   - Links to other hosts get no extra attributes; output is deterministic.
//
// # Results
//
// [Result.Links] lists every link, image and autolink in document order with
// its destination as written (reference links carry the definition's
// destination) and its 1-based line and column in the source passed to
// Convert; the column counts characters, not bytes. Callers that strip front
// matter add their body offset. PlainText drops markup, raw HTML, footnote
// markers and task checkboxes, keeps image alt text and code, and separates
// blocks with "\n". FirstParagraph is the plain text of the first top-level
// paragraph that has text of its own (a paragraph holding only an image is
// skipped), without image alt text.
//
// All plain text (PlainText, FirstParagraph, Summary, Heading.Text, the
// words counted) is the text a reader sees in the HTML: one function
// (writeInline) makes it, and it resolves backslash escapes and character
// references with the very writer the body is rendered with, by
// CommonMark's rules. A named reference needs its semicolon and must be an
// HTML5 entity ("&param=2;" and "&copy" stay as written); a numeric one has
// at most 7 decimal or 6 hexadecimal digits, and one for 0, a surrogate or
// a code point beyond U+10FFFF reads U+FFFD. A NUL anywhere in the source
// becomes U+FFFD before parsing, as CommonMark asks, so none reaches the
// HTML, the text or the links.
//
// # Limits
//
// goldmark spends time or memory out of proportion to its input on a few
// shapes of it. Convert refuses a body that passes one of these limits, far
// beyond what a release needs, with a *LimitError at the place it passes
// it (a build reports it as an error of the file), and reads the rest of
// that body flat, so a refused body costs time linear in its length:
//
//   - Block quotes, list items and footnotes nest at most MaxDepth (100)
//     deep: goldmark looks at every open container on every line, and a
//     list nested 2,000 deep took 8 s.
//   - A body defines at most MaxFootnotes (1,000) footnotes: goldmark looks
//     every reference up among all of them, and sorts them by insertion.
//   - Tables have at most as many cells as the body has bytes, plus 65,536:
//     goldmark fills short rows with empty cells (a header of 5,000 columns
//     over 5,000 one-cell rows is 25 million cells). They hold at most
//     1,000 escaped pipes (\|), which goldmark compares pairwise.
//   - Markup: a paragraph, heading or table cell weighs the number of its
//     markup characters (the ones in "* _ ~ [ ] < `") times its length in
//     bytes, an upper bound of what goldmark does matching them (160 KB of
//     emphasis that never closes, "*a_ *a_ …", took 10 s; so do unclosed
//     links). A paragraph of link reference definitions weighs its lines
//     starting with "[" times its lines, as goldmark moves the rest of the
//     paragraph after each definition. A body may weigh 512 times its
//     length plus 2^26. Prose weighs far less: quotes do not count, a
//     single 50 KB paragraph with 400 links is within, and so is a table
//     of thousands of rows of links.
//   - Link and image destinations and titles, written once per link, take
//     at most 4 times the body's length plus 1 MB: a reference definition
//     is repeated at every use.
//
// The limits are kept by wrapping goldmark's own block parsers, link
// parser and table transformer (limits.go); the parsing is goldmark's.
//
// # Counting
//
// [WordCount] counts each Han, Kana or Hangul character as one unit and each
// run of letters, digits and marks of other scripts as one word; an
// apostrophe or hyphen between two letters or digits, and a "." or ","
// between two digits, does not split a word ("don't", "Санкт-Петербург" and
// "1,000" are one word each). Result.ReadingMinutes reads CJK characters at
// 300 per minute and other words at 200 per minute, and Result.Summary cuts
// the first paragraph without cutting a word.
package markdown

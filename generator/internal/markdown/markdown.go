package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configures a Converter.
type Options struct {
	Lang   string // "zh", "ru", "en" (any other: treated like en; a code starting with "zh", "ja", "ko" is CJK)
	Unsafe bool   // let raw HTML through (site.yaml unsafeHTML); default false
	// PlainText keeps Result.PlainText. Without it Convert still counts
	// the words but drops the text, which weighs as much as the HTML and
	// which no page of a build shows.
	PlainText bool
}

// Converter renders Markdown for one language. It is safe for concurrent use
// by many goroutines: it holds only configuration, and every Convert call
// keeps its own state.
type Converter struct {
	lang   string
	md     goldmark.Markdown
	style  typoStyle
	unsafe bool
	plain  bool
	// writer writes the text of the body, and resolves the escapes and
	// character references of the plain text the same way.
	writer html.Writer
	// buffers holds *buffers for Convert calls to reuse.
	buffers sync.Pool
}

// buffers are the scratch space of one Convert call, reused by later calls.
type buffers struct {
	html    htmlBuffer
	text    bytes.Buffer // a block's text, for blockTexts
	inline  bytes.Buffer // for inlineText
	escaped htmlBuffer   // for writeText
	runs    []run        // for fixLineBreaks
}

// htmlBuffer is a goldmark util.BufWriter: any other io.Writer is wrapped
// in a new 4 KB bufio.Writer on every Render.
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }

// Result is what Convert learns about one Markdown body.
type Result struct {
	HTML           string    // the rendered body
	Headings       []Heading // in document order
	Links          []Link    // every link and image destination, in order
	FirstParagraph string    // plain text of the first paragraph (no markup), for summaries
	Summary        string    // FirstParagraph cut to SummaryChars or SummaryWords (see summarize), made once with the conversion
	PlainText      string    // whole body as plain text, blocks separated by "\n"; only with Options.PlainText
	Words          int       // see WordCount
	ReadingMinutes int       // CJK characters at 300 a minute and other words at 200, rounded up, at least 1
}

// Heading is one heading of the body.
type Heading struct {
	Level int
	ID    string // the id attribute written to the HTML
	Text  string // plain text
}

// Link is one link, image or autolink of the body.
type Link struct {
	Dest      string // as written
	Image     bool
	NoAlt     bool // an image whose alt text is empty or blank
	Line, Col int  // 1-based position of the link in src (best effort, line at least), for error messages
}

// Default summary limits for Result.Summary.
const (
	SummaryChars = 120 // characters, for CJK languages
	SummaryWords = 50  // words, for other languages
)

type typoStyle int

const (
	typoNone typoStyle = iota
	typoEnglish
	typoRussian
)

// Punctuation written by the typographer. Russian single quotes and nested
// double quotes are fixed up after parsing (see quoteNesting).
const (
	ruOpenOuter  = "«"
	ruCloseOuter = "»"
	ruOpenInner  = "„"
	ruCloseInner = "“"
)

// isCJKLang reports whether a language code names Chinese, Japanese or Korean.
func isCJKLang(lang string) bool {
	l := strings.ToLower(lang)
	return strings.HasPrefix(l, "zh") || strings.HasPrefix(l, "ja") || strings.HasPrefix(l, "ko")
}

func styleFor(lang string) typoStyle {
	l := strings.ToLower(lang)
	if isCJKLang(l) {
		return typoNone
	}
	if l == "ru" || strings.HasPrefix(l, "ru-") || strings.HasPrefix(l, "ru_") {
		return typoRussian
	}
	return typoEnglish
}

// New returns a Converter for opts.
func New(opts Options) *Converter {
	c := &Converter{lang: opts.Lang, style: styleFor(opts.Lang), unsafe: opts.Unsafe, plain: opts.PlainText, writer: html.NewWriter()}
	exts := []goldmark.Extender{extension.GFM, extension.Footnote}
	parserOpts := []parser.Option{parser.WithHeadingAttribute()}
	switch c.style {
	case typoRussian:
		exts = append(exts, extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftDoubleQuote:  ruOpenOuter,
			extension.RightDoubleQuote: ruCloseOuter,
			extension.LeftSingleQuote:  ruOpenInner,
			extension.RightSingleQuote: ruCloseInner,
			extension.Apostrophe:       "’",
			extension.EnDash:           "–",
			extension.EmDash:           "—",
			extension.Ellipsis:         "…",
			extension.LeftAngleQuote:   ruOpenOuter,
			extension.RightAngleQuote:  ruCloseOuter,
		})))
	case typoEnglish:
		// nil leaves a punctuation as written: << and >> are not quotes in English.
		exts = append(exts, extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
			extension.LeftDoubleQuote:  []byte("“"),
			extension.RightDoubleQuote: []byte("”"),
			extension.LeftSingleQuote:  []byte("‘"),
			extension.RightSingleQuote: []byte("’"),
			extension.Apostrophe:       []byte("’"),
			extension.EnDash:           []byte("–"),
			extension.EmDash:           []byte("—"),
			extension.Ellipsis:         []byte("…"),
			extension.LeftAngleQuote:   nil,
			extension.RightAngleQuote:  nil,
		})))
	case typoNone:
		// What extension.NewCJK(extension.WithEscapedSpace()) sets up,
		// with the writer kept for the plain text.
		c.writer = html.NewWriter(html.WithEscapedSpace())
		parserOpts = append(parserOpts, parser.WithEscapedSpace())
	}
	rendererOpts := []renderer.Option{html.WithWriter(c.writer)}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	c.md = goldmark.New(
		goldmark.WithParser(newGuardedParser()),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parserOpts...),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return c
}

// Convert renders src, a Markdown body without front matter.
func (c *Converter) Convert(src []byte) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("markdown: internal error: %v", p)
		}
	}()
	bufs, _ := c.buffers.Get().(*buffers)
	if bufs == nil {
		bufs = new(buffers)
	}
	defer c.buffers.Put(bufs)
	doc, p, err := c.parse(src, bufs)
	if err != nil {
		return nil, err
	}
	src = p.src

	buf := &bufs.html
	buf.Reset()
	buf.Grow(len(src) + len(src)/2)
	if err := c.md.Renderer().Render(buf, src, doc); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	res = &Result{
		HTML:           buf.String(),
		Headings:       p.headings,
		Links:          p.links,
		FirstParagraph: p.firstParagraph(doc),
	}
	res.Summary = summarize(res.FirstParagraph, c.lang, 0) // collapsed already
	var cjk, words int
	if c.plain {
		res.PlainText = p.plainText(doc)
		cjk, words = count(res.PlainText)
	} else {
		cjk, words = p.words(doc)
	}
	res.Words, res.ReadingMinutes = cjk+words, minutes(cjk, words)
	return res, nil
}

// parse reads src into a document whose line breaks, quotes, heading IDs
// and dangerous links are done, and the page that holds its headings and
// links; or it returns the *LimitError of a body beyond the limits.
func (c *Converter) parse(src []byte, bufs *buffers) (ast.Node, *page, error) {
	// CommonMark replaces U+0000 with U+FFFD. Done here, before parsing,
	// no NUL reaches the HTML (raw HTML included), the plain text, the
	// summary or the links.
	if bytes.IndexByte(src, 0) >= 0 {
		src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	}
	g := newGuards(src)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(g))
	if err := g.err(); err != nil {
		return nil, nil, err
	}
	p := &page{src: src, conv: c, bufs: bufs}
	p.process(doc)
	return doc, p, nil
}

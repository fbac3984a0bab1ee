package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// page is the state of one Convert call. Nothing in it outlives the call.
type page struct {
	src        []byte
	conv       *Converter
	bufs       *buffers
	lineStarts []int                        // byte offsets where lines start, computed on first use
	last       struct{ line, off, col int } // the last position computed

	headings []Heading
	links    []Link
}

// linkSite is a link, image or autolink found while walking, with the source
// offset of the text seen last before it.
type linkSite struct {
	node   ast.Node
	cursor int
}

// process rewrites the AST in place (line breaks, quotes, heading IDs,
// dangerous links) and collects headings and links.
func (p *page) process(doc ast.Node) {
	var (
		headings []*ast.Heading
		sites    []linkSite
		cursor   int
		quotes   quoteNesting
	)
	russian := p.conv.style == typoRussian
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			if lines := n.Lines(); lines != nil && lines.Len() > 0 {
				cursor = lines.At(0).Start
			}
			if hasInlineChild(n) {
				// A leaf block: its inline nodes come next.
				p.fixLineBreaks(n)
				quotes = quotes[:0]
			}
			if h, ok := n.(*ast.Heading); ok {
				headings = append(headings, h)
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			cursor = n.Segment.Stop
		case *ast.String:
			if russian && n.IsCode() {
				quotes.see(n)
			}
		case *ast.Link, *ast.Image, *ast.AutoLink:
			sites = append(sites, linkSite{node: n, cursor: cursor})
		}
		return ast.WalkContinue, nil
	})
	p.collectLinks(sites)
	p.assignHeadingIDs(headings)
}

func hasInlineChild(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}

// ---- line breaks ----

// run is one piece of inline text in a leaf block; a boundary (raw HTML,
// an image, a footnote marker) stops line-break look-around.
type run struct {
	node     ast.Node
	text     []byte
	boundary bool
}

func (p *page) runs(n ast.Node, out []run) []run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			out = append(out, run{node: c, text: c.Segment.Value(p.src)})
		case *ast.String:
			out = append(out, run{node: c, text: c.Value})
		case *ast.AutoLink:
			out = append(out, run{node: c, text: c.Label(p.src)})
		case *ast.CodeSpan, *ast.Link, *ast.Emphasis, *east.Strikethrough:
			out = p.runs(c, out)
		case *east.FootnoteLink:
			// a small superscript: text flows around it
		default:
			out = append(out, run{node: c, boundary: true})
		}
	}
	return out
}

// fixLineBreaks drops soft line breaks between two East Asian wide
// characters, so the renderer writes nothing there.
func (p *page) fixLineBreaks(block ast.Node) {
	if !p.mayJoin(block) {
		return
	}
	p.bufs.runs = p.runs(block, p.bufs.runs[:0])
	rs := p.bufs.runs
	for i, r := range rs {
		t, ok := r.node.(*ast.Text)
		if !ok || !t.SoftLineBreak() {
			continue
		}
		if _, inCode := t.Parent().(*ast.CodeSpan); inCode {
			continue
		}
		before, ok1 := lastRuneBefore(rs, i)
		after, ok2 := firstRuneAfter(rs, i+1)
		if ok1 && ok2 && joinsLines(before, after) {
			t.SetSoftLineBreak(false)
		}
	}
}

// mayJoin reports whether a soft line break under n, among the texts runs
// visits, could be dropped: the text before it ends in a wide character
// or has nothing of its own to tell.
func (p *page) mayJoin(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if c.SoftLineBreak() {
				t := bytes.TrimRight(c.Segment.Value(p.src), " \t")
				if len(t) == 0 {
					return true
				}
				if r, _ := utf8.DecodeLastRune(t); wideRune(r) {
					return true
				}
			}
		case *ast.CodeSpan, *ast.Link, *ast.Emphasis, *east.Strikethrough:
			if p.mayJoin(c) {
				return true
			}
		}
	}
	return false
}

func lastRuneBefore(rs []run, i int) (rune, bool) {
	for ; i >= 0; i-- {
		if rs[i].boundary {
			return 0, false
		}
		if t := bytes.TrimRight(rs[i].text, " \t"); len(t) > 0 {
			r, _ := utf8.DecodeLastRune(t)
			return r, true
		}
	}
	return 0, false
}

func firstRuneAfter(rs []run, i int) (rune, bool) {
	for ; i < len(rs); i++ {
		if rs[i].boundary {
			return 0, false
		}
		if t := bytes.TrimLeft(rs[i].text, " \t"); len(t) > 0 {
			r, _ := utf8.DecodeRune(t)
			return r, true
		}
	}
	return 0, false
}

// joinsLines reports whether a line break between a and b should vanish:
// both are East Asian wide or full-width (Han, Kana, CJK punctuation), and
// neither is Hangul, since Korean separates words with spaces.
func joinsLines(a, b rune) bool {
	return wideRune(a) && wideRune(b)
}

func wideRune(r rune) bool {
	if unicode.Is(unicode.Hangul, r) {
		return false
	}
	w := util.EastAsianWidth(r)
	return w == "W" || w == "F"
}

// ---- Russian quotes ----

// quoteNesting gives nested double quotes the inner „лапки“. The
// typographer writes every opening double quote as « and every single one
// as „; here a quote opened inside another becomes „…“. It sees the
// typographer's strings of one leaf block in order.
type quoteNesting []quote

type quote struct{ double, outer bool }

func (q *quoteNesting) see(s *ast.String) {
	stack := *q
	switch string(s.Value) {
	case ruOpenOuter:
		outer := len(stack) == 0
		stack = append(stack, quote{double: true, outer: outer})
		if !outer {
			s.Value = []byte(ruOpenInner)
		}
	case ruOpenInner:
		stack = append(stack, quote{})
	case ruCloseOuter:
		if len(stack) > 0 && stack[len(stack)-1].double {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !top.outer {
				s.Value = []byte(ruCloseInner)
			}
		}
	case ruCloseInner:
		if len(stack) > 0 && !stack[len(stack)-1].double {
			stack = stack[:len(stack)-1]
		}
	}
	*q = stack
}

// ---- links ----

func (p *page) collectLinks(sites []linkSite) {
	var dangerous []ast.Node
	for _, s := range sites {
		var l Link
		var off int
		switch n := s.node.(type) {
		case *ast.Link:
			l.Dest = string(n.Destination)
			off = p.bracketOffset(n, false, s.cursor)
		case *ast.Image:
			l.Dest, l.Image = string(n.Destination), true
			l.NoAlt = strings.TrimSpace(p.inlineText(n, true)) == ""
			off = p.bracketOffset(n, true, s.cursor)
		case *ast.AutoLink:
			l.Dest = string(n.URL(p.src))
			off = p.autoLinkOffset(n, s.cursor)
		}
		l.Line, l.Col = p.position(off)
		p.links = append(p.links, l)
		if DangerousURL(l.Dest) {
			dangerous = append(dangerous, s.node)
		}
	}
	for _, n := range dangerous {
		neutralise(n, p.src)
	}
}

// neutralise replaces a link or image by its content and an autolink by its
// label as plain text.
func neutralise(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if a, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(bytes.Clone(a.Label(src))))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// bracketOffset finds the "[" (or "![") that opens a link or image.
func (p *page) bracketOffset(n ast.Node, image bool, cursor int) int {
	if t := firstText(n); t != nil {
		start := t.Segment.Start
		ls := p.lineStart(start)
		i := bytes.LastIndexByte(p.src[ls:start], '[')
		if i < 0 {
			return start
		}
		i += ls
		if image && i > 0 && p.src[i-1] == '!' {
			i--
		} else if !image && i > 1 && p.src[i-1] == '!' && p.src[i-2] == '[' {
			i -= 2 // a link around an image: [![alt](img)](dest)
		}
		return i
	}
	cursor = min(max(cursor, 0), len(p.src))
	pat := []byte("[")
	if image {
		pat = []byte("![")
	}
	if i := bytes.Index(p.src[cursor:], pat); i >= 0 {
		return cursor + i
	}
	return cursor
}

func (p *page) autoLinkOffset(n *ast.AutoLink, cursor int) int {
	cursor = min(max(cursor, 0), len(p.src))
	label := n.Label(p.src)
	if len(label) == 0 {
		return cursor
	}
	i := bytes.Index(p.src[cursor:], label)
	if i < 0 {
		return cursor
	}
	i += cursor
	if i > 0 && p.src[i-1] == '<' {
		i--
	}
	return i
}

func firstText(n ast.Node) *ast.Text {
	var found *ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

func (p *page) computeLines() {
	if p.lineStarts != nil {
		return
	}
	p.lineStarts = make([]int, 1, bytes.Count(p.src, []byte("\n"))+1)
	for i := 0; ; {
		j := bytes.IndexByte(p.src[i:], '\n')
		if j < 0 {
			return
		}
		i += j + 1
		p.lineStarts = append(p.lineStarts, i)
	}
}

func (p *page) lineStart(off int) int {
	p.computeLines()
	i := sort.SearchInts(p.lineStarts, off+1) - 1
	return p.lineStarts[max(i, 0)]
}

// position turns a byte offset into a 1-based line and character column.
// Links come mostly in source order, so counting resumes from the last
// position on the same line: many links on one long line stay linear.
func (p *page) position(off int) (line, col int) {
	p.computeLines()
	off = min(max(off, 0), len(p.src))
	i := max(sort.SearchInts(p.lineStarts, off+1)-1, 0)
	from, col := p.lineStarts[i], 1
	if p.last.line == i+1 && p.last.off <= off {
		from, col = p.last.off, p.last.col
	}
	col += utf8.RuneCount(p.src[from:off])
	p.last.line, p.last.off, p.last.col = i+1, off, col
	return i + 1, col
}

// ---- headings ----

func (p *page) assignHeadingIDs(hs []*ast.Heading) {
	if len(hs) == 0 {
		return
	}
	p.headings = make([]Heading, 0, len(hs))
	explicit := make([]string, len(hs))
	var reserved map[string]bool // explicit IDs, if any
	for i, h := range hs {
		if v, ok := h.AttributeString("id"); ok {
			if s := attrString(v); s != "" {
				if reserved == nil {
					reserved = map[string]bool{}
				}
				explicit[i] = s
				reserved[s] = true
			}
		}
	}
	taken := make(map[string]bool, len(hs))
	var next map[string]int // next suffix to try per base, so repeats stay linear
	for i, h := range hs {
		text := p.inlineText(h, false)
		id := explicit[i]
		base := id
		if id == "" {
			base = slug(text)
			id = base
		}
		if taken[id] || (explicit[i] == "" && reserved[id]) {
			for n := max(next[base], 1); ; n++ {
				id = base + "-" + strconv.Itoa(n)
				if !taken[id] && !reserved[id] {
					if next == nil {
						next = map[string]int{}
					}
					next[base] = n + 1
					break
				}
			}
		}
		taken[id] = true
		if !p.conv.unsafe {
			class, hasClass := h.AttributeString("class")
			h.RemoveAttributes()
			if hasClass {
				h.SetAttributeString("class", class)
			}
		}
		h.SetAttributeString("id", id)
		p.headings = append(p.headings, Heading{Level: h.Level, ID: id, Text: text})
	}
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// slug makes a heading ID from plain text: lower case, every run of
// characters other than letters, digits and marks becomes one "-", no "-"
// at either end. Letters of every script are kept. Empty text gives
// "heading".
func slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	pending := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if pending && b.Len() > 0 {
				b.WriteByte('-')
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		pending = true
	}
	if b.Len() == 0 {
		return "heading"
	}
	return b.String()
}

// ---- plain text ----

// inlineText is the plain text of a leaf block's inline content, spaces
// collapsed. withAlt includes image alt text.
func (p *page) inlineText(n ast.Node, withAlt bool) string {
	raw := &p.bufs.inline
	raw.Reset()
	p.writeInline(raw, n, withAlt)
	var b strings.Builder
	collapseInto(&b, raw.Bytes(), 0)
	return b.String()
}

func (p *page) writeInline(b *bytes.Buffer, n ast.Node, withAlt bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(p.src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				p.writeText(b, v)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				p.writeText(b, c.Value)
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(bytes.ReplaceAll(t.Segment.Value(p.src), []byte("\n"), []byte(" ")))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(p.src))
		case *ast.RawHTML:
			// markup, not text
		case *ast.Image:
			if withAlt {
				p.writeInline(b, c, withAlt)
			}
		default:
			switch c.Kind() {
			case east.KindFootnoteLink, east.KindFootnoteBacklink, east.KindTaskCheckBox:
				continue
			}
			p.writeInline(b, c, withAlt)
		}
	}
}

// writeText writes Markdown text as a reader of the body sees it. The
// body's own writer (goldmark's html.Writer, the one the renderer uses)
// resolves backslash escapes and character references by CommonMark's
// rules, and the four escapes it adds for HTML are undone, so the text is
// exactly the text of the HTML.
func (p *page) writeText(b *bytes.Buffer, v []byte) {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		b.Write(v) // nothing to resolve; Convert made every NUL U+FFFD
		return
	}
	escaped := &p.bufs.escaped
	escaped.Reset()
	p.conv.writer.Write(escaped, v)
	unescapeHTML(b, escaped.Bytes())
}

// unescapeHTML writes s, written by goldmark's html.Writer, to b with the
// only escapes that writer makes (&amp; &lt; &gt; &quot;) undone.
func unescapeHTML(b *bytes.Buffer, s []byte) {
	for {
		i := bytes.IndexByte(s, '&')
		if i < 0 {
			b.Write(s)
			return
		}
		b.Write(s[:i])
		s = s[i:]
		n := 1
		switch {
		case bytes.HasPrefix(s, []byte("&amp;")):
			b.WriteByte('&')
			n = len("&amp;")
		case bytes.HasPrefix(s, []byte("&lt;")):
			b.WriteByte('<')
			n = len("&lt;")
		case bytes.HasPrefix(s, []byte("&gt;")):
			b.WriteByte('>')
			n = len("&gt;")
		case bytes.HasPrefix(s, []byte("&quot;")):
			b.WriteByte('"')
			n = len("&quot;")
		default:
			b.WriteByte('&')
		}
		s = s[n:]
	}
}

// collapseInto appends s to b with every run of white space made one
// space and none at either end. If s holds anything but space and b is not
// empty, sep (unless 0) is written first.
func collapseInto(b *strings.Builder, s []byte, sep byte) {
	started := false
	run := -1 // start of the current run of non-space bytes, or -1
	space := false
	for i := 0; i <= len(s); {
		size := 1
		if i == len(s) {
			space = true
		} else if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		} else {
			var r rune
			r, size = utf8.DecodeRune(s[i:])
			// Every white space above ASCII starts with one of these bytes
			// (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
			space = (c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3) && unicode.IsSpace(r)
		}
		switch {
		case space && run >= 0:
			if !started && sep != 0 && b.Len() > 0 {
				b.WriteByte(sep)
			} else if started {
				b.WriteByte(' ')
			}
			started = true
			b.Write(s[run:i])
			run = -1
		case !space && run < 0:
			run = i
		}
		i += size
	}
}

// plainText is the whole body as text, one line per block.
func (p *page) plainText(doc ast.Node) string {
	var out strings.Builder
	p.blockTexts(doc, &p.bufs.text, func(text []byte, code bool) {
		if !code {
			collapseInto(&out, text, '\n')
			return
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.Write(text)
	})
	return out.String()
}

// words counts the CJK characters and other words of the body: what
// count(plainText) gives, without making the text.
func (p *page) words(doc ast.Node) (cjk, words int) {
	p.blockTexts(doc, &p.bufs.text, func(text []byte, _ bool) {
		c, w := count(text)
		cjk, words = cjk+c, words+w
	})
	return cjk, words
}

// blockTexts calls emit with the raw text of each block under n, in order:
// code verbatim and trimmed (code true), other blocks as written, white
// space not collapsed. The text is scratch's, valid during the call.
func (p *page) blockTexts(n ast.Node, scratch *bytes.Buffer, emit func(text []byte, code bool)) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHTMLBlock, ast.KindThematicBreak:
			continue
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			scratch.Reset()
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				scratch.Write(seg.Value(p.src))
			}
			if s := bytes.TrimSpace(scratch.Bytes()); len(s) > 0 {
				emit(s, true)
			}
			continue
		}
		if hasInlineChild(c) {
			scratch.Reset()
			p.writeInline(scratch, c, true)
			emit(scratch.Bytes(), false)
			continue
		}
		p.blockTexts(c, scratch, emit)
	}
}

// firstParagraph is the text of the first top-level paragraph with text of
// its own, or failing that of the first such paragraph anywhere.
func (p *page) firstParagraph(doc ast.Node) string {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindParagraph {
			if s := p.inlineText(c, false); s != "" {
				return s
			}
		}
	}
	var found string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == east.KindFootnoteList {
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == ast.KindParagraph {
			if s := p.inlineText(n, false); s != "" {
				found = s
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

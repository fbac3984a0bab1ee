package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits on a body, each far beyond what a release needs. goldmark spends
// time or memory out of proportion to its input on a few shapes of it (see
// the package doc, Limits); Convert stops those before goldmark does the
// work and reports a *LimitError.
const (
	// MaxDepth is how deeply block quotes, list items and footnotes may
	// nest.
	MaxDepth = 100
	// MaxFootnotes is how many footnotes a body may define.
	MaxFootnotes = 1000
	// maxEscapedPipes is how many "\|" the tables of a body may hold.
	maxEscapedPipes = 1000
	// A paragraph or heading weighs the number of its markup characters
	// times its length in bytes. A body may weigh markupPerByte times its
	// length plus markupSlack in all.
	markupPerByte = 512
	markupSlack   = 1 << 26
	// Tables may have as many cells as the body has bytes, plus
	// cellSlack: rows written short get empty cells.
	cellSlack = 1 << 16
	// Link and image destinations and titles, written out once per link,
	// may take linkBytesPerByte times the body's length plus linkSlack:
	// a reference definition is repeated at every use.
	linkBytesPerByte = 4
	linkSlack        = 1 << 20
)

// markupChars are the characters that open or close inline constructs
// whose parsing may look back or ahead through a whole paragraph. Quotes,
// which the typographer pairs, cost time linear in their number.
const markupChars = "*_~[]<`"

// markupNames lists markupChars for messages.
const markupNames = "* _ ~ [ ] < `"

// A LimitError says that a body passes one of the limits above.
type LimitError struct {
	Line, Col int    // 1-based place in the source given to Convert; Col counts characters
	Msg       string // what is too much, and how to fix it, in English
	// Message is what Msg says, and Args its arguments as name, value
	// pairs, for a diagnostic in the reader's language
	// (Message.At(path, line, col, Args...)).
	Message diag.Message
	Args    []any
}

// The messages of the limits, in English; package speak says them in
// other languages.
var (
	msgMarkupParagraph = diag.Message{ID: "markdown.markup-paragraph", Text: "too much markup in one paragraph ({{.Marks}} of the characters {{.Chars}} in {{.Bytes}} bytes): split it into shorter paragraphs"}
	msgMarkupFile      = diag.Message{ID: "markdown.markup-file", Text: "too much markup in this file's paragraphs (this one has {{.Marks}} of the characters {{.Chars}} in {{.Bytes}} bytes): split the longest into shorter paragraphs"}
	msgDepth           = diag.Message{ID: "markdown.depth", Text: "block quotes, lists and footnotes nest more than {{.Max}} deep here: nest them less deeply"}
	msgFootnotes       = diag.Message{ID: "markdown.footnotes", Text: "more than {{.Max}} footnotes: use fewer"}
	msgEmptyCells      = diag.Message{ID: "markdown.empty-cells", Text: "a table of up to {{.Cols}} columns and {{.Rows}} rows would be mostly empty cells: give it fewer columns or write out its rows"}
	msgPipes           = diag.Message{ID: "markdown.pipes", Text: `tables hold more than {{.Max}} escaped pipes (\|): use fewer`}
	msgReferenceLines  = diag.Message{ID: "markdown.reference-lines", Text: `too many lines starting with "[" in one paragraph ({{.Lines}} of {{.All}}): put blank lines between link reference definitions`}
	msgLinkBytes       = diag.Message{ID: "markdown.link-bytes", Text: "links repeat their destinations and titles into more than {{.Max}} bytes: use long reference definitions less often"}
)

func (e *LimitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// guards is the parser context of one Convert call: goldmark's own, plus
// what is left of each budget and the first limit passed.
type guards struct {
	parser.Context
	src       []byte
	markup    int64 // markup weight left
	cells     int   // table cells left
	pipes     int   // escaped pipes in tables left
	linkBytes int   // link destination and title bytes left
	footnotes int   // footnote definitions left

	failedAt int // offset in src of the first limit passed
	msg      string
	message  diag.Message
	args     []any
}

func newGuards(src []byte) *guards {
	return &guards{
		Context:   parser.NewContext(),
		src:       src,
		markup:    markupPerByte*int64(len(src)) + markupSlack,
		cells:     len(src) + cellSlack,
		pipes:     maxEscapedPipes,
		linkBytes: linkBytesPerByte*len(src) + linkSlack,
		footnotes: MaxFootnotes,
	}
}

// fail records a limit passed at offset off, said by m with args; only
// the first one counts.
func (g *guards) fail(off int, m diag.Message, args ...any) {
	if g.msg == "" {
		g.failedAt, g.msg, g.message, g.args = off, m.Format(args...), m, args
	}
}

func (g *guards) err() error {
	if g.msg == "" {
		return nil
	}
	off := min(max(g.failedAt, 0), len(g.src))
	start := bytes.LastIndexByte(g.src[:off], '\n') + 1
	return &LimitError{
		Line:    bytes.Count(g.src[:start], []byte("\n")) + 1,
		Col:     utf8.RuneCount(g.src[start:off]) + 1,
		Msg:     g.msg,
		Message: g.message,
		Args:    g.args,
	}
}

// weigh charges the markup of a leaf block to the budget and reports
// whether it is within it.
func (g *guards) weigh(n ast.Node) bool {
	lines := n.Lines()
	var size, marks int64
	for i := range lines.Len() {
		seg := lines.At(i)
		v := seg.Value(g.src)
		size += int64(len(v))
		for _, c := range []byte(markupChars) {
			marks += int64(bytes.Count(v, []byte{c}))
		}
	}
	if marks > 0 && g.markup >= 0 && size > g.markup/marks {
		g.markup = -1
		if marks > markupPerByte+markupSlack/size { // too much for a file of this paragraph alone
			g.fail(lines.At(0).Start, msgMarkupParagraph, "Marks", marks, "Chars", markupNames, "Bytes", size)
		} else {
			g.fail(lines.At(0).Start, msgMarkupFile, "Marks", marks, "Chars", markupNames, "Bytes", size)
		}
	}
	if g.markup < 0 || g.msg != "" { // past a limit: nothing more is read
		return false
	}
	g.markup -= marks * size
	return true
}

// depth counts the containers n is in, n included: block quotes, list
// items and footnotes.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil && n.Parent() != nil; n = n.Parent() { // the document has none
		if n.Kind() != ast.KindList {
			d++
		}
	}
	return d
}

// guardedParser is goldmark's parser with what each option adds wrapped
// in the guards: every block parser, the link parser and the table
// transformer. The parsing is goldmark's own.
type guardedParser struct{ parser.Parser }

func newGuardedParser() parser.Parser {
	p := guardedParser{parser.NewParser()}
	p.AddOptions(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		// After goldmark's transformers: what is left of a paragraph is
		// what the inline parser reads. (Table cells are weighed when
		// the table is made.)
		parser.WithParagraphTransformers(util.Prioritized(markupGuard{}, 10000)),
	)
	return p
}

func (p guardedParser) AddOptions(opts ...parser.Option) {
	for _, o := range opts {
		p.Parser.AddOptions(guarding{o})
	}
}

// guarding sets an option and wraps what it added.
type guarding struct{ parser.Option }

func (o guarding) SetParserOption(c *parser.Config) {
	o.Option.SetParserOption(c)
	footnote := extension.NewFootnoteBlockParser()
	for i, v := range c.BlockParsers {
		if bp, ok := v.Value.(parser.BlockParser); ok {
			if _, done := bp.(blockGuard); !done {
				c.BlockParsers[i].Value = blockGuard{BlockParser: bp, paragraph: bp.Trigger() == nil, footnote: bp == footnote}
			}
		}
	}
	link := parser.NewLinkParser()
	for i, v := range c.InlineParsers {
		if v.Value == link {
			c.InlineParsers[i].Value = linkGuard{link}
		}
	}
	table := extension.NewTableParagraphTransformer()
	for i, v := range c.ParagraphTransformers {
		switch v.Value {
		case table:
			c.ParagraphTransformers[i].Value = tableGuard{table}
		case parser.LinkReferenceParagraphTransformer:
			c.ParagraphTransformers[i].Value = refGuard{parser.LinkReferenceParagraphTransformer}
		}
	}
}

// blockGuard opens nothing but paragraphs deeper than MaxDepth, counts
// footnote definitions and weighs headings. Once a body is past a limit,
// and its error certain, it closes every block and opens nothing but
// paragraphs, which the markup guard drops: goldmark reads the rest of
// the body flat, in time linear in its length.
type blockGuard struct {
	parser.BlockParser
	paragraph bool // opens nothing but paragraphs: no trigger
	footnote  bool // the footnote definition parser
}

func (b blockGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	g, ok := pc.(*guards)
	if !ok || b.paragraph {
		return b.BlockParser.Open(parent, reader, pc)
	}
	if g.msg != "" { // past a limit: the rest is read flat, as paragraphs
		return nil, parser.NoChildren
	}
	_, pos := reader.Position()
	if depth(parent) >= MaxDepth {
		g.fail(pos.Start, msgDepth, "Max", MaxDepth)
		return nil, parser.NoChildren
	}
	if b.footnote && g.footnotes == 0 {
		g.fail(pos.Start, msgFootnotes, "Max", MaxFootnotes)
		return nil, parser.NoChildren
	}
	n, state := b.BlockParser.Open(parent, reader, pc)
	if n != nil && n.Kind() == east.KindFootnote {
		g.footnotes--
	}
	return n, state
}

func (b blockGuard) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if g, ok := pc.(*guards); ok && g.msg != "" {
		return parser.Close
	}
	return b.BlockParser.Continue(node, reader, pc)
}

func (b blockGuard) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	b.BlockParser.Close(node, reader, pc)
	if g, ok := pc.(*guards); ok && node.Kind() == ast.KindHeading && node.Parent() != nil && !g.weigh(node) {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

func (b blockGuard) SetOption(name parser.OptionName, value any) {
	if so, ok := b.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

// markupGuard weighs each paragraph before the inline parser reads it,
// and drops one over the budget.
type markupGuard struct{}

func (markupGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if g, ok := pc.(*guards); ok && !g.weigh(node) {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

// tableGuard lets a paragraph become a table only within the budgets of
// cells and escaped pipes. It counts before goldmark builds the table: the
// columns of the first line that may be a delimiter row times the lines
// from its header on.
type tableGuard struct{ parser.ParagraphTransformer }

func (t tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	g, ok := pc.(*guards)
	if !ok {
		t.ParagraphTransformer.Transform(node, reader, pc)
		return
	}
	if !g.allowTable(node) {
		return
	}
	parent, next := node.Parent(), node.NextSibling()
	t.ParagraphTransformer.Transform(node, reader, pc)
	// The table, if one was made, went in after node, which is gone if
	// the table took all of its lines.
	table := parent.LastChild()
	if next != nil {
		table = next.PreviousSibling()
	}
	if table != nil && table.Kind() == east.KindTable && !g.weighCells(table) {
		parent.RemoveChild(parent, table)
	}
}

// weighCells weighs each cell of a table, the blocks that the inline
// parser reads, and reports whether all are within the budget.
func (g *guards) weighCells(table ast.Node) bool {
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if !g.weigh(cell) {
				return false
			}
		}
	}
	return true
}

func (t tableGuard) SetOption(name parser.OptionName, value any) {
	if so, ok := t.ParagraphTransformer.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

func (g *guards) allowTable(node *ast.Paragraph) bool {
	lines := node.Lines()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		row := seg.Value(g.src)
		if !mayBeDelimiterRow(row) {
			continue
		}
		cols, rows := bytes.Count(row, []byte("|"))+1, lines.Len()-i-1
		pipes := 0
		for j := i - 1; j < lines.Len(); j++ {
			seg := lines.At(j)
			pipes += bytes.Count(seg.Value(g.src), []byte(`\|`))
		}
		if cols > g.cells/(rows+1) { // the header's cells too
			g.cells = -1
			g.fail(lines.At(i-1).Start, msgEmptyCells, "Cols", cols, "Rows", rows)
			return false
		}
		if g.pipes -= pipes; g.pipes < 0 {
			g.fail(lines.At(i-1).Start, msgPipes, "Max", maxEscapedPipes)
			return false
		}
		g.cells -= cols * (rows + 1)
		return true
	}
	return true
}

// mayBeDelimiterRow reports whether a line holds only what a table's
// delimiter row may, as goldmark's table transformer checks it.
func mayBeDelimiterRow(row []byte) bool {
	dash := false
	for _, c := range row {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return dash
}

// refGuard charges the link reference transformer's work to the markup
// budget before it runs: for each definition at the start of a paragraph
// it moves the lines after it, so it takes the number of definitions
// times the number of lines.
type refGuard struct{ parser.ParagraphTransformer }

func (r refGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if g, ok := pc.(*guards); ok && !g.allowReferences(node) {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	r.ParagraphTransformer.Transform(node, reader, pc)
}

func (g *guards) allowReferences(node *ast.Paragraph) bool {
	lines := node.Lines()
	defs := int64(0) // lines that may start a definition
	for i := range lines.Len() {
		seg := lines.At(i)
		if v := bytes.TrimLeft(seg.Value(g.src), " \t"); len(v) > 0 && v[0] == '[' {
			defs++
		}
	}
	if defs < 2 || g.markup < 0 || g.msg != "" {
		return g.markup >= 0 && g.msg == ""
	}
	if int64(lines.Len()) > g.markup/defs {
		g.markup = -1
		g.fail(lines.At(0).Start, msgReferenceLines, "Lines", defs, "All", lines.Len())
		return false
	}
	g.markup -= defs * int64(lines.Len())
	return true
}

// linkGuard charges the destination and title of every link and image to
// the budget of link bytes: a reference link writes its definition's out
// again at every use.
type linkGuard struct{ parser.InlineParser }

func (l linkGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	n := l.InlineParser.Parse(parent, block, pc)
	g, ok := pc.(*guards)
	if !ok || n == nil {
		return n
	}
	size := 0
	switch n := n.(type) {
	case *ast.Link:
		size = len(n.Destination) + len(n.Title)
	case *ast.Image:
		size = len(n.Destination) + len(n.Title)
	}
	if g.linkBytes -= size; g.linkBytes < 0 {
		_, pos := block.Position()
		g.fail(pos.Start, msgLinkBytes, "Max", linkBytesPerByte*len(g.src)+linkSlack)
	}
	return n
}

func (l linkGuard) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := l.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

func (l linkGuard) SetOption(name parser.OptionName, value any) {
	if so, ok := l.InlineParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

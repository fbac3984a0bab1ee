package search

import (
	"unicode/utf8"
)

// Field flags of a posting: where in the document the term occurs.
const (
	inMeta  = 1 // the tags' labels
	inBody  = 2 // the summary, the text, the event's name, city and venue
	inTitle = 4
)

// builder collects the terms of one language's documents, one document
// after the other, in the order of their ids.
type builder struct {
	terms map[string]int32 // key → term
	grams map[uint64]int32 // a CJK character or pair (gramKey) → term
	keys  []string         // by term
	post  [][]uint32       // by term: doc<<3 | flags, docs ascending
	words map[string]int32 // folded word → the term of its stem
	forms map[string]int32 // folded word → the term of its stem, where the two differ
	doc   uint32           // the document being added
	flag  uint32           // the field being added
	sc    scanner
	key   []byte
}

func newBuilder() *builder {
	return &builder{terms: map[string]int32{}, grams: map[uint64]int32{}, words: map[string]int32{}, forms: map[string]int32{}}
}

// term returns the term of key, adding it if new.
func (b *builder) term(key []byte) int32 {
	if t, ok := b.terms[string(key)]; ok {
		return t
	}
	t := int32(len(b.keys))
	k := string(key)
	b.terms[k] = t
	b.keys = append(b.keys, k)
	b.post = append(b.post, nil)
	return t
}

// mark records that term t occurs in the current document, in field flag.
func (b *builder) mark(t int32, flag uint32) {
	p := b.post[t]
	if n := len(p); n > 0 && p[n-1]>>3 == b.doc {
		p[n-1] |= flag
		return
	}
	b.post[t] = append(p, b.doc<<3|flag)
}

// text adds the terms of s to the current document, in field flag.
func (b *builder) text(s string, flag uint32) {
	b.flag = flag
	b.sc.scan(s, b)
}

// word adds a folded word: its stem's term.
func (b *builder) word(form []byte) {
	t, ok := b.words[string(form)]
	if !ok {
		w := string(form)
		stem := Stem(w)
		t = b.term([]byte(stem))
		b.words[w] = t
		if stem != w {
			b.forms[w] = t
		}
	}
	b.mark(t, b.flag)
}

// run adds a CJK run: every character and every pair.
func (b *builder) run(run []rune) {
	for i, r := range run {
		b.mark(b.gram(r, 0), b.flag)
		if i+1 < len(run) {
			b.mark(b.gram(r, run[i+1]), b.flag)
		}
	}
}

// gram returns the term of the character r, or of the pair r, s when s is
// not 0, adding it if new.
func (b *builder) gram(r, s rune) int32 {
	k := uint64(r)<<32 | uint64(s)
	if t, ok := b.grams[k]; ok {
		return t
	}
	b.key = utf8.AppendRune(b.key[:0], r)
	if s != 0 {
		b.key = utf8.AppendRune(b.key, s)
	}
	t := b.term(b.key)
	b.grams[k] = t
	return t
}

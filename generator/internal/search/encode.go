package search

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ChunkSize is the size, in bytes before compression, at which a chunk of
// the term index is closed: a term's postings are never split, so a chunk
// is larger only when its last term's postings are.
const ChunkSize = 16 << 10

// entry is one key of the term index: a term with postings, a word form
// leading to its stem's term, or both.
type entry struct {
	key        string
	term, form int32 // -1 when absent
}

// chunk is one file of the term index.
type chunk struct {
	first string // its first key; "" for the first chunk
	hash  string
	bytes []byte
}

// entries lists every key of b, sorted (Go's string order is the code
// point order the browser's script compares keys in).
func (b *builder) entries() []entry {
	out := make([]entry, 0, len(b.keys)+len(b.forms))
	for t, k := range b.keys {
		out = append(out, entry{key: k, term: int32(t), form: -1})
	}
	for w, t := range b.forms {
		out = append(out, entry{key: w, term: -1, form: t})
	}
	slices.SortFunc(out, func(x, y entry) int { return strings.Compare(x.key, y.key) })
	// A word that is also another word's stem has both.
	j := 0
	for i := range out {
		if j > 0 && out[j-1].key == out[i].key {
			out[j-1].term = max(out[j-1].term, out[i].term)
			out[j-1].form = max(out[j-1].form, out[i].form)
			continue
		}
		out[j] = out[i]
		j++
	}
	return out[:j]
}

// chunks cuts the sorted entries into files of about ChunkSize bytes:
// {"t":{key:postings,…},"f":{form:stem,…}}. Postings are numbers, one per
// document holding the term: (id − previous id − 1) × 8 + flags, where
// the previous id starts at −1 and flags add up where the term occurs: 1
// in the tags' labels, 2 in the body, 4 in the title.
func (b *builder) chunks() []chunk {
	var (
		out     []chunk
		t, f    []byte
		first   string
		started bool
	)
	flush := func() {
		buf := make([]byte, 0, len(t)+len(f)+16)
		buf = append(buf, `{"t":{`...)
		buf = append(buf, t...)
		buf = append(buf, `},"f":{`...)
		buf = append(buf, f...)
		buf = append(buf, "}}\n"...)
		out = append(out, chunk{first: first, hash: hashOf(buf, 10), bytes: buf})
		t, f, started = t[:0], f[:0], false
	}
	for _, e := range b.entries() {
		if !started {
			first, started = e.key, true
			if len(out) == 0 {
				first = ""
			}
		}
		if e.term >= 0 {
			if len(t) > 0 {
				t = append(t, ',')
			}
			t = appendString(t, e.key)
			t = append(t, ':')
			t = appendPostings(t, b.post[e.term])
		}
		if e.form >= 0 {
			if len(f) > 0 {
				f = append(f, ',')
			}
			f = appendString(f, e.key)
			f = append(f, ':')
			f = appendString(f, b.keys[e.form])
		}
		if len(t)+len(f) >= ChunkSize {
			flush()
		}
	}
	if started || len(out) == 0 {
		flush()
	}
	return out
}

// appendPostings writes postings (doc<<3 | flags) as a JSON array of
// numbers (see chunks).
func appendPostings(buf []byte, post []uint32) []byte {
	buf = append(buf, '[')
	prev := int64(-1)
	for i, p := range post {
		if i > 0 {
			buf = append(buf, ',')
		}
		doc := int64(p >> 3)
		buf = strconv.AppendInt(buf, (doc-prev-1)*8+int64(p&7), 10)
		prev = doc
	}
	return append(buf, ']')
}

// appendDocs writes ascending document ids as a JSON array of gaps:
// id − previous id − 1, the previous id starting at −1.
func appendDocs(buf []byte, docs []int) []byte {
	buf = append(buf, '[')
	prev := -1
	for i, d := range docs {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(d-prev-1), 10)
		prev = d
	}
	return append(buf, ']')
}

// appendString writes s as a JSON string. Only the quote, the backslash
// and control characters are escaped: the files are UTF-8, and a browser
// reads them with JSON.parse, never as HTML. Invalid UTF-8 becomes U+FFFD.
func appendString(buf []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, s[start:i]...)
				buf = append(buf, "\uFFFD"...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		i++
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// hashOf is the first n hex digits of the SHA-256 of b.
func hashOf(b []byte, n int) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:n]
}

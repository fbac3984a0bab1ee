package sharecard

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
)

// fontData is the subset font (subset.sh), under the SIL Open Font
// License 1.1 (OFL.txt).
//
//go:embed NotoSansCJKsc-Bold-subset.otf
var fontData []byte

// version names this package's drawing: bump it when a card's pixels
// change, so that no cache hands out an older card.
const version = "gen-sharecard-1"

// parseFont reads the embedded font; a *sfnt.Font is read-only and each
// card parses its own, so nothing is shared between goroutines.
func parseFont() (*sfnt.Font, error) { return sfnt.Parse(fontData) }

// Fingerprint names what a card's bytes depend on besides its text: this
// package's version, its layout and the font.
func Fingerprint() string {
	sum := sha256.Sum256(fontData)
	return version + " " + hex.EncodeToString(sum[:8])
}

// Missing lists the characters of s that the font lacks, once each, in
// order: they are left out of a card.
func Missing(s string) []rune {
	c, err := NewCoverage()
	if err != nil {
		return nil
	}
	return c.Missing(s)
}

// Coverage tells which characters the cards' font has, for many texts:
// the font is read once. It is not safe for concurrent use.
type Coverage struct {
	f *sfnt.Font
	b sfnt.Buffer
}

// NewCoverage reads the font for Missing.
func NewCoverage() (*Coverage, error) {
	f, err := parseFont()
	if err != nil {
		return nil, err
	}
	return &Coverage{f: f}, nil
}

// Missing lists the characters of s that the font lacks, once each, in
// order.
func (c *Coverage) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r >= 0x20 && r < 0x7f {
			continue // ASCII, which the font has
		}
		if !covered(c.f, &c.b, r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// covered reports whether the font has a glyph for r; white space always
// counts as covered (it is drawn as a space).
func covered(f *sfnt.Font, b *sfnt.Buffer, r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	i, err := f.GlyphIndex(b, r)
	return err == nil && i != 0
}

// drawable is s with white space as plain spaces, runs of it as one, and
// the characters the font lacks left out.
func drawable(f *sfnt.Font, s string) string {
	var b sfnt.Buffer
	var out strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			space = true
		case covered(f, &b, r):
			if space {
				out.WriteByte(' ')
				space = false
			}
			out.WriteRune(r)
		}
	}
	return out.String()
}

// Face is the cards' font at size pixels, without hinting, for other
// drawings of gen's own (the sample site's charts, package benchsite).
func Face(size float64) (font.Face, error) {
	f, err := parseFont()
	if err != nil {
		return nil, err
	}
	return newFace(f, size)
}

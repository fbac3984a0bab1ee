package newrelease

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/gosimple/slug"
)

// MaxSlug is the longest slug proposed from a title, in characters.
const MaxSlug = 60

var segmentForm = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// reservedLast are names a release cannot take inside a section: the
// section's pagination lives at <section>/page/2/.
var reservedLast = []string{"page"}

// reservedTop are generated pages at the top of each language.
var reservedTop = []string{"tags", "events", "search", "page", "404"}

// Ambiguous is a Han character with more than one reading.
type Ambiguous struct {
	Char     string
	Readings []string // the first is the one used
}

// Proposal is a slug made from a title.
type Proposal struct {
	Slug      string
	Ambiguous []Ambiguous
	Shortened bool
}

// ProposeSlug makes a URL segment from a title in any language: Chinese
// characters become pinyin syllables (without tones, one per character;
// go-pinyin's readings, kept in pinyin.txt), Russian is transliterated to
// Latin letters, and everything is lower-case ASCII letters and digits
// joined by hyphens, at most MaxSlug characters cut at a hyphen. It returns
// "" when nothing usable is left.
func ProposeSlug(title string) Proposal {
	var p Proposal
	var words []string
	var other []rune
	flush := func() {
		if len(other) > 0 {
			if s := slug.Make(dropSigns(string(other))); s != "" {
				words = append(words, s)
			}
			other = other[:0]
		}
	}
	seen := map[rune]bool{}
	for _, r := range title {
		if !unicode.Is(unicode.Han, r) {
			other = append(other, r)
			continue
		}
		readings := pinyinReadings(r)
		if len(readings) == 0 {
			other = append(other, r)
			continue
		}
		flush()
		readings = unique(readings)
		words = append(words, readings[0])
		if len(readings) > 1 && !seen[r] {
			seen[r] = true
			p.Ambiguous = append(p.Ambiguous, Ambiguous{Char: string(r), Readings: readings})
		}
	}
	flush()
	s := strings.Trim(strings.Join(words, "-"), "-")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	s = strings.ReplaceAll(s, "_", "-")
	if len(s) > MaxSlug {
		cut := strings.LastIndexByte(s[:MaxSlug+1], '-')
		if cut <= 0 {
			cut = MaxSlug
		}
		s = strings.Trim(s[:cut], "-")
		p.Shortened = true
	}
	if !segmentForm.MatchString(s) {
		s = ""
	}
	p.Slug = s
	return p
}

// dropSigns drops Russian ъ and ь, which transliterate to apostrophes and
// would split a word with a hyphen ("съезд" → "sezd", not "s-ezd").
func dropSigns(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("ъЪьЬ", r) {
			return -1
		}
		return r
	}, s)
}

func unique(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ValidatePath checks a release path under content/ such as
// "news/harbin-expo": one or more segments of lower-case ASCII letters,
// digits and hyphens. The error suggests a path that would do.
func ValidatePath(p string) error {
	if strings.TrimSpace(p) == "" {
		return msgNoName.At("", 0, 0)
	}
	segs := strings.Split(p, "/")
	bad := strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, `\`)
	var fixed []string
	for _, s := range segs {
		if !segmentForm.MatchString(s) {
			bad = true
		}
		if f := ProposeSlug(s).Slug; f != "" {
			fixed = append(fixed, f)
		}
	}
	if bad {
		if len(fixed) > 0 {
			return msgBadPathLike.At("", 0, 0, "Path", strconv.Quote(p), "Like", strings.Join(fixed, "/"))
		}
		return msgBadPath.At("", 0, 0, "Path", strconv.Quote(p))
	}
	last := segs[len(segs)-1]
	if len(segs) == 1 && slices.Contains(reservedTop, last) || len(segs) > 1 && slices.Contains(reservedLast, last) {
		return msgReserved.At("", 0, 0, "Name", strconv.Quote(last))
	}
	return nil
}

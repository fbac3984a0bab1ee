package benchsite

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// zone is the time zone every generated date is written in.
var zone = time.FixedZone("+08:00", 8*3600)

// newest is the date of release 0; releases span the ten years before it.
var newest = time.Date(2024, 5, 31, 0, 0, 0, 0, zone)

const spanDays = 3652

// release is everything drawn for one release, in no language: the three
// files render the same plan with each language's words.
type release struct {
	slug    string
	missing string // the language without a file, or ""
	kind    *kind
	city    *city
	city2   *city
	date    time.Time
	tags    []string
	nums    map[string]int
	summary bool

	event    bool
	start    time.Time
	end      time.Time // zero: no end
	allDay   bool
	eventURL string

	source    int // index into sources, -1 for none
	sourceURL string

	sections  []section
	facts     []int
	table     int // section holding the table, -1 for none
	quote     int // section holding the quote, -1 for none
	quoteIdx  int
	programme int // section holding the ordered list, -1 for none
	progItems []int
	linkURL   string
}

type section struct {
	heading    int
	paragraphs [][]int // sentence indices
}

func newRelease(seed int64, i, n int) *release {
	r := newRNG(seed, i)
	rel := &release{kind: &kinds[r.intn(len(kinds))], city: &cities[r.intn(len(cities))]}
	rel.city2 = &cities[(indexOf(rel.city)+1+r.intn(len(cities)-1))%len(cities)]
	rel.slug = fmt.Sprintf("%s-%s-%05d", rel.city.slug, rel.kind.slug, i)
	if i%10 == 7 {
		switch x := r.intn(100); {
		case x < 45:
			rel.missing = "ru"
		case x < 90:
			rel.missing = "en"
		default:
			rel.missing = "zh"
		}
	}
	off := 0
	if n > 0 {
		off = i * spanDays / n
	}
	rel.date = newest.AddDate(0, 0, -off).Add(time.Duration(r.between(8, 18))*time.Hour + time.Duration(r.intn(4)*15)*time.Minute)

	rel.tags = append(rel.tags, rel.kind.tags...)
	for _, j := range r.sample(len(rel.kind.more), r.between(1, 2)) {
		rel.tags = append(rel.tags, rel.kind.more[j])
	}

	rel.nums = drawNumbers(r)
	rel.summary = r.chance(60)

	rel.drawEvent(r)
	rel.source = -1
	if r.chance(30) {
		rel.source = r.intn(4)
		if r.chance(50) {
			rel.sourceURL = "https://news.example.com/" + strconv.Itoa(rel.date.Year()) + "/" + rel.slug
		}
	}
	rel.drawBody(r)
	return rel
}

// drawNumbers draws the numbers the texts quote.
func drawNumbers(r *rng) map[string]int {
	return map[string]int{
		"ord":          r.between(2, 12),
		"countries":    r.between(12, 60),
		"companies":    r.between(40, 2000),
		"regions":      r.between(5, 40),
		"days":         r.between(3, 10),
		"visitors":     r.between(20, 1200) * 100,
		"billions":     r.between(600, 2500) / 10,
		"growth":       r.between(2, 35),
		"deals":        r.between(3, 40),
		"athletes":     r.between(300, 3000),
		"sports":       r.between(6, 20),
		"films":        r.between(8, 30),
		"trains":       r.between(2, 14),
		"universities": r.between(20, 200),
		"experts":      r.between(80, 900),
		"events":       r.between(5, 40),
		"area":         r.between(10, 400) * 1000,
		"millions":     r.between(50, 9000),
		"journalists":  r.between(40, 600),
		"delegates":    r.between(200, 5000),
		"projects":     r.between(5, 120),
	}
}

// drawEvent draws whether the release announces an event, and its times
// and address.
func (rel *release) drawEvent(r *rng) {
	if rel.kind.event && r.chance(85) || !rel.kind.event && r.chance(15) {
		rel.event = true
		day := rel.date.AddDate(0, 0, r.between(0, 10))
		day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, zone)
		if r.chance(60) {
			rel.allDay = true
			rel.start = day
			if r.chance(70) {
				rel.end = day.AddDate(0, 0, r.between(1, 4))
			}
		} else {
			rel.start = day.Add(time.Duration(r.between(9, 14)) * time.Hour)
			rel.end = rel.start.Add(time.Duration(r.between(2, 6)) * time.Hour)
		}
		if r.chance(50) {
			rel.eventURL = "https://events.example.org/" + rel.slug + "/"
		}
	}
}

// drawBody draws the body's sections, facts, table, quote, programme and
// link.
func (rel *release) drawBody(r *rng) {
	headings := r.sample(len(texts["en"].headings), r.between(2, 4))
	for _, h := range headings {
		s := section{heading: h}
		for range r.between(1, 3) {
			s.paragraphs = append(s.paragraphs, r.sample(len(texts["en"].sentences), r.between(3, 5)))
		}
		rel.sections = append(rel.sections, s)
	}
	rel.facts = r.sample(len(texts["en"].facts), r.between(3, 6))
	rel.table, rel.quote, rel.programme = -1, -1, -1
	if r.chance(55) {
		rel.table = r.intn(len(rel.sections))
	}
	if r.chance(45) {
		rel.quote = r.intn(len(rel.sections))
		rel.quoteIdx = r.intn(len(texts["en"].quotes))
	}
	if r.chance(35) {
		rel.programme = r.intn(len(rel.sections))
		rel.progItems = r.sample(len(texts["en"].programme), r.between(3, 6))
	}
	if r.chance(70) {
		rel.linkURL = "https://events.example.org/" + rel.slug + "/programme"
	}
}

func indexOf(c *city) int {
	for i := range cities {
		if &cities[i] == c {
			return i
		}
	}
	return 0
}

// vars returns the replacer that fills placeholders in lang.
func (rel *release) vars(lang string) *strings.Replacer {
	t := texts[lang]
	pairs := []string{
		"{city}", rel.city.name[lang],
		"{city2}", rel.city2.name[lang],
		"{venue}", rel.city.venue[lang],
		"{ordEn}", ordinalEn(rel.nums["ord"]),
		"{year}", itoa(rel.date.Year() - 1),
		"{dates}", rel.dates(lang),
		"{date}", t.date(rel.date.Year(), int(rel.date.Month()), rel.date.Day(), t.months),
	}
	for _, k := range slices.Sorted(maps.Keys(rel.nums)) {
		v := rel.nums[k]
		s := number(lang, v)
		switch {
		case k == "ord":
			s = itoa(v)
		case k == "billions" && lang == "zh":
			s = itoa(v * 10) // 亿 is a hundred million
		case k == "billions":
			s = itoa(v)
		}
		pairs = append(pairs, "{"+k+"}", s)
	}
	return strings.NewReplacer(pairs...)
}

func (rel *release) dates(lang string) string {
	t := texts[lang]
	day := rel.date
	if rel.event {
		day = rel.start
	}
	s := t.date(day.Year(), int(day.Month()), day.Day(), t.months)
	if rel.event && !rel.end.IsZero() && rel.end.YearDay() != rel.start.YearDay() {
		e := rel.end
		s += "–" + t.date(e.Year(), int(e.Month()), e.Day(), t.months)
	}
	return s
}

// file renders the release's Markdown file in lang.
func (rel *release) file(lang string) []byte {
	t := texts[lang]
	v := rel.vars(lang)
	var b strings.Builder
	b.Grow(6 << 10)
	lead := v.Replace(rel.kind.lead[lang])
	rel.frontMatter(&b, lang, v, lead)

	b.WriteString(v.Replace(t.dateline))
	b.WriteString(lead)
	b.WriteString("\n\n")
	for si, s := range rel.sections {
		rel.writeSection(&b, lang, v, si, s)
	}
	return []byte(b.String())
}

// frontMatter writes the release's front matter in lang.
func (rel *release) frontMatter(b *strings.Builder, lang string, v *strings.Replacer, lead string) {
	t := texts[lang]
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", quote(v.Replace(rel.kind.title[lang])))
	fmt.Fprintf(b, "date: %s\n", rel.date.Format(time.RFC3339))
	if rel.summary {
		fmt.Fprintf(b, "summary: %s\n", quote(lead))
	}
	fmt.Fprintf(b, "tags: [%s]\n", strings.Join(rel.tags, ", "))
	if rel.event {
		b.WriteString("event:\n")
		fmt.Fprintf(b, "  name: %s\n", quote(v.Replace(rel.kind.name[lang])))
		layout := time.RFC3339
		if rel.allDay {
			layout = time.DateOnly
		}
		fmt.Fprintf(b, "  start: %s\n", rel.start.Format(layout))
		if !rel.end.IsZero() {
			fmt.Fprintf(b, "  end: %s\n", rel.end.Format(layout))
		}
		fmt.Fprintf(b, "  city: %s\n", quote(rel.city.name[lang]))
		fmt.Fprintf(b, "  venue: %s\n", quote(rel.city.venue[lang]))
		if rel.eventURL != "" {
			fmt.Fprintf(b, "  url: %s\n", rel.eventURL)
		}
	}
	if rel.source >= 0 {
		b.WriteString("source:\n")
		fmt.Fprintf(b, "  name: %s\n", quote(t.sources[rel.source]))
		if rel.sourceURL != "" {
			fmt.Fprintf(b, "  url: %s\n", rel.sourceURL)
		}
	}
	b.WriteString("---\n\n")
}

// writeSection writes section si of the body in lang, with the facts, the
// programme, the table and the quote that follow it.
func (rel *release) writeSection(b *strings.Builder, lang string, v *strings.Replacer, si int, s section) {
	t := texts[lang]
	fmt.Fprintf(b, "## %s\n\n", t.headings[s.heading])
	for pi, para := range s.paragraphs {
		for k, j := range para {
			if k > 0 && lang != "zh" {
				// Source lines break between sentences, as editors write.
				if k%2 == 0 {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(v.Replace(t.sentences[j]))
		}
		if si == len(rel.sections)-1 && pi == len(s.paragraphs)-1 && rel.linkURL != "" {
			b.WriteString(link(lang, t.linkText, rel.linkURL))
		}
		b.WriteString("\n\n")
	}
	if si == 0 {
		for _, j := range rel.facts {
			b.WriteString("- " + v.Replace(t.facts[j]) + "\n")
		}
		b.WriteString("\n")
	}
	if si == rel.programme {
		for k, j := range rel.progItems {
			fmt.Fprintf(b, "%d. %s\n", k+1, t.programme[j])
		}
		b.WriteString("\n")
	}
	if si == rel.table {
		fmt.Fprintf(b, "| %s | %s |\n| --- | ---: |\n", t.tableHead[0], t.tableHead[1])
		for k, label := range t.tableRows {
			val := []int{rel.nums["companies"], rel.nums["delegates"], rel.nums["projects"], rel.nums["millions"], rel.nums["journalists"]}[k]
			fmt.Fprintf(b, "| %s | %s |\n", label, number(lang, val))
		}
		b.WriteString("\n")
	}
	if si == rel.quote {
		fmt.Fprintf(b, "> %s\n>\n> %s%s\n\n", t.quotes[rel.quoteIdx], t.quoteLead, t.speakers[rel.quoteIdx])
	}
}

func link(lang, text, url string) string {
	switch lang {
	case "zh":
		return "详情见[" + text + "](" + url + ")。"
	case "ru":
		return " Программа опубликована на [" + text + "](" + url + ")."
	default:
		return " The full programme is on the [" + text + "](" + url + ")."
	}
}

// number formats n with the language's digit grouping.
func number(lang string, n int) string {
	s := itoa(n)
	if lang == "zh" || len(s) <= 4 {
		return s
	}
	sep := ","
	if lang == "ru" {
		sep = "\u00a0"
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

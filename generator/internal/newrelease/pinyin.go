package newrelease

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
)

//go:generate go run pinyin_gen.go

// pinyinTable is the pinyin of Han characters, made by pinyin_gen.go from
// github.com/mozillazg/go-pinyin (Copyright (c) 2016 mozillazg, MIT
// License, see PINYIN-LICENSE); internal/pinyindata describes the format.
// Reading it in place keeps go-pinyin, and the map its init builds, out of
// the gen binary.
//
//go:embed pinyin.txt
var pinyinTable string

// pinyinReadings returns what go-pinyin's SinglePinyin returns for r with
// Heteronym set: the readings of a Han character without tones, the most
// common first, or nil when it has none. It binary-searches the table's
// lines and splits the one field it needs.
func pinyinReadings(r rune) []string {
	body := pinyinTable
	for strings.HasPrefix(body, "#") {
		body = body[strings.IndexByte(body, '\n')+1:]
	}
	// lineAt is where the first line starting at or after i starts.
	lineAt := func(i int) int {
		if i == 0 || body[i-1] == '\n' {
			return i
		}
		if n := strings.IndexByte(body[i:], '\n'); n >= 0 {
			return i + n + 1
		}
		return len(body)
	}
	first := func(line string) rune {
		hex, _, _ := strings.Cut(line, " ")
		n, _ := strconv.ParseUint(hex, 16, 32)
		return rune(n)
	}
	// The first offset whose next line starts after r; the line before that
	// starts one byte earlier, and is the last one starting at or before r.
	i := sort.Search(len(body), func(i int) bool {
		s := lineAt(i)
		return s == len(body) || first(body[s:]) > r
	})
	if i == 0 {
		return nil
	}
	line, _, _ := strings.Cut(body[i-1:], "\n")
	fields := line[strings.IndexByte(line, ' ')+1:]
	for n := r - first(line); n > 0; n-- {
		var ok bool
		if _, fields, ok = strings.Cut(fields, " "); !ok {
			return nil
		}
	}
	field, _, _ := strings.Cut(fields, " ")
	if field == "" {
		return nil
	}
	return strings.Split(field, ",")
}

package search

import (
	"html"
	"strings"
)

// inline are the elements that do not break a run of text: "中俄<b>博览会</b>"
// is one run, so its pairs across the tags are indexed.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true, "wbr": true,
}

// htmlText calls fn with each run of visible text of an HTML fragment (a
// page's body as gen renders it): the text between block elements,
// character references decoded, the content of script, style and
// template elements and comments left out. Most runs are substrings of h;
// a run that spans inline elements is joined in a buffer.
func htmlText(h string, fn func(string)) {
	var joined strings.Builder
	start := 0 // of the text being read
	emit := func(end int) {
		if joined.Len() > 0 {
			joined.WriteString(h[start:end])
			fn(html.UnescapeString(joined.String()))
			joined.Reset()
		} else if start < end {
			fn(html.UnescapeString(h[start:end]))
		}
	}
	for i := 0; i < len(h); {
		if h[i] != '<' {
			i++
			continue
		}
		name, end := tagAt(h, i)
		if end < 0 { // a lone "<": text
			i++
			continue
		}
		switch {
		case name == "!--":
			if j := strings.Index(h[i+4:], "-->"); j >= 0 {
				end = i + 4 + j + 3
			} else {
				end = len(h)
			}
			joined.WriteString(h[start:i])
		case inline[name]:
			joined.WriteString(h[start:i])
		default:
			emit(i)
			if (name == "script" || name == "style" || name == "template") && h[i+1] != '/' {
				if j := strings.Index(strings.ToLower(h[end:]), "</"+name); j >= 0 {
					end += j
				} else {
					end = len(h)
				}
			}
		}
		i, start = end, end
	}
	emit(len(h))
}

// tagAt reads the tag that starts at h[i] ("<"): its lower-case name
// without "/" ("!--" for a comment), and the index after its ">"; -1 when
// h[i] starts no tag.
func tagAt(h string, i int) (string, int) {
	j := i + 1
	if j < len(h) && h[j] == '/' {
		j++
	}
	if strings.HasPrefix(h[j:], "!--") {
		return "!--", j
	}
	k := j
	for k < len(h) && (h[k] >= 'a' && h[k] <= 'z' || h[k] >= 'A' && h[k] <= 'Z' || h[k] >= '0' && h[k] <= '9') {
		k++
	}
	if k == j && (j >= len(h) || h[j] != '!') {
		return "", -1
	}
	end := strings.IndexByte(h[k:], '>')
	if end < 0 {
		return "", -1
	}
	return strings.ToLower(h[j:k]), k + end + 1
}

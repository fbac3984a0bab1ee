package diag

import "strings"

// Nearest returns the entry of known nearest to word, for "did you mean":
// the one the fewest slips of a hand (a letter added, dropped, replaced,
// or two neighbours swapped; case aside) away, when that is at most about
// a third of word. Ties go to the earlier entry.
func Nearest(word string, known []string) (string, bool) {
	best, bestDist := "", -1
	w := strings.ToLower(word)
	for _, k := range known {
		if k == word {
			continue
		}
		if d := Distance(w, strings.ToLower(k)); bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	if bestDist < 0 || bestDist*3 > len([]rune(word))+1 {
		return "", false
	}
	return best, true
}

// Distance is the optimal string alignment distance of a and b, in runes:
// insertions, deletions, substitutions and swaps of two neighbours each
// cost 1, the slips of a hand on a keyboard.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

package points

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Nearest returns up to three of the candidates nearest to word by edit
// distance, nearest first: the ones a user who typed word likely meant.
// A candidate also matches by any of its hyphenated parts ("verstappen"
// is near "max-verstappen"). Candidates too far to be a typo are left out;
// so is word itself.
func Nearest(word string, candidates []string) []string {
	w := strings.ToLower(word)
	if w == "" || utf8.RuneCountInString(w) > 64 {
		return nil
	}
	limit := max(1, utf8.RuneCountInString(w)/3)
	type scored struct {
		id string
		d  int
	}
	var best []scored
	seen := map[string]bool{}
	for _, k := range candidates {
		lk := strings.ToLower(k)
		if seen[k] || lk == w || utf8.RuneCountInString(lk) > 256 {
			continue
		}
		seen[k] = true
		d := editDistance(w, lk)
		if parts := strings.Split(lk, "-"); len(parts) > 1 {
			for i := range parts {
				// any run of parts: "max-verstappen", "verstappen"
				for j := i + 1; j <= len(parts); j++ {
					if p := strings.Join(parts[i:j], "-"); p != lk {
						d = min(d, editDistance(w, p))
					}
				}
			}
		}
		if d <= limit {
			best = append(best, scored{k, d})
		}
	}
	sort.Slice(best, func(i, j int) bool {
		if best[i].d != best[j].d {
			return best[i].d < best[j].d
		}
		return best[i].id < best[j].id
	})
	var out []string
	for _, b := range best {
		if len(out) == 3 {
			break
		}
		out = append(out, b.id)
	}
	return out
}

// Suggest is Nearest as a hint: "did you mean a or b?", or "" when no
// candidate is near.
func Suggest(word string, candidates []string) string {
	n := Nearest(word, candidates)
	if len(n) == 0 {
		return ""
	}
	return "did you mean " + strings.Join(n, " or ") + "?"
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
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
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

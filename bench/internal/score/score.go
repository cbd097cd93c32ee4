// Package score implements the text metric of the article-extraction
// benchmark: texts are split into \w+ tokens (case kept), turned into
// 4-token shingles and matched as multisets; each page's true positives,
// false positives and false negatives are normalised by their sum, precision
// and recall are averaged over pages, and F1 is computed from the two means.
//
// It is a small re-implementation for the bench module, which cannot import
// the library's internal evaluation package.
package score

import (
	"strings"
	"unicode"
)

// ShingleSize is the number of tokens in a shingle.
const ShingleSize = 4

// Counts are one page's shingle matches, normalised so TP+FP+FN is 1 (or
// all zero when both texts are empty).
type Counts struct {
	TP, FP, FN float64
}

// Summary is the metric over many pages.
type Summary struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Pages     int     `json:"pages"`
}

// isWord reports whether r belongs to a \w+ token as Python's Unicode
// regular expressions define it: letters, numbers and the underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Tokens splits s into its \w+ tokens.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWord(r) })
}

// shingles counts the ShingleSize-token shingles of s. A text shorter than
// one shingle yields a single short shingle, and an empty text none.
func shingles(s string) map[string]int {
	toks := Tokens(s)
	out := make(map[string]int)
	n := len(toks) - ShingleSize + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		end := min(i+ShingleSize, len(toks))
		if i >= end {
			break
		}
		out[strings.Join(toks[i:end], "\x00")]++
	}
	return out
}

// Match compares a predicted text with the true one.
func Match(truth, pred string) Counts {
	ts, ps := shingles(truth), shingles(pred)
	var c Counts
	for k, t := range ts {
		p := ps[k]
		c.TP += float64(min(t, p))
		c.FN += float64(max(0, t-p))
		c.FP += float64(max(0, p-t))
	}
	for k, p := range ps {
		if _, ok := ts[k]; !ok {
			c.FP += float64(p)
		}
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

func precision(c Counts) float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

func recall(c Counts) float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// Summarize averages precision over the pages with any predicted shingle
// and recall over the pages with any true shingle, then takes F1 of the
// two means.
func Summarize(pages []Counts) Summary {
	var ps, rs float64
	var np, nr int
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			ps += precision(c)
			np++
		}
		if c.TP+c.FN > 0 {
			rs += recall(c)
			nr++
		}
	}
	s := Summary{Pages: len(pages)}
	if np > 0 {
		s.Precision = ps / float64(np)
	}
	if nr > 0 {
		s.Recall = rs / float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Package eval scores extracted text against reference text with the metric
// of the article-extraction-benchmark (scrapinghub/article-extraction-benchmark,
// evaluate.py) and with those of WCXB (word-level F1, with/without snippets;
// words.go), loads data sets in that benchmark's shape, runs winnow over
// them, sums the pages up per set and per page type (summary.go), and keeps
// the quality floors that the ratchet test enforces.
//
// The shingle metric: texts are split into \w+ tokens, tokens into 4-token
// shingles, and the shingles of prediction and truth are matched as
// multisets. Each page gets true-positive, false-positive and false-negative
// shares; precision and recall are averaged over pages and F1 is computed
// from the averages.
package eval

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
)

// ShingleSize is the number of tokens in a shingle, as upstream.
const ShingleSize = 4

// Tokenize splits text into the tokens of Python's re.findall(r'\w+', text)
// with re.UNICODE: maximal runs of letters, numbers and underscores.
// Combining marks are not word characters, as in Python.
func Tokenize(text string) []string {
	var toks []string
	start := -1
	for i, r := range text {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, text[start:])
	}
	return toks
}

// isWord matches Python's \w for str patterns: str.isalnum() or "_".
// isalnum is isalpha (categories L*) or isnumeric (categories N*).
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Shingles returns the multiset of ShingleSize-token shingles of tokens,
// keyed by the tokens joined with NUL. A text of fewer tokens has one
// shingle, all its tokens; an empty text has none. This mirrors upstream's
// [tuple(tokens[i:i+4]) for i in range(max(1, len(tokens)-3))] keeping
// non-empty tuples only.
func Shingles(tokens []string) map[string]int {
	m := make(map[string]int)
	n := max(1, len(tokens)-ShingleSize+1)
	for i := range n {
		sh := tokens[i:min(i+ShingleSize, len(tokens))]
		if len(sh) == 0 {
			continue
		}
		m[strings.Join(sh, "\x00")]++
	}
	return m
}

// Counts are one page's true positives, false positives and false
// negatives, as shares of their sum (all zero when the sum is zero).
type Counts struct {
	TP, FP, FN float64
}

// Match compares a predicted text with the true one, as upstream's
// string_shingle_matching: tp, fp and fn are the sums over shingles of the
// common count, the prediction's excess and the truth's excess, then
// divided by tp+fp+fn when that is positive.
func Match(truth, pred string) Counts {
	t, p := Shingles(Tokenize(truth)), Shingles(Tokenize(pred))
	var c Counts
	for k, tn := range t {
		pn := p[k]
		c.TP += float64(min(tn, pn))
		c.FN += float64(max(0, tn-pn))
	}
	for k, pn := range p {
		c.FP += float64(max(0, pn-t[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Precision is upstream's precision_score: 1 when nothing is wrong, 0 when
// nothing was predicted right or wrong, else tp/(tp+fp).
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is upstream's recall_score: 1 when nothing is wrong, 0 when
// nothing true was found or missed, else tp/(tp+fn).
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the harmonic mean of the page's precision and recall, 0 when both
// are 0.
func (c Counts) F1() float64 { return f1(c.Precision(), c.Recall()) }

// Exact reports whether pred has exactly the token sequence of truth, the
// test behind upstream's accuracy.
func Exact(truth, pred string) bool {
	t, p := Tokenize(truth), Tokenize(pred)
	if len(t) != len(p) {
		return false
	}
	for i := range t {
		if t[i] != p[i] {
			return false
		}
	}
	return true
}

// Metrics are the corpus-level figures.
type Metrics struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
}

// Score is one page's inputs to Aggregate.
type Score struct {
	Counts
	Exact bool
}

// Aggregate computes the corpus figures as upstream: precision is the mean
// of page precisions over pages with tp+fp > 0, recall the mean of page
// recalls over pages with tp+fn > 0, F1 = 2PR/(P+R), accuracy the share of
// exact pages. A mean over no pages is 0.
func Aggregate(scores []Score) Metrics {
	var m Metrics
	var np, nr, ne int
	for _, s := range scores {
		if s.TP+s.FP > 0 {
			m.Precision += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			m.Recall += s.Recall()
			nr++
		}
		if s.Exact {
			ne++
		}
	}
	if np > 0 {
		m.Precision /= float64(np)
	}
	if nr > 0 {
		m.Recall /= float64(nr)
	}
	if len(scores) > 0 {
		m.Accuracy = float64(ne) / float64(len(scores))
	}
	m.F1 = f1(m.Precision, m.Recall)
	return m
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// BootstrapSamples and BootstrapSeed fix the resampling behind Bootstrap,
// so the same scores always give the same interval.
const (
	BootstrapSamples = 1000
	BootstrapSeed    = 20200101
)

// Bootstrap returns the half-width of a 95% interval for each figure:
// 1.96 times the sample standard deviation of the figure over
// BootstrapSamples resamples of the pages, drawn with replacement from a
// fixed seed.
func Bootstrap(scores []Score) Metrics {
	if len(scores) < 2 {
		return Metrics{}
	}
	rng := rand.New(rand.NewPCG(BootstrapSeed, BootstrapSeed))
	sample := make([]Score, len(scores))
	var sum, sumSq Metrics
	for range BootstrapSamples {
		for i := range sample {
			sample[i] = scores[rng.IntN(len(scores))]
		}
		m := Aggregate(sample)
		sum = sum.add(m, 1)
		sumSq = sumSq.add(m.times(m), 1)
	}
	n := float64(BootstrapSamples)
	sd := func(s, sq float64) float64 {
		v := (sq - s*s/n) / (n - 1)
		return 1.96 * math.Sqrt(max(0, v))
	}
	return Metrics{
		Precision: sd(sum.Precision, sumSq.Precision),
		Recall:    sd(sum.Recall, sumSq.Recall),
		F1:        sd(sum.F1, sumSq.F1),
		Accuracy:  sd(sum.Accuracy, sumSq.Accuracy),
	}
}

func (m Metrics) add(o Metrics, k float64) Metrics {
	return Metrics{m.Precision + k*o.Precision, m.Recall + k*o.Recall, m.F1 + k*o.F1, m.Accuracy + k*o.Accuracy}
}

func (m Metrics) times(o Metrics) Metrics {
	return Metrics{m.Precision * o.Precision, m.Recall * o.Recall, m.F1 * o.F1, m.Accuracy * o.Accuracy}
}

package eval

import (
	"cmp"
	"slices"
)

// StatusOK is the status of a page with main content (article.StatusOK).
const StatusOK = "ok"

// Summary is every corpus-level figure of a set of page results.
type Summary struct {
	Pages int `json:"pages"`
	// Metrics are the shingle metric's (see Aggregate), CI their 95%
	// half-widths (see Bootstrap).
	Metrics Metrics `json:"metrics"`
	CI      Metrics `json:"ci95"`
	// Words is WCXB's word-level score, each figure the mean over pages.
	Words    WordScore `json:"words"`
	Snippets Snippets  `json:"snippets"`
	// Statuses counts the pages of each status, "ok" and "error" included.
	Statuses  map[string]int `json:"statuses"`
	Errors    int            `json:"errors"`     // status "error"
	NoArticle int            `json:"no_article"` // any other status but ok
	NonOK     int            `json:"non_ok"`     // Errors + NoArticle
	// FalseRefusals are the pages with a long reference that got no content.
	FalseRefusals Refusals `json:"false_refusals"`
	// Types has a row per truth page type, when the truth gives types.
	Types []TypeRow `json:"types,omitempty"`
	// Confusion is truth type × predicted page type, when the truth gives
	// types.
	Confusion *Confusion `json:"confusion,omitempty"`
	// Meta is the metadata figures, when the truth has title, author or
	// date fields (see ScoreMeta).
	Meta *MetaSummary `json:"meta,omitempty"`
}

// Snippets are the with/without snippet figures: With is the share of all
// the pages' `with` snippets found in the outputs (higher is better),
// Without the share of `without` snippets found (lower is better). Each
// share is over the pages that have such snippets, 0 when there are none;
// the totals tell. The Folded figures are the same with typographic
// punctuation folded to ASCII (SnippetsFoundFolded), for references
// written with straight quotes where the pages print curly ones.
type Snippets struct {
	With         float64 `json:"with"`
	Without      float64 `json:"without"`
	WithFound    int     `json:"with_found"`
	WithTotal    int     `json:"with_total"`
	WithoutFound int     `json:"without_found"`
	WithoutTotal int     `json:"without_total"`

	WithFolded         float64 `json:"with_folded"`
	WithoutFolded      float64 `json:"without_folded"`
	WithFoundFolded    int     `json:"with_found_folded"`
	WithoutFoundFolded int     `json:"without_found_folded"`
}

func (s *Snippets) add(r PageResult) {
	s.WithFound += r.WithFound
	s.WithTotal += r.WithTotal
	s.WithoutFound += r.WithoutFound
	s.WithoutTotal += r.WithoutTotal
	s.WithFoundFolded += r.WithFoundFolded
	s.WithoutFoundFolded += r.WithoutFoundFolded
}

func (s *Snippets) finish() {
	s.With = share(s.WithFound, s.WithTotal)
	s.Without = share(s.WithoutFound, s.WithoutTotal)
	s.WithFolded = share(s.WithFoundFolded, s.WithTotal)
	s.WithoutFolded = share(s.WithoutFoundFolded, s.WithoutTotal)
}

// Refusals counts the pages whose reference text is longer than
// RefusalMinChars and whose status is not ok: surely pages with main
// content that the extractor refused.
type Refusals struct {
	Pages int     `json:"pages"` // refused
	Of    int     `json:"of"`    // pages with a reference that long
	Share float64 `json:"share"` // Pages / Of, 0 when Of is 0
}

// TypeRow is the figures of the pages of one truth page type.
type TypeRow struct {
	Type     string   `json:"type"`
	Pages    int      `json:"pages"`
	F1       float64  `json:"f1"`      // shingle F1 (Aggregate)
	WordF1   float64  `json:"word_f1"` // mean word-level F1
	Snippets Snippets `json:"snippets"`
	NonOK    int      `json:"non_ok"`
}

// Confusion is the page-type confusion matrix: Counts[i][j] pages of truth
// type Truth[i] were given type Predicted[j] ("" when the extractor gave
// none). Accuracy is the share of typed pages given their own type.
type Confusion struct {
	Truth     []string `json:"truth"`
	Predicted []string `json:"predicted"`
	Counts    [][]int  `json:"counts"`
	Correct   int      `json:"correct"`
	Pages     int      `json:"pages"`
	Accuracy  float64  `json:"accuracy"`
}

// Summarize computes the corpus figures of results.
func Summarize(results []PageResult) Summary {
	s := Summary{Pages: len(results), Statuses: map[string]int{}}
	scores := make([]Score, len(results))
	byType := map[string][]PageResult{}
	for i, r := range results {
		scores[i] = Score{Counts: r.Counts, Exact: r.Exact}
		s.Words.Precision += r.Word.Precision
		s.Words.Recall += r.Word.Recall
		s.Words.F1 += r.Word.F1
		s.Snippets.add(r)
		s.Statuses[r.Status]++
		switch r.Status {
		case StatusOK:
		case StatusError:
			s.Errors++
		default:
			s.NoArticle++
		}
		if r.TruthChars > RefusalMinChars {
			s.FalseRefusals.Of++
			if r.Status != StatusOK {
				s.FalseRefusals.Pages++
			}
		}
		if r.Type != "" {
			byType[r.Type] = append(byType[r.Type], r)
		}
	}
	s.NonOK = s.Errors + s.NoArticle
	if n := float64(len(results)); n > 0 {
		s.Words.Precision /= n
		s.Words.Recall /= n
		s.Words.F1 /= n
	}
	s.Snippets.finish()
	s.FalseRefusals.Share = share(s.FalseRefusals.Pages, s.FalseRefusals.Of)
	s.Metrics = Aggregate(scores)
	s.CI = Bootstrap(scores)
	s.Meta = summarizeMeta(results)
	if len(byType) > 0 {
		s.Types = typeRows(byType)
		s.Confusion = confusion(results)
	}
	return s
}

// typeRows gives one row per type, in name order.
func typeRows(byType map[string][]PageResult) []TypeRow {
	var rows []TypeRow
	for typ, rs := range byType {
		sub := Summarize(untyped(rs))
		rows = append(rows, TypeRow{Type: typ, Pages: sub.Pages, F1: sub.Metrics.F1,
			WordF1: sub.Words.F1, Snippets: sub.Snippets, NonOK: sub.NonOK})
	}
	slices.SortFunc(rows, func(a, b TypeRow) int { return cmp.Compare(a.Type, b.Type) })
	return rows
}

// untyped copies results without their types, so that summarising a
// type's pages does not recurse into a table of its own.
func untyped(rs []PageResult) []PageResult {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Type = ""
	}
	return out
}

// confusion tabulates the typed pages' truth type against the predicted
// one. The predicted columns are the truth types, then any other value
// predicted, with "" (no type) last.
func confusion(results []PageResult) *Confusion {
	c := &Confusion{}
	truthIdx, predIdx := map[string]int{}, map[string]int{}
	for _, r := range results {
		if r.Type != "" {
			truthIdx[r.Type] = 0
		}
	}
	c.Truth = sortedKeys(truthIdx)
	var extra []string
	for _, r := range results {
		if r.Type == "" {
			continue
		}
		if _, ok := truthIdx[r.PageType]; !ok && r.PageType != "" && !slices.Contains(extra, r.PageType) {
			extra = append(extra, r.PageType)
		}
	}
	slices.Sort(extra)
	c.Predicted = append(append(slices.Clone(c.Truth), extra...), "")
	for i, t := range c.Truth {
		truthIdx[t] = i
	}
	for j, p := range c.Predicted {
		predIdx[p] = j
	}
	c.Counts = make([][]int, len(c.Truth))
	for i := range c.Counts {
		c.Counts[i] = make([]int, len(c.Predicted))
	}
	for _, r := range results {
		if r.Type == "" {
			continue
		}
		c.Counts[truthIdx[r.Type]][predIdx[r.PageType]]++
		c.Pages++
		if r.PageType == r.Type {
			c.Correct++
		}
	}
	c.Accuracy = share(c.Correct, c.Pages)
	return c
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

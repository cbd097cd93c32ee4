package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/rules"
)

// Mode says how pages are handed to winnow.
type Mode string

const (
	// ModeHTML extracts from the page's HTML.
	ModeHTML Mode = "html"
	// ModeText first flattens the page to "all visible text, one line per
	// block" with winnow.Flatten and extracts from that text.
	ModeText Mode = "text"
)

// Status words of a PageResult beyond the article.Status values.
const (
	// StatusError is a page that could not be read or extracted at all.
	StatusError = "error"
)

// Options for Run. The zero value means HTML mode, one worker per CPU.
type Options struct {
	Mode    Mode
	Workers int
	// Focus is passed to winnow.Options.
	Focus winnow.Focus
	// Weights, when non-nil, replace the default weights of both modes
	// (see rules.ParseTuning).
	Weights *rules.Tuning
}

// PageResult is one page's outcome. Precision, Recall, F1 and Exact are
// the shingle metric's; Word is WCXB's word-level score.
type PageResult struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Type      string    `json:"type,omitempty"`      // the truth's page type, if any
	PageType  string    `json:"page_type,omitempty"` // the type winnow gave the page
	Status    string    `json:"status"`              // an article.Status, or "error"
	Error     string    `json:"error,omitempty"`
	Precision float64   `json:"precision"`
	Recall    float64   `json:"recall"`
	F1        float64   `json:"f1"`
	Exact     bool      `json:"exact"`
	Word      WordScore `json:"word"`
	// Snippets of the truth found in the output, and how many there are.
	WithFound    int `json:"with_found"`
	WithTotal    int `json:"with_total"`
	WithoutFound int `json:"without_found"`
	WithoutTotal int `json:"without_total"`
	// The same counts with typographic punctuation folded (SnippetsFoundFolded).
	WithFoundFolded    int `json:"with_found_folded"`
	WithoutFoundFolded int `json:"without_found_folded"`
	// TruthChars is the reference text's length in characters.
	TruthChars int    `json:"truth_chars"`
	Counts     Counts `json:"-"`
	// Meta scores the title, authors and date, when the truth has any.
	Meta *MetaResult `json:"meta,omitempty"`
}

// Report is the outcome of a run over a data set: its Summary and every
// page's result.
type Report struct {
	Set  string `json:"set,omitempty"`
	Mode Mode   `json:"mode"`
	Summary
	Seconds float64      `json:"seconds"`
	Results []PageResult `json:"results"` // in page id order
}

// Run extracts every page of ds with winnow and scores it. A page that
// gives an error scores as an empty prediction; a page with no article
// scores the text winnow returned with its status (usually none). The
// context stops the run early.
func Run(ctx context.Context, ds *Dataset, opts Options) (*Report, error) {
	mode := cmp.Or(opts.Mode, ModeHTML)
	if mode != ModeHTML && mode != ModeText {
		return nil, fmt.Errorf("eval: unknown mode %q", mode)
	}
	if opts.Weights != nil {
		ctx = rules.WithTuning(ctx, opts.Weights)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	start := time.Now()
	results := make([]PageResult, len(ds.Pages))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				results[i] = runPage(ctx, ds.Pages[i], mode, opts.Focus)
			}
		})
	}
feed:
	for i := range ds.Pages {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep := &Report{Set: ds.Name, Mode: mode, Summary: Summarize(results), Results: results}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

func runPage(ctx context.Context, p Page, mode Mode, focus winnow.Focus) (res PageResult) {
	// One bad page must not end the run: a panic scores as an error.
	defer func() {
		if r := recover(); r != nil {
			res = ScorePage(p, "", StatusError, "")
			res.Meta = ScoreMeta(p, MetaPred{})
			res.Error = fmt.Sprintf("panic: %v", r)
		}
	}()
	pred, status, pageType, meta, err := extractPage(ctx, p, mode, focus)
	res = ScorePage(p, pred, status, pageType)
	res.Meta = ScoreMeta(p, meta)
	if err != nil {
		res.Error = err.Error()
	}
	return res
}

// ScorePage scores one page's predicted text, with every metric of this
// package; status and pageType are what the extractor said of the page.
func ScorePage(p Page, pred, status, pageType string) PageResult {
	r := PageResult{ID: p.ID, URL: p.URL, Type: p.Type, PageType: pageType, Status: status}
	r.Counts = Match(p.Truth, pred)
	r.Precision, r.Recall, r.F1 = r.Counts.Precision(), r.Counts.Recall(), r.Counts.F1()
	r.Exact = Exact(p.Truth, pred)
	r.Word = WordMatch(p.Truth, pred)
	r.WithTotal, r.WithoutTotal = len(p.With), len(p.Without)
	r.WithFound, r.WithoutFound = SnippetsFound(pred, p.With), SnippetsFound(pred, p.Without)
	r.WithFoundFolded, r.WithoutFoundFolded = SnippetsFoundFolded(pred, p.With), SnippetsFoundFolded(pred, p.Without)
	r.TruthChars = truthChars(p.Truth)
	return r
}

// extractPage returns the predicted text, the page status, page type and
// metadata.
func extractPage(ctx context.Context, p Page, mode Mode, focus winnow.Focus) (text, status, pageType string, meta MetaPred, err error) {
	data, err := p.Read()
	if err != nil {
		return "", StatusError, "", meta, err
	}
	opts := winnow.Options{URL: p.URL, Focus: focus}
	if mode == ModeText {
		if data, err = winnow.Flatten(data, winnow.Options{}); err != nil {
			return "", StatusError, "", meta, err
		}
		opts.Input = winnow.InputText
	}
	a, err := winnow.ExtractContext(ctx, data, opts)
	if a == nil {
		if err == nil {
			err = errors.New("no article and no error")
		}
		return "", StatusError, "", meta, err
	}
	meta = MetaPred{Title: a.Title, Authors: a.Authors, Published: a.Published}
	return a.Text, string(a.Status), string(a.PageType), meta, err
}

// Worst returns the n results with the lowest F1, lowest first; ties go
// by id.
func (r *Report) Worst(n int) []PageResult {
	out := slices.Clone(r.Results)
	slices.SortStableFunc(out, func(a, b PageResult) int {
		return cmp.Or(cmp.Compare(a.F1, b.F1), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(max(n, 0), len(out))]
}

// DefaultWeights returns the thresholds of both modes as they ship, the
// starting point of a --weights file.
func DefaultWeights() rules.Tuning { return rules.DefaultTuning() }

// ParseWeights reads a --weights file: JSON holding any subset of the
// thresholds, applied over the defaults; an unknown field is an error.
func ParseWeights(data []byte) (rules.Tuning, error) { return rules.ParseTuning(data) }

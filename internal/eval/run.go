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

// PageResult is one page's outcome.
type PageResult struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Status    string  `json:"status"` // an article.Status, or "error"
	Error     string  `json:"error,omitempty"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Exact     bool    `json:"exact"`
	Counts    Counts  `json:"-"`
}

// Report is the outcome of a run over a data set.
type Report struct {
	Mode      Mode         `json:"mode"`
	Pages     int          `json:"pages"`
	Metrics   Metrics      `json:"metrics"`
	CI        Metrics      `json:"ci95"` // half-widths from Bootstrap
	Errors    int          `json:"errors"`
	NoArticle int          `json:"no_article"`
	Seconds   float64      `json:"seconds"`
	Results   []PageResult `json:"results"` // in page id order
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
	rep := &Report{Mode: mode, Pages: len(results), Results: results}
	scores := make([]Score, len(results))
	for i, r := range results {
		scores[i] = Score{Counts: r.Counts, Exact: r.Exact}
		switch r.Status {
		case StatusError:
			rep.Errors++
		case "ok":
		default:
			rep.NoArticle++
		}
	}
	rep.Metrics = Aggregate(scores)
	rep.CI = Bootstrap(scores)
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

func runPage(ctx context.Context, p Page, mode Mode, focus winnow.Focus) (res PageResult) {
	res = PageResult{ID: p.ID, URL: p.URL}
	// One bad page must not end the run: a panic scores as an error.
	defer func() {
		if r := recover(); r != nil {
			res.Status, res.Error = StatusError, fmt.Sprintf("panic: %v", r)
			res.score(p.Truth, "")
		}
	}()
	pred, status, err := extractPage(ctx, p, mode, focus)
	res.Status = status
	if err != nil {
		res.Error = err.Error()
	}
	res.score(p.Truth, pred)
	return res
}

func (r *PageResult) score(truth, pred string) {
	r.Counts = Match(truth, pred)
	r.Precision, r.Recall, r.F1 = r.Counts.Precision(), r.Counts.Recall(), r.Counts.F1()
	r.Exact = Exact(truth, pred)
}

// extractPage returns the predicted text and the page status.
func extractPage(ctx context.Context, p Page, mode Mode, focus winnow.Focus) (string, string, error) {
	data, err := p.Read()
	if err != nil {
		return "", StatusError, err
	}
	opts := winnow.Options{URL: p.URL, Focus: focus}
	if mode == ModeText {
		if data, err = winnow.Flatten(data, winnow.Options{}); err != nil {
			return "", StatusError, err
		}
		opts.Input = winnow.InputText
	}
	a, err := winnow.ExtractContext(ctx, data, opts)
	if a == nil {
		if err == nil {
			err = errors.New("no article and no error")
		}
		return "", StatusError, err
	}
	return a.Text, string(a.Status), err
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

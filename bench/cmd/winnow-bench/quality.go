package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/eval"
)

// qualitySet is every contender's figures on one set.
type qualitySet struct {
	Set     string          `json:"set"`
	Pages   int             `json:"pages"`
	HTMLMB  float64         `json:"html_mb"`
	Results []qualityResult `json:"results"`
}

// qualityResult is one contender's figures on one set, computed by
// internal/eval exactly as winnow eval computes winnow's.
type qualityResult struct {
	Name    string  `json:"name"`
	Version string  `json:"version"`
	Seconds float64 `json:"seconds"` // wall time of the pass, all workers
	eval.Summary
}

type qualityReport struct {
	Env     environment  `json:"env"`
	Workers int          `json:"workers"`
	Sets    []qualitySet `json:"sets"`
}

// quality runs every contender that gives text over every page of each set
// with workers pages at once, and scores the texts with internal/eval.
func quality(cs []contenders.Contender, sets []dataset.Set, workers int) ([]qualitySet, error) {
	var out []qualitySet
	for _, s := range sets {
		pages, err := loadPages(s.Pages, s.Truth)
		if err != nil {
			return nil, err
		}
		qs := qualitySet{Set: s.Name, Pages: len(pages), HTMLMB: float64(totalBytes(pages)) / 1e6}
		for _, c := range cs {
			if !c.HasText {
				continue
			}
			qs.Results = append(qs.Results, qualityOf(c, pages, workers))
		}
		out = append(out, qs)
	}
	return out, nil
}

// qualityOf scores one contender on the pages.
func qualityOf(c contenders.Contender, pages []page, workers int) qualityResult {
	results := make([]eval.PageResult, len(pages))
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range jobs {
				p := pages[i]
				o := c.Judge(contenders.NewInput(p.HTML, p.URL))
				results[i] = eval.ScorePage(p.Page, o.Text, o.Status, o.PageType)
				if c.HasMeta() {
					results[i].Meta = eval.ScoreMeta(p.Page, eval.MetaPred(o.Meta))
				}
				if o.Err != nil {
					results[i].Error = o.Err.Error()
				}
			}
		})
	}
	for i := range pages {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return qualityResult{
		Name: c.Name, Version: contenders.Version(c.Module),
		Seconds: time.Since(start).Seconds(), Summary: eval.Summarize(results),
	}
}

// pct prints a share as a percentage, or "—" when it is over nothing.
func pct(share float64, total int) string {
	if total == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", 100*share)
}

func writeQuality(w io.Writer, env environment, workers int, sets []qualitySet) {
	writeEnv(w, env)
	fmt.Fprintf(w, "HTML mode, %d pages at once. Metrics of internal/eval (as winnow eval): shingle P/R/F1 as the\n", workers)
	fmt.Fprintln(w, "article-extraction-benchmark; word-F1 as WCXB (mean over pages); With%/Without%: share of the truth's")
	fmt.Fprintln(w, "snippets found (folded: with curly quotes, dashes and ellipses compared as ASCII); non-ok: pages without content (winnow: its status; the others: an error or no text);")
	fmt.Fprintf(w, "false refusals: non-ok pages among those whose reference is over %d characters.\n", eval.RefusalMinChars)
	for _, qs := range sets {
		fmt.Fprintf(w, "\n### %s (%d pages)\n\n", qs.Set, qs.Pages)
		fmt.Fprintln(w, "| contender | version | precision | recall | shingle F1 | word-F1 | With% | Without% | With% folded | non-ok | false refusals | seconds |")
		fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
		for _, r := range qs.Results {
			fr := r.FalseRefusals
			fmt.Fprintf(w, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %s | %s | %d | %d of %d (%s%%) | %.1f |\n",
				r.Name, r.Version, r.Metrics.Precision, r.Metrics.Recall, r.Metrics.F1, r.Words.F1,
				pct(r.Snippets.With, r.Snippets.WithTotal), pct(r.Snippets.Without, r.Snippets.WithoutTotal),
				pct(r.Snippets.WithFolded, r.Snippets.WithTotal),
				r.NonOK, fr.Pages, fr.Of, pct(fr.Share, fr.Of), r.Seconds)
		}
		writeMetaRows(w, qs)
		if len(qs.Results) == 0 || len(qs.Results[0].Types) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nper page type:\n\n")
		fmt.Fprintln(w, "| type | pages | contender | shingle F1 | word-F1 | With% | Without% | non-ok |")
		fmt.Fprintln(w, "|---|--:|---|--:|--:|--:|--:|--:|")
		for i, row := range qs.Results[0].Types {
			for _, r := range qs.Results {
				if i >= len(r.Types) {
					continue
				}
				t := r.Types[i]
				fmt.Fprintf(w, "| %s | %d | %s | %.3f | %.3f | %s | %s | %d |\n", row.Type, t.Pages, r.Name, t.F1, t.WordF1,
					pct(t.Snippets.With, t.Snippets.WithTotal), pct(t.Snippets.Without, t.Snippets.WithoutTotal), t.NonOK)
			}
		}
		for _, r := range qs.Results {
			if c := r.Confusion; c != nil && c.Correct > 0 {
				fmt.Fprintf(w, "\n%s page type accuracy: %.3f (%d of %d); the matrix: winnow eval --set %s\n", r.Name, c.Accuracy, c.Correct, c.Pages, qs.Set)
			}
		}
	}
}

// writeMetaRows prints the metadata figures of the contenders that read
// metadata, when the set's truth has title, author or date fields.
func writeMetaRows(w io.Writer, qs qualitySet) {
	header := false
	for _, r := range qs.Results {
		m := r.Meta
		if m == nil {
			continue
		}
		if !header {
			fmt.Fprintf(w, "\nmetadata, exact / relaxed share over the pages whose truth has the field (as winnow eval):\n\n")
			fmt.Fprintf(w, "| contender | title (%d) | authors (%d) | published (%d) | authors extra | published extra |\n", m.Title.Pages, m.Authors.Pages, m.Published.Pages)
			fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|")
			header = true
		}
		fmt.Fprintf(w, "| %s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %d | %d |\n", r.Name,
			m.Title.ExactShare, m.Title.RelaxedShare, m.Authors.ExactShare, m.Authors.RelaxedShare,
			m.Published.ExactShare, m.Published.RelaxedShare, m.Authors.Extra, m.Published.Extra)
	}
}

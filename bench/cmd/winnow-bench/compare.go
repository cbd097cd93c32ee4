package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/eval"
)

// compareResult is one contender's figures over all rounds.
type compareResult struct {
	Name          string        `json:"name"`
	Version       string        `json:"version"`
	Seconds       float64       `json:"seconds"`       // summed over rounds
	RoundSeconds  []float64     `json:"round_seconds"` // per round
	PagesPerSec   float64       `json:"pages_per_sec"` // from the median round
	BestPerSec    float64       `json:"pages_per_sec_best"`
	CPUSeconds    []float64     `json:"round_cpu_seconds"` // process CPU time per round
	CPUPerSec     float64       `json:"cpu_pages_per_sec"` // pages per CPU second, median round
	MBPerSec      float64       `json:"mb_per_sec"`        // from the median round
	AllocsPerPage float64       `json:"allocs_per_page"`
	BytesPerPage  float64       `json:"bytes_per_page"`
	VsWinnow      float64       `json:"time_vs_winnow"` // median wall time ÷ winnow's; 0 without winnow
	CPUVsWinnow   float64       `json:"cpu_vs_winnow"`  // median CPU time ÷ winnow's; 0 without winnow
	Errors        int           `json:"errors"`         // pages that returned an error, in the first round
	Panics        int           `json:"panics"`         // pages that panicked, in the first round
	Score         *scoreSummary `json:"score,omitempty"`
	// GOGC is the collector's target the contender ran at, and
	// StartHeapMB the live heap of its process before the first page
	// (what the process holds from start-up); both only in -isolate mode.
	GOGC        string  `json:"gogc,omitempty"`
	StartHeapMB float64 `json:"start_heap_mb,omitempty"`
}

// scoreSummary is a contender's text scored with winnow eval's metric
// (internal/eval): precision and recall averaged over pages, F1 from the
// averages.
type scoreSummary struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Pages     int     `json:"pages"`
}

// outcome is what one call of a contender gave.
type outcome struct {
	text     string
	err      error
	panicked any
}

// call runs one contender on one page, turning a panic into an outcome.
func call(run func(contenders.Input) (string, error), in contenders.Input) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o.panicked = r
		}
	}()
	o.text, o.err = run(in)
	return o
}

func inputsOf(pages []page) []contenders.Input {
	ins := make([]contenders.Input, len(pages))
	for i, p := range pages {
		ins[i] = contenders.NewInput(p.HTML, p.URL)
	}
	return ins
}

// compare runs the contenders in rotated order for the given rounds.
func compare(cs []contenders.Contender, pages []page, rounds, warmup int, withScore bool) []compareResult {
	ins := inputsOf(pages)
	htmlBytes := float64(totalBytes(pages))
	res := make([]compareResult, len(cs))
	texts := make([][]string, len(cs))
	for i, c := range cs {
		res[i] = compareResult{Name: c.Name, Version: contenders.Version(c.Module)}
		texts[i] = make([]string, len(ins))
		for _, in := range ins[:min(warmup, len(ins))] {
			call(c.Run, in)
		}
	}
	var mallocs, allocBytes = make([]uint64, len(cs)), make([]uint64, len(cs))
	for r := 0; r < rounds; r++ {
		for k := range cs {
			i := (k + r) % len(cs)
			c := cs[i]
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			c0, t0 := cpuTime(), time.Now()
			errs, panics := 0, 0
			for j, in := range ins {
				o := call(c.Run, in)
				texts[i][j] = o.text
				switch {
				case o.panicked != nil:
					panics++
					if r == 0 {
						fmt.Fprintf(os.Stderr, "%s: panic on %s: %v\n", c.Name, pages[j].ID, o.panicked)
					}
				case o.err != nil:
					errs++
				}
			}
			d, cd := time.Since(t0), cpuTime()-c0
			runtime.ReadMemStats(&m1)
			res[i].CPUSeconds = append(res[i].CPUSeconds, cd.Seconds())
			mallocs[i] += m1.Mallocs - m0.Mallocs
			allocBytes[i] += m1.TotalAlloc - m0.TotalAlloc
			res[i].Seconds += d.Seconds()
			res[i].RoundSeconds = append(res[i].RoundSeconds, d.Seconds())
			if r == 0 {
				res[i].Errors, res[i].Panics = errs, panics
			}
		}
	}
	n := float64(len(ins) * rounds)
	for i, c := range cs {
		r := &res[i]
		summarize(r, len(ins), htmlBytes)
		r.AllocsPerPage = float64(mallocs[i]) / n
		r.BytesPerPage = float64(allocBytes[i]) / n
		if withScore && c.HasText {
			scores := make([]eval.Score, len(pages))
			for j, p := range pages {
				scores[j].Counts = eval.Match(p.Truth, texts[i][j])
			}
			m := eval.Aggregate(scores)
			s := scoreSummary{Precision: m.Precision, Recall: m.Recall, F1: m.F1, Pages: len(scores)}
			r.Score = &s
		}
	}
	for i, c := range cs {
		if c.Name != "winnow" {
			continue
		}
		for k := range res {
			relate(&res[k], &res[i])
		}
	}
	return res
}

// summarize sets the rates of r from its round times.
func summarize(r *compareResult, nPages int, htmlBytes float64) {
	med, best := median(r.RoundSeconds), slices.Min(r.RoundSeconds)
	r.PagesPerSec = float64(nPages) / med
	r.BestPerSec = float64(nPages) / best
	r.MBPerSec = htmlBytes / 1e6 / med
	if cmed := median(r.CPUSeconds); cmed > 0 {
		r.CPUPerSec = float64(nPages) / cmed
	}
}

// relate sets r's times relative to winnow's result w.
func relate(r, w *compareResult) {
	r.VsWinnow = w.PagesPerSec / r.PagesPerSec
	if r.CPUPerSec > 0 {
		r.CPUVsWinnow = w.CPUPerSec / r.CPUPerSec
	}
}

// median returns the median of xs, which must not be empty.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type compareReport struct {
	Env     environment     `json:"env"`
	Rounds  int             `json:"rounds"`
	Results []compareResult `json:"results"`
}

func writeEnv(w io.Writer, env environment) {
	fmt.Fprintf(w, "date %s · %s · %d cores · %.1f GiB RAM · %s · GOMAXPROCS=%d\n",
		env.Date, env.CPU, env.Cores, env.RAMGiB, env.Go, env.GOMAXPROCS)
	fmt.Fprintf(w, "%d pages, %.1f MB of HTML · load average at start: %s\n\n", env.Pages, env.HTMLMB, env.LoadAvg)
}

func writeCompare(w io.Writer, env environment, rounds int, res []compareResult) {
	writeEnv(w, env)
	fmt.Fprintf(w, "%d round(s). pages/s and MB/s: wall clock, median round; best: fastest round;\n", rounds)
	fmt.Fprintln(w, "CPU pages/s: pages per second of process CPU time (user+sys), median round;")
	fmt.Fprintln(w, "× winnow: median time per page ÷ winnow's, wall and CPU (above 1 is slower than winnow)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| contender | version | pages/s | best pages/s | CPU pages/s | MB/s | × winnow (wall) | × winnow (CPU) | allocs/page | KB alloc/page | errors | panics | F1 | precision | recall |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, r := range res {
		vs, cvs := "—", "—"
		if r.VsWinnow > 0 {
			vs = fmt.Sprintf("%.2f×", r.VsWinnow)
		}
		if r.CPUVsWinnow > 0 {
			cvs = fmt.Sprintf("%.2f×", r.CPUVsWinnow)
		}
		f1, p, rc := "—", "—", "—"
		if r.Score != nil {
			f1, p, rc = fmt.Sprintf("%.3f", r.Score.F1), fmt.Sprintf("%.3f", r.Score.Precision), fmt.Sprintf("%.3f", r.Score.Recall)
		}
		fmt.Fprintf(w, "| %s | %s | %.1f | %.1f | %.1f | %.2f | %s | %s | %.0f | %.0f | %d | %d | %s | %s | %s |\n",
			r.Name, r.Version, r.PagesPerSec, r.BestPerSec, r.CPUPerSec, r.MBPerSec, vs, cvs, r.AllocsPerPage, r.BytesPerPage/1024, r.Errors, r.Panics, f1, p, rc)
	}
	fmt.Fprintln(w)
	if env.Isolated {
		fmt.Fprintln(w, "each contender in a process of its own, one per round, at the GOGC in its name;")
		fmt.Fprintln(w, "live heap of the process before its first page (start-up data), MB:")
		for _, r := range res {
			fmt.Fprintf(w, "  %-34s %.1f\n", r.Name, r.StartHeapMB)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "wall seconds per round (CPU seconds):")
	for _, r := range res {
		fmt.Fprintf(w, "  %-22s", r.Name)
		for k, s := range r.RoundSeconds {
			fmt.Fprintf(w, " %.3f", s)
			if k < len(r.CPUSeconds) {
				fmt.Fprintf(w, " (%.3f)", r.CPUSeconds[k])
			}
		}
		fmt.Fprintln(w)
	}
}

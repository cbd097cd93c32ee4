package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// compareResult is one job's figures over all rounds.
type compareResult struct {
	Name      string `json:"name"` // the row's label
	Contender string `json:"contender"`
	Version   string `json:"version"`
	Setting   string `json:"gc_setting"` // GC setting (gcsetting.go)
	GC        string `json:"gc"`         // the collector as the process's runtime had it
	Workers   int    `json:"workers"`

	Rounds       []roundStat `json:"rounds"`
	Seconds      float64     `json:"seconds"`           // wall, summed over rounds
	RoundSeconds []float64   `json:"round_seconds"`     // wall, per round
	CPUSeconds   []float64   `json:"round_cpu_seconds"` // process CPU time per round
	PagesPerSec  float64     `json:"pages_per_sec"`     // from the median round
	BestPerSec   float64     `json:"pages_per_sec_best"`
	CPUPerSec    float64     `json:"cpu_pages_per_sec"` // pages per CPU second, median round
	MBPerSec     float64     `json:"mb_per_sec"`        // from the median round
	// Spread and CPUSpread are (slowest round − fastest) ÷ median round,
	// of wall and CPU time: how noisy the run was.
	Spread    float64 `json:"spread"`
	CPUSpread float64 `json:"cpu_spread"`

	// VsWinnow is this job's wall time ÷ winnow's at the same GC setting
	// and workers, taken round by round (the two ran minutes apart at
	// most) and the median of the rounds; the range is the lowest and
	// highest round. CPU the same with process CPU time. 0 without winnow.
	VsWinnow         float64    `json:"time_vs_winnow"`
	VsWinnowRange    [2]float64 `json:"time_vs_winnow_range"`
	CPUVsWinnow      float64    `json:"cpu_vs_winnow"`
	CPUVsWinnowRange [2]float64 `json:"cpu_vs_winnow_range"`
	// Speedup (scaling mode) is the 1-worker job's wall time ÷ this
	// job's, round by round, median and range.
	Speedup      float64    `json:"speedup,omitempty"`
	SpeedupRange [2]float64 `json:"speedup_range,omitempty"`
	// SpeedupCeiling is workers × the 1-worker job's CPU time ÷ this
	// job's, round by round, median and range: the speed-up if each
	// worker had a core of its own and nothing waited, what the extra
	// CPU of more workers (the collector's, mostly) leaves. Load on the
	// machine moves it much less than the wall-clock speed-up.
	SpeedupCeiling      float64    `json:"speedup_ceiling,omitempty"`
	SpeedupCeilingRange [2]float64 `json:"speedup_ceiling_range,omitempty"`

	AllocsPerPage float64 `json:"allocs_per_page"`
	BytesPerPage  float64 `json:"bytes_per_page"`
	GCsPerRound   float64 `json:"gc_cycles_per_round"` // median round
	GCShare       float64 `json:"gc_cpu_share"`        // the collector's CPU ÷ all, the runtime's estimates, all rounds
	FaultsPerPage float64 `json:"minor_faults_per_page"`
	// PeakRSSMB is the highest resident set of the job's process during a
	// timed round, less the pages mapped outside the heap, in MB (with
	// -isolate; 0 when unknown).
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	StartHeapMB float64 `json:"start_heap_mb"`

	Errors int           `json:"errors"` // pages that returned an error, first warm-up pass
	Panics int           `json:"panics"` // pages that panicked, first warm-up pass
	Score  *scoreSummary `json:"score,omitempty"`
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

// results makes the rows of a report from what measure returned.
// isolated says whether each job had a process of its own (its peak RSS
// is then its own).
func results(jobs []job, hellos []hello, stats [][]roundStat, nPages int, htmlBytes float64, isolated bool) []compareResult {
	settings := 0
	seen := map[string]bool{}
	for _, j := range jobs {
		if !seen[j.gc] {
			seen[j.gc] = true
			settings++
		}
	}
	res := make([]compareResult, len(jobs))
	for i, j := range jobs {
		h := hellos[i]
		r := compareResult{Name: j.contender, Contender: j.contender, Version: h.Version, Setting: j.gc, GC: h.GC,
			Workers: j.workers, Rounds: stats[i], StartHeapMB: h.StartHeapMB, Errors: h.Errors, Panics: h.Panics, Score: h.Score}
		if settings > 1 {
			r.Name = fmt.Sprintf("%s (%s)", j.contender, gcLabel(j.gc))
		}
		var gcs, faults []float64
		var mallocs, bytes, gcCPU, allCPU float64
		var peak int64
		for _, st := range stats[i] {
			r.Seconds += st.Wall
			r.RoundSeconds = append(r.RoundSeconds, st.Wall)
			r.CPUSeconds = append(r.CPUSeconds, st.CPU)
			gcs = append(gcs, float64(st.GCs))
			faults = append(faults, float64(st.MinorFaults))
			mallocs += float64(st.Mallocs)
			bytes += float64(st.Bytes)
			gcCPU += st.GCCPU
			allCPU += st.AllCPU
			peak = max(peak, st.PeakRSS)
		}
		n := float64(len(stats[i]) * nPages)
		r.AllocsPerPage, r.BytesPerPage = mallocs/n, bytes/n
		r.GCsPerRound = median(gcs)
		r.FaultsPerPage = median(faults) / float64(nPages)
		if allCPU > 0 {
			r.GCShare = gcCPU / allCPU
		}
		if isolated && peak > 0 {
			r.PeakRSSMB = float64(peak-h.PagesMapped) / 1e6
		}
		summarize(&r, nPages, htmlBytes)
		res[i] = r
	}
	for i, j := range jobs {
		for k, b := range jobs {
			if b.contender == "winnow" && b.gc == j.gc && b.workers == j.workers {
				relate(&res[i], &res[k])
			}
			if b.contender == j.contender && b.gc == j.gc && b.workers == 1 && j.workers > 1 {
				res[i].Speedup, res[i].SpeedupRange = ratios(res[k].RoundSeconds, res[i].RoundSeconds)
				c, r := ratios(res[k].CPUSeconds, res[i].CPUSeconds)
				w := float64(j.workers)
				res[i].SpeedupCeiling, res[i].SpeedupCeilingRange = w*c, [2]float64{w * r[0], w * r[1]}
			}
		}
	}
	return res
}

// summarize sets the rates and spreads of r from its round times.
func summarize(r *compareResult, nPages int, htmlBytes float64) {
	med, best := median(r.RoundSeconds), slices.Min(r.RoundSeconds)
	r.PagesPerSec = float64(nPages) / med
	r.BestPerSec = float64(nPages) / best
	r.MBPerSec = htmlBytes / 1e6 / med
	r.Spread = spread(r.RoundSeconds)
	if cmed := median(r.CPUSeconds); cmed > 0 {
		r.CPUPerSec = float64(nPages) / cmed
		r.CPUSpread = spread(r.CPUSeconds)
	}
}

// relate sets r's times relative to winnow's result w, round by round.
func relate(r, w *compareResult) {
	r.VsWinnow, r.VsWinnowRange = ratios(r.RoundSeconds, w.RoundSeconds)
	if median(r.CPUSeconds) > 0 && median(w.CPUSeconds) > 0 {
		r.CPUVsWinnow, r.CPUVsWinnowRange = ratios(r.CPUSeconds, w.CPUSeconds)
	}
}

// ratios divides a by b round by round and returns the median ratio and
// the lowest and highest.
func ratios(a, b []float64) (float64, [2]float64) {
	var q []float64
	for i := range min(len(a), len(b)) {
		if b[i] > 0 {
			q = append(q, a[i]/b[i])
		}
	}
	if len(q) == 0 {
		return 0, [2]float64{}
	}
	return median(q), [2]float64{slices.Min(q), slices.Max(q)}
}

// spread is (highest − lowest) ÷ median of xs, 0 for fewer than two.
func spread(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	m := median(xs)
	if m == 0 {
		return 0
	}
	return (slices.Max(xs) - slices.Min(xs)) / m
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
	Method  string          `json:"method"`
	Rounds  int             `json:"rounds"`
	Results []compareResult `json:"results"`
}

// method is printed with every speed report, so the figures are read as
// what they are.
func method(env environment) string {
	where := "each job (contender, GC setting, workers) in a process of its own that links that contender alone, started once, set up before any round"
	if env.LinkAll {
		where = "each job (contender, GC setting, workers) in a process of its own that links every contender (-link-all), started once, set up before any round"
	}
	if !env.Isolated {
		where = "every job in this one process (one heap), set up before any round"
	}
	pages := "the pages gunzipped into memory mapped outside the Go heap"
	if env.HeapPages {
		pages = "the pages gunzipped into the Go heap (-heap-pages)"
	}
	return fmt.Sprintf("%s; %s, the truth and the warm-up's texts dropped before timing; %d untimed warm-up pass(es) "+
		"over all pages (the first gives the errors and the score); each round times one pass over all pages per job, "+
		"jobs interleaved and rotated from round to round; a GC before each pass, outside the timed span; "+
		"ratios are taken round by round and their median given", where, pages, env.Warmup)
}

func writeEnv(w io.Writer, env environment) {
	fmt.Fprintf(w, "date %s · %s · %d cores · %.1f GiB RAM · %s · GOMAXPROCS=%d\n",
		env.Date, env.CPU, env.Cores, env.RAMGiB, env.Go, env.GOMAXPROCS)
	fmt.Fprintf(w, "%d pages, %.1f MB of HTML · load average at start: %s", env.Pages, env.HTMLMB, env.LoadAvg)
	if env.LoadAvgEnd != "" {
		fmt.Fprintf(w, ", at end: %s", env.LoadAvgEnd)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
}

// rng prints a median and its range, or "—".
func rng(med float64, r [2]float64) string {
	if med <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", med, r[0], r[1])
}

func plusMinus(x float64) string { return fmt.Sprintf("±%.0f%%", 50*x) }

func writeCompare(w io.Writer, env environment, rounds int, res []compareResult) {
	writeEnv(w, env)
	fmt.Fprintf(w, "method: %s.\n\n", method(env))
	fmt.Fprintf(w, "%d round(s). pages/s: wall clock, median round; CPU pages/s: pages per second of process CPU time;\n", rounds)
	fmt.Fprintln(w, "spread: ±half of (slowest round − fastest) ÷ median; × winnow: time ÷ winnow's at the same GC setting,")
	fmt.Fprintln(w, "round by round, median (lowest–highest round), above 1 is slower than winnow; peak RSS: the process's")
	fmt.Fprintln(w, "highest resident set in a timed round, less the pages; GC % CPU: the runtime's estimate; faults/page:")
	fmt.Fprintln(w, "minor page faults (fresh memory mapped in), median round")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| contender | version | pages/s | spread | CPU pages/s | CPU spread | × winnow (wall) | × winnow (CPU) | allocs/page | KB alloc/page | GCs/round | GC % CPU | faults/page | peak RSS MB | start heap MB | errors | panics | F1 | precision | recall |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, r := range res {
		f1, p, rc := "—", "—", "—"
		if r.Score != nil {
			f1, p, rc = fmt.Sprintf("%.3f", r.Score.F1), fmt.Sprintf("%.3f", r.Score.Precision), fmt.Sprintf("%.3f", r.Score.Recall)
		}
		rss := "—"
		if r.PeakRSSMB > 0 {
			rss = fmt.Sprintf("%.1f", r.PeakRSSMB)
		}
		fmt.Fprintf(w, "| %s | %s | %.1f | %s | %.1f | %s | %s | %s | %.0f | %.0f | %.0f | %.1f | %.1f | %s | %.1f | %d | %d | %s | %s | %s |\n",
			r.Name, r.Version, r.PagesPerSec, plusMinus(r.Spread), r.CPUPerSec, plusMinus(r.CPUSpread),
			rng(r.VsWinnow, r.VsWinnowRange), rng(r.CPUVsWinnow, r.CPUVsWinnowRange),
			r.AllocsPerPage, r.BytesPerPage/1024, r.GCsPerRound, 100*r.GCShare, r.FaultsPerPage, rss, r.StartHeapMB,
			r.Errors, r.Panics, f1, p, rc)
	}
	fmt.Fprintln(w)
	writeRounds(w, res)
}

// writeRounds prints every round's wall and CPU seconds, for a reader to
// judge the noise.
func writeRounds(w io.Writer, res []compareResult) {
	fmt.Fprintln(w, "wall seconds per round (CPU seconds):")
	for _, r := range res {
		fmt.Fprintf(w, "  %-40s", r.Name)
		for k, s := range r.RoundSeconds {
			fmt.Fprintf(w, " %.3f", s)
			if k < len(r.CPUSeconds) {
				fmt.Fprintf(w, " (%.3f)", r.CPUSeconds[k])
			}
		}
		fmt.Fprintln(w)
	}
}

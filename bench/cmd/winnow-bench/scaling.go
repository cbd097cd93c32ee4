package main

import (
	"fmt"
	"io"
)

// scalingJobs are winnow with 1 worker and with n, at every GC setting:
// GOMAXPROCS is the number of workers, and the workers take pages from one
// shared counter until the list is done.
func scalingJobs(n int, settings []string) []job {
	var jobs []job
	for _, g := range settings {
		jobs = append(jobs, job{contender: "winnow", gc: g, workers: 1, procs: 1})
		if n != 1 {
			jobs = append(jobs, job{contender: "winnow", gc: g, workers: n, procs: n})
		}
	}
	return jobs
}

func writeScaling(w io.Writer, env environment, rounds int, res []compareResult) {
	writeEnv(w, env)
	fmt.Fprintf(w, "method: %s.\n\n", method(env))
	fmt.Fprintf(w, "winnow alone, %d round(s), median round; GOMAXPROCS = workers; speed-up: the 1-worker round's wall time ÷\n", rounds)
	fmt.Fprintln(w, "the same round's with more workers, median (lowest–highest round); CPU-bound ceiling: workers × the 1-worker")
	fmt.Fprintln(w, "round's CPU time ÷ the same round's with more, the speed-up if every worker had a free core (the wall-clock")
	fmt.Fprintln(w, "speed-up needs an idle machine, the ceiling much less); spread: ±half of (slowest − fastest) ÷ median")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| GC | workers | pages/s | spread | CPU pages/s | speed-up | CPU-bound ceiling | allocs/page | KB alloc/page | GCs/round | GC % CPU | peak RSS MB |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, r := range res {
		sp, ceil := "1.00×", "—"
		if r.Workers > 1 {
			sp, ceil = rng(r.Speedup, r.SpeedupRange), rng(r.SpeedupCeiling, r.SpeedupCeilingRange)
		}
		rss := "—"
		if r.PeakRSSMB > 0 {
			rss = fmt.Sprintf("%.1f", r.PeakRSSMB)
		}
		fmt.Fprintf(w, "| %s | %d | %.1f | %s | %.1f | %s | %s | %.0f | %.0f | %.0f | %.1f | %s |\n",
			gcLabel(r.Setting), r.Workers, r.PagesPerSec, plusMinus(r.Spread), r.CPUPerSec, sp, ceil,
			r.AllocsPerPage, r.BytesPerPage/1024, r.GCsPerRound, 100*r.GCShare, rss)
	}
	fmt.Fprintln(w)
	writeRounds(w, res)
}

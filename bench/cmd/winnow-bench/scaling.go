package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// scalingResult is winnow's throughput with one number of workers.
type scalingResult struct {
	Workers     int       `json:"workers"`
	Seconds     float64   `json:"seconds"`
	Rounds      []float64 `json:"round_seconds"`
	PagesPerSec float64   `json:"pages_per_sec"` // from the median round
	MBPerSec    float64   `json:"mb_per_sec"`
	Speedup     float64   `json:"speedup"` // pages/s ÷ the 1-worker pages/s
}

type scalingReport struct {
	Env     environment     `json:"env"`
	Rounds  int             `json:"rounds"`
	Results []scalingResult `json:"results"`
}

// scaling runs winnow alone with 1 worker and with n workers, interleaved
// by round. With w workers GOMAXPROCS is w and w goroutines take pages from
// one shared counter until the list is done.
func scaling(pages []page, n, rounds int) []scalingResult {
	ins := inputsOf(pages)
	counts := []int{1}
	if n != 1 {
		counts = append(counts, n)
	}
	res := make([]scalingResult, len(counts))
	for i, w := range counts {
		res[i].Workers = w
	}
	for _, in := range ins[:min(10, len(ins))] {
		call(contenders.Winnow, in)
	}
	for r := 0; r < rounds; r++ {
		for k := range counts {
			i := (k + r) % len(counts)
			w := counts[i]
			runtime.GOMAXPROCS(w)
			runtime.GC()
			var next atomic.Int64
			var wg sync.WaitGroup
			t0 := time.Now()
			for g := 0; g < w; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						j := int(next.Add(1)) - 1
						if j >= len(ins) {
							return
						}
						call(contenders.Winnow, ins[j])
					}
				}()
			}
			wg.Wait()
			d := time.Since(t0).Seconds()
			res[i].Seconds += d
			res[i].Rounds = append(res[i].Rounds, d)
		}
	}
	total := float64(totalBytes(pages))
	for i := range res {
		med := median(res[i].Rounds)
		res[i].PagesPerSec = float64(len(ins)) / med
		res[i].MBPerSec = total / 1e6 / med
		res[i].Speedup = res[i].PagesPerSec / res[0].PagesPerSec
	}
	return res
}

func writeScaling(w io.Writer, env environment, rounds int, res []scalingResult) {
	writeEnv(w, env)
	fmt.Fprintf(w, "winnow alone, %d round(s), median round; GOMAXPROCS = workers\n\n", rounds)
	fmt.Fprintln(w, "| workers | pages/s | MB/s | speedup |")
	fmt.Fprintln(w, "|--:|--:|--:|--:|")
	for _, r := range res {
		fmt.Fprintf(w, "| %d | %.1f | %.2f | %.2f× |\n", r.Workers, r.PagesPerSec, r.MBPerSec, r.Speedup)
	}
}

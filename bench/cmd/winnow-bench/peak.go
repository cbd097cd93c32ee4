package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// peakMethod is printed with the figures so they are read as what they are.
const peakMethod = "Largest page only; the other pages are dropped before measuring, so the live heap " +
	"the collector paces itself by is that page alone. GOMAXPROCS=2: the extractor runs on one goroutine " +
	"while a sampler goroutine reads two runtime/metrics values in a tight loop (no stop-the-world): " +
	"/memory/classes/heap/objects:bytes (heap in use: live plus not yet swept objects, as " +
	"MemStats.HeapAlloc) and /gc/heap/live:bytes (the heap marked live by the latest GC). Before each run " +
	"the harness forces two GCs and takes both values as the baseline; a peak is the highest sample " +
	"minus the baseline. 'Peak heap in use' is taken at GOGC=100, the default, and includes garbage " +
	"awaiting collection, which is what a process sees. 'Peak live heap' is taken at GOGC=2, where the " +
	"collector runs almost continuously, so the live figure of the last cycle tracks the largest live " +
	"set; a cycle the sampler misses can only make it read low. Each contender runs 5 times per setting " +
	"and the highest value is kept. 'Allocated' is the MemStats.TotalAlloc delta of one run."

// peakReps is how many runs each peak figure is the maximum of.
const peakReps = 5

const (
	heapMetric = "/memory/classes/heap/objects:bytes"
	liveMetric = "/gc/heap/live:bytes"
)

// peakResult is one contender's peak heap on the largest page.
type peakResult struct {
	Name        string  `json:"name"`
	Page        string  `json:"page"`
	PageBytes   int     `json:"page_bytes"`
	PeakGOGC100 uint64  `json:"peak_bytes_gogc100"`
	PeakLive    uint64  `json:"peak_live_bytes_gogc2"`
	Allocated   uint64  `json:"allocated_bytes"`
	PeakPerByte float64 `json:"peak_per_html_byte"` // PeakGOGC100 ÷ page size
}

type peakReport struct {
	Env     environment  `json:"env"`
	Method  string       `json:"method"`
	Results []peakResult `json:"results"`
}

// heapNow reads the heap in use and the live heap of the last GC.
func heapNow(s []metrics.Sample) (inUse, live uint64) {
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

func heapSamples() []metrics.Sample {
	return []metrics.Sample{{Name: heapMetric}, {Name: liveMetric}}
}

// measurePeak runs one call while sampling the heap. It returns the highest
// heap in use and the highest live heap seen, both above the baseline, and
// the bytes allocated.
func measurePeak(run func(contenders.Input) (string, error), in contenders.Input) (peakInUse, peakLive, alloc uint64) {
	s := heapSamples()
	runtime.GC()
	runtime.GC()
	baseInUse, baseLive := heapNow(s)
	var stop atomic.Bool
	var maxInUse, maxLive atomic.Uint64
	done := make(chan struct{})
	go func() {
		ss := heapSamples()
		var mu, ml uint64
		for !stop.Load() {
			u, l := heapNow(ss)
			mu, ml = max(mu, u), max(ml, l)
		}
		maxInUse.Store(mu)
		maxLive.Store(ml)
		close(done)
	}()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	call(run, in)
	// One last sample before anything else runs, for a call too short for
	// the sampler.
	lastInUse, lastLive := heapNow(s)
	runtime.ReadMemStats(&m1)
	stop.Store(true)
	<-done
	if u := max(maxInUse.Load(), lastInUse); u > baseInUse {
		peakInUse = u - baseInUse
	}
	if l := max(maxLive.Load(), lastLive); l > baseLive {
		peakLive = l - baseLive
	}
	return peakInUse, peakLive, m1.TotalAlloc - m0.TotalAlloc
}

// largest returns the biggest page.
func largest(pages []page) page {
	big := pages[0]
	for _, p := range pages {
		if len(p.HTML) > len(big.HTML) {
			big = p
		}
	}
	return big
}

// peakHeap measures the contenders on one page. The caller drops every
// other page first, so the live heap the collector paces itself by is only
// this page and the runtime's own.
func peakHeap(cs []contenders.Contender, big page) []peakResult {
	runtime.GOMAXPROCS(2)
	in := contenders.NewInput(big.HTML, big.URL)
	var out []peakResult
	for _, c := range cs {
		call(c.Run, in) // warm-up: lazy tables and regexps are not the page's cost
		r := peakResult{Name: c.Name, Page: big.ID, PageBytes: len(big.HTML)}
		for _, gogc := range []int{100, 2} {
			old := debug.SetGCPercent(gogc)
			for rep := 0; rep < peakReps; rep++ {
				inUse, live, a := measurePeak(c.Run, in)
				if gogc == 100 {
					r.PeakGOGC100 = max(r.PeakGOGC100, inUse)
					r.Allocated = max(r.Allocated, a)
				} else {
					r.PeakLive = max(r.PeakLive, live)
				}
			}
			debug.SetGCPercent(old)
		}
		r.PeakPerByte = float64(r.PeakGOGC100) / float64(len(big.HTML))
		out = append(out, r)
	}
	return out
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

func writePeak(w io.Writer, env environment, res []peakResult) {
	writeEnv(w, env)
	if len(res) > 0 {
		fmt.Fprintf(w, "largest page %s (%.2f MB)\n\n", res[0].Page, float64(res[0].PageBytes)/1e6)
	}
	fmt.Fprintln(w, "| contender | peak heap in use, GOGC=100 (MiB) | peak live heap, GOGC=2 (MiB) | allocated (MiB) | peak ÷ page size |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|")
	for _, r := range res {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %.1f× |\n", r.Name, mib(r.PeakGOGC100), mib(r.PeakLive), mib(r.Allocated), r.PeakPerByte)
	}
	fmt.Fprintf(w, "\nmethod: %s\n", peakMethod)
}

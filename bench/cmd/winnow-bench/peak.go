package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/bench/internal/corpus"
)

// peakMethod is printed with the figures so they are read as what they are.
const peakMethod = "Largest page only; the other pages are dropped before measuring, so the live heap " +
	"the collector paces itself by is that page alone. GOMAXPROCS=2: the extractor runs on one goroutine while a sampler " +
	"goroutine reads the runtime/metrics value /memory/classes/heap/objects:bytes (live plus not yet " +
	"swept objects, the same as MemStats.HeapAlloc, read without stopping the world) in a tight loop. " +
	"Before each run the harness forces two GCs and takes that value as the baseline; peak = highest " +
	"sample − baseline. Each contender runs 3 times per GC setting and the highest peak is kept. " +
	"At GOGC=100 (the default) the peak includes garbage awaiting collection, which is what a " +
	"process sees; at GOGC=2 the collector runs almost continuously, so the peak approaches the " +
	"largest live set. 'allocated' is the MemStats.TotalAlloc delta of one run."

const heapMetric = "/memory/classes/heap/objects:bytes"

// peakResult is one contender's peak heap on the largest page.
type peakResult struct {
	Name        string  `json:"name"`
	Page        string  `json:"page"`
	PageBytes   int     `json:"page_bytes"`
	PeakGOGC100 uint64  `json:"peak_bytes_gogc100"`
	PeakGOGC2   uint64  `json:"peak_bytes_gogc2"`
	Allocated   uint64  `json:"allocated_bytes"`
	PeakPerByte float64 `json:"peak_per_html_byte"` // PeakGOGC100 ÷ page size
}

type peakReport struct {
	Env     environment  `json:"env"`
	Method  string       `json:"method"`
	Results []peakResult `json:"results"`
}

func heapNow(s []metrics.Sample) uint64 {
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// measurePeak runs one call while sampling the heap, and returns the peak
// above the baseline and the bytes allocated.
func measurePeak(run func(contenders.Input) (string, error), in contenders.Input) (peak, alloc uint64) {
	s := []metrics.Sample{{Name: heapMetric}}
	runtime.GC()
	runtime.GC()
	base := heapNow(s)
	var stop atomic.Bool
	var max atomic.Uint64
	done := make(chan struct{})
	go func() {
		ss := []metrics.Sample{{Name: heapMetric}}
		m := uint64(0)
		for !stop.Load() {
			if v := heapNow(ss); v > m {
				m = v
			}
		}
		max.Store(m)
		close(done)
	}()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	call(run, in)
	runtime.ReadMemStats(&m1)
	// One last sample after the call, for a call too short for the sampler.
	last := heapNow(s)
	stop.Store(true)
	<-done
	p := max.Load()
	if last > p {
		p = last
	}
	if p > base {
		peak = p - base
	}
	return peak, m1.TotalAlloc - m0.TotalAlloc
}

// largest returns the biggest page.
func largest(pages []corpus.Page) corpus.Page {
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
func peakHeap(cs []contenders.Contender, big corpus.Page) []peakResult {
	runtime.GOMAXPROCS(2)
	in := contenders.NewInput(big.HTML, big.URL)
	var out []peakResult
	for _, c := range cs {
		call(c.Run, in) // warm-up: lazy tables and regexps are not the page's cost
		r := peakResult{Name: c.Name, Page: big.ID, PageBytes: len(big.HTML)}
		for _, gogc := range []int{100, 2} {
			old := debug.SetGCPercent(gogc)
			for rep := 0; rep < 3; rep++ {
				p, a := measurePeak(c.Run, in)
				if gogc == 100 {
					r.PeakGOGC100 = max(r.PeakGOGC100, p)
					r.Allocated = max(r.Allocated, a)
				} else {
					r.PeakGOGC2 = max(r.PeakGOGC2, p)
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
	fmt.Fprintln(w, "| contender | peak heap, GOGC=100 (MiB) | peak heap, GOGC=2 (MiB) | allocated (MiB) | peak ÷ page size |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|")
	for _, r := range res {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %.1f× |\n", r.Name, mib(r.PeakGOGC100), mib(r.PeakGOGC2), mib(r.Allocated), r.PeakPerByte)
	}
	fmt.Fprintf(w, "\nmethod: %s\n", peakMethod)
}

package main

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// runner times one contender over the pages in the process it runs in.
// The child processes of -isolate and the one-process mode both time
// through it, so every contender is measured the same way.
type runner struct {
	c       contenders.Contender
	ins     []contenders.Input
	workers int // goroutines taking pages from one counter; 1 runs them in order
}

// pass runs the contender over every page once. out, when not nil,
// receives each page's outcome; the timed rounds pass nil, so that no
// contender's output is held in the heap it is timed in.
func (r *runner) pass(out []outcome) {
	if r.workers <= 1 {
		for j, in := range r.ins {
			o := call(r.c.Run, in)
			if out != nil {
				out[j] = o
			}
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range r.workers {
		wg.Go(func() {
			for {
				j := int(next.Add(1)) - 1
				if j >= len(r.ins) {
					return
				}
				o := call(r.c.Run, r.ins[j])
				if out != nil {
					out[j] = o
				}
			}
		})
	}
	wg.Wait()
}

// warm runs the untimed warm-up passes (at least one) and returns the
// first pass's outcomes, for the error counts and the score: lazy tables,
// compiled patterns and the heap's size reach their steady state before
// any round is timed.
func (r *runner) warm(passes int) []outcome {
	out := make([]outcome, len(r.ins))
	r.pass(out)
	for p := 1; p < passes; p++ {
		r.pass(nil)
	}
	return out
}

// roundStat is what one timed pass over every page measured, in the
// process that ran it.
type roundStat struct {
	Wall    float64 `json:"wall_s"`
	CPU     float64 `json:"cpu_s"` // process user+system time
	Mallocs uint64  `json:"mallocs"`
	Bytes   uint64  `json:"alloc_bytes"`
	GCs     uint32  `json:"gc_cycles"`
	// GCCPU is the runtime's estimate of the CPU time its collector
	// spent (runtime/metrics /cpu/classes/gc/total:cpu-seconds), and
	// AllCPU its estimate of all (/cpu/classes/total:cpu-seconds): both
	// are wall-clock spans times GOMAXPROCS, so their ratio holds on a
	// loaded machine where each alone does not.
	GCCPU       float64 `json:"gc_cpu_s"`
	AllCPU      float64 `json:"all_cpu_s"`
	MinorFaults int64   `json:"minor_faults"`
	// PeakRSS is the process's peak resident set during the pass, in
	// bytes (Linux; 0 elsewhere), the harness's pages included.
	PeakRSS int64 `json:"peak_rss"`
}

func cpuClasses() []metrics.Sample {
	return []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
}

// round times one pass. Before it the harness collects and reads the
// runtime's counters, outside the timed span; the pages were decoded
// and their URLs parsed before any round.
func (r *runner) round() roundStat {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	gc0 := cpuClasses()
	metrics.Read(gc0)
	rss := resetPeakRSS()
	c0, f0 := usage()
	t0 := time.Now()
	r.pass(nil)
	d := time.Since(t0)
	c1, f1 := usage()
	var st roundStat
	if rss {
		st.PeakRSS = peakRSS()
	}
	runtime.ReadMemStats(&m1)
	gc1 := cpuClasses()
	metrics.Read(gc1)
	st.Wall, st.CPU = d.Seconds(), (c1 - c0).Seconds()
	st.Mallocs, st.Bytes = m1.Mallocs-m0.Mallocs, m1.TotalAlloc-m0.TotalAlloc
	st.GCs = m1.NumGC - m0.NumGC
	st.GCCPU = gc1[0].Value.Float64() - gc0[0].Value.Float64()
	st.AllCPU = gc1[1].Value.Float64() - gc0[1].Value.Float64()
	st.MinorFaults = f1 - f0
	return st
}

package main

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/dataset"
)

// TestSetup checks the untimed part of a job: errors and panics counted
// and the text scored from the first warm-up pass.
func TestSetup(t *testing.T) {
	pages := []page{
		{Page: dataset.Page{ID: "a", Truth: "one two three four five"}, HTML: []byte("one two three four five")},
		{Page: dataset.Page{ID: "b", Truth: "six seven eight nine"}, HTML: []byte("boom")},
		{Page: dataset.Page{ID: "c", Truth: "ten eleven twelve thirteen"}, HTML: []byte("bad")},
	}
	calls := 0
	echo := func(in contenders.Input) (string, error) {
		calls++
		switch s := string(in.HTML); s {
		case "boom":
			panic("boom")
		case "bad":
			return "", errors.New("bad page")
		default:
			return s, nil
		}
	}
	_, w := setup(contenders.Contender{Name: "winnow", HasText: true, Run: echo}, pages, 1, 2, true)
	_, f := setup(contenders.Contender{Name: "floor", Run: func(contenders.Input) (string, error) { return "", nil }}, pages, 1, 1, true)
	tests := []struct {
		name      string
		got, want any
	}{
		{"warm-up passes", calls, 2 * len(pages)},
		{"winnow panics", w.Panics, 1},
		{"winnow errors", w.Errors, 1},
		{"floor panics", f.Panics, 0},
		{"floor has no score", f.Score == nil, true},
		{"pages scored", w.Score.Pages, 3},
		// page a is perfect, b and c predicted nothing: recall (1+0+0)/3.
		{"recall", w.Score.Recall, 1.0 / 3},
		{"precision", w.Score.Precision, 1.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

// TestRunnerWorkers checks that a pass with several workers runs every
// page once and gives each page its own outcome.
func TestRunnerWorkers(t *testing.T) {
	var pages []page
	for _, s := range strings.Fields("a b c d e f g h i j k") {
		pages = append(pages, page{Page: dataset.Page{ID: s}, HTML: []byte(s)})
	}
	echo := func(in contenders.Input) (string, error) { return string(in.HTML), nil }
	for _, workers := range []int{1, 2, 3} {
		r := &runner{c: contenders.Contender{Run: echo}, ins: inputsOf(pages), workers: workers}
		out := make([]outcome, len(pages))
		r.pass(out)
		for j, o := range out {
			if o.text != string(pages[j].HTML) {
				t.Errorf("%d workers: page %d gave %q", workers, j, o.text)
			}
		}
		if st := r.round(); st.Wall <= 0 || st.Mallocs == 0 && st.Bytes != 0 {
			t.Errorf("%d workers: round = %+v", workers, st)
		}
	}
}

// TestResults checks the rows made of the rounds: ratios to winnow at the
// same setting round by round, the speed-up of more workers, the spread,
// and the peak RSS less the pages.
func TestResults(t *testing.T) {
	jobs := []job{
		{contender: "winnow", gc: "100", workers: 1, procs: 1},
		{contender: "other", gc: "100", workers: 1, procs: 1},
		{contender: "winnow", gc: "cli", workers: 1, procs: 1},
		{contender: "winnow", gc: "cli", workers: 2, procs: 2},
	}
	st := func(walls ...float64) []roundStat {
		var out []roundStat
		for _, w := range walls {
			out = append(out, roundStat{Wall: w, CPU: w, Mallocs: 10, Bytes: 1000, GCs: 3, GCCPU: w / 10, AllCPU: w, PeakRSS: 30e6})
		}
		return out
	}
	stats := [][]roundStat{
		st(1, 2, 1),       // winnow: the middle round ran on a loaded machine
		st(3, 6, 3.3),     // other: 3×, 3×, 3.3×
		st(0.8, 0.8, 0.8), // winnow at the command's setting
		st(0.4, 0.5, 0.5), // with 2 workers: 2×, 1.6×, 1.6×
	}
	hellos := make([]hello, len(jobs))
	for i := range hellos {
		hellos[i] = hello{PagesMapped: 10e6, StartHeapMB: 1}
	}
	res := results(jobs, hellos, stats, 10, 1e6, true)
	o, w2 := res[1], res[3]
	tests := []struct {
		name      string
		got, want any
	}{
		{"name with its setting", o.Name, "other (GOGC=100)"},
		{"× winnow, median of rounds", o.VsWinnow, 3.0},
		{"× winnow range", o.VsWinnowRange, [2]float64{3, 3.3}},
		{"× winnow CPU", o.CPUVsWinnow, 3.0},
		{"winnow vs itself", res[0].VsWinnow, 1.0},
		{"pages/s from the median round", o.PagesPerSec, 10 / 3.3},
		{"spread", res[0].Spread, 1.0},
		{"speed-up", w2.Speedup, 1.6},
		{"speed-up range", w2.SpeedupRange, [2]float64{1.6, 2}},
		{"CPU-bound ceiling: 2 × the 1-worker CPU ÷ the 2-worker CPU", w2.SpeedupCeiling, 3.2},
		{"ceiling range", w2.SpeedupCeilingRange, [2]float64{3.2, 4}},
		{"no speed-up for one worker", res[2].Speedup, 0.0},
		{"2 workers against winnow with 2", w2.VsWinnow, 1.0},
		{"allocs/page", o.AllocsPerPage, 1.0},
		{"GC share", math.Round(o.GCShare*1000) / 1000, 0.1},
		{"peak RSS less the pages", o.PeakRSSMB, 20.0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if res := results(jobs, hellos, stats, 10, 1e6, false); res[1].PeakRSSMB != 0 {
		t.Errorf("one process: peak RSS %v is not a job's own", res[1].PeakRSSMB)
	}
}

func TestWriteCompare(t *testing.T) {
	var b strings.Builder
	writeCompare(&b, environment{CPU: "x", Pages: 1, Isolated: true, Warmup: 1}, 1, []compareResult{{Name: "winnow", VsWinnow: 1, RoundSeconds: []float64{0.5}}})
	for _, want := range []string{"| winnow |", "spread", "links that contender alone", "outside the Go heap"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestMedianSpreadRatios(t *testing.T) {
	tests := []struct {
		in           []float64
		med, spreads float64
	}{
		{[]float64{3}, 3, 0},
		{[]float64{5, 1, 3}, 3, 4.0 / 3},
		{[]float64{4, 1, 3, 2}, 2.5, 3 / 2.5},
	}
	for _, tc := range tests {
		if got := median(tc.in); got != tc.med {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.med)
		}
		if got := spread(tc.in); got != tc.spreads {
			t.Errorf("spread(%v) = %v, want %v", tc.in, got, tc.spreads)
		}
	}
	if m, r := ratios([]float64{2, 6, 3}, []float64{1, 2, 0}); m != 2.5 || r != [2]float64{2, 3} {
		t.Errorf("ratios = %v %v; a zero round is skipped", m, r)
	}
	if m, _ := ratios(nil, nil); m != 0 {
		t.Errorf("ratios of nothing = %v", m)
	}
}

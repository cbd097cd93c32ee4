package winnow_test

// Memory per input byte, on generated pages of the shapes that cost the
// most: how much the pipeline allocates and how high the heap and the
// process's resident memory peak while it reads one page.
//
//	go test -run '^$' -bench Memory -benchtime 1x .
//
// reports, per shape, alloc/B (bytes allocated per input byte),
// peak-heap/B (the highest heap sampled during the call, per input byte)
// and peak-rss/B (the process's peak resident memory while the call ran,
// above what it held before, plus the page itself, per input byte; 0 where
// /proc/self/clear_refs cannot reset the peak), with the element budget
// off (Options.MaxElements -1). WINNOW_MEM_MB sets the page size (default
// 10). The "tree" benchmark is x/net/html's parser alone, for
// comparison with winnow's flat tree.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow"
)

// memShape builds a page of about size bytes.
type memShape struct {
	name string
	page func(size int) []byte
}

func repeatTo(head, unit func(i int) string, tail string, size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 4096)
	b.WriteString("<!doctype html><html><head><title>A page of some size</title></head><body>")
	b.WriteString(head(0))
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	b.WriteString(tail)
	b.WriteString("</body></html>")
	return b.Bytes()
}

const memSentence = "The council voted on Tuesday to close two branch libraries next spring, after a debate that ran past midnight. "

var memShapes = []memShape{
	{"long article", func(size int) []byte {
		return repeatTo(func(int) string { return "<article><h1>Libraries</h1>" }, func(i int) string {
			if i%10 == 9 {
				return fmt.Sprintf("<h2>Part %d</h2>", i/10)
			}
			return "<p>" + strings.Repeat(memSentence, 5) + "</p>\n"
		}, "</article>", size)
	}},
	{"tiny paragraphs", func(size int) []byte {
		return repeatTo(func(int) string { return "" }, func(int) string { return "<p>w</p>" }, "", size)
	}},
	{"big table", func(size int) []byte {
		return repeatTo(func(int) string { return "<table><tr><th>Name</th><th>Town</th><th>Year</th><th>Count</th></tr>" }, func(i int) string {
			return fmt.Sprintf("<tr><td>Branch %d</td><td>Springfield</td><td>%d</td><td>%d</td></tr>\n", i, 1900+i%120, i*7)
		}, "</table>", size)
	}},
	{"deep lists", func(size int) []byte {
		return repeatTo(func(int) string { return "<article>" }, func(int) string {
			return strings.Repeat("<ul><li>An item of the list with a few words ", 8) + strings.Repeat("</li></ul>", 8) + "\n"
		}, "</article>", size)
	}},
	{"one text node", func(size int) []byte {
		return repeatTo(func(int) string { return "<article><p>" }, func(int) string { return memSentence }, "</p></article>", size)
	}},
	{"many attributes", func(size int) []byte {
		return repeatTo(func(int) string { return "<article>" }, func(i int) string {
			var b strings.Builder
			b.WriteString("<div")
			for k := 0; k < 12; k++ {
				fmt.Fprintf(&b, ` data-attr-%d="value %d of item %d"`, k, k, i)
			}
			b.WriteString(` class="item card">A short item of text</div>` + "\n")
			return b.String()
		}, "</article>", size)
	}},
	{"many links", func(size int) []byte {
		return repeatTo(func(int) string { return "<article>" }, func(i int) string {
			var b strings.Builder
			b.WriteString("<p>")
			for k := 0; k < 8; k++ {
				fmt.Fprintf(&b, `Some words <a href="https://example.com/section/story-%d-%d">a linked phrase</a> and more. `, i, k)
			}
			b.WriteString("</p>\n")
			return b.String()
		}, "</article>", size)
	}},
}

func memPageSize() int {
	if mb, err := strconv.Atoi(os.Getenv("WINNOW_MEM_MB")); err == nil && mb > 0 {
		return mb << 20
	}
	return 10 << 20
}

// memUse is what one call cost, per input byte.
type memUse struct {
	alloc, peakHeap, peakRSS float64
}

// measure runs f once and reports its allocations and the peaks of the
// heap and of the resident memory while it ran, per byte of in.
func measure(in int, f func()) memUse {
	runtime.GC()
	debug.FreeOSMemory()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	rssBefore := procStatus("VmRSS")
	resetPeak := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil

	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	u := memUse{
		alloc:    float64(after.TotalAlloc-before.TotalAlloc) / float64(in),
		peakHeap: float64(max(peak, base)-base) / float64(in),
	}
	if hwm := procStatus("VmHWM"); resetPeak && hwm > 0 {
		u.peakRSS = float64(max(hwm-rssBefore, 0)+int64(in)) / float64(in)
	}
	return u
}

// procStatus reads a memory figure of /proc/self/status, in bytes; 0 when
// there is none.
func procStatus(key string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

func (u memUse) report(b *testing.B) {
	b.ReportMetric(u.alloc, "alloc/B")
	b.ReportMetric(u.peakHeap, "peak-heap/B")
	b.ReportMetric(u.peakRSS, "peak-rss/B")
}

// BenchmarkMemory extracts one generated page of each shape per op and
// reports its memory per input byte (the last op's figures).
func BenchmarkMemory(b *testing.B) {
	size := memPageSize()
	for _, s := range memShapes {
		page := s.page(size)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			var u memUse
			for b.Loop() {
				u = measure(len(page), func() {
					// The element budget off: the figures are what each
					// shape costs to read, not where the budget ends it.
					a, err := winnow.Extract(page, winnow.Options{MaxElements: -1})
					if err != nil {
						b.Logf("%s: %v", s.name, err)
					}
					sink = a
				})
				sink = nil
			}
			u.report(b)
		})
		b.Run(s.name+"/tree", func(b *testing.B) {
			var u memUse
			for b.Loop() {
				u = measure(len(page), func() {
					doc, _ := html.ParseWithOptions(bytes.NewReader(page), html.ParseOptionEnableScripting(false))
					sink = doc
				})
				sink = nil
			}
			u.report(b)
		})
	}
}

// TestMemoryBound: the pipeline allocates a bounded multiple of its input
// on every page shape. The bound is generous (the figures are in
// BenchmarkMemory): it catches a stage that copies every block again, as
// the content stage did (415 bytes per input byte on tiny paragraphs, 161
// on a big table).
func TestMemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and reads pages of 1 MB")
	}
	const bound = 120
	for _, s := range memShapes {
		page := s.page(1 << 20)
		u := measure(len(page), func() {
			a, err := winnow.Extract(page, winnow.Options{MaxElements: -1})
			if err != nil && !errors.Is(err, winnow.ErrNoArticle) {
				t.Fatalf("%s: %v", s.name, err)
			}
			sink = a
		})
		sink = nil
		t.Logf("%-16s alloc %.1f B/B, peak heap %.1f B/B", s.name, u.alloc, u.peakHeap)
		if u.alloc > bound {
			t.Errorf("%s: %.0f bytes allocated per input byte, want at most %d", s.name, u.alloc, bound)
		}
	}
}

// TestTooComplex: a page holding more elements than the budget is
// refused before it is parsed, with ErrTooComplex, instead of costing
// hundreds of bytes of memory per byte of input; a page under it, or
// with the budget turned off, extracts.
func TestTooComplex(t *testing.T) {
	tiny := func(n int) []byte {
		return []byte("<html><body><article>" + prose + strings.Repeat("<p>w</p>", n) + "</article></body></html>")
	}
	tests := []struct {
		name    string
		page    []byte
		max     int
		wantErr bool
	}{
		{"default budget, a million tiny paragraphs", tiny(1_000_000), 0, true},
		{"default budget, a page of a few elements", tiny(10), 0, false},
		{"a budget of 1000, 2000 paragraphs", tiny(2000), 1000, true},
		{"a budget of 1000, 900 paragraphs", tiny(900), 1000, false},
		{"no budget", tiny(2000), -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := winnow.Extract(tt.page, winnow.Options{MaxElements: tt.max})
			if got := errors.Is(err, winnow.ErrTooComplex); got != tt.wantErr {
				t.Errorf("Extract error %v, want ErrTooComplex %v", err, tt.wantErr)
			}
			_, err = winnow.Flatten(tt.page, winnow.Options{MaxElements: tt.max})
			if got := errors.Is(err, winnow.ErrTooComplex); got != tt.wantErr {
				t.Errorf("Flatten error %v, want ErrTooComplex %v", err, tt.wantErr)
			}
		})
	}
}

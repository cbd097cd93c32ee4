package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/eval"
)

// How a contender is timed. Each row of a report is a job: one contender
// at one GC setting with a number of workers. With -isolate (the default)
// each job runs in a process of its own, started once and kept for the
// whole run: this command built with the contender alone linked in
// (childbin.go; -link-all uses this binary, which links every contender),
// run with -child naming the contender. The child loads the pages,
// runs its warm-up passes, reports a hello line on stdout, and then times
// one round for every line the parent writes to its stdin, reporting each
// on a line of JSON. The parent starts the jobs one after the other (no
// set-up overlaps another's) and then runs the rounds interleaved, one
// job at a time, the order rotated from round to round, so drift in the
// machine's load hits every job alike and each round's ratios compare
// runs taken minutes apart at most. Without -isolate the same jobs run in
// this process, with the same runner, warm-up and rounds.
//
// In both modes the pages are gunzipped into memory mapped outside the Go
// heap before anything is timed, and the ground truth and the warm-up's
// texts are dropped once scored: the live heap a contender's collector
// paces itself by holds the contender's own data, not the harness's.

// job is one row of a report.
type job struct {
	contender string
	gc        string // GC setting (gcsetting.go)
	workers   int    // goroutines taking pages from one counter
	procs     int    // GOMAXPROCS
}

// hello is what a job's process reports once it is ready to be timed.
type hello struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// GC is the collector's setting as the runtime has it.
	GC string `json:"gc"`
	// StartHeapMB is the live heap after the warm-up, the truth and the
	// texts dropped: the contender's start-up data and the harness's few
	// bytes a page.
	StartHeapMB float64 `json:"start_heap_mb"`
	// PagesMapped is the page memory outside the Go heap (bytes), which
	// the resident set counts.
	PagesMapped int64         `json:"pages_mapped"`
	Errors      int           `json:"errors"` // pages that returned an error, first warm-up pass
	Panics      int           `json:"panics"` // pages that panicked, first warm-up pass
	Score       *scoreSummary `json:"score,omitempty"`
}

// contestant is a job ready to be timed, in this process or another.
type contestant interface {
	hello() hello
	round() (roundStat, error)
	close() error
}

// measure starts every job with start, one after the other, times rounds
// rounds of them interleaved in rotated order, closes them, and returns
// each job's hello and rounds.
func measure(jobs []job, rounds int, start func(job) (contestant, error)) ([]hello, [][]roundStat, error) {
	cs := make([]contestant, 0, len(jobs))
	defer func() {
		for _, c := range cs {
			c.close()
		}
	}()
	hellos := make([]hello, len(jobs))
	for i, j := range jobs {
		c, err := start(j)
		if err != nil {
			return nil, nil, fmt.Errorf("%s at %s: %w", j.contender, gcLabel(j.gc), err)
		}
		cs = append(cs, c)
		hellos[i] = c.hello()
	}
	stats := make([][]roundStat, len(jobs))
	for r := 0; r < rounds; r++ {
		for k := range jobs {
			i := (k + r) % len(jobs)
			st, err := cs[i].round()
			if err != nil {
				return nil, nil, fmt.Errorf("%s at %s, round %d: %w", jobs[i].contender, gcLabel(jobs[i].gc), r+1, err)
			}
			stats[i] = append(stats[i], st)
		}
	}
	for _, c := range cs {
		if err := c.close(); err != nil {
			return nil, nil, err
		}
	}
	cs = nil
	return hellos, stats, nil
}

// setup is the untimed part of a job, the same in a child and in this
// process: the warm-up passes, the error counts and the score of the
// first.
func setup(c contenders.Contender, pages []page, workers, warmup int, withScore bool) (*runner, hello) {
	// The garbage of loading goes back to the system before the warm-up,
	// so the heap the rounds run in is the size the contender grows it to.
	debug.FreeOSMemory()
	r := &runner{c: c, ins: inputsOf(pages), workers: max(workers, 1)}
	outs := r.warm(warmup)
	h := hello{Name: c.Name, Version: contenders.Version(c.Module)}
	for j, o := range outs {
		switch {
		case o.panicked != nil:
			h.Panics++
			fmt.Fprintf(os.Stderr, "%s: panic on %s: %v\n", c.Name, pages[j].ID, o.panicked)
		case o.err != nil:
			h.Errors++
		}
	}
	if withScore && c.HasText {
		scores := make([]eval.Score, len(pages))
		for j, p := range pages {
			scores[j].Counts = eval.Match(p.Truth, outs[j].text)
		}
		m := eval.Aggregate(scores)
		h.Score = &scoreSummary{Precision: m.Precision, Recall: m.Recall, F1: m.F1, Pages: len(scores)}
	}
	return r, h
}

// dropTruth forgets what only scoring needed, so the timed heap does not
// hold it.
func dropTruth(pages []page) {
	for i := range pages {
		pages[i].Truth, pages[i].With, pages[i].Without = "", nil, nil
	}
}

// liveHeapMB collects and returns the live heap in MB. It keeps the freed
// memory: returned to the system here, the first timed pass would fault
// it back in (setup returns the loading's garbage before the warm-up).
func liveHeapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / 1e6
}

// inProc is a job timed in this process.
type inProc struct {
	j job
	r *runner
	h hello
}

func (p *inProc) hello() hello { return p.h }
func (p *inProc) close() error { return nil }
func (p *inProc) round() (roundStat, error) {
	runtime.GOMAXPROCS(p.j.procs)
	applyGC(p.j.gc)
	return p.r.round(), nil
}

// startInProc sets the jobs up in this process, all before any is
// timed, and returns a start function for measure.
func startInProc(jobs []job, pages []page, warmup int, withScore bool, mapped int64) func(job) (contestant, error) {
	ready := make(map[job]*inProc, len(jobs))
	for _, j := range jobs {
		c, err := contenderNamed(j.contender)
		if err != nil {
			continue // start reports it
		}
		runtime.GOMAXPROCS(j.procs)
		applyGC(j.gc)
		r, h := setup(c, pages, j.workers, warmup, withScore)
		h.GC, h.PagesMapped = currentGC(), mapped
		ready[j] = &inProc{j: j, r: r, h: h}
	}
	dropTruth(pages)
	heap := liveHeapMB()
	return func(j job) (contestant, error) {
		p, ok := ready[j]
		if !ok {
			return nil, fmt.Errorf("no contender is named %q", j.contender)
		}
		p.h.StartHeapMB = heap
		return p, nil
	}
}

// contenderNamed is the contender with exactly this name.
func contenderNamed(name string) (contenders.Contender, error) {
	for _, c := range contenders.All() {
		if c.Name == name {
			return c, nil
		}
	}
	return contenders.Contender{}, fmt.Errorf("no contender is named %q", name)
}

// childArgs are the flags that make a child run one job over the same
// pages as the parent.
func childArgs(cfg config, j job) []string {
	args := []string{"-child", j.contender, "-workers", strconv.Itoa(j.workers), "-procs", strconv.Itoa(j.procs),
		"-warmup", strconv.Itoa(cfg.warmup), "-pages", cfg.pagesDir, "-f1=" + strconv.FormatBool(cfg.f1)}
	if cfg.truthPath != "" {
		args = append(args, "-truth", cfg.truthPath)
	}
	if cfg.heapPages {
		args = append(args, "-heap-pages")
	}
	return args
}

// childProc is a job timed in a process of its own.
type childProc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
	h     hello
	done  bool
}

// startChild starts the binary exe with args and env and reads its
// hello; a variable so that tests can stand in for the process.
var startChild = func(exe string, args, env []string) (contestant, error) {
	cmd := exec.Command(exe, args...)
	cmd.Env = env
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &childProc{cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout)}
	if err := p.read(&p.h); err != nil {
		p.close()
		return nil, fmt.Errorf("%s %s: %w", exe, strings.Join(args, " "), err)
	}
	return p, nil
}

func (p *childProc) read(v any) error {
	line, err := p.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("child: %w", err)
	}
	return json.Unmarshal(line, v)
}

func (p *childProc) hello() hello { return p.h }

func (p *childProc) round() (roundStat, error) {
	var st roundStat
	if _, err := io.WriteString(p.stdin, "round\n"); err != nil {
		return st, err
	}
	return st, p.read(&st)
}

func (p *childProc) close() error {
	if p.done {
		return nil
	}
	p.done = true
	p.stdin.Close()
	return p.cmd.Wait()
}

// runChildMode is -child: the one job, its hello and then one round per
// line of stdin, each as a line of JSON on w, until stdin ends.
func runChildMode(cfg config, pages []page, mapped int64, stdin io.Reader, w io.Writer) error {
	c, err := contenderNamed(cfg.child)
	if err != nil {
		return fmt.Errorf("-child: %w", err)
	}
	runtime.GOMAXPROCS(cfg.procs)
	r, h := setup(c, pages, cfg.workers, cfg.warmup, cfg.f1 && cfg.truthPath != "")
	dropTruth(pages)
	h.StartHeapMB, h.GC, h.PagesMapped = liveHeapMB(), currentGC(), mapped
	enc := json.NewEncoder(w)
	if err := enc.Encode(h); err != nil {
		return err
	}
	sc := bufio.NewScanner(stdin)
	for sc.Scan() {
		if err := enc.Encode(r.round()); err != nil {
			return err
		}
	}
	return sc.Err()
}

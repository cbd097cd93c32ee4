// Command winnow-bench times winnow against other Go article extractors and
// two parsing floors over the same pages.
//
// The pages, a labelled set in the article-extraction-benchmark shape (by
// default the AEB set in shared/datasets/aeb, found by walking up from the
// working directory or named by $WINNOW_AEB_DIR), are loaded with the
// loader winnow eval uses (internal/dataset) and gunzipped up front, into
// memory mapped outside the Go heap (-heap-pages keeps them in the heap),
// so the harness's data weighs on no contender's collector.
//
// Each row of the report is a job: one contender at one GC setting
// (-gogc: Go's default 100, and "cli", the winnow command's GOGC=400 with
// its memory limit) with one number of workers. By default (-isolate)
// each job runs in a process of its own, this binary again with -child
// naming it, started once for the whole run; every job is set up (pages
// loaded, -warmup untimed passes over all pages, the first one scored)
// before any is timed. Each round then times one pass over all pages per
// job, one job at a time, the order rotated from round to round, so that
// drift (heat, other load) hits all alike; ratios to winnow are taken
// round by round. Around each pass the harness forces a GC and reads
// runtime.MemStats, runtime/metrics, getrusage and the kernel's peak
// resident set: allocations per page, GC cycles and the collector's CPU,
// minor page faults, and peak RSS. The report prints the spread of the
// rounds beside each median. Comparison jobs run with GOMAXPROCS=1
// unless -procs says otherwise. -isolate=false runs the same jobs in this
// process, as -cpuprofile and -memprofile do.
//
// Usage:
//
//	go run ./cmd/winnow-bench [-rounds 5] [-pages DIR] [-only winnow,trafilatura] [-gogc 100,cli] [-json]
//	go run ./cmd/winnow-bench -workers 2   # winnow alone, 1 worker vs 2
//	go run ./cmd/winnow-bench -peak        # peak heap on the largest page
//	go run ./cmd/winnow-bench -only winnow -cpuprofile cpu.prof -memprofile mem.prof
//
// With a ground truth (ground-truth.json in or beside the pages folder, or
// -truth), each contender's text is also scored with winnow eval's metric
// (internal/eval: F1, precision, recall); -f1=false skips it. Without one,
// every <id>.html[.gz] in the folder is timed and nothing is scored.
// -set NAME|DIR names the pages as winnow eval --set does (a set under
// shared/datasets, or a folder holding ground-truth.json).
//
// Quality mode scores every contender that gives text on one or more sets,
// in one pass each with all CPUs, with every metric of winnow eval
// (internal/eval: shingle P/R/F1, word-F1, With%/Without%, non-ok pages,
// false refusals, and a row per page type where the truth has types):
//
//	go run ./cmd/winnow-bench -quality -set aeb -set wcxb-dev
//	go run ./cmd/winnow-bench -quality -set wcxb-dev -only winnow,trafil
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/dataset"
)

type config struct {
	pagesDir  string
	truthPath string
	rounds    int
	only      string
	jsonOut   bool
	f1        bool
	procs     int
	workers   int
	peak      bool
	warmup    int
	cpuProf   string
	memProf   string
	quality   bool
	sets      []string
	datasets  string
	procsSet  bool // -procs was given
	isolate   bool
	gogc      string
	heapPages bool
	linkAll   bool
	child     string // -child: time this one contender, print JSON
}

func main() {
	var cfg config
	flag.StringVar(&cfg.pagesDir, "pages", "", "folder of <id>.html/.html.gz pages (default: shared/datasets/aeb/html above the working directory, or $WINNOW_AEB_DIR/html)")
	flag.StringVar(&cfg.truthPath, "truth", "", "ground-truth.json (default: the one in or beside -pages, if any)")
	flag.IntVar(&cfg.rounds, "rounds", 5, "rounds; each runs every contender over all pages")
	flag.StringVar(&cfg.only, "only", "", "comma-separated contenders to run (name substrings); default all")
	flag.BoolVar(&cfg.jsonOut, "json", false, "print the results as JSON")
	flag.BoolVar(&cfg.f1, "f1", true, "score texts against the ground truth when there is one")
	flag.IntVar(&cfg.procs, "procs", 1, "GOMAXPROCS for the comparison")
	flag.IntVar(&cfg.workers, "workers", 0, "scaling mode: winnow alone with 1 worker vs N workers (GOMAXPROCS=workers), at each -gogc setting")
	flag.BoolVar(&cfg.peak, "peak", false, "peak-heap mode: winnow and go-trafilatura on the largest page")
	flag.IntVar(&cfg.warmup, "warmup", 1, "untimed passes over all pages each job runs before the first round (at least 1; the first is scored)")
	flag.StringVar(&cfg.cpuProf, "cpuprofile", "", "write a CPU profile of the run (set-up and warm-up included) to this file; runs the jobs in this process")
	flag.StringVar(&cfg.memProf, "memprofile", "", "write an allocation profile to this file at the end")
	flag.BoolVar(&cfg.quality, "quality", false, "quality mode: score every contender that gives text on each -set, every metric of winnow eval")
	flag.Func("set", "score the set `NAME` (under shared/datasets or -datasets) or the folder DIR; repeatable in -quality mode", func(s string) error {
		cfg.sets = append(cfg.sets, s)
		return nil
	})
	flag.StringVar(&cfg.datasets, "datasets", "", "`dir`ectory holding the named sets (default $WINNOW_DATASETS, else shared/datasets above the working directory)")
	flag.BoolVar(&cfg.isolate, "isolate", true, "run each job (contender, GC setting, workers) in a process of its own (-cpuprofile and -memprofile run in one process)")
	flag.StringVar(&cfg.gogc, "gogc", "100,cli", "the GC `settings` every contender runs at: GOGC values (100 is Go's default) and cli, the winnow command's (GOGC=400 and a memory limit of a quarter of the memory)")
	flag.BoolVar(&cfg.heapPages, "heap-pages", false, "hold the pages in the Go heap, where they pace each contender's collector (the harness before 2026-12; for comparison)")
	flag.BoolVar(&cfg.linkAll, "link-all", false, "-isolate children run this binary, which links every contender and so holds go-trafilatura's 27 MB of package data (for comparison)")
	flag.StringVar(&cfg.child, "child", "", "internal: set up the contender `NAME` alone, then time a round per line of stdin, printing JSON (what -isolate runs)")
	flag.Parse()
	flag.Visit(func(f *flag.Flag) {
		cfg.procsSet = cfg.procsSet || f.Name == "procs"
	})
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "winnow-bench:", err)
		os.Exit(2)
	}
}

func run(cfg config, w io.Writer) error {
	if cfg.rounds < 1 {
		return fmt.Errorf("-rounds must be at least 1")
	}
	if cfg.warmup < 1 {
		return fmt.Errorf("-warmup must be at least 1: the first pass is scored")
	}
	sets, err := findSets(cfg)
	if err != nil {
		return err
	}
	if cfg.quality {
		return runQuality(cfg, sets, w)
	}
	switch {
	case len(sets) > 1:
		return fmt.Errorf("several -set need -quality; the speed modes take one set")
	case len(sets) == 1:
		cfg.pagesDir, cfg.truthPath = sets[0].Pages, sets[0].Truth
	}
	if err := cfg.defaultPages(); err != nil {
		return err
	}
	// Peak mode keeps one page and drops the rest itself.
	pages, mapped, err := loadPagesTo(cfg.pagesDir, cfg.truthPath, !cfg.heapPages && !cfg.peak)
	if err != nil {
		return err
	}
	if cfg.child != "" {
		return runChildMode(cfg, pages, mapped, os.Stdin, w)
	}
	env := describeEnv(pages)
	env.HeapPages, env.Warmup = cfg.heapPages, cfg.warmup
	if cfg.cpuProf != "" {
		f, err := os.Create(cfg.cpuProf)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if cfg.memProf != "" {
		defer writeHeapProfile(cfg.memProf)
	}

	var report any
	switch {
	case cfg.peak:
		if cfg.only == "" {
			cfg.only = "winnow,go-trafilatura"
		}
		cs, err := contenders.Select(cfg.only)
		if err != nil {
			return err
		}
		env.GOMAXPROCS = 2 // the sampler runs beside the extractor
		big := largest(pages)
		pages = nil
		res := peakHeap(cs, big)
		report = peakReport{Env: env, Method: peakMethod, Results: res}
		if !cfg.jsonOut {
			writePeak(w, env, res)
		}
	default:
		settings, err := parseGC(cfg.gogc)
		if err != nil {
			return err
		}
		var jobs []job
		if cfg.workers > 0 {
			jobs = scalingJobs(cfg.workers, settings)
			env.GOMAXPROCS = cfg.workers
		} else {
			cs, err := contenders.Select(cfg.only)
			if err != nil {
				return err
			}
			for _, g := range settings {
				for _, c := range cs {
					jobs = append(jobs, job{contender: c.Name, gc: g, workers: 1, procs: cfg.procs})
				}
			}
			env.GOMAXPROCS = cfg.procs
		}
		withScore := cfg.f1 && cfg.truthPath != ""
		env.Isolated = cfg.isolate && cfg.cpuProf == "" && cfg.memProf == ""
		var start func(job) (contestant, error)
		if env.Isolated {
			bins, cleanup, err := childBinariesFor(cfg, jobs)
			if err != nil {
				return err
			}
			defer cleanup()
			env.LinkAll = bins == nil
			start = func(j job) (contestant, error) {
				exe, ok := bins[j.contender]
				if !ok {
					var err error
					if exe, err = os.Executable(); err != nil {
						return nil, err
					}
				}
				return startChild(exe, childArgs(cfg, j), childEnv(os.Environ(), j.gc))
			}
		} else {
			start = startInProc(jobs, pages, cfg.warmup, withScore, mapped)
		}
		n, htmlBytes := len(pages), float64(totalBytes(pages))
		if env.Isolated {
			pages = nil // the children load their own
		}
		hellos, stats, err := measure(jobs, cfg.rounds, start)
		if err != nil {
			return err
		}
		env.LoadAvgEnd = loadAvg()
		res := results(jobs, hellos, stats, n, htmlBytes, env.Isolated)
		if cfg.workers > 0 {
			for i := range res {
				res[i].Name = fmt.Sprintf("%s, %d worker(s), %s", res[i].Contender, res[i].Workers, gcLabel(res[i].Setting))
			}
		}
		report = compareReport{Env: env, Method: method(env), Rounds: cfg.rounds, Results: res}
		if !cfg.jsonOut {
			if cfg.workers > 0 {
				writeScaling(w, env, cfg.rounds, res)
			} else {
				writeCompare(w, env, cfg.rounds, res)
			}
		}
	}
	if cfg.jsonOut {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return nil
}

// childBinariesFor builds the children's binaries, one per contender's
// build tag, in a temporary folder that cleanup removes; with -link-all,
// or when the bench module's source cannot be found from the working
// directory (a note on stderr), it returns no binaries: the children run
// this one.
func childBinariesFor(cfg config, jobs []job) (bins map[string]string, cleanup func(), err error) {
	cleanup = func() {}
	if cfg.linkAll {
		return nil, cleanup, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, cleanup, err
	}
	dir := findBenchDir(wd)
	if dir == "" {
		fmt.Fprintln(os.Stderr, "winnow-bench: the bench module's source is not above the working directory: each child runs this binary, which links every contender (as -link-all)")
		return nil, cleanup, nil
	}
	tmp, err := os.MkdirTemp("", "winnow-bench-")
	if err != nil {
		return nil, cleanup, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	bins, err = childBinaries(dir, tmp, jobs)
	if err != nil {
		cleanup()
		return nil, func() {}, err
	}
	return bins, cleanup, nil
}

// findSets resolves the -set flags, which cannot be mixed with -pages.
func findSets(cfg config) ([]dataset.Set, error) {
	if len(cfg.sets) > 0 && (cfg.pagesDir != "" || cfg.truthPath != "") {
		return nil, fmt.Errorf("-set cannot be used with -pages or -truth")
	}
	var sets []dataset.Set
	for _, a := range cfg.sets {
		s, err := dataset.FindSet(a, cfg.datasets)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// runQuality is quality mode: the default set is AEB, or the -pages
// folder with its truth.
func runQuality(cfg config, sets []dataset.Set, w io.Writer) error {
	if len(sets) == 0 {
		if err := cfg.defaultPages(); err != nil {
			return err
		}
		if cfg.truthPath == "" {
			return fmt.Errorf("-quality needs a ground truth beside %s (or -truth)", cfg.pagesDir)
		}
		sets = []dataset.Set{{Name: filepath.Base(filepath.Dir(cfg.truthPath)), Pages: cfg.pagesDir, Truth: cfg.truthPath}}
	}
	cs, err := contenders.Select(cfg.only)
	if err != nil {
		return err
	}
	workers := runtime.NumCPU()
	if cfg.procsSet {
		workers = cfg.procs
	}
	runtime.GOMAXPROCS(workers)
	res, err := quality(cs, sets, workers)
	if err != nil {
		return err
	}
	env := describeEnv(nil)
	env.GOMAXPROCS = workers
	for _, s := range res {
		env.Pages += s.Pages
		env.HTMLMB += s.HTMLMB
	}
	if cfg.jsonOut {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(qualityReport{Env: env, Workers: workers, Sets: res})
	}
	writeQuality(w, env, workers, res)
	return nil
}

// writeHeapProfile writes the allocation profile, reporting failure on
// stderr since the results are already printed.
func writeHeapProfile(name string) {
	f, err := os.Create(name)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "winnow-bench: memprofile:", err)
	}
}

// environment describes the machine and the page set for the report.
type environment struct {
	Date       string  `json:"date"`
	CPU        string  `json:"cpu"`
	Cores      int     `json:"cores"`
	RAMGiB     float64 `json:"ram_gib"`
	Go         string  `json:"go"`
	GOMAXPROCS int     `json:"gomaxprocs"`
	LoadAvg    string  `json:"load_avg"` // /proc/loadavg at the start: other work on the machine
	LoadAvgEnd string  `json:"load_avg_end,omitempty"`
	Pages      int     `json:"pages"`
	HTMLMB     float64 `json:"html_mb"`
	Isolated   bool    `json:"isolated,omitempty"`   // each job in a process of its own
	HeapPages  bool    `json:"heap_pages,omitempty"` // the pages in the Go heap (-heap-pages)
	LinkAll    bool    `json:"link_all,omitempty"`   // children link every contender
	Warmup     int     `json:"warmup_passes,omitempty"`
}

func describeEnv(pages []page) environment {
	return environment{
		Date:    time.Now().UTC().Format("2006-01-02"),
		CPU:     cpuModel(),
		Cores:   runtime.NumCPU(),
		RAMGiB:  ramGiB(),
		Go:      runtime.Version(),
		LoadAvg: loadAvg(),
		Pages:   len(pages),
		HTMLMB:  float64(totalBytes(pages)) / 1e6,
	}
}

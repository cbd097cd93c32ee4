package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// Isolated comparison: each contender runs in a process of its own (this
// binary again, with -child naming it), so that no contender's start-up
// data or garbage sits in the heap another is timed in, and every
// process runs at the same GC setting (GOGC from -gogc, in the child's
// environment). The parent runs one child per contender, GC setting and
// round, in an order rotated from round to round as compare does, and
// merges the rounds; a child prints its compareResult as JSON on stdout.

// parseGOGC reads -gogc: a comma-separated list of GOGC values (a
// positive percentage or "off"), in the order given, without repeats.
func parseGOGC(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "off" {
			if n, err := strconv.Atoi(f); err != nil || n <= 0 {
				return nil, fmt.Errorf("-gogc: %q is not a positive percentage or off", f)
			}
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// childArgs are the flags that make a child time one contender for one
// round over the same pages as the parent.
func childArgs(cfg config, name string) []string {
	args := []string{"-child", name, "-rounds", "1",
		"-warmup", strconv.Itoa(cfg.warmup), "-procs", strconv.Itoa(cfg.procs),
		"-pages", cfg.pagesDir, "-f1=" + strconv.FormatBool(cfg.f1)}
	if cfg.truthPath != "" {
		args = append(args, "-truth", cfg.truthPath)
	}
	return args
}

// childEnv is the parent's environment with GOGC set to gogc and no
// GOMEMLIMIT, so that every child collects alike.
func childEnv(env []string, gogc string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			out = append(out, kv)
		}
	}
	return append(out, "GOGC="+gogc)
}

// runChild runs this binary with args and env and returns its stdout; a
// variable so that tests can stand in for the process.
var runChild = func(args, env []string) ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = env
	cmd.Stderr = os.Stderr
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s: %w", exe, strings.Join(args, " "), err)
	}
	return out.Bytes(), nil
}

// compareIsolated runs every contender of cs at every GC setting in
// gogcs, each round in a fresh process, and merges the rounds. With more
// than one setting each row's name carries its GOGC and each row is
// compared with winnow at the same setting.
func compareIsolated(cfg config, cs []contenders.Contender, gogcs []string, nPages int, htmlBytes float64) ([]compareResult, error) {
	type job struct {
		name, gogc string
	}
	var jobs []job
	for _, g := range gogcs {
		for _, c := range cs {
			jobs = append(jobs, job{c.Name, g})
		}
	}
	rounds := make([][]compareResult, len(jobs))
	env := os.Environ()
	for r := 0; r < cfg.rounds; r++ {
		for k := range jobs {
			i := (k + r) % len(jobs)
			out, err := runChild(childArgs(cfg, jobs[i].name), childEnv(env, jobs[i].gogc))
			if err != nil {
				return nil, err
			}
			var res compareResult
			if err := json.Unmarshal(out, &res); err != nil {
				return nil, fmt.Errorf("child %s: %w", jobs[i].name, err)
			}
			rounds[i] = append(rounds[i], res)
		}
	}
	res := make([]compareResult, len(jobs))
	for i, j := range jobs {
		res[i] = mergeRounds(rounds[i], nPages, htmlBytes)
		res[i].GOGC = j.gogc
		if len(gogcs) > 1 {
			res[i].Name = fmt.Sprintf("%s (GOGC=%s)", j.name, j.gogc)
		}
	}
	for _, g := range gogcs {
		var group []int
		w := -1
		for i, j := range jobs {
			if j.gogc == g {
				group = append(group, i)
				if j.name == "winnow" {
					w = i
				}
			}
		}
		if w >= 0 {
			for _, i := range group {
				relate(&res[i], &res[w])
			}
		}
	}
	return res, nil
}

// mergeRounds makes one result of the one-round results of one
// contender: the round times in order, allocations averaged, errors,
// panics and score from the first round (the text is the same each
// round).
func mergeRounds(rs []compareResult, nPages int, htmlBytes float64) compareResult {
	m := rs[0]
	m.Seconds, m.RoundSeconds, m.CPUSeconds = 0, nil, nil
	m.AllocsPerPage, m.BytesPerPage, m.StartHeapMB = 0, 0, 0
	for _, r := range rs {
		m.Seconds += r.Seconds
		m.RoundSeconds = append(m.RoundSeconds, r.RoundSeconds...)
		m.CPUSeconds = append(m.CPUSeconds, r.CPUSeconds...)
		m.AllocsPerPage += r.AllocsPerPage / float64(len(rs))
		m.BytesPerPage += r.BytesPerPage / float64(len(rs))
		m.StartHeapMB += r.StartHeapMB / float64(len(rs))
	}
	summarize(&m, nPages, htmlBytes)
	return m
}

// runChildMode is -child: the one contender named exactly, one process,
// its figures as JSON on stdout.
func runChildMode(cfg config, pages []page, w io.Writer) error {
	var c *contenders.Contender
	for _, x := range contenders.All() {
		if x.Name == cfg.child {
			c = &x
			break
		}
	}
	if c == nil {
		return fmt.Errorf("-child: no contender is named %q", cfg.child)
	}
	runtime.GOMAXPROCS(cfg.procs)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res := compare([]contenders.Contender{*c}, pages, cfg.rounds, cfg.warmup, cfg.f1 && cfg.truthPath != "")
	res[0].StartHeapMB = float64(ms.HeapAlloc) / 1e6
	res[0].GOGC = currentGOGC()
	return json.NewEncoder(w).Encode(res[0])
}

// currentGOGC is the collector's target as the runtime has it.
func currentGOGC() string {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	if p < 0 {
		return "off"
	}
	return strconv.Itoa(p)
}

// setGOGC sets this process's collector target from a -gogc value.
func setGOGC(v string) {
	if v == "off" {
		debug.SetGCPercent(-1)
		return
	}
	n, _ := strconv.Atoi(v) // parseGOGC checked it
	debug.SetGCPercent(n)
}

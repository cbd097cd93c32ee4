package main

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// A GC setting is what a contender's process collects at: a GOGC value
// ("100", Go's default; "off"; any positive percentage), or "cli", what
// the winnow command sets for itself when the environment sets neither
// GOGC nor GOMEMLIMIT (cmd/winnow gcSettings): GOGC=400 and a memory limit
// of a quarter of the machine's or the cgroup's memory, at least 64 MiB.
const cliSetting = "cli"

// The winnow command's defaults, as cmd/winnow sets them.
const (
	cliGOGC        = 400
	cliMemShare    = 4
	cliMinMemLimit = 64 << 20
)

// parseGC reads -gogc: a comma-separated list of GC settings, in the order
// given, without repeats.
func parseGC(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "off" && f != cliSetting {
			if n, err := strconv.Atoi(f); err != nil || n <= 0 {
				return nil, fmt.Errorf("-gogc: %q is not a positive percentage, off or cli", f)
			}
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// gcValues are the GOGC and GOMEMLIMIT (bytes; 0 for none) of a setting.
func gcValues(setting string) (gogc string, memLimit int64) {
	if setting == cliSetting {
		return strconv.Itoa(cliGOGC), cliMemLimit(availableMemory())
	}
	return setting, 0
}

// cliMemLimit is the winnow command's default memory limit for a machine
// with avail bytes of memory (0: unknown, no limit).
func cliMemLimit(avail int64) int64 {
	if avail <= 0 {
		return 0
	}
	return max(avail/cliMemShare, cliMinMemLimit)
}

// childEnv is env with GOGC and GOMEMLIMIT set to the setting's, and
// nothing else of the parent's collector settings (GODEBUG stays, for
// gctrace), so that every child collects alike.
func childEnv(env []string, setting string) []string {
	out := make([]string, 0, len(env)+2)
	for _, kv := range env {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			out = append(out, kv)
		}
	}
	gogc, limit := gcValues(setting)
	out = append(out, "GOGC="+gogc)
	if limit > 0 {
		out = append(out, "GOMEMLIMIT="+strconv.FormatInt(limit, 10))
	}
	return out
}

// applyGC sets this process's collector to a setting (in-process runs).
func applyGC(setting string) {
	gogc, limit := gcValues(setting)
	if gogc == "off" {
		debug.SetGCPercent(-1)
	} else {
		n, _ := strconv.Atoi(gogc) // parseGC checked it
		debug.SetGCPercent(n)
	}
	if limit <= 0 {
		limit = math.MaxInt64
	}
	debug.SetMemoryLimit(limit)
}

// currentGC describes the collector as the runtime has it: GOGC, and the
// memory limit when there is one.
func currentGC() string {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	s := "GOGC=" + strconv.Itoa(p)
	if p < 0 {
		s = "GOGC=off"
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		s += fmt.Sprintf(" GOMEMLIMIT=%.1fGiB", float64(l)/(1<<30))
	}
	return s
}

// availableMemory is the memory the process may use, as cmd/winnow reads
// it: the cgroup's limit when there is one below the machine's, else the
// machine's; 0 when neither can be read.
func availableMemory() int64 {
	total := int64(ramGiB() * (1 << 30))
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			return n
		}
	}
	return total
}

// gcLabel names a setting in a report.
func gcLabel(setting string) string {
	if setting == cliSetting {
		return "cli (GOGC=400 + limit)"
	}
	return "GOGC=" + setting
}

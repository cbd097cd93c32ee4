// Command winnow extracts the article from web pages. See README.md.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Exit codes shared by every subcommand.
const (
	exitOK        = 0 // an article was found / the command succeeded
	exitNoArticle = 1 // the page holds no article
	exitUsage     = 2 // usage or I/O error
)

const usage = `winnow — the article from a web page, and nothing else.

Usage:
  winnow extract [flags] [FILE|URL|-]...   extract articles (default: text to stdout)
  winnow eval    [flags]                   score winnow on a labelled page set
  winnow flatten [flags] [FILE|-]          dump a page as "all visible text", one line per block
  winnow serve   [flags]                   run the HTTP service and web page
  winnow batch   [flags] INPUT... -o OUT   extract crawl archives (WARC, WET, folders, JSONL)

Run "winnow COMMAND -h" for a command's flags; "winnow --version" prints
the version.
`

func main() {
	setGCTarget()
	os.Exit(run(os.Args[1:]))
}

// gcPercent is the collector's target when GOGC is not set. winnow's live
// heap is small (the trees of the pages in flight) while each page leaves
// several times its size in garbage, so at Go's default of 100 the
// collector runs hundreds of times a second. At 400 the heap stays in the
// tens of MB and batch throughput rises by half (docs/BENCHMARKS.md).
const gcPercent = 400

// memLimitShare is the share of the machine's (or the container's, where
// /sys/fs/cgroup/memory.max holds a limit) memory the command keeps its
// heap under when GOMEMLIMIT is not set. It is a soft limit: while the
// live heap is small (most pages) GOGC=400 sets the pace, and when many
// large pages are in flight at once (batch, serve) the collector runs
// before five times their live trees would outgrow the machine.
const memLimitShare = 4 // a quarter

// minMemLimit is the lowest default limit, for machines with little memory.
const minMemLimit = 64 << 20

func setGCTarget() {
	percent, limit := gcSettings(os.Getenv, availableMemory())
	if percent > 0 {
		debug.SetGCPercent(percent)
	}
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}

// gcSettings is the collector's target and memory limit the command
// sets, 0 for one it leaves to the runtime: GOGC and GOMEMLIMIT in the
// environment win, and without a known amount of memory (avail 0) there
// is no default limit.
func gcSettings(getenv func(string) string, avail int64) (percent int, limit int64) {
	if getenv("GOGC") == "" {
		percent = gcPercent
	}
	if getenv("GOMEMLIMIT") == "" && avail > 0 {
		limit = max(avail/memLimitShare, minMemLimit)
	}
	return percent, limit
}

// availableMemory is the memory the process may use: the cgroup's limit
// when there is one, else the machine's; 0 when neither can be read.
func availableMemory() int64 {
	total := memTotal()
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			return n
		}
	}
	return total
}

// memTotal reads MemTotal from /proc/meminfo, 0 where there is none.
func memTotal() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	return parseMemTotal(string(b))
}

// parseMemTotal finds the "MemTotal: N kB" line of /proc/meminfo.
func parseMemTotal(meminfo string) int64 {
	for line := range strings.Lines(meminfo) {
		rest, ok := strings.CutPrefix(line, "MemTotal:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 2 && f[1] == "kB" {
			if n, err := strconv.ParseInt(f[0], 10, 64); err == nil && n > 0 {
				return n << 10
			}
		}
		return 0
	}
	return 0
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(rest)
	case "eval":
		return runEval(rest)
	case "flatten":
		return runFlatten(rest)
	case "serve":
		return runServe(rest)
	case "batch":
		return runBatch(rest)
	case "--version", "-version", "version":
		fmt.Fprintln(os.Stdout, versionLine())
		return exitOK
	case "-h", "--help", "help":
		fmt.Fprint(os.Stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(os.Stderr, "winnow: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// versionLine is "winnow VERSION (REVISION, DATE, GOVERSION)" from the
// build information: the module version for "go install ...@version", and
// the commit for a build from a checkout.
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "winnow (unknown version)"
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	extra := []string{}
	if rev != "" {
		extra = append(extra, shortRev(rev)+dirty)
	}
	if when != "" {
		extra = append(extra, when)
	}
	extra = append(extra, bi.GoVersion)
	return "winnow " + version + " (" + strings.Join(extra, ", ") + ")"
}

func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

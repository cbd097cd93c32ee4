// Command winnow extracts the article from web pages. See README.md.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
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

Run "winnow COMMAND -h" for a command's flags.
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

func setGCTarget() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
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
	case "-h", "--help", "help":
		fmt.Fprint(os.Stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(os.Stderr, "winnow: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

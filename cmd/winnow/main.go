// Command winnow extracts the article from web pages. See README.md.
package main

import (
	"fmt"
	"os"
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
	os.Exit(run(os.Args[1:]))
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

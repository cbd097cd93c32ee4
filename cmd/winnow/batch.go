package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/runner"
	"github.com/winnow-go/winnow/render"
)

const batchUsage = `Usage: winnow batch [flags] INPUT... -o OUT.jsonl[.gz|.zst]

INPUT is a WARC or WET file (plain or .gz), a folder of .html/.html.gz files,
a single .html file, or JSONL of {"url","html"}. One JSON line per page goes
to OUT. Only HTTP 200 text/html and application/xhtml+xml responses are
extracted; other records are counted and skipped.

A killed run resumes when started again with the same command (checkpoint
in OUT.ckpt, removed once the run is complete; running a complete command
again does it again). -o - writes plain JSON lines to standard output, with
no checkpoint: an interrupted run cannot be resumed, and running it again
starts over.

Each line holds the article's "text" and "blocks"; --format markdown or
html adds a "markdown" or "html" field with the article as "winnow extract
--format markdown|html" prints it.

Flags:
`

// runBatch is the "winnow batch" subcommand.
func runBatch(args []string) int {
	return batchMain(args, os.Stderr)
}

func batchMain(args []string, stderr io.Writer) int {
	return batchMainIO(args, os.Stdout, stderr)
}

// batchMainIO is batchMain with the standard output that -o - writes to.
func batchMainIO(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, batchUsage)
		fs.PrintDefaults()
	}
	out := fs.String("o", "", "output `file` (.jsonl, .jsonl.gz or .jsonl.zst), or - for standard output")
	workers := fs.Int("j", 0, "number of workers (0: all cores)")
	langs := fs.String("lang", "", "keep only articles in these `languages` (comma-separated ISO 639-1 codes), as read from the text when it is clearly not the declared one")
	minWords := fs.Int("min-words", 0, "keep only articles with at least `N` words")
	dedupe := fs.Bool("dedupe", false, "drop articles whose text is an exact duplicate of one already written")
	keepFiltered := fs.Bool("keep-filtered", false, `write filtered articles with status "filtered" instead of leaving them out`)
	fresh := fs.Bool("fresh", false, "ignore an existing checkpoint and start over")
	maxRecord := fs.Int64("max-record-mb", batch.DefaultMaxRecordBytes>>20, "largest record in `MB`, compressed or once gunzipped; larger ones get an error line")
	timeout := fs.Duration("timeout", 60*time.Second, "time limit for one page")
	maxElements := elementBudget(winnow.DefaultMaxElements)
	fs.Var(&maxElements, "max-elements", maxElementsUsage)
	links := fs.Bool("links", false, "keep the links of each block")
	noImages := fs.Bool("no-images", false, "leave figures out")
	articlesOnly := fs.Bool("articles-only", false, "refuse pages that are not articles: listings get status not_article, short pages too_short")
	quiet := fs.Bool("q", false, "no progress output")
	explain := fs.Bool("explain", false, `list in each line what was removed and why ("removed") and where the metadata was read ("sources")`)
	precision := fs.Bool("precision", false, "drop doubtful blocks: less chrome, perhaps less body")
	recall := fs.Bool("recall", false, "keep doubtful blocks: all of the body, perhaps some chrome")
	format := fs.String("format", "text", "content `format` of each line: text (the line as is), markdown or html (adds that field)")
	formatting := fs.Bool("formatting", false, "keep bold, italic, inline code and code-block languages (a block's marks and lang; in the markdown or html of --format)")
	comments := fs.Bool("comments", false, "keep the page's comments in each line's comments field (and after the body in the markdown or html of --format)")

	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(inputs) == 0 || *out == "" {
		fmt.Fprintln(stderr, "winnow batch: need at least one INPUT and -o OUT")
		fs.Usage()
		return exitUsage
	}
	lineFormat, err := render.ParseFormat(*format)
	if err == nil && lineFormat != render.FormatText && lineFormat != render.FormatMarkdown && lineFormat != render.FormatHTML {
		err = fmt.Errorf("--format %s: batch always writes JSON lines; --format picks text, markdown or html for their content", lineFormat)
	}
	if err != nil {
		fmt.Fprintf(stderr, "winnow batch: %v\n", err)
		return exitUsage
	}
	focus := winnow.Balanced
	switch {
	case *precision && *recall:
		fmt.Fprintln(stderr, "winnow batch: --precision and --recall cannot be used together")
		return exitUsage
	case *precision:
		focus = winnow.Precision
	case *recall:
		focus = winnow.Recall
	}
	cfg := runner.Config{
		Inputs:         inputs,
		Output:         *out,
		Workers:        *workers,
		MaxRecordBytes: *maxRecord << 20,
		Dedupe:         *dedupe,
		KeepFiltered:   *keepFiltered,
		Fresh:          *fresh,
		Stdout:         stdout,
		Process: batch.ProcessOptions{
			// The record cap also caps the page once gunzipped.
			Extract: winnow.Options{KeepLinks: *links, DropImages: *noImages, ArticlesOnly: *articlesOnly,
				MaxBytes: *maxRecord << 20, Explain: *explain, Focus: focus,
				Formatting: *formatting, Comments: *comments, MaxElements: int(maxElements)},
			MinWords: *minWords,
			Timeout:  *timeout,
			Format:   lineFormat,
		},
	}
	if cfg.Process.Langs, err = winnow.ParseLanguages(*langs); err != nil {
		fmt.Fprintf(stderr, "winnow batch: --lang: %v\n", err)
		return exitUsage
	}
	if !*quiet {
		cfg.Log = stderr
		if f, ok := stderr.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				cfg.Terminal = true
			}
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := runner.Run(ctx, cfg)
	if sum != nil {
		switch {
		case sum.AlreadyComplete:
			fmt.Fprintf(stderr, "winnow batch: %s was complete (its checkpoint %s.ckpt is now removed; the same command again redoes it)\n", cfg.Output, cfg.Output)
		case sum.Resumed:
			fmt.Fprintln(stderr, "winnow batch: resumed from checkpoint")
		}
		secs := sum.Elapsed.Seconds()
		where := cfg.Output
		if where == runner.StdoutName {
			where = "standard output"
		}
		fmt.Fprintf(stderr, "winnow batch: %d lines in %s; this run: %d records in %.1fs (%.1f records/s, %.1f MB/s)\n",
			sum.Lines(), where, sum.Records, secs, float64(sum.Records)/max(secs, 1e-9), float64(sum.Bytes)/1e6/max(secs, 1e-9))
		sum.Format(stderr)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			if cfg.Output == runner.StdoutName {
				fmt.Fprintln(stderr, "winnow batch: interrupted; with -o - there is no checkpoint, the same command starts over")
			} else {
				fmt.Fprintln(stderr, "winnow batch: interrupted; run the same command again to resume")
			}
		} else {
			fmt.Fprintf(stderr, "winnow batch: %v\n", err)
		}
		return exitUsage
	}
	return exitOK
}

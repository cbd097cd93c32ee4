package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/runner"
)

const batchUsage = `Usage: winnow batch [flags] INPUT... -o OUT.jsonl[.gz|.zst]

INPUT is a WARC or WET file (plain or .gz), a folder of .html/.html.gz files,
or JSONL of {"url","html"}. One JSON line per page goes to OUT. Only HTTP 200
text/html and application/xhtml+xml responses are extracted; other records
are counted and skipped. A killed run resumes when started again with the
same command (checkpoint in OUT.ckpt).

Flags:
`

// runBatch is the "winnow batch" subcommand.
func runBatch(args []string) int {
	return batchMain(args, os.Stderr)
}

func batchMain(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, batchUsage)
		fs.PrintDefaults()
	}
	out := fs.String("o", "", "output `file` (.jsonl, .jsonl.gz or .jsonl.zst)")
	workers := fs.Int("j", 0, "number of workers (0: all cores)")
	langs := fs.String("lang", "", "keep only articles in these `languages` (comma-separated ISO 639-1 codes), as read from the text when it is clearly not the declared one")
	minWords := fs.Int("min-words", 0, "keep only articles with at least `N` words")
	dedupe := fs.Bool("dedupe", false, "drop articles whose text is an exact duplicate of one already written")
	keepFiltered := fs.Bool("keep-filtered", false, `write filtered articles with status "filtered" instead of leaving them out`)
	fresh := fs.Bool("fresh", false, "ignore an existing checkpoint and start over")
	maxRecord := fs.Int64("max-record-mb", batch.DefaultMaxRecordBytes>>20, "largest record in `MB`, compressed or once gunzipped; larger ones get an error line")
	timeout := fs.Duration("timeout", 60*time.Second, "time limit for one page")
	links := fs.Bool("links", false, "keep the links of each block")
	noImages := fs.Bool("no-images", false, "leave figures out")
	articlesOnly := fs.Bool("articles-only", false, "refuse pages that are not articles: listings get status not_article, short pages too_short")
	quiet := fs.Bool("q", false, "no progress output")

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
	cfg := runner.Config{
		Inputs:         inputs,
		Output:         *out,
		Workers:        *workers,
		MaxRecordBytes: *maxRecord << 20,
		Dedupe:         *dedupe,
		KeepFiltered:   *keepFiltered,
		Fresh:          *fresh,
		Process: batch.ProcessOptions{
			// The record cap also caps the page once gunzipped.
			Extract:  winnow.Options{KeepLinks: *links, DropImages: *noImages, ArticlesOnly: *articlesOnly, MaxBytes: *maxRecord << 20},
			MinWords: *minWords,
			Timeout:  *timeout,
		},
	}
	var err error
	if cfg.Process.Langs, err = parseLangs(*langs); err != nil {
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
			fmt.Fprintf(stderr, "winnow batch: %s is already complete (checkpoint %s.ckpt); use --fresh to redo it\n", cfg.Output, cfg.Output)
		case sum.Resumed:
			fmt.Fprintln(stderr, "winnow batch: resumed from checkpoint")
		}
		secs := sum.Elapsed.Seconds()
		fmt.Fprintf(stderr, "winnow batch: %d lines in %s; this run: %d records in %.1fs (%.1f records/s, %.1f MB/s)\n",
			sum.Lines(), cfg.Output, sum.Records, secs, float64(sum.Records)/max(secs, 1e-9), float64(sum.Bytes)/1e6/max(secs, 1e-9))
		sum.Format(stderr)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "winnow batch: interrupted; run the same command again to resume")
		} else {
			fmt.Fprintf(stderr, "winnow batch: %v\n", err)
		}
		return exitUsage
	}
	return exitOK
}

// parseLangs reads a comma-separated list of language codes (--lang,
// --target-language): ISO 639-1 codes the language detector knows, in
// any case; an unknown code is an error that lists the known ones.
func parseLangs(list string) ([]string, error) {
	var out []string
	for _, l := range strings.Split(list, ",") {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" {
			continue
		}
		if !winnow.KnownLanguage(l) {
			return nil, fmt.Errorf("unknown language %q: want ISO 639-1 codes among %s", l, strings.Join(winnow.Languages(), " "))
		}
		out = append(out, l)
	}
	return out, nil
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/eval"
)

const evalUsage = `Usage: winnow eval [flags]

Scores winnow on a labelled page set in the article-extraction-benchmark
shape (DIR/<id>.html[.gz] and a truth JSON {id: {articleBody, url}}) with
that benchmark's metric: 4-token shingles, precision and recall averaged
over pages, F1 from the averages, ± a 95% bootstrap interval.

--print-weights prints the weights of both modes as JSON; edit a copy and
score it with --weights FILE (fields left out keep their default).

Flags:
`

// defaultDataset is the benchmark's place beside the repository, for runs
// from the repository root.
var defaultDataset = filepath.Join("..", "shared", "datasets", "aeb")

// runEval is the "winnow eval" subcommand.
func runEval(args []string) int {
	return evalCmd(args, os.Stdout, os.Stderr)
}

func evalCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("winnow eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
	}
	pages := fs.String("pages", filepath.Join(defaultDataset, "html"), "`dir`ectory of <id>.html or <id>.html.gz pages")
	truth := fs.String("truth", filepath.Join(defaultDataset, "ground-truth.json"), "truth JSON `file`")
	worst := fs.Int("worst", 10, "list the `n` pages with the lowest F1")
	asJSON := fs.Bool("json", false, "print the report as JSON, every page included")
	input := fs.String("input", "html", "score `mode` html, or text: each page flattened first")
	precision := fs.Bool("precision", false, "extract with the precision focus")
	recall := fs.Bool("recall", false, "extract with the recall focus")
	workers := fs.Int("workers", 0, "pages extracted at once (0 = one per CPU)")
	weights := fs.String("weights", "", "score with the weights in JSON `file` (any subset of --print-weights' fields)")
	printWeights := fs.Bool("print-weights", false, "print the default weights as JSON and exit")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "winnow eval: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	if *printWeights {
		if err := writeJSON(stdout, eval.DefaultWeights()); err != nil {
			fmt.Fprintf(stderr, "winnow eval: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	opts := eval.Options{Mode: eval.Mode(*input), Workers: *workers}
	if *weights != "" {
		data, err := os.ReadFile(*weights)
		if err != nil {
			fmt.Fprintf(stderr, "winnow eval: %v\n", err)
			return exitUsage
		}
		t, err := eval.ParseWeights(data)
		if err != nil {
			fmt.Fprintf(stderr, "winnow eval: %s: %v\n", *weights, err)
			return exitUsage
		}
		opts.Weights = &t
	}
	if opts.Mode != eval.ModeHTML && opts.Mode != eval.ModeText {
		fmt.Fprintf(stderr, "winnow eval: unknown --input %q (want html or text)\n", *input)
		return exitUsage
	}
	switch {
	case *precision && *recall:
		fmt.Fprintln(stderr, "winnow eval: --precision and --recall cannot be used together")
		return exitUsage
	case *precision:
		opts.Focus = winnow.Precision
	case *recall:
		opts.Focus = winnow.Recall
	}
	ds, err := eval.Load(*pages, *truth)
	if err != nil {
		fmt.Fprintf(stderr, "winnow eval: %v\n", err)
		return exitUsage
	}
	rep, err := eval.Run(context.Background(), ds, opts)
	if err != nil {
		fmt.Fprintf(stderr, "winnow eval: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		if err := writeJSON(stdout, rep); err != nil {
			fmt.Fprintf(stderr, "winnow eval: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	writeReport(stdout, rep, *worst)
	return exitOK
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeReport prints the summary table and the worst pages.
func writeReport(w io.Writer, rep *eval.Report, worst int) {
	m, ci := rep.Metrics, rep.CI
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "mode\tpages\tprecision\trecall\tF1\taccuracy\terrors\tno article\tseconds\n")
	fmt.Fprintf(tw, "%s\t%d\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%d\t%d\t%.1f\n",
		rep.Mode, rep.Pages, m.Precision, ci.Precision, m.Recall, ci.Recall, m.F1, ci.F1,
		m.Accuracy, ci.Accuracy, rep.Errors, rep.NoArticle, rep.Seconds)
	tw.Flush()
	list := rep.Worst(worst)
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(w, "\nworst %d pages:\n", len(list))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "id\tP\tR\tF1\tstatus\turl\n")
	for _, r := range list {
		status := r.Status
		if r.Error != "" && r.Status == eval.StatusError {
			status += " (" + excerpt(r.Error, 60) + ")"
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\t%s\n", shortID(r.ID), r.Precision, r.Recall, r.F1, status, r.URL)
	}
	tw.Flush()
}

// shortID keeps long hash ids readable; 12 hex digits are still unique.
func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

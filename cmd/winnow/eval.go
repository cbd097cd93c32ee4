package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/eval"
)

const evalUsage = `Usage: winnow eval [--set NAME|DIR]... [--input html|text|html,text] [flags]

Scores winnow on labelled page sets: DIR/html/<id>.html[.gz] beside
DIR/ground-truth.json, {id: {articleBody, url}} and optionally the WCXB
fields type, with, without, title, author, date.

--set NAME is a set under the datasets folder (--datasets, else
$WINNOW_DATASETS, else the first shared/datasets found above the working
directory), --set DIR any folder holding a ground-truth.json; repeat it to
score several sets in one run. Without --set, --pages and --truth name one
set, and with neither the set is "aeb".

Every set and mode gets:
  shingle  the article-extraction-benchmark metric: 4-token shingles,
           precision and recall averaged over pages, F1 from the averages,
           accuracy (exact token match), ± a 95% bootstrap interval
  word-F1  WCXB's metric: lower-cased \w+ tokens as a multiset, per-page
           precision, recall and F1, averaged over pages (both empty = 1)
  With%    share of the truth's "with" snippets found in the output, and
  Without% of its "without" (chrome) snippets, lower is better; both
           compared lower-cased with white space collapsed, punctuation as
           written; over the pages that have snippets. A second line
           gives both with typographic punctuation folded to ASCII (curly
           quotes, dashes, ellipsis): references often write "don't"
           where the page prints "don’t"
  statuses pages per status, and false refusals: pages whose reference is
           over 500 characters that got a status other than ok
and, where the truth has page types, a row per type and the confusion
matrix of truth type × the page type winnow gave.

Where the truth has title, author or date fields, each is scored on the
pages that carry it:
  title    exact: equal with white space collapsed; relaxed: equal folded
           (lower case, letters and digits only), or one contains the
           other and the shorter is at least half the longer
  authors  names split on , ; & | / and "and"/"und"/"et"/"y"/"e", compared
           folded; exact: the same set; relaxed: a name in common (one
           name's words all in the other's)
  date     the published value's calendar day as written (its own offset);
           exact: the truth's day; relaxed: at most a day apart
missing counts pages with no prediction, extra the pages whose truth has
no such field that got one anyway.

--print-weights prints the weights of both modes as JSON; edit a copy and
score it with --weights FILE (fields left out keep their default).

Flags:
`

// defaultSet is the set scored when no set is named.
const defaultSet = "aeb"

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
	var setArgs []string
	fs.Func("set", "score the set `NAME` (under --datasets) or the folder DIR; repeatable", func(s string) error {
		setArgs = append(setArgs, s)
		return nil
	})
	root := fs.String("datasets", "", "`dir`ectory holding the named sets (default $"+dataset.EnvDatasets+", else shared/datasets above the working directory)")
	pages := fs.String("pages", "", "`dir`ectory of <id>.html or <id>.html.gz pages of one set (default: beside --truth)")
	truth := fs.String("truth", "", "truth JSON `file` of one set (default: ground-truth.json in or beside --pages)")
	worst := fs.Int("worst", 10, "list the `n` pages with the lowest F1 of each set and mode")
	asJSON := fs.Bool("json", false, "print the report as JSON, every page included (an array when several sets or modes run)")
	input := fs.String("input", "html", "score `mode` html, text (each page flattened first), or both: html,text")
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
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "winnow eval: "+format+"\n", a...)
		return exitUsage
	}
	if len(rest) > 0 {
		return fail("unexpected argument %q", rest[0])
	}
	if *printWeights {
		if err := writeJSON(stdout, eval.DefaultWeights()); err != nil {
			return fail("%v", err)
		}
		return exitOK
	}
	modes, err := parseModes(*input)
	if err != nil {
		return fail("%v", err)
	}
	opts := eval.Options{Workers: *workers}
	if *weights != "" {
		data, err := os.ReadFile(*weights)
		if err != nil {
			return fail("%v", err)
		}
		t, err := eval.ParseWeights(data)
		if err != nil {
			return fail("%s: %v", *weights, err)
		}
		opts.Weights = &t
	}
	switch {
	case *precision && *recall:
		return fail("--precision and --recall cannot be used together")
	case *precision:
		opts.Focus = winnow.Precision
	case *recall:
		opts.Focus = winnow.Recall
	}
	sets, err := resolveSets(setArgs, *root, *pages, *truth)
	if err != nil {
		return fail("%v", err)
	}
	var reps []*eval.Report
	for _, set := range sets {
		ds, err := set.Load()
		if err != nil {
			return fail("%v", err)
		}
		for _, mode := range modes {
			opts.Mode = mode
			rep, err := eval.Run(context.Background(), ds, opts)
			if err != nil {
				return fail("%s: %v", set.Name, err)
			}
			reps = append(reps, rep)
		}
	}
	if *asJSON {
		var v any = reps
		if len(reps) == 1 {
			v = reps[0]
		}
		if err := writeJSON(stdout, v); err != nil {
			return fail("%v", err)
		}
		return exitOK
	}
	writeReports(stdout, reps, *worst)
	return exitOK
}

// parseModes reads --input: one mode or a comma-separated list.
func parseModes(s string) ([]eval.Mode, error) {
	var modes []eval.Mode
	for _, f := range strings.Split(s, ",") {
		m := eval.Mode(strings.TrimSpace(f))
		if m != eval.ModeHTML && m != eval.ModeText {
			return nil, fmt.Errorf("unknown --input %q (want html, text or html,text)", f)
		}
		if !slices.Contains(modes, m) {
			modes = append(modes, m)
		}
	}
	return modes, nil
}

// resolveSets turns the flags into the sets to score: every --set, or the
// one set of --pages/--truth, or the default set.
func resolveSets(setArgs []string, root, pages, truth string) ([]dataset.Set, error) {
	if len(setArgs) > 0 && (pages != "" || truth != "") {
		return nil, errors.New("--set cannot be used with --pages or --truth")
	}
	if pages != "" || truth != "" {
		return []dataset.Set{pagesTruthSet(pages, truth)}, nil
	}
	if len(setArgs) == 0 {
		setArgs = []string{defaultSet}
	}
	var sets []dataset.Set
	for _, a := range setArgs {
		s, err := dataset.FindSet(a, root)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// pagesTruthSet is the set named by --pages and --truth, either of which
// may be left out when the truth file sits in or beside the pages folder.
func pagesTruthSet(pages, truth string) dataset.Set {
	if truth == "" {
		truth = filepath.Join(pages, dataset.TruthFile)
		if _, err := os.Stat(truth); err != nil {
			truth = filepath.Join(filepath.Dir(filepath.Clean(pages)), dataset.TruthFile)
		}
	}
	if pages == "" {
		pages = filepath.Join(filepath.Dir(truth), "html")
	}
	dir := filepath.Dir(truth)
	return dataset.Set{Name: filepath.Base(dir), Dir: dir, Pages: pages, Truth: truth}
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeReports prints one summary row per set and mode, then each run's
// details: statuses, false refusals, the per-type table, the page-type
// confusion matrix and the worst pages.
func writeReports(w io.Writer, reps []*eval.Report, worst int) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "set\tmode\tpages\tprecision\trecall\tF1\taccuracy\tword-F1\tWith%%\tWithout%%\tnon-ok\tseconds\n")
	for _, rep := range reps {
		m, ci := rep.Metrics, rep.CI
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f\t%s\t%s\t%d\t%.1f\n",
			rep.Set, rep.Mode, rep.Pages, m.Precision, ci.Precision, m.Recall, ci.Recall, m.F1, ci.F1,
			m.Accuracy, ci.Accuracy, rep.Words.F1, pct(rep.Snippets.With, rep.Snippets.WithTotal),
			pct(rep.Snippets.Without, rep.Snippets.WithoutTotal), rep.NonOK, rep.Seconds)
	}
	tw.Flush()
	for _, rep := range reps {
		fmt.Fprintf(w, "\n== %s, %s mode\n", rep.Set, rep.Mode)
		writeDetails(w, rep)
		writeWorst(w, rep, worst)
	}
}

// pct prints a share as a percentage, or "—" when it is over nothing.
func pct(share float64, total int) string {
	if total == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", 100*share)
}

func writeDetails(w io.Writer, rep *eval.Report) {
	s := rep.Summary
	fmt.Fprintf(w, "word level: precision %.3f, recall %.3f, F1 %.3f (means over pages)\n", s.Words.Precision, s.Words.Recall, s.Words.F1)
	if sn := s.Snippets; sn.WithTotal+sn.WithoutTotal > 0 {
		fmt.Fprintf(w, "snippets: with %d of %d found (%s%%), without %d of %d found (%s%%)\n",
			sn.WithFound, sn.WithTotal, pct(sn.With, sn.WithTotal), sn.WithoutFound, sn.WithoutTotal, pct(sn.Without, sn.WithoutTotal))
		fmt.Fprintf(w, "snippets, typography folded (curly quotes, dashes, ellipsis as ASCII): with %s%%, without %s%%\n",
			pct(sn.WithFolded, sn.WithTotal), pct(sn.WithoutFolded, sn.WithoutTotal))
	}
	var parts []string
	for _, st := range statusOrder(s.Statuses) {
		parts = append(parts, fmt.Sprintf("%s %d", st, s.Statuses[st]))
	}
	fmt.Fprintf(w, "statuses: %s (non-ok %d)\n", strings.Join(parts, ", "), s.NonOK)
	fr := s.FalseRefusals
	fmt.Fprintf(w, "false refusals: %d of %d pages with a reference over %d characters (%s%%)\n",
		fr.Pages, fr.Of, eval.RefusalMinChars, pct(fr.Share, fr.Of))
	if m := s.Meta; m != nil {
		fmt.Fprintln(w, "\nmetadata (over the pages whose truth has the field):")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "field\tpages\texact\trelaxed\tmissing\textra\t\n")
		for _, f := range []struct {
			name string
			s    eval.FieldSummary
		}{{eval.FieldTitle, m.Title}, {eval.FieldAuthors, m.Authors}, {eval.FieldPublished, m.Published}} {
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%d\t%d\t\n", f.name, f.s.Pages, f.s.ExactShare, f.s.RelaxedShare, f.s.Missing, f.s.Extra)
		}
		tw.Flush()
	}
	if len(s.Types) > 0 {
		fmt.Fprintln(w, "\nper page type:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "type\tpages\tshingle F1\tword-F1\tWith%%\tWithout%%\tnon-ok\t\n")
		for _, r := range s.Types {
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%s\t%s\t%d\t\n", r.Type, r.Pages, r.F1, r.WordF1,
				pct(r.Snippets.With, r.Snippets.WithTotal), pct(r.Snippets.Without, r.Snippets.WithoutTotal), r.NonOK)
		}
		tw.Flush()
	}
	if c := s.Confusion; c != nil {
		fmt.Fprintf(w, "\npage type: accuracy %.3f (%d of %d); rows truth, columns predicted (\"none\": no type given)\n", c.Accuracy, c.Correct, c.Pages)
		tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "\t")
		for _, p := range c.Predicted {
			fmt.Fprintf(tw, "%s\t", cmp.Or(p, "none"))
		}
		fmt.Fprintln(tw)
		for i, t := range c.Truth {
			fmt.Fprintf(tw, "%s\t", t)
			for _, n := range c.Counts[i] {
				fmt.Fprintf(tw, "%d\t", n)
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}
}

// statusOrder lists the statuses ok first, then by falling count.
func statusOrder(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == eval.StatusOK:
			return -1
		case b == eval.StatusOK:
			return 1
		case m[a] != m[b]:
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return out
}

func writeWorst(w io.Writer, rep *eval.Report, worst int) {
	list := rep.Worst(worst)
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(w, "\nworst %d pages:\n", len(list))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "id\ttype\tP\tR\tF1\tword-F1\tstatus\turl\n")
	for _, r := range list {
		status := r.Status
		if r.Error != "" && r.Status == eval.StatusError {
			status += " (" + excerpt(r.Error, 60) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%s\n", shortID(r.ID), cmp.Or(r.Type, "—"),
			r.Precision, r.Recall, r.F1, r.Word.F1, status, r.URL)
	}
	tw.Flush()
}

// shortID keeps long hash ids readable; 12 hex digits are still unique.
// Other ids are printed whole.
func shortID(id string) string {
	if len(id) > 12 && strings.Trim(id, "0123456789abcdef") == "" {
		return id[:12]
	}
	return id
}

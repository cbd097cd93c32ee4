package winnow_test

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/eval"
)

var updateFloors = flag.Bool("update-floors", false, "raise the quality floors to the current figures (never lowers them)")

// sharedSets are the labelled sets beside the repository
// (shared/datasets/<name>) that the ratchet covers, each with its own
// floors file.
var sharedSets = []struct{ name, floors string }{
	{"aeb", "testdata/quality-floors.json"},
	{"wcxb-dev", "testdata/quality-floors-wcxb-dev.json"},
}

// TestQuality is the quality ratchet on every shared set, in HTML and text
// mode: it fails when a figure falls under the floors in the set's floors
// file (shingle F1 and accuracy, word-F1, and where the set has snippets
// the with-snippet share, and the without-snippet share over its
// ceiling), or when the corpus is not the one the floors were measured on.
// A set that is not there skips the subtest with one line, or fails it
// when $CI is set. "go test -run Quality -update-floors" raises the floors
// to just under today's figures; it never lowers them.
func TestQuality(t *testing.T) {
	for _, s := range sharedSets {
		t.Run(s.name, func(t *testing.T) {
			if testing.Short() {
				t.Skip("scores a whole page set; skipped with -short")
			}
			set, msg, fail := dataset.ForTest(s.name, dataset.Required())
			if fail {
				t.Fatal(msg)
			}
			if msg != "" {
				t.Skip(msg)
			}
			ratchet(t, set, s.floors, eval.ModeHTML, eval.ModeText)
		})
	}
}

// TestQualityHeldOut is the same ratchet on the held-out sets in
// testdata/heldout*, pages written for the repo by people who did not
// write the heuristics, to show over-fitting to the benchmark as a gap.
func TestQualityHeldOut(t *testing.T) {
	for _, name := range []string{"heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e", "heldout-f", "heldout-g", "heldout-h"} {
		t.Run(name, func(t *testing.T) {
			if testing.Short() {
				t.Skip("scores a whole page set; skipped with -short")
			}
			dir := filepath.Join("testdata", name)
			set, err := dataset.FindSet(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			ratchet(t, set, filepath.Join(dir, "floors.json"), eval.ModeHTML, eval.ModeText)
		})
	}
}

func ratchet(t *testing.T, set dataset.Set, floorsFile string, modes ...eval.Mode) {
	ds, err := set.Load()
	if err != nil {
		t.Fatal(err)
	}
	floors, err := eval.LoadFloors(floorsFile)
	if errors.Is(err, fs.ErrNotExist) && *updateFloors {
		floors, err = &eval.Floors{Notes: "Raised by go test -run Quality -update-floors; never lowered by hand without a reason in the commit."}, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	corpus := eval.Corpus{Pages: len(ds.Pages), Digest: ds.Digest()}
	if floors.Corpus != corpus {
		if !*updateFloors {
			t.Fatalf("the corpus changed (%d pages, digest %.12s…; floors were set on %d pages, %.12s…): "+
				"check the data, then re-pin with -update-floors", corpus.Pages, corpus.Digest, floors.Corpus.Pages, floors.Corpus.Digest)
		}
		t.Logf("re-pinning the corpus: %d pages, digest %s", corpus.Pages, corpus.Digest)
		floors.Corpus = corpus
	}
	for _, mode := range modes {
		rep, err := eval.Run(context.Background(), ds, eval.Options{Mode: mode})
		if err != nil {
			t.Fatal(err)
		}
		s := rep.Summary
		t.Logf("%s: P %.4f R %.4f F1 %.4f ± %.4f accuracy %.4f; word-F1 %.4f; with %.4f without %.4f; "+
			"%d errors, %d no article, %d false refusals",
			mode, s.Metrics.Precision, s.Metrics.Recall, s.Metrics.F1, s.CI.F1, s.Metrics.Accuracy, s.Words.F1,
			s.Snippets.With, s.Snippets.Without, s.Errors, s.NoArticle, s.FalseRefusals.Pages)
		for _, msg := range floors.Check(mode, s) {
			t.Error(msg)
		}
		if *updateFloors {
			floors.Raise(mode, s)
		}
	}
	if *updateFloors {
		if err := floors.Save(floorsFile); err != nil {
			t.Fatal(err)
		}
		t.Logf("floors now %+v", floors.Modes)
	}
}

package winnow_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnow-go/winnow/internal/eval"
)

var updateFloors = flag.Bool("update-floors", false, "raise the quality floors to the current figures (never lowers them)")

// TestQuality is the quality ratchet on the article-extraction-benchmark
// beside the repository, in HTML and text mode: it fails when F1 or
// accuracy falls under the floors in testdata/quality-floors.json, or when
// the corpus is not the one the floors were measured on.
// "go test -run Quality -update-floors" raises the floors to just under
// today's figures; it never lowers them.
func TestQuality(t *testing.T) {
	aeb := filepath.Join("..", "shared", "datasets", "aeb")
	ratchet(t, filepath.Join(aeb, "html"), filepath.Join(aeb, "ground-truth.json"),
		"testdata/quality-floors.json", eval.ModeHTML, eval.ModeText)
}

// TestQualityHeldOut is the same ratchet on the held-out sets in
// testdata/heldout*, pages written for the repo by people who did not
// write the heuristics, to show over-fitting to the benchmark as a gap.
func TestQualityHeldOut(t *testing.T) {
	for _, set := range []string{"heldout", "heldout-b", "heldout-c"} {
		t.Run(set, func(t *testing.T) {
			dir := filepath.Join("testdata", set)
			ratchet(t, filepath.Join(dir, "html"), filepath.Join(dir, "ground-truth.json"),
				filepath.Join(dir, "floors.json"), eval.ModeHTML, eval.ModeText)
		})
	}
}

func ratchet(t *testing.T, pages, truth, floorsFile string, modes ...eval.Mode) {
	if testing.Short() {
		t.Skip("scores a whole page set; skipped with -short")
	}
	if _, err := os.Stat(truth); err != nil {
		t.Fatalf("page set not found: %v", err)
	}
	ds, err := eval.Load(pages, truth)
	if err != nil {
		t.Fatal(err)
	}
	floors, err := eval.LoadFloors(floorsFile)
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
		m := rep.Metrics
		t.Logf("%s: P %.4f R %.4f F1 %.4f ± %.4f accuracy %.4f; %d errors, %d no article",
			mode, m.Precision, m.Recall, m.F1, rep.CI.F1, m.Accuracy, rep.Errors, rep.NoArticle)
		for _, msg := range floors.Check(mode, m) {
			t.Error(msg)
		}
		if *updateFloors {
			floors.Raise(mode, m)
		}
	}
	if *updateFloors {
		if err := floors.Save(floorsFile); err != nil {
			t.Fatal(err)
		}
		t.Logf("floors now %+v", floors.Modes)
	}
}

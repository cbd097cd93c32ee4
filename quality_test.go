package winnow_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnow-go/winnow/internal/eval"
)

var updateFloors = flag.Bool("update-floors", false, "raise testdata/quality-floors.json to the current figures (never lowers them)")

const floorsFile = "testdata/quality-floors.json"

// aebDir is the article-extraction-benchmark data beside the repository.
var aebDir = filepath.Join("..", "shared", "datasets", "aeb")

// TestQuality is the quality ratchet: it scores winnow on the benchmark
// in HTML and text mode and fails when F1 or accuracy falls under the
// floors in testdata/quality-floors.json, or when the corpus is not the one
// the floors were measured on. "go test -run Quality -update-floors" raises
// the floors to just under today's figures; it never lowers them.
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the whole benchmark; skipped with -short")
	}
	truth := filepath.Join(aebDir, "ground-truth.json")
	if _, err := os.Stat(truth); err != nil {
		t.Skipf("benchmark data not found: %v", err)
	}
	ds, err := eval.Load(filepath.Join(aebDir, "html"), truth)
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
			t.Fatalf("the benchmark corpus changed (%d pages, digest %.12s…; floors were set on %d pages, %.12s…): "+
				"check the data, then re-pin with -update-floors", corpus.Pages, corpus.Digest, floors.Corpus.Pages, floors.Corpus.Digest)
		}
		t.Logf("re-pinning the corpus: %d pages, digest %s", corpus.Pages, corpus.Digest)
		floors.Corpus = corpus
	}
	for _, mode := range []eval.Mode{eval.ModeHTML, eval.ModeText} {
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

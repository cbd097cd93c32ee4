package winnow_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/parse"
)

// TestParserDifferential: winnow's whole extraction is the same whether
// internal/parse builds the tree with its own builder or with x/net/html
// (the reference), on every page of the shared sets and the held-out
// sets: the Article, as JSON, byte for byte. internal/parse's
// TestDatasetTrees compares the trees themselves.
func TestParserDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts every page of the shared sets twice; skipped with -short")
	}
	var sets []*dataset.Dataset
	var names []string
	for _, name := range []string{"aeb", "wcxb-dev"} {
		set, msg, fail := dataset.ForTest(name, dataset.Required())
		if fail {
			t.Fatal(msg)
		}
		if msg != "" {
			t.Log(msg)
			continue
		}
		ds, err := set.Load()
		if err != nil {
			t.Fatal(err)
		}
		sets, names = append(sets, ds), append(names, name)
	}
	for _, name := range []string{"heldout", "heldout-b", "heldout-c"} {
		dir := filepath.Join("testdata", name)
		ds, err := dataset.Load(filepath.Join(dir, "html"), filepath.Join(dir, dataset.TruthFile))
		if err != nil {
			t.Fatal(err)
		}
		sets, names = append(sets, ds), append(names, name)
	}
	differ, total := 0, 0
	for i, ds := range sets {
		for _, p := range ds.Pages {
			data, err := p.Read()
			if err != nil {
				t.Fatal(err)
			}
			total++
			ours := extractJSON(t, data, p.URL)
			restore := parse.UseReference(true)
			ref := extractJSON(t, data, p.URL)
			restore()
			if !bytes.Equal(ours, ref) {
				differ++
				t.Errorf("%s/%s: the extraction differs from x/net/html's tree's:\nours: %.300s\nref:  %.300s", names[i], p.ID, ours, ref)
			}
		}
	}
	t.Logf("%d of %d pages extract differently", differ, total)
}

func extractJSON(t *testing.T, page []byte, url string) []byte {
	t.Helper()
	a, err := winnow.Extract(page, winnow.Options{URL: url})
	if err != nil {
		b, _ := json.Marshal(err.Error())
		return b
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

package parse

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/dom"
)

// firstDiff returns the lines around the first line where two dumps
// differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			from := max(0, i-3)
			return "ours:\n" + strings.Join(al[from:min(len(al), i+3)], "\n") + "\nx/net/html:\n" + strings.Join(bl[from:min(len(bl), i+3)], "\n")
		}
	}
	return ""
}

// TestDatasetTrees: on every page of the shared data sets the tree the
// package builds is x/net/html's, node for node.
func TestDatasetTrees(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every page of the shared data sets")
	}
	differ := 0
	total := 0
	for _, name := range []string{"aeb", "wcxb-dev"} {
		set, msg, fail := dataset.ForTest(name, dataset.Required())
		if msg != "" {
			if fail {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
		ds, err := set.Load()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ds.Pages {
			data, err := p.Read()
			if err != nil {
				t.Fatal(err)
			}
			total++
			ours, err := build(context.Background(), string(data), nil)
			if err != nil {
				t.Errorf("%s: %v", p.ID, err)
				continue
			}
			ref, err := parseReference(data)
			if err != nil {
				continue
			}
			checkKeyAtoms(t, p.ID, ours)
			if d := firstDiff(dumpOurs(ours), dumpRef(dom.FromHTML(ref, "").Root())); d != "" {
				differ++
				t.Errorf("%s/%s differs:\n%s", name, filepath.Base(p.Path), d)
			}
		}
	}
	t.Logf("%d of %d pages differ", differ, total)
}

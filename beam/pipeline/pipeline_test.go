package pipeline

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/winnow-go/winnow/internal/batchtest"
)

func TestMain(m *testing.M) { ptest.Main(m) }

func lines(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(out)
	return out
}

// TestSameAsBatchCLI runs the pipeline on Beam's local runner and
// "winnow batch" on the same WARCs and compares the lines.
func TestSameAsBatchCLI(t *testing.T) {
	pages := batchtest.AEBPagesTB(t, "../../../shared/datasets/aeb", 20)
	dir := t.TempDir()
	warcA := filepath.Join(dir, "a.warc.gz")
	warcB := filepath.Join(dir, "b.warc")
	if err := batchtest.WriteWARC(warcA, true, pages[:12]); err != nil {
		t.Fatal(err)
	}
	more := append(pages[12:], batchtest.Page{URL: "https://x.test/404", Status: 404, Body: []byte("<p>gone</p>")},
		batchtest.Page{URL: "https://x.test/cut", Body: pages[0].Body, Cut: 40})
	if err := batchtest.WriteWARC(warcB, false, more); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "warc.paths")
	if err := os.WriteFile(manifest, []byte(warcA+"\n"+warcB+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Manifest: manifest, Output: filepath.Join(dir, "beam"), Shards: 3})
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}
	shards, _ := filepath.Glob(filepath.Join(dir, "beam-*-of-00003.jsonl"))
	got := lines(t, shards...)

	bin := filepath.Join(dir, "winnow")
	build := exec.Command("go", "build", "-o", bin, "./cmd/winnow")
	build.Dir = "../.." // the winnow module, with its own go.mod
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building winnow: %v\n%s", err, out)
	}
	cliOut := filepath.Join(dir, "cli.jsonl")
	if out, err := exec.Command(bin, "batch", "-q", warcA, warcB, "-o", cliOut).CombinedOutput(); err != nil {
		t.Fatalf("winnow batch: %v\n%s", err, out)
	}
	want := lines(t, cliOut)
	if len(want) != 21 {
		t.Errorf("winnow batch wrote %d lines, want 21", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pipeline wrote %d lines, winnow batch %d; they differ", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("first difference:\nbeam %.300s\n cli %.300s", got[i], want[i])
				break
			}
		}
	}
}

package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/klauspost/compress/gzip"

	"github.com/winnow-go/winnow/internal/batchtest"
)

func TestMain(m *testing.M) {
	code := ptest.MainRet(m)
	if winnowBin != "" {
		os.RemoveAll(filepath.Dir(winnowBin))
	}
	os.Exit(code)
}

// runners are Beam's local runners the pipeline is tested on.
var runners = []string{"prism", "direct"}

// lines reads the lines of files, gunzipping .gz ones, sorted.
func lines(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		var r interface{ Read([]byte) (int, error) } = f
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	sort.Strings(out)
	return out
}

// run runs the pipeline on runner and returns its counters.
func run(t *testing.T, runner string, o Options) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	res, err := beam.Run(context.Background(), runner, p)
	if err != nil {
		t.Fatal(err)
	}
	counters := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		counters[c.Key.Name] += c.Result()
	}
	return counters
}

// outputs lists the files of dir, checking that none is a leftover
// temporary file.
func outputs(t *testing.T, dir string) []string {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(dir, "*"))
	var files []string
	for _, f := range all {
		if strings.Contains(f, ".tmp-") {
			t.Errorf("temporary file left: %s", f)
		}
		if strings.HasSuffix(f, ".jsonl.gz") {
			files = append(files, f)
		}
	}
	return files
}

var (
	buildOnce sync.Once
	winnowBin string
	buildErr  error
)

// winnowCLI builds the winnow command once.
func winnowCLI(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "winnow-beam-cli-*")
		if err != nil {
			buildErr = err
			return
		}
		winnowBin = filepath.Join(dir, "winnow")
		build := exec.Command("go", "build", "-o", winnowBin, "./cmd/winnow")
		build.Dir = "../.." // the winnow module, with its own go.mod
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("building winnow: %v", buildErr)
	}
	return winnowBin
}

// TestSameAsBatchCLI runs the pipeline on Beam's local runners and
// "winnow batch" on the same WARCs and compares the lines. The WARCs are
// read as streams (batch.NewReader), as remote WARCs are.
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

	cliOut := filepath.Join(dir, "cli.jsonl")
	if out, err := exec.Command(winnowCLI(t), "batch", "-q", warcA, warcB, "-o", cliOut).CombinedOutput(); err != nil {
		t.Fatalf("winnow batch: %v\n%s", err, out)
	}
	want := lines(t, cliOut)
	if len(want) != 21 {
		t.Errorf("winnow batch wrote %d lines, want 21", len(want))
	}
	// The counters: a pages_<status> for each line by its status, the
	// two WARCs, the 404 skipped.
	wantCounters := map[string]int64{"warcs_done": 2, "skipped_status_404": 1}
	for _, l := range want {
		var line struct{ Status string }
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatal(err)
		}
		wantCounters["pages_"+line.Status]++
	}
	if wantCounters["pages_error"] != 1 {
		t.Errorf("winnow batch wrote %d error lines, want 1 (the cut record)", wantCounters["pages_error"])
	}

	for _, runner := range runners {
		t.Run(runner, func(t *testing.T) {
			out := filepath.Join(dir, runner)
			counters := run(t, runner, Options{Manifest: manifest, Output: out, StreamLocal: true})
			files := outputs(t, out)
			if len(files) != 2 {
				t.Errorf("%d output files, want one per WARC: %v", len(files), files)
			}
			for _, w := range []string{warcA, warcB} {
				if _, err := os.Stat(OutputName(out, w)); err != nil {
					t.Errorf("no output for %s: %v", w, err)
				}
			}
			got := lines(t, files...)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("pipeline wrote %d lines, winnow batch %d; they differ", len(got), len(want))
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Errorf("first difference:\nbeam %.300s\n cli %.300s", got[i], want[i])
						break
					}
				}
			}
			checkCounters(t, runner, counters, wantCounters)
		})
	}
}

// checkCounters compares the counters of a run on runner with want. The
// direct runner must count exactly. Prism can lose increments, never add
// any: a bundle's final report naming a counter prism has not seen yet
// is kept by the counter's short id until prism has asked the worker what
// the id means, and the final report of a second bundle naming the same
// counter in that window replaces it (metricsStore.contributeMetrics in
// prism's jobservices, Beam 2.77.0). warcs_done, counted only as each WARC
// ends, meets it when the two WARCs' bundles end together (seen once in
// a few runs on a busy machine: warcs_done 1, both files written). So on
// prism each counter is at least 1 and at most what is wanted.
func checkCounters(t *testing.T, runner string, got, want map[string]int64) {
	t.Helper()
	for k, w := range want {
		if g := got[k]; g != w && (runner != "prism" || g < 1 || g > w) {
			t.Errorf("counter %s = %d, want %d (all: %v)", k, g, w, got)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("counter %s = %d, want none (all: %v)", k, g, got)
		}
	}
}

// TestTimeoutErrorLines checks that a page over its time gets an error
// line: no record is lost.
func TestTimeoutErrorLines(t *testing.T) {
	dir := t.TempDir()
	warc := filepath.Join(dir, "a.warc.gz")
	if err := batchtest.WriteWARC(warc, true, testPages(14)); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "warc.paths")
	if err := os.WriteFile(manifest, []byte(warc+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		timeout time.Duration
		errors  bool
	}{{time.Nanosecond, true}, {0, false}} {
		out := filepath.Join(dir, tc.timeout.String())
		counters := run(t, "prism", Options{Manifest: manifest, Output: out, Timeout: tc.timeout})
		got := lines(t, outputs(t, out)...)
		// 14 records: 2 requests and 2 404s skipped, 10 pages.
		if len(got) != 10 {
			t.Errorf("timeout %v: %d lines, want 10", tc.timeout, len(got))
		}
		for _, l := range got {
			isErr := strings.Contains(l, `"status":"error"`) && strings.Contains(l, "deadline exceeded")
			if isErr != tc.errors {
				t.Errorf("timeout %v: line %.300s", tc.timeout, l)
			}
		}
		if tc.errors && counters["pages_error"] != 10 || !tc.errors && counters["pages_ok"] != 10 {
			t.Errorf("timeout %v: counters %v", tc.timeout, counters)
		}
	}
}

// TestRetryIdempotent checks that doing a WARC again gives the same file,
// that a WARC that fails leaves no output under its name, and that
// SkipExisting leaves done WARCs alone.
func TestRetryIdempotent(t *testing.T) {
	dir := t.TempDir()
	warc := filepath.Join(dir, "a.warc.gz")
	if err := batchtest.WriteWARC(warc, true, testPages(7)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	fn := &WARCFn{Options: Options{Output: out, StreamLocal: true}}
	var emitted []string
	emit := func(s string) { emitted = append(emitted, s) }
	ctx := context.Background()
	if err := fn.ProcessElement(ctx, warc, emit); err != nil {
		t.Fatal(err)
	}
	name := OutputName(out, warc)
	first, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := fn.ProcessElement(ctx, warc, emit); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(name)
	if string(first) != string(second) || len(emitted) != 2 || emitted[0] != name {
		t.Errorf("second attempt wrote a different file (%d, %d bytes) or emitted %v", len(first), len(second), emitted)
	}

	missing := filepath.Join(dir, "missing.warc.gz")
	if err := fn.ProcessElement(ctx, missing, emit); err == nil {
		t.Errorf("a missing WARC is no error")
	}
	if _, err := os.Stat(OutputName(out, missing)); err == nil {
		t.Errorf("a failed WARC has an output file")
	}
	outputs(t, out)

	// A WARC whose output exists is not read again with SkipExisting.
	if err := os.WriteFile(warc, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	fn.Options.SkipExisting = true
	if err := fn.ProcessElement(ctx, warc, emit); err != nil {
		t.Fatal(err)
	}
	if third, _ := os.ReadFile(name); string(third) != string(first) {
		t.Errorf("SkipExisting wrote the output again")
	}
}

func TestOutputName(t *testing.T) {
	for _, tc := range []struct{ out, warc, prefix string }{
		{"gs://b/out/", "s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/1/warc/CC-MAIN-20240220-00000.warc.gz", "gs://b/out/CC-MAIN-20240220-00000-"},
		{"/tmp/out", "/data/x.wet.gz", "/tmp/out/x-"},
		{"/tmp/out", "/data/x.warc", "/tmp/out/x-"},
	} {
		got := OutputName(tc.out, tc.warc)
		if !strings.HasPrefix(got, tc.prefix) || !strings.HasSuffix(got, ".jsonl.gz") || len(got) != len(tc.prefix)+8+len(".jsonl.gz") {
			t.Errorf("OutputName(%q, %q) = %q, want %q<hash>.jsonl.gz", tc.out, tc.warc, got, tc.prefix)
		}
	}
	if OutputName("o", "/a/x.warc.gz") == OutputName("o", "/b/x.warc.gz") {
		t.Errorf("two WARCs of one name in two folders share an output")
	}
}

// TestRemoteWARC reads a WARC from a filesystem other than the local disk
// (Beam's memfs), as gs:// and s3:// ones are read: streamed, not opened
// in place.
func TestRemoteWARC(t *testing.T) {
	dir := t.TempDir()
	local := filepath.Join(dir, "a.warc.gz")
	if err := batchtest.WriteWARC(local, true, testPages(14)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(local)
	if err != nil {
		t.Fatal(err)
	}
	memfs.Write("memfs://crawl/a.warc.gz", b)
	out := filepath.Join(dir, "out")
	fn := &WARCFn{Options: Options{Output: out, Prefix: "memfs://"}}
	if err := fn.ProcessElement(context.Background(), "crawl/a.warc.gz", func(string) {}); err != nil {
		t.Fatal(err)
	}
	got := lines(t, OutputName(out, "memfs://crawl/a.warc.gz"))
	if len(got) != 10 || !strings.Contains(got[0], `"file":"memfs://crawl/a.warc.gz"`) {
		t.Errorf("%d lines, first %.200s", len(got), got[0])
	}
}

// testPages are small pages of several kinds, with no dataset needed.
func testPages(n int) []batchtest.Page {
	var pages []batchtest.Page
	for i := range n {
		body := fmt.Sprintf("<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1>%s</article></body></html>",
			i, i, strings.Repeat(fmt.Sprintf("<p>Paragraph %d of a page that says enough to be kept as an article, with words.</p>", i), 6))
		p := batchtest.Page{URL: fmt.Sprintf("https://x.test/%d", i), Body: []byte(body)}
		switch i % 7 {
		case 3:
			p.Type = "request"
		case 5:
			p.Status = 404
		}
		pages = append(pages, p)
	}
	return pages
}

package runner

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/batchtest"
	"github.com/winnow-go/winnow/render"
)

const aebDir = "../../../shared/datasets/aeb"

const smallPage = `<!doctype html><html lang="en"><head><title>Council backs river park</title></head><body>
<article><h1>Council backs river park</h1>
<p>The city council voted on Tuesday to expand the river park, ending a debate that had lasted for more than three years and divided several neighbourhoods along the water.</p>
<p>Supporters said the new paths, trees and playgrounds would give families a safe place to walk, while opponents worried about the cost and the loss of parking near the old market hall.</p>
<p>The mayor told reporters after the meeting that the first phase would begin in the spring, once the engineers had finished their survey of the flood walls and the drainage under the road.</p>
<p>Residents who spoke at the hearing were mostly in favour, although a few shop owners asked for a promise that deliveries would still reach their doors during the months of construction.</p>
<p>The budget approved by the council sets aside money for maintenance over the next ten years, a detail that several members said had finally persuaded them to vote for the plan.</p>
</article></body></html>`

// TestMain lets the kill-and-resume test run a batch in a child process
// that it can SIGKILL.
func TestMain(m *testing.M) {
	if in := os.Getenv("WINNOW_BATCH_CHILD_IN"); in != "" {
		_, err := Run(context.Background(), childConfig(in, os.Getenv("WINNOW_BATCH_CHILD_OUT")))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// childConfig commits often, so kills land between and inside commits.
func childConfig(in, out string) Config {
	return Config{Inputs: []string{in}, Output: out, Workers: 2, CommitLines: 3, CommitEvery: 20 * time.Millisecond}
}

// readLines decompresses an output file and returns its lines.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() == 0 {
		return nil
	}
	var r io.Reader = f
	switch {
	case strings.HasSuffix(path, ".gz"):
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case strings.HasSuffix(path, ".zst"):
		zr, err := zstd.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		r = zr
	}
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return lines
}

type outLine struct {
	URL    string `json:"url"`
	Status string `json:"status"`
	Filter string `json:"filter"`
	Error  string `json:"error"`
	Source struct {
		File     string `json:"file"`
		Offset   int64  `json:"offset"`
		RecordID string `json:"record_id"`
	} `json:"source"`
}

func parse(t *testing.T, lines []string) []outLine {
	t.Helper()
	var out []outLine
	for _, l := range lines {
		var o outLine
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		out = append(out, o)
	}
	return out
}

func fixture(t *testing.T) string {
	t.Helper()
	p := func(u string) batchtest.Page {
		return batchtest.Page{URL: "https://s.test/" + u, Body: []byte(smallPage)}
	}
	pages := []batchtest.Page{
		p("a"), p("b"),
		{URL: "https://s.test/404", Status: 404, Body: []byte(smallPage)},
		{URL: "https://s.test/png", ContentType: "image/png", Body: []byte("\x89PNG")},
		{Type: "request", URL: "https://s.test/a"},
		{URL: "https://s.test/cut", Body: []byte(smallPage), Cut: 30},
		p("c"),
	}
	path := filepath.Join(t.TempDir(), "in.warc.gz")
	if err := batchtest.WriteWARC(path, true, pages); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunOutputs(t *testing.T) {
	in := fixture(t)
	for _, ext := range []string{".jsonl", ".jsonl.gz", ".jsonl.zst"} {
		t.Run(ext, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out"+ext)
			sum, err := Run(context.Background(), Config{Inputs: []string{in}, Output: out, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			lines := parse(t, readLines(t, out))
			statuses := map[string]int{}
			for _, l := range lines {
				if l.Status == "error" {
					statuses["error"]++
				} else {
					statuses["page"]++
				}
				if l.Source.File != in {
					t.Errorf("source = %+v", l.Source)
				}
			}
			// Four pages (one cut short) have lines; the 404, the image
			// and the request are counted and skipped.
			if statuses["page"] != 3 || statuses["error"] != 1 || len(lines) != 4 {
				t.Errorf("lines = %d %v", len(lines), statuses)
			}
			for _, k := range []string{"skipped_status_404", "skipped_not_html", "skipped_warc_request", "error"} {
				if sum.Counts[k] != 1 {
					t.Errorf("count %s = %d, want 1 (all: %v)", k, sum.Counts[k], sum.Counts)
				}
			}
			if sum.Lines() != 4 {
				t.Errorf("Lines() = %d", sum.Lines())
			}
			// The checkpoint is gone once the run is complete; the same
			// command again does the run again, into the same lines.
			if _, err := os.Stat(out + ".ckpt"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("checkpoint left after a complete run: %v", err)
			}
			again, err := Run(context.Background(), Config{Inputs: []string{in}, Output: out, Workers: 2})
			if err != nil || again.AlreadyComplete || again.Resumed || again.Lines() != 4 || len(readLines(t, out)) != 4 {
				t.Errorf("rerun: %v %+v", err, again)
			}
		})
	}
}

func TestRunFilters(t *testing.T) {
	in := fixture(t)
	tests := []struct {
		name   string
		cfg    Config
		lines  int
		counts map[string]int64
	}{
		{"dedupe omits", Config{Dedupe: true}, 2, map[string]int64{"filtered_duplicate": 2}},
		{"dedupe kept", Config{Dedupe: true, KeepFiltered: true}, 4, map[string]int64{"filtered_duplicate": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Inputs, cfg.Output, cfg.Workers = []string{in}, filepath.Join(t.TempDir(), "o.jsonl"), 1
			sum, err := Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			lines := parse(t, readLines(t, cfg.Output))
			if len(lines) != tt.lines {
				t.Errorf("%d lines, want %d", len(lines), tt.lines)
			}
			if sum.Lines() != int64(len(lines)) {
				t.Errorf("summary counts %d lines, the output holds %d", sum.Lines(), len(lines))
			}
			for k, v := range tt.counts {
				if sum.Counts[k] != v {
					t.Errorf("count %s = %d, want %d (%v)", k, sum.Counts[k], v, sum.Counts)
				}
			}
		})
	}
}

func TestCheckpointMismatch(t *testing.T) {
	in := fixture(t)
	out := filepath.Join(t.TempDir(), "o.jsonl")
	// An interrupted run leaves its checkpoint.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Config{Inputs: []string{in}, Output: out}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v", err)
	}
	if _, err := Run(context.Background(), Config{Inputs: []string{in}, Output: out, Dedupe: true}); err == nil {
		t.Error("a checkpoint of other options was resumed")
	}
	if sum, err := Run(context.Background(), Config{Inputs: []string{in}, Output: out, Dedupe: true, Fresh: true}); err != nil || sum.AlreadyComplete {
		t.Errorf("--fresh: %v", err)
	}
}

// TestCompleteCheckpointLeft: a run killed after its last commit, before
// it removed its checkpoint, is found complete by the same command, which
// removes the checkpoint.
func TestCompleteCheckpointLeft(t *testing.T) {
	in := fixture(t)
	out := filepath.Join(t.TempDir(), "o.jsonl")
	cfg := Config{Inputs: []string{in}, Output: out}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	jr, err := createJournal(out+".ckpt", journalHeader{Version: 1, Inputs: cfg.Inputs, Options: fingerprint(cfg)})
	if err != nil {
		t.Fatal(err)
	}
	if err := jr.appendLine(commitLine{Len: 10, WM: []int64{1, 0}, Counts: map[string]int64{"ok": 3}, Complete: true}); err != nil {
		t.Fatal(err)
	}
	jr.Close()
	sum, err := Run(context.Background(), cfg)
	if err != nil || !sum.AlreadyComplete || sum.Lines() != 3 {
		t.Errorf("%v %+v", err, sum)
	}
	if _, err := os.Stat(out + ".ckpt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("checkpoint left: %v", err)
	}
}

// TestRunStdout: Output "-" writes the lines to Stdout, with no file
// named "-" and no checkpoint. It used to create a file named "-".
func TestRunStdout(t *testing.T) {
	in := fixture(t)
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout bytes.Buffer
	sum, err := Run(context.Background(), Config{Inputs: []string{in}, Output: "-", Stdout: &stdout, Workers: 2, CommitLines: 2})
	if err != nil {
		t.Fatal(err)
	}
	lines := parse(t, strings.Split(strings.TrimSpace(stdout.String()), "\n"))
	if len(lines) != 4 || sum.Lines() != 4 {
		t.Errorf("%d lines on stdout, summary %d", len(lines), sum.Lines())
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("files written: %v", names)
	}
}

func TestReadJournalDropsCutLine(t *testing.T) {
	h := journalHeader{Version: 1, Inputs: []string{"x"}, Options: "o"}
	hb, _ := json.Marshal(h)
	full := string(hb) + "\n" + `{"len":10,"wm":[0,5],"done":[[0,9]],"counts":{"ok":2}}` + "\n"
	tests := []struct {
		name    string
		journal string
		len     int64
		good    int
	}{
		{"whole", full, 10, len(full)},
		{"cut line", full + `{"len":20,"wm":[0,`, 10, len(full)},
		{"header only", string(hb) + "\n", 0, len(hb) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, good, err := readJournal(strings.NewReader(tt.journal), h)
			if err != nil {
				t.Fatal(err)
			}
			if st.outLen != tt.len || good != int64(tt.good) {
				t.Errorf("len %d good %d, want %d %d", st.outLen, good, tt.len, tt.good)
			}
		})
	}
	if _, _, err := readJournal(strings.NewReader(full), journalHeader{Version: 1, Inputs: []string{"y"}}); err == nil {
		t.Error("header of other inputs accepted")
	}
}

// TestJournalKeys: a key inside a gzip member of several records is
// written with its InMember and read back; a key of two numbers (InMember
// 0) reads as before.
func TestJournalKeys(t *testing.T) {
	h := journalHeader{Version: 1, Inputs: []string{"x"}, Options: "o"}
	hb, _ := json.Marshal(h)
	for _, k := range []key{{0, 7, 0}, {1, 7, 3}} {
		c := commitLine{Len: 10, WM: k.ints(), Done: [][]int64{k.after().ints(), {1, 9}}, Counts: map[string]int64{}}
		cb, _ := json.Marshal(c)
		st, _, err := readJournal(strings.NewReader(string(hb)+"\n"+string(cb)+"\n"), h)
		if err != nil {
			t.Fatal(err)
		}
		if st.wm != k || !st.done[k.after()] || !st.done[key{1, 9, 0}] || len(st.done) != 2 {
			t.Errorf("%s: wm %v done %v", cb, st.wm, st.done)
		}
	}
	if k := (key{0, 7, 0}).ints(); len(k) != 2 {
		t.Errorf("key with InMember 0 written %v", k)
	}
	if _, _, err := readJournal(strings.NewReader(string(hb)+"\n"+`{"len":1,"wm":[0],"counts":{}}`+"\n"), h); err == nil {
		t.Error("a key of one number was accepted")
	}
}

// TestKillAndResume SIGKILLs a batch run at random points, reruns it each
// time, and checks that the output ends up with the same records as an
// uninterrupted run, none twice.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	pages := batchtest.AEBPagesTB(t, aebDir, 20)
	// 120 records: the AEB pages under several URLs, plus skipped and
	// broken records.
	var all []batchtest.Page
	for i := range 6 {
		for j, p := range pages {
			p.URL = fmt.Sprintf("%s?copy=%d", p.URL, i)
			if j == 7 && i == 2 {
				p.Status = 404
			}
			all = append(all, p)
		}
	}
	dir := t.TempDir()
	// Gzip layouts: a member per record, a WARC gzipped as one stream,
	// and members of three records.
	for _, name := range []string{"gz", "plain", "gz-stream", "gz-3"} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join(dir, name+".warc")
			var err error
			switch name {
			case "gz-stream":
				err = batchtest.WriteWARCMembers(in, []int{0}, all)
			case "gz-3":
				err = batchtest.WriteWARCMembers(in, []int{3}, all)
			default:
				err = batchtest.WriteWARC(in, name == "gz", all)
			}
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(dir, name+"-want.jsonl.gz")
			if _, err := Run(context.Background(), childConfig(in, want)); err != nil {
				t.Fatal(err)
			}
			got := filepath.Join(dir, name+"-got.jsonl.gz")
			rng := rand.New(rand.NewPCG(1, uint64(len(name))))
			kills, midRun := 0, 0
			for attempt := 0; ; attempt++ {
				if attempt > 60 {
					t.Fatal("the run never finished")
				}
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "WINNOW_BATCH_CHILD_IN="+in, "WINNOW_BATCH_CHILD_OUT="+got)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				var err error
				if attempt < 8 {
					// Even attempts kill at a random time, which may fall
					// before any output; odd ones wait until the run has
					// written output first, so that a kill mid-run is
					// tested however slow a loaded machine makes the start.
					delay := time.After(time.Duration(5+rng.IntN(150)) * time.Millisecond)
					if attempt%2 == 1 {
						delay = afterOutput(got, rng.IntN(20))
					}
					select {
					case err = <-done:
					case <-delay:
						_ = cmd.Process.Signal(syscall.SIGKILL)
						<-done
						kills++
						if fi, err := os.Stat(got); err == nil && fi.Size() > 0 {
							midRun++
						}
						continue
					}
				} else {
					err = <-done
				}
				if err != nil {
					t.Fatalf("child: %v\n%s", err, stderr.String())
				}
				break
			}
			t.Logf("%d kills, %d after output was written", kills, midRun)
			if midRun == 0 {
				t.Error("no kill landed after the run had written output")
			}
			wantLines, gotLines := readLines(t, want), readLines(t, got)
			sort.Strings(wantLines)
			sort.Strings(gotLines)
			if len(wantLines) != len(all)-1 {
				t.Errorf("uninterrupted run wrote %d lines, want %d", len(wantLines), len(all)-1)
			}
			seen := map[string]bool{}
			for _, l := range parse(t, gotLines) {
				k := fmt.Sprintf("%d %s", l.Source.Offset, l.Source.RecordID)
				if seen[k] {
					t.Errorf("record %s written twice", k)
				}
				seen[k] = true
			}
			if strings.Join(wantLines, "\n") != strings.Join(gotLines, "\n") {
				t.Errorf("resumed output differs: %d lines vs %d uninterrupted", len(gotLines), len(wantLines))
			}
		})
	}
}

// afterOutput fires extra milliseconds after the file at path has grown
// past its size now, or after ten seconds.
func afterOutput(path string, extra int) <-chan time.Time {
	size := int64(0)
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	fire := make(chan time.Time, 1)
	go func() {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if fi, err := os.Stat(path); err == nil && fi.Size() > size {
				break
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(extra) * time.Millisecond)
		fire <- time.Now()
	}()
	return fire
}

// fullFile is a file on a disk that fills up: it takes left more bytes,
// writing the first part of the write that goes past them, then fails
// with ENOSPC.
type fullFile struct {
	outFile
	left int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) <= f.left {
		f.left -= len(p)
		return f.outFile.Write(p)
	}
	n, _ := f.outFile.Write(p[:f.left])
	f.left = 0
	return n, syscall.ENOSPC
}

// TestDiskFull: when the output cannot be written, it is cut back to its
// last commit (no torn line), the summary counts what it holds, and the
// same command run again (with room on the disk) finishes the job with
// every record once. The output used to end in a torn line, and the
// summary counted lines that were never committed.
func TestDiskFull(t *testing.T) {
	var pages []batchtest.Page
	for i := range 40 {
		pages = append(pages, batchtest.Page{URL: fmt.Sprintf("https://s.test/%d", i), Body: []byte(smallPage)})
	}
	in := filepath.Join(t.TempDir(), "in.warc.gz")
	if err := batchtest.WriteWARC(in, true, pages); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".jsonl", ".jsonl.gz"} {
		whole := filepath.Join(t.TempDir(), "whole"+ext)
		if _, err := Run(context.Background(), Config{Inputs: []string{in}, Output: whole, Workers: 2, CommitLines: 2}); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(whole)
		if err != nil {
			t.Fatal(err)
		}
		size := int(fi.Size())
		// Room for all but the last few bytes. Workers finish in any
		// order, and gzip's output size follows the order, so a
		// compressed run may come out smaller than the measured one:
		// leave it a wide margin.
		nearlyAll := size - 10
		if ext == ".jsonl.gz" {
			nearlyAll = size * 3 / 4
		}
		for _, room := range []int{0, 100, size / 3, nearlyAll} {
			t.Run(fmt.Sprint(ext, room), func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out"+ext)
				cfg := Config{Inputs: []string{in}, Output: out, Workers: 2, CommitLines: 2}
				cfg.wrapOutput = func(f outFile) outFile { return &fullFile{outFile: f, left: room} }
				sum, err := Run(context.Background(), cfg)
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatalf("error %v, want ENOSPC", err)
				}
				data, rerr := os.ReadFile(out)
				if rerr != nil {
					t.Fatal(rerr)
				}
				if ext == ".jsonl" && len(data) > 0 && data[len(data)-1] != '\n' {
					t.Errorf("output ends in a torn line: %q", data[max(0, len(data)-40):])
				}
				lines := readLines(t, out)
				if got := sum.Lines(); got != int64(len(lines)) {
					t.Errorf("summary counts %d lines, the output holds %d (%v)", got, len(lines), sum.Counts)
				}
				if room >= size/3 && len(lines) == 0 {
					t.Error("nothing committed before the disk filled")
				}
				// Room again: the same command finishes, every record once.
				cfg.wrapOutput = nil
				sum, err = Run(context.Background(), cfg)
				if err != nil {
					t.Fatal(err)
				}
				seen := map[string]int{}
				for _, l := range parse(t, readLines(t, out)) {
					seen[l.URL]++
				}
				for _, p := range pages {
					if seen[p.URL] != 1 {
						t.Errorf("%s written %d times", p.URL, seen[p.URL])
					}
				}
				if sum.Lines() != int64(len(pages)) {
					t.Errorf("resumed summary counts %d lines, want %d", sum.Lines(), len(pages))
				}
			})
		}
	}
}

// TestFingerprintNewOptions: --format, --formatting and --comments enter
// the checkpoint's fingerprint only when set, so a checkpoint written
// before they existed still resumes, and one written with them is not
// resumed without them.
func TestFingerprintNewOptions(t *testing.T) {
	base := Config{Inputs: []string{"in.warc"}, Output: "out.jsonl"}
	// The fingerprint of a default run, as checkpoints before these
	// options wrote it.
	const old = `{"articles_only":false,"dedupe":false,"explain":false,"focus":0,"keep_filtered":false,"langs":null,"links":false,"max_record":0,"min_words":0,"no_images":false,"output":"out.jsonl"}`
	if got := fingerprint(base); got != old {
		t.Errorf("default fingerprint changed:\n%s\nwant\n%s", got, old)
	}
	text := base
	text.Process.Format = render.FormatText
	if got := fingerprint(text); got != old {
		t.Errorf("--format text: %s", got)
	}
	budget := base
	budget.Process.Extract.MaxElements = winnow.DefaultMaxElements
	if got := fingerprint(budget); got != old {
		t.Errorf("--max-elements at its default: %s", got)
	}
	tests := []struct {
		name string
		set  func(*Config)
		want string
	}{
		{"format", func(c *Config) { c.Process.Format = render.FormatMarkdown }, `"format":"markdown"`},
		{"formatting", func(c *Config) { c.Process.Extract.Formatting = true }, `"formatting":true`},
		{"comments", func(c *Config) { c.Process.Extract.Comments = true }, `"comments":true`},
		{"max-elements", func(c *Config) { c.Process.Extract.MaxElements = 1000 }, `"max_elements":1000`},
		{"no element budget", func(c *Config) { c.Process.Extract.MaxElements = -1 }, `"max_elements":-1`},
	}
	seen := map[string]string{old: "default"}
	for _, tt := range tests {
		c := base
		tt.set(&c)
		got := fingerprint(c)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: %s lacks %s", tt.name, got, tt.want)
		}
		if other, ok := seen[got]; ok {
			t.Errorf("%s: same fingerprint as %s", tt.name, other)
		}
		seen[got] = tt.name
	}
}

// TestHeaderlessCheckpoint: a run killed between creating its checkpoint
// and writing the header leaves an empty or half-written checkpoint; the
// same command then starts over instead of failing, and writes every
// record once.
func TestHeaderlessCheckpoint(t *testing.T) {
	var pages []batchtest.Page
	for i := range 5 {
		pages = append(pages, batchtest.Page{URL: fmt.Sprintf("https://s.test/%d", i), Body: []byte(smallPage)})
	}
	in := filepath.Join(t.TempDir(), "in.warc")
	if err := batchtest.WriteWARC(in, false, pages); err != nil {
		t.Fatal(err)
	}
	for name, ckpt := range map[string]string{"empty": "", "half a header": `{"version":1,"inpu`} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			if err := os.WriteFile(out, []byte("stale line\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out+".ckpt", []byte(ckpt), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Run(context.Background(), Config{Inputs: []string{in}, Output: out, Workers: 1}); err != nil {
				t.Fatalf("run after a headerless checkpoint: %v", err)
			}
			lines := readLines(t, out)
			if len(lines) != len(pages) {
				t.Errorf("%d lines, want %d:\n%s", len(lines), len(pages), strings.Join(lines, "\n"))
			}
		})
	}
}

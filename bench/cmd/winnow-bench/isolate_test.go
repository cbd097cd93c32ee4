package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
)

func TestParseGC(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"100,cli", []string{"100", "cli"}, false},
		{" 400 , 100 ", []string{"400", "100"}, false},
		{"100,100", []string{"100"}, false},
		{"OFF,CLI", []string{"off", "cli"}, false},
		{"0", nil, true},
		{"-1", nil, true},
		{"fast", nil, true},
		{"100,", nil, true},
	}
	for _, tt := range tests {
		got, err := parseGC(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("parseGC(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestCLIMemLimit(t *testing.T) {
	const gib = 1 << 30
	tests := []struct{ avail, want int64 }{
		{8 * gib, 2 * gib},
		{100 << 20, 64 << 20}, // the floor
		{0, 0},                // unknown: no limit
	}
	for _, tt := range tests {
		if got := cliMemLimit(tt.avail); got != tt.want {
			t.Errorf("cliMemLimit(%d) = %d, want %d", tt.avail, got, tt.want)
		}
	}
}

func TestChildEnv(t *testing.T) {
	got := childEnv([]string{"HOME=/h", "GOGC=50", "GOMEMLIMIT=1GiB", "GOGCX=1", "GODEBUG=gctrace=1"}, "100")
	want := []string{"HOME=/h", "GOGCX=1", "GODEBUG=gctrace=1", "GOGC=100"}
	if !slices.Equal(got, want) {
		t.Errorf("childEnv 100 = %q, want %q", got, want)
	}
	got = childEnv([]string{"GOGC=50"}, "cli")
	if len(got) != 2 || got[0] != "GOGC=400" || !strings.HasPrefix(got[1], "GOMEMLIMIT=") {
		t.Errorf("childEnv cli = %q, want GOGC=400 and a memory limit", got)
	}
}

func TestChildArgs(t *testing.T) {
	cfg := config{pagesDir: "/p", truthPath: "/t.json", warmup: 2, f1: true}
	got := strings.Join(childArgs(cfg, job{contender: "go-shiori/readability", workers: 2, procs: 2}), " ")
	want := "-child go-shiori/readability -workers 2 -procs 2 -warmup 2 -pages /p -f1=true -truth /t.json"
	if got != want {
		t.Errorf("childArgs = %q, want %q", got, want)
	}
	cfg.truthPath, cfg.heapPages = "", true
	got2 := childArgs(cfg, job{contender: "winnow", workers: 1, procs: 1})
	if slices.Contains(got2, "-truth") || !slices.Contains(got2, "-heap-pages") {
		t.Errorf("childArgs without truth, heap pages = %q", got2)
	}
}

// fakeJob stands in for a job's process.
type fakeJob struct {
	name   string
	log    *[]string
	fail   bool
	closed bool
}

func (f *fakeJob) hello() hello { return hello{Name: f.name} }
func (f *fakeJob) close() error { f.closed = true; return nil }
func (f *fakeJob) round() (roundStat, error) {
	*f.log = append(*f.log, f.name)
	if f.fail {
		return roundStat{}, fmt.Errorf("exit status 2")
	}
	return roundStat{Wall: float64(len(*f.log))}, nil
}

// TestMeasure checks that every job is set up before any round, that the
// rounds rotate the jobs, and that the jobs are closed.
func TestMeasure(t *testing.T) {
	var log []string
	var fakes []*fakeJob
	start := func(j job) (contestant, error) {
		log = append(log, "start "+j.contender)
		f := &fakeJob{name: j.contender + " " + j.gc, log: &log}
		fakes = append(fakes, f)
		return f, nil
	}
	jobs := []job{{contender: "winnow", gc: "100"}, {contender: "other", gc: "100"}, {contender: "winnow", gc: "cli"}}
	hellos, stats, err := measure(jobs, 2, start)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"start winnow", "start other", "start winnow",
		"winnow 100", "other 100", "winnow cli",
		"other 100", "winnow cli", "winnow 100"}
	if !slices.Equal(log, want) {
		t.Errorf("order = %q, want %q", log, want)
	}
	if hellos[1].Name != "other 100" || len(stats[0]) != 2 || stats[0][1].Wall != 9 {
		t.Errorf("hellos %v, stats %v", hellos, stats)
	}
	for _, f := range fakes {
		if !f.closed {
			t.Errorf("%s not closed", f.name)
		}
	}

	fakes = nil
	start = func(j job) (contestant, error) {
		f := &fakeJob{name: j.contender, log: &log, fail: j.contender == "other"}
		fakes = append(fakes, f)
		return f, nil
	}
	if _, _, err := measure(jobs, 1, start); err == nil || !strings.Contains(err.Error(), "other") {
		t.Errorf("a failed round: err = %v", err)
	}
	for _, f := range fakes {
		if !f.closed {
			t.Errorf("after a failure, %s not closed", f.name)
		}
	}
}

// writePage writes one small page, with a truth file, into a new folder.
func writePage(t *testing.T) (dir, truth string) {
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte("<html><body><article><p>Some words of a page.</p></article></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	truth = filepath.Join(dir, "ground-truth.json")
	if err := os.WriteFile(truth, []byte(`{"a":{"articleBody":"Some words of a page.","url":"https://x.example/a"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, truth
}

// TestChildMode runs -child in this process: a hello, then one round per
// line of stdin, each one JSON object on a line.
func TestChildMode(t *testing.T) {
	dir, truth := writePage(t)
	var out bytes.Buffer
	cfg := config{pagesDir: dir, truthPath: truth, rounds: 1, procs: 1, warmup: 1, f1: true, child: "floor: html.Parse"}
	err := runChildMode(cfg, mustLoad(t, dir, truth), 4096, strings.NewReader("round\nround\n"), &out)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&out)
	var h hello
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &h) != nil {
		t.Fatalf("no hello in %s", out.String())
	}
	if h.Name != "floor: html.Parse" || h.GC == "" || h.StartHeapMB <= 0 || h.PagesMapped != 4096 || h.Score != nil {
		t.Errorf("hello = %+v", h)
	}
	rounds := 0
	for sc.Scan() {
		var st roundStat
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil || st.Wall <= 0 {
			t.Errorf("round %q: %v", sc.Text(), err)
		}
		rounds++
	}
	if rounds != 2 {
		t.Errorf("%d rounds, want 2", rounds)
	}
	cfg.child = "html.Parse"
	if err := runChildMode(cfg, nil, 0, strings.NewReader(""), &out); err == nil {
		t.Error("-child takes a name in part")
	}
}

func mustLoad(t *testing.T, dir, truth string) []page {
	t.Helper()
	pages, _, err := loadPagesTo(dir, truth, true)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestInProcess runs the comparison in this process end to end.
func TestInProcess(t *testing.T) {
	dir, truth := writePage(t)
	var out bytes.Buffer
	cfg := config{pagesDir: dir, truthPath: truth, rounds: 2, procs: 1, warmup: 1, f1: true, only: "winnow,html.Parse", gogc: "100,cli", jsonOut: true}
	if err := run(cfg, &out); err != nil {
		t.Fatal(err)
	}
	var rep compareReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 4 || rep.Env.Isolated || rep.Results[3].Name != "floor: html.Parse (cli (GOGC=400 + limit))" ||
		len(rep.Results[3].Rounds) != 2 || rep.Results[0].Score == nil || !strings.Contains(rep.Results[2].GC, "GOGC=400 GOMEMLIMIT=") {
		t.Errorf("report = %s", out.String())
	}
}

func TestFindBenchDir(t *testing.T) {
	root := t.TempDir()
	bench := filepath.Join(root, "bench")
	deep := filepath.Join(bench, "cmd", "winnow-bench")
	os.MkdirAll(deep, 0o755)
	other := filepath.Join(root, "elsewhere")
	os.MkdirAll(other, 0o755)
	if got := findBenchDir(deep); got != "" {
		t.Errorf("no go.mod yet: %q", got)
	}
	os.WriteFile(filepath.Join(bench, "go.mod"), []byte(benchModule+"\n\ngo 1.26.0\n"), 0o644)
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module github.com/winnow-go/winnow\n"), 0o644)
	for _, from := range []string{deep, bench, root, other} {
		if got := findBenchDir(from); got != bench {
			t.Errorf("findBenchDir(%s) = %q, want %q", from, got, bench)
		}
	}
}

// TestChildLinksItsContenderAlone builds the children of an isolated run
// (the floor's and go-trafilatura's) and checks what each holds at
// start-up: the floor's process must not carry go-trafilatura's package
// data, as every child did when each linked every contender.
func TestChildLinksItsContenderAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	wd, _ := os.Getwd()
	jobs := []job{{contender: "floor: html.Parse", gc: "100", workers: 1, procs: 1}, {contender: "go-trafilatura", gc: "100", workers: 1, procs: 1}}
	bins, err := childBinaries(findBenchDir(wd), t.TempDir(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	dir, truth := writePage(t)
	heap := map[string]float64{}
	for _, j := range jobs {
		c, err := startChild(bins[j.contender], childArgs(config{pagesDir: dir, truthPath: truth, warmup: 1}, j), childEnv(os.Environ(), j.gc))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.round(); err != nil {
			t.Error(err)
		}
		if err := c.close(); err != nil {
			t.Error(err)
		}
		heap[j.contender] = c.hello().StartHeapMB
	}
	if heap["floor: html.Parse"] > 5 || heap["go-trafilatura"] < 10 {
		t.Errorf("start-up heaps (MB) = %v; want the floor's small and go-trafilatura's with its tables", heap)
	}
}

// TestScalingInProcess runs the scaling mode in this process: winnow with
// 1 worker and with 2, the speed-up from the same rounds.
func TestScalingInProcess(t *testing.T) {
	dir, truth := writePage(t)
	var out bytes.Buffer
	cfg := config{pagesDir: dir, truthPath: truth, rounds: 2, procs: 1, warmup: 1, f1: true, workers: 2, gogc: "100", jsonOut: true}
	if err := run(cfg, &out); err != nil {
		t.Fatal(err)
	}
	var rep compareReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 || rep.Results[1].Workers != 2 || rep.Results[1].Speedup <= 0 ||
		rep.Results[1].Name != "winnow, 2 worker(s), GOGC=100" || rep.Env.GOMAXPROCS != 2 {
		t.Errorf("report = %s", out.String())
	}
}

// TestLiveHeapKeepsFreedMemory checks that measuring the live heap before
// the first round does not return the free heap to the system: the first
// timed pass would fault it back in (with every page's memory released,
// the first round of go-trafilatura took 34,723 minor faults, the later
// ones about 6,000).
func TestLiveHeapKeepsFreedMemory(t *testing.T) {
	released := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	var keep [][]byte
	for range 64 {
		keep = append(keep, make([]byte, 512<<10))
	}
	runtime.KeepAlive(keep)
	keep = nil
	before := released()
	liveHeapMB()
	if grew := released() - before; released() > before && grew > 16<<20 {
		t.Errorf("measuring the live heap released %d MB of free heap to the system", grew>>20)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

func TestParseGOGC(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"100,400", []string{"100", "400"}, false},
		{" 400 , 100 ", []string{"400", "100"}, false},
		{"100,100", []string{"100"}, false},
		{"OFF", []string{"off"}, false},
		{"0", nil, true},
		{"-1", nil, true},
		{"fast", nil, true},
		{"100,", nil, true},
	}
	for _, tt := range tests {
		got, err := parseGOGC(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("parseGOGC(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestChildEnv(t *testing.T) {
	got := childEnv([]string{"HOME=/h", "GOGC=50", "GOMEMLIMIT=1GiB", "GOGCX=1", "PATH=/bin"}, "400")
	want := []string{"HOME=/h", "GOGCX=1", "PATH=/bin", "GOGC=400"}
	if !slices.Equal(got, want) {
		t.Errorf("childEnv = %q, want %q", got, want)
	}
}

func TestChildArgs(t *testing.T) {
	cfg := config{pagesDir: "/p", truthPath: "/t.json", warmup: 3, procs: 1, f1: true}
	got := strings.Join(childArgs(cfg, "go-shiori/readability"), " ")
	want := "-child go-shiori/readability -rounds 1 -warmup 3 -procs 1 -pages /p -f1=true -truth /t.json"
	if got != want {
		t.Errorf("childArgs = %q, want %q", got, want)
	}
	cfg.truthPath = ""
	if got := childArgs(cfg, "winnow"); slices.Contains(got, "-truth") {
		t.Errorf("childArgs without truth = %q", got)
	}
}

// TestCompareIsolated stands in for the child processes: every
// contender runs once per round and GC setting, in rotated order, with
// its GOGC in the environment, and the rounds are merged per contender.
func TestCompareIsolated(t *testing.T) {
	old := runChild
	defer func() { runChild = old }()
	var calls []string
	runChild = func(args, env []string) ([]byte, error) {
		name := args[slices.Index(args, "-child")+1]
		gogc := env[len(env)-1]
		calls = append(calls, name+" "+gogc)
		secs := 1.0 // winnow takes 1 s a round, the other 3 s
		if name != "winnow" {
			secs = 3
		}
		if gogc == "GOGC=400" {
			secs /= 2
		}
		return json.Marshal(compareResult{Name: name, Seconds: secs, RoundSeconds: []float64{secs},
			CPUSeconds: []float64{secs}, AllocsPerPage: float64(len(calls)), StartHeapMB: 2})
	}
	cs := []contenders.Contender{{Name: "winnow"}, {Name: "other"}}
	res, err := compareIsolated(config{rounds: 2}, cs, []string{"100", "400"}, 10, 1e6)
	if err != nil {
		t.Fatal(err)
	}
	wantCalls := []string{
		"winnow GOGC=100", "other GOGC=100", "winnow GOGC=400", "other GOGC=400",
		"other GOGC=100", "winnow GOGC=400", "other GOGC=400", "winnow GOGC=100",
	}
	if !slices.Equal(calls, wantCalls) {
		t.Errorf("calls = %q, want %q", calls, wantCalls)
	}
	var names []string
	for _, r := range res {
		names = append(names, r.Name)
	}
	if want := []string{"winnow (GOGC=100)", "other (GOGC=100)", "winnow (GOGC=400)", "other (GOGC=400)"}; !slices.Equal(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
	o := res[1]
	tests := []struct {
		name      string
		got, want any
	}{
		{"rounds", len(o.RoundSeconds), 2},
		{"seconds", o.Seconds, 6.0},
		{"pages/s", o.PagesPerSec, 10 / 3.0},
		{"× winnow at the same GOGC", o.VsWinnow, 3.0},
		{"× winnow CPU", res[3].CPUVsWinnow, 3.0},
		{"allocs averaged", o.AllocsPerPage, (2 + 5) / 2.0},
		{"gogc", res[2].GOGC, "400"},
		{"start heap", o.StartHeapMB, 2.0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}

	runChild = func(args, env []string) ([]byte, error) { return nil, fmt.Errorf("exit status 2") }
	if _, err := compareIsolated(config{rounds: 1}, cs, []string{"100"}, 10, 1e6); err == nil {
		t.Error("a failed child is not an error")
	}
}

// TestChildMode runs -child in this process: one contender's figures as
// one JSON object, at the GOGC of the process.
func TestChildMode(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte("<html><body><article><p>Some words of a page.</p></article></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run(config{pagesDir: dir, rounds: 1, procs: 1, child: "floor: html.Parse"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	var r compareResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v: %s", err, out.Bytes())
	}
	if r.Name != "floor: html.Parse" || len(r.RoundSeconds) != 1 || r.GOGC == "" || r.StartHeapMB <= 0 {
		t.Errorf("child result = %+v", r)
	}
	if err := run(config{pagesDir: dir, rounds: 1, procs: 1, child: "html.Parse"}, &out); err == nil {
		t.Error("-child takes a name in part")
	}
}

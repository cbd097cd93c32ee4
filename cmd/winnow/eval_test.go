package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeEvalSet writes a two-page data set in the benchmark's shape.
func writeEvalSet(t *testing.T) (pages, truth string) {
	t.Helper()
	dir := t.TempDir()
	page := "<html><head><title>Floods</title></head><body><main>" +
		strings.Repeat("<p>The river rose overnight and the town woke to water in its streets.</p>", 6) +
		"</main></body></html>"
	for _, id := range []string{"p1", "p2"} {
		if err := os.WriteFile(filepath.Join(dir, id+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	truth = filepath.Join(dir, "truth.json")
	body := strings.Repeat("The river rose overnight and the town woke to water in its streets. ", 6)
	raw, _ := json.Marshal(map[string]any{
		"p1": map[string]string{"articleBody": body, "url": "https://example.org/1"},
		"p2": map[string]string{"articleBody": body, "url": "https://example.org/2"},
	})
	if err := os.WriteFile(truth, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, truth
}

func TestEvalCLI(t *testing.T) {
	pages, truth := writeEvalSet(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"table", []string{"--pages", pages, "--truth", truth, "--worst", "1"}, 0,
			[]string{"pages", "precision", "F1", "±", "html", "worst 1 pages:", "https://example.org/1"}, ""},
		{"text mode", []string{"--pages", pages, "--truth", truth, "--input", "text"}, 0, []string{"text  "}, ""},
		{"json", []string{"--json", "--pages", pages, "--truth", truth}, 0, []string{`"pages": 2`, `"ci95"`}, ""},
		{"bad mode", []string{"--pages", pages, "--truth", truth, "--input", "pdf"}, 2, nil, "unknown --input"},
		{"missing truth", []string{"--pages", pages, "--truth", filepath.Join(pages, "nope.json")}, 2, nil, "nope.json"},
		{"stray argument", []string{"--pages", pages, "--truth", truth, "extra"}, 2, nil, "unexpected argument"},
		{"both focuses", []string{"--precision", "--recall"}, 2, nil, "together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := evalCmd(tt.args, &out, &errOut)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut.String())
			}
			for _, s := range tt.wantOut {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.wantErr)
			}
		})
	}
}

// TestEvalWeights: --print-weights prints the defaults, which --weights
// reads back to the same scores; a changed threshold changes the result;
// an unknown field is an error.
func TestEvalWeights(t *testing.T) {
	pages, truth := writeEvalSet(t)
	dir := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := evalCmd(args, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	code, defaults, stderr := run("--print-weights")
	if code != 0 || !strings.Contains(defaults, `"MaxLinkDensity": 0.5`) || !strings.Contains(defaults, `"MinBodyWords": 40`) {
		t.Fatalf("--print-weights: exit %d, stderr %q, out:\n%s", code, stderr, defaults)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	metrics := func(args ...string) string {
		code, out, stderr := run(append([]string{"--json", "--pages", pages, "--truth", truth}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		var rep struct {
			Metrics   map[string]float64 `json:"metrics"`
			NoArticle int                `json:"no_article"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rep)
		return string(b)
	}
	base := metrics()
	if got := metrics("--weights", write("defaults.json", defaults)); got != base {
		t.Errorf("the printed defaults score %s, without --weights %s", got, base)
	}
	// A short body is no refusal (that is --articles-only), but the
	// thresholds of an empty shell read the same count.
	if got := metrics("--weights", write("short.json", `{"html": {"MinArticleWords": 1000}}`)); got != base {
		t.Errorf("MinArticleWords 1000 alone changed the scores: %s, want %s", got, base)
	}
	if got := metrics("--weights", write("dup.json", `{"html": {"MinDuplicateText": 100000}}`)); got == base {
		t.Errorf("MinDuplicateText 100000 should keep the repeated paragraphs and change the scores: %s", got)
	}
	code, _, stderr = run("--pages", pages, "--truth", truth, "--weights", write("bad.json", `{"html": {"MinArticleWord": 10}}`))
	if code != 2 || !strings.Contains(stderr, "MinArticleWord") {
		t.Errorf("unknown field: exit %d, stderr %q", code, stderr)
	}
}

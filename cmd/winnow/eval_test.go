package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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
	truth = filepath.Join(dir, "ground-truth.json")
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
		{"pages alone finds the truth beside it", []string{"--pages", pages}, 0, []string{"html  2"}, ""},
		{"truth alone finds no html/", []string{"--truth", truth}, 2, nil, "not in"},
		{"set and pages", []string{"--set", pages, "--pages", pages}, 2, nil, "cannot be used with"},
		{"unknown set", []string{"--datasets", pages, "--set", "nope"}, 2, nil, "nope"},
		{"bad mode in a list", []string{"--pages", pages, "--truth", truth, "--input", "html,pdf"}, 2, nil, "unknown --input"},
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

// writeTypedSet writes a set in the WCXB shape under root/name: two pages
// of two types, with snippets.
func writeTypedSet(t *testing.T, root, name string) {
	t.Helper()
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	paras := []string{
		"The river rose overnight and the town woke to water in its streets.",
		"Shopkeepers on the lower road carried their stock upstairs by lamplight.",
		"The volunteer crew filled sandbags at the bridge until the small hours.",
		"By morning the water had reached the steps of the old mill for the first time in forty years.",
		"The council opened the school hall to families from the riverside terraces.",
		"Engineers expect the level to fall slowly over the weekend as the rain moves east.",
	}
	page := "<html><head><title>Floods</title></head><body><nav><a href=/>Home</a></nav><main><p>" +
		strings.Join(paras, "</p><p>") + "</p></main></body></html>"
	for _, id := range []string{"a", "b"} {
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body := strings.Join(paras, "\n\n")
	raw, _ := json.Marshal(map[string]any{
		"a": map[string]any{"articleBody": body, "url": "https://example.org/a", "type": "article",
			"with": []string{"the town woke to water"}, "without": []string{"Home"}},
		"b": map[string]any{"articleBody": body, "url": "https://example.org/b", "type": "forum",
			"with": nil, "without": nil},
	})
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEvalSets: several sets and both modes in one run, by name under
// --datasets and by folder; the table has a row per set and mode, and
// typed sets get the per-type table and the confusion matrix.
func TestEvalSets(t *testing.T) {
	root := t.TempDir()
	writeTypedSet(t, root, "typed")
	pages, _ := writeEvalSet(t)
	var out, errOut bytes.Buffer
	code := evalCmd([]string{"--datasets", root, "--set", "typed", "--set", pages, "--input", "html,text", "--worst", "1"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	base := filepath.Base(pages)
	got := out.String()
	for _, s := range []string{
		"word-F1", "With%", "Without%", "non-ok",
		"== typed, html mode", "== typed, text mode", "== " + base + ", text mode",
		"snippets: with 1 of 1 found (100.0%), without 0 of 1 found (0.0%)",
		"statuses: ok 2 (non-ok 0)",
		"false refusals: 0 of 0 pages with a reference over 500 characters (—%)",
		"per page type:", "article", "forum",
		"page type: accuracy 0.500 (1 of 2)",
		"worst 1 pages:",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("output lacks %q:\n%s", s, got)
		}
	}
	for _, row := range []string{"typed html 2", "typed text 2", base + " html 2", base + " text 2"} {
		if !regexp.MustCompile(`(?m)^` + strings.ReplaceAll(regexp.QuoteMeta(row), " ", `\s+`) + `\s`).MatchString(got) {
			t.Errorf("no table row %q:\n%s", row, got)
		}
	}
	if n := strings.Count(got, "per page type:"); n != 2 {
		t.Errorf("%d per-type tables, want 2 (the typed set, both modes)", n)
	}

	out.Reset()
	code = evalCmd([]string{"--json", "--datasets", root, "--set", "typed", "--input", "html,text"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("json: exit %d, stderr %q", code, errOut.String())
	}
	var reps []struct {
		Set      string         `json:"set"`
		Mode     string         `json:"mode"`
		Pages    int            `json:"pages"`
		Words    map[string]any `json:"words"`
		Snippets struct {
			With      float64 `json:"with"`
			WithTotal int     `json:"with_total"`
		} `json:"snippets"`
		Statuses      map[string]int   `json:"statuses"`
		FalseRefusals map[string]any   `json:"false_refusals"`
		Types         []map[string]any `json:"types"`
		Confusion     struct {
			Truth     []string `json:"truth"`
			Predicted []string `json:"predicted"`
			Counts    [][]int  `json:"counts"`
		} `json:"confusion"`
		Results []map[string]any `json:"results"`
	}
	if err := json.Unmarshal(out.Bytes(), &reps); err != nil {
		t.Fatalf("several runs must give a JSON array: %v\n%s", err, out.String())
	}
	if len(reps) != 2 || reps[0].Mode != "html" || reps[1].Mode != "text" || reps[0].Set != "typed" {
		t.Fatalf("reports: %+v", reps)
	}
	r := reps[0]
	if r.Pages != 2 || r.Words["f1"] == nil || r.Snippets.WithTotal != 1 || r.Snippets.With != 1 ||
		r.Statuses["ok"] != 2 || r.FalseRefusals["of"] == nil || len(r.Types) != 2 ||
		len(r.Confusion.Truth) != 2 || len(r.Confusion.Counts) != 2 || r.Confusion.Counts[0][0] != 1 ||
		r.Results[0]["type"] != "article" || r.Results[0]["word"] == nil {
		t.Errorf("html report: %+v", r)
	}
}

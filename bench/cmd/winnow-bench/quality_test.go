package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/dataset"
)

// writeQualitySet writes a set of three typed pages whose HTML is the text
// the echo contender returns.
func writeQualitySet(t *testing.T) dataset.Set {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "html"), 0o755))
	for id, body := range map[string]string{"a": "one two three four five", "b": "boom", "c": "bad"} {
		must(os.WriteFile(filepath.Join(dir, "html", id+".html"), []byte(body), 0o644))
	}
	truth, _ := json.Marshal(map[string]any{
		"a": map[string]any{"articleBody": "one two three four five", "url": "", "type": "article", "with": []string{"TWO three"}, "without": []string{"six"}},
		"b": map[string]any{"articleBody": "six seven eight nine", "url": "", "type": "forum"},
		"c": map[string]any{"articleBody": "ten eleven twelve thirteen", "url": "", "type": "forum"},
	})
	must(os.WriteFile(filepath.Join(dir, "ground-truth.json"), truth, 0o644))
	s, err := dataset.FindSet(dir, "")
	must(err)
	return s
}

// TestQuality scores fake contenders with every metric: the echo one is
// perfect on page a and refuses b (panic) and c (error); the floor gives
// no text and is left out.
func TestQuality(t *testing.T) {
	set := writeQualitySet(t)
	echo := func(in contenders.Input) (string, error) {
		switch s := string(in.HTML); s {
		case "boom":
			panic("boom")
		case "bad":
			return "", errors.New("bad page")
		default:
			return s, nil
		}
	}
	cs := []contenders.Contender{
		{Name: "echo", HasText: true, Run: echo},
		{Name: "floor", Run: func(contenders.Input) (string, error) { return "", nil }},
	}
	res, err := quality(cs, []dataset.Set{set}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Pages != 3 || len(res[0].Results) != 1 {
		t.Fatalf("results: %+v", res)
	}
	r := res[0].Results[0]
	tests := []struct {
		name      string
		got, want any
	}{
		{"name", r.Name, "echo"},
		{"shingle recall", r.Metrics.Recall, 1.0 / 3},
		{"shingle precision", r.Metrics.Precision, 1.0},
		{"word-F1", r.Words.F1, 1.0 / 3},
		{"with found", r.Snippets.WithFound, 1},
		{"without found", r.Snippets.WithoutFound, 0},
		{"errors", r.Errors, 2},
		{"non-ok", r.NonOK, 2},
		{"types", len(r.Types), 2},
		{"forum non-ok", r.Types[1].NonOK, 2},
		{"confusion pages", r.Confusion.Pages, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	var b strings.Builder
	writeQuality(&b, environment{CPU: "x"}, 2, res)
	for _, s := range []string{"| echo |", "| 0.333 |", "| 100.0 | 0.0 | 100.0 | 2 |", "per page type:", "| forum | 2 | echo |"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}

func TestFindSets(t *testing.T) {
	set := writeQualitySet(t)
	if _, err := findSets(config{sets: []string{set.Dir}, pagesDir: "x"}); err == nil {
		t.Error("-set with -pages: want an error")
	}
	if _, err := findSets(config{sets: []string{"nosuch"}, datasets: t.TempDir()}); err == nil {
		t.Error("unknown set: want an error")
	}
	got, err := findSets(config{sets: []string{set.Dir}})
	if err != nil || len(got) != 1 || got[0].Truth != set.Truth {
		t.Errorf("findSets = %+v, %v", got, err)
	}
}

package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/bench/internal/contenders"
	"github.com/winnow-go/winnow/internal/dataset"
)

func TestCompare(t *testing.T) {
	pages := []page{
		{Page: dataset.Page{ID: "a", Truth: "one two three four five"}, HTML: []byte("one two three four five")},
		{Page: dataset.Page{ID: "b", Truth: "six seven eight nine"}, HTML: []byte("boom")},
		{Page: dataset.Page{ID: "c", Truth: "ten eleven twelve thirteen"}, HTML: []byte("bad")},
	}
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
		{Name: "winnow", HasText: true, Run: echo},
		{Name: "floor", Run: func(contenders.Input) (string, error) { return "", nil }},
	}
	res := compare(cs, pages, 2, 1, true)
	if len(res) != 2 {
		t.Fatalf("got %d results", len(res))
	}
	w, f := res[0], res[1]
	tests := []struct {
		name      string
		got, want any
	}{
		{"winnow panics", w.Panics, 1},
		{"winnow errors", w.Errors, 1},
		{"floor panics", f.Panics, 0},
		{"rounds timed", len(w.RoundSeconds), 2},
		{"winnow vs itself", w.VsWinnow, 1.0},
		{"floor has no score", f.Score == nil, true},
		{"pages scored", w.Score.Pages, 3},
		// page a is perfect, b and c predicted nothing: recall (1+0+0)/3.
		{"recall", w.Score.Recall, 1.0 / 3},
		{"precision", w.Score.Precision, 1.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestWriteCompare(t *testing.T) {
	var b strings.Builder
	writeCompare(&b, environment{CPU: "x", Pages: 1}, 1, []compareResult{{Name: "winnow", VsWinnow: 1, RoundSeconds: []float64{0.5}}})
	if !strings.Contains(b.String(), "| winnow |") {
		t.Errorf("table lacks the winnow row:\n%s", b.String())
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tc := range tests {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

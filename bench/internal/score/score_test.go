package score

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"snake_case and 42 ½", []string{"snake_case", "and", "42", "½"}},
		{"Пример текста — ünïcode", []string{"Пример", "текста", "ünïcode"}},
		{"it's e-mail", []string{"it", "s", "e", "mail"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        Counts
	}{
		{"both empty", "", "", Counts{}},
		{"identical", "a b c d e", "a b c d e", Counts{TP: 1}},
		{"empty prediction", "a b c d e", "", Counts{FN: 1}},
		{"empty truth", "", "a b c d e", Counts{FP: 1}},
		// truth shingles: abcd bcde; pred: abcd bcdx → tp 1, fp 1, fn 1.
		{"one shingle differs", "a b c d e", "a b c d x", Counts{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}},
		{"short texts make one shingle", "a b", "a b", Counts{TP: 1}},
		{"case matters", "A b c d", "a b c d", Counts{FP: 0.5, FN: 0.5}},
		// repeated shingles count as a multiset: truth has abcd twice.
		{"multiset", "a b c d a b c d", "a b c d", Counts{TP: 1.0 / 5, FN: 4.0 / 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Match(tc.truth, tc.pred)
			if !near(got.TP, tc.want.TP) || !near(got.FP, tc.want.FP) || !near(got.FN, tc.want.FN) {
				t.Errorf("Match = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name  string
		pages []Counts
		want  Summary
	}{
		{"none", nil, Summary{}},
		{"perfect", []Counts{{TP: 1}, {TP: 1}}, Summary{Precision: 1, Recall: 1, F1: 1, Pages: 2}},
		// An empty prediction counts for recall (0) but not for precision.
		{"one missed page", []Counts{{TP: 1}, {FN: 1}}, Summary{Precision: 1, Recall: 0.5, F1: 2 * 0.5 / 1.5, Pages: 2}},
		{"half right", []Counts{{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}}, Summary{Precision: 0.5, Recall: 0.5, F1: 0.5, Pages: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Summarize(tc.pages)
			if !near(got.Precision, tc.want.Precision) || !near(got.Recall, tc.want.Recall) ||
				!near(got.F1, tc.want.F1) || got.Pages != tc.want.Pages {
				t.Errorf("Summarize = %+v, want %+v", got, tc.want)
			}
		})
	}
}

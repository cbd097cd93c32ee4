package eval

import (
	"math"
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	// Expected values are what Python 3's re.findall(r'\w+', s, re.UNICODE)
	// returns for the same strings.
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", " -- !? ", nil},
		{"ascii", "Hello, world! It's 2024.", []string{"Hello", "world", "It", "s", "2024"}},
		{"underscore joins", "snake_case and-dash", []string{"snake_case", "and", "dash"}},
		{"latin accents", "Größe über 10 km² naïve_x déjà-vu", []string{"Größe", "über", "10", "km²", "naïve_x", "déjà", "vu"}},
		{"cyrillic", "Привет, мир!", []string{"Привет", "мир"}},
		// Combining marks (Mn, Mc) are not \w in Python, so they split words.
		{"combining marks split", "cafe\u0301 हिन्दी", []string{"cafe", "ह", "न", "द"}},
		{"cjk and numerics", "東京 Ⅻ ½", []string{"東京", "Ⅻ", "½"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]int
	}{
		{"empty has none", "", map[string]int{}},
		{"short text is one shingle", "a b", map[string]int{"a\x00b": 1}},
		{"exactly four", "a b c d", map[string]int{"a\x00b\x00c\x00d": 1}},
		{"sliding", "a b c d e", map[string]int{"a\x00b\x00c\x00d": 1, "b\x00c\x00d\x00e": 1}},
		{"repeats counted", "a b c d a b c d", map[string]int{
			"a\x00b\x00c\x00d": 2, "b\x00c\x00d\x00a": 1, "c\x00d\x00a\x00b": 1, "d\x00a\x00b\x00c": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shingles(Tokenize(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("shingle %q: got %d, want %d", k, got[k], v)
				}
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name          string
		truth, pred   string
		want          Counts
		wantP, wantR  float64
		wantExactness bool
	}{
		// Shingles abcd, bcde on both sides: tp=2 → normalized 1.
		{"identical", "a b c d e", "a b c d e", Counts{TP: 1}, 1, 1, true},
		// Punctuation and case: tokens differ only in punctuation, so exact.
		{"punctuation ignored", "A, b. c d!", "A b c d", Counts{TP: 1}, 1, 1, true},
		// abcd vs wxyz: fp=1, fn=1 → .5/.5; P = 0/(0+.5) = 0, R = 0.
		{"disjoint", "a b c d", "w x y z", Counts{FP: .5, FN: .5}, 0, 0, false},
		// truth abcd bcde cdef, pred abcd bcde cdex: tp=2 fp=1 fn=1, sum 4
		// → .5 .25 .25; P = R = .5/.75 = 2/3.
		{"partial overlap", "a b c d e f", "a b c d e x", Counts{TP: .5, FP: .25, FN: .25}, 2.0 / 3, 2.0 / 3, false},
		// truth has abcd twice plus bcda cdab dabc (5), pred abcd once:
		// tp=1 fp=0 fn=4 → .2 0 .8; P = .2/.2 = 1, R = .2.
		{"repeated shingles", "a b c d a b c d", "a b c d", Counts{TP: .2, FN: .8}, 1, .2, false},
		// Two tokens on each side, one shingle each, equal: tp=1.
		{"short, case differs", "hello world", "Hello world", Counts{FP: .5, FN: .5}, 0, 0, false},
		{"short same case", "hello world", "hello world", Counts{TP: 1}, 1, 1, true},
		// The 3-token prediction is the single shingle (hello,world,again),
		// unequal to (hello,world): fp=1 fn=1.
		{"short vs three tokens", "hello world", "hello world again", Counts{FP: .5, FN: .5}, 0, 0, false},
		// No predicted shingles: fn=1 only; P = 0 (tp=fp=0), R = 0 (tp=0, fn>0).
		{"empty prediction", "a b c d", "", Counts{FN: 1}, 0, 0, false},
		// Nothing on either side: all zero; P = R = 1 (fp=fn=0).
		{"both empty", "", "", Counts{}, 1, 1, true},
		// Prediction with no truth: fp=1; P = 0/(0+1) = 0, R = 0 (tp=fn=0).
		{"empty truth", "", "a b c d", Counts{FP: 1}, 0, 0, false},
		// Unicode words: truth Größe über den Fluss führt (5 tokens, shingles
		// G-ü-d-F, ü-d-F-f); pred drops "führt" (one shingle G-ü-d-F):
		// tp=1 fn=1 → .5 .5; P = 1 (fp=0), R = .5.
		{"unicode words", "Größe über den Fluss führt", "Größe über den Fluss", Counts{TP: .5, FN: .5}, 1, .5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.truth, tt.pred)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
			if !near(got.Precision(), tt.wantP) || !near(got.Recall(), tt.wantR) {
				t.Errorf("P, R = %v, %v; want %v, %v", got.Precision(), got.Recall(), tt.wantP, tt.wantR)
			}
			if e := Exact(tt.truth, tt.pred); e != tt.wantExactness {
				t.Errorf("Exact = %v, want %v", e, tt.wantExactness)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	score := func(truth, pred string) Score {
		return Score{Counts: Match(truth, pred), Exact: Exact(truth, pred)}
	}
	tests := []struct {
		name   string
		scores []Score
		want   Metrics
	}{
		{"no pages", nil, Metrics{}},
		// Page P/R: identical 1/1; disjoint 0/0; empty prediction has
		// tp+fp=0 so it counts for recall only (0); repeated 1/.2.
		// P = (1+0+1)/3 = 2/3, R = (1+0+0+.2)/4 = .3,
		// F1 = 2·(2/3)·.3/(2/3+.3) = .4/(29/30) = 12/29, accuracy 1/4.
		{"mixed", []Score{
			score("a b c d e", "a b c d e"),
			score("a b c d", "w x y z"),
			score("a b c d", ""),
			score("a b c d a b c d", "a b c d"),
		}, Metrics{Precision: 2.0 / 3, Recall: .3, F1: 12.0 / 29, Accuracy: .25}},
		// All predictions empty: no page enters the precision mean, so P=0
		// and F1=0; recall is 0.
		{"all empty predictions", []Score{score("a b c d", ""), score("e f g h", "")},
			Metrics{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Aggregate(tt.scores)
			if !near(got.Precision, tt.want.Precision) || !near(got.Recall, tt.want.Recall) ||
				!near(got.F1, tt.want.F1) || !near(got.Accuracy, tt.want.Accuracy) {
				t.Errorf("Aggregate = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestBootstrap(t *testing.T) {
	same := []Score{{Counts: Counts{TP: 1}, Exact: true}, {Counts: Counts{TP: 1}, Exact: true}}
	if ci := Bootstrap(same); ci != (Metrics{}) {
		t.Errorf("identical pages: got interval %+v, want zero", ci)
	}
	mixed := []Score{
		{Counts: Counts{TP: 1}, Exact: true},
		{Counts: Counts{FP: .5, FN: .5}},
		{Counts: Counts{TP: .5, FP: .25, FN: .25}},
		{Counts: Counts{TP: .2, FN: .8}},
	}
	a, b := Bootstrap(mixed), Bootstrap(mixed)
	if a != b {
		t.Errorf("not deterministic: %+v then %+v", a, b)
	}
	if a.F1 <= 0 || a.F1 > 1 || a.Accuracy <= 0 {
		t.Errorf("implausible interval %+v", a)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

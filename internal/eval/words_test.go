package eval

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/winnow-go/winnow/internal/dataset"
)

func TestWordMatch(t *testing.T) {
	// Hand-computed: common = the multiset intersection's size, P = common
	// / the prediction's tokens, R = common / the truth's tokens.
	tests := []struct {
		name        string
		truth, pred string
		want        WordScore
	}{
		{"both empty", "", "", WordScore{1, 1, 1}},
		{"both without tokens", "— !", "...", WordScore{1, 1, 1}},
		{"nothing predicted", "a b c d", "", WordScore{}},
		{"nothing true", "", "x", WordScore{}},
		{"nothing in common", "a b", "c d", WordScore{}},
		{"case and punctuation ignored", "Hello, World!", "hello world", WordScore{1, 1, 1}},
		{"half found", "a b c d", "a b", WordScore{1, .5, 2.0 / 3}},
		// truth {the:2 cat hat}, pred {the:3 cat}: common 2+1 = 3 of 4 each.
		{"multiset counts", "the cat the hat", "the the the cat", WordScore{.75, .75, .75}},
		// Unicode letters lower-case: {größe über} in {größe über extra}.
		{"unicode", "Größe ÜBER", "größe über extra", WordScore{2.0 / 3, 1, .8}},
		{"underscore joins a word", "snake_case", "snake case", WordScore{}},
		{"order does not matter", "one two three", "three two one", WordScore{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WordMatch(tt.truth, tt.pred)
			if !near(got.Precision, tt.want.Precision) || !near(got.Recall, tt.want.Recall) || !near(got.F1, tt.want.F1) {
				t.Errorf("WordMatch(%q, %q) = %+v, want %+v", tt.truth, tt.pred, got, tt.want)
			}
		})
	}
}

func TestNormalizeSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Hello\n\tWorld  ", "hello world"},
		{"a\u00a0b", "a b"}, // a no-break space is white space
		{"Don’t STOP", "don’t stop"},
	}
	for _, tt := range tests {
		if got := NormalizeSnippet(tt.in); got != tt.want {
			t.Errorf("NormalizeSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSnippetsFound(t *testing.T) {
	text := "The River rose\n\n overnight.\n\nDon't panic, said the mayor."
	tests := []struct {
		name     string
		snippets []string
		want     int
	}{
		{"none", nil, 0},
		{"case and line breaks", []string{"river rose overnight", "RIVER  ROSE"}, 2},
		{"across blocks", []string{"overnight. don't panic"}, 1},
		{"punctuation must match", []string{"river rose overnight!", "Don’t panic", "dont panic"}, 0},
		{"absent", []string{"subscribe"}, 0},
		{"mixed", []string{"said the mayor", "login", "THE MAYOR."}, 2},
		{"word inside a word is found", []string{"iver"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SnippetsFound(text, tt.snippets); got != tt.want {
				t.Errorf("SnippetsFound(%q) = %d, want %d", tt.snippets, got, tt.want)
			}
		})
	}
}

func TestSnippetsFoundFolded(t *testing.T) {
	text := "Don’t panic — the “River” rose… overnight, said the mayor."
	tests := []struct {
		name     string
		snippets []string
		want     int
	}{
		{"straight quotes match curly ones", []string{"don't panic", `the "river" rose`}, 2},
		{"a hyphen matches a dash, dots an ellipsis", []string{"panic - the", "rose... overnight"}, 2},
		{"a no-break space is a space", []string{"overnight, said"}, 1},
		{"the typographic form still matches", []string{"Don’t panic"}, 1},
		{"other punctuation must still match", []string{"dont panic", "don`t panic", "rose. overnight"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SnippetsFoundFolded(text, tt.snippets); got != tt.want {
				t.Errorf("SnippetsFoundFolded(%q) = %d, want %d", tt.snippets, got, tt.want)
			}
		})
	}
	if got := SnippetsFound(text, []string{"don't panic"}); got != 0 {
		t.Errorf("SnippetsFound folds typography: found %d, want 0", got)
	}
}

// TestSummarize checks every corpus figure on four hand-made results.
func TestSummarize(t *testing.T) {
	results := []PageResult{
		{ID: "1", Type: "article", PageType: "article", Status: "ok", Counts: Counts{TP: 1},
			Word: WordScore{1, 1, 1}, WithFound: 2, WithTotal: 3, WithoutTotal: 2, TruthChars: 600},
		{ID: "2", Type: "article", Status: "too_short", Counts: Counts{FN: 1},
			WithTotal: 1, WithoutTotal: 1, TruthChars: 800},
		{ID: "3", Type: "forum", PageType: "article", Status: "ok", Counts: Counts{TP: .5, FP: .5},
			Word: WordScore{.5, 1, 2.0 / 3}, WithFound: 1, WithTotal: 1, WithoutFound: 1, WithoutTotal: 2, TruthChars: 100},
		{ID: "4", Type: "forum", PageType: "product", Status: StatusError, Counts: Counts{FN: 1}, TruthChars: 1000},
	}
	s := Summarize(results)
	// Shingles: precision over pages 1 and 3 (1, .5), recall over all four
	// (1, 0, 1, 0).
	if !near(s.Metrics.Precision, .75) || !near(s.Metrics.Recall, .5) || !near(s.Metrics.F1, .6) {
		t.Errorf("Metrics = %+v", s.Metrics)
	}
	if !near(s.Words.Precision, .375) || !near(s.Words.Recall, .5) || !near(s.Words.F1, (1+2.0/3)/4) {
		t.Errorf("Words = %+v", s.Words)
	}
	if sn := s.Snippets; sn.WithFound != 3 || sn.WithTotal != 5 || !near(sn.With, .6) ||
		sn.WithoutFound != 1 || sn.WithoutTotal != 5 || !near(sn.Without, .2) {
		t.Errorf("Snippets = %+v", sn)
	}
	if s.Statuses["ok"] != 2 || s.Statuses["too_short"] != 1 || s.Statuses[StatusError] != 1 ||
		s.Errors != 1 || s.NoArticle != 1 || s.NonOK != 2 {
		t.Errorf("statuses %v, errors %d, no article %d, non-ok %d", s.Statuses, s.Errors, s.NoArticle, s.NonOK)
	}
	// Pages 1, 2 and 4 have a reference over 500 characters; 2 and 4 got
	// no content.
	if fr := s.FalseRefusals; fr.Pages != 2 || fr.Of != 3 || !near(fr.Share, 2.0/3) {
		t.Errorf("FalseRefusals = %+v", fr)
	}
	if len(s.Types) != 2 {
		t.Fatalf("Types = %+v", s.Types)
	}
	art, forum := s.Types[0], s.Types[1]
	// article: P 1 (page 1), R (1+0)/2; forum: P .5 (page 3), R (1+0)/2.
	if art.Type != "article" || art.Pages != 2 || !near(art.F1, 2.0/3) || !near(art.WordF1, .5) ||
		art.Snippets.WithFound != 2 || art.Snippets.WithTotal != 4 || art.Snippets.WithoutTotal != 3 || art.NonOK != 1 {
		t.Errorf("article row = %+v", art)
	}
	if forum.Type != "forum" || forum.Pages != 2 || !near(forum.F1, .5) || !near(forum.WordF1, 1.0/3) ||
		!near(forum.Snippets.With, 1) || !near(forum.Snippets.Without, .5) || forum.NonOK != 1 {
		t.Errorf("forum row = %+v", forum)
	}
	c := s.Confusion
	if c == nil {
		t.Fatal("no confusion matrix")
	}
	wantPred := []string{"article", "forum", "product", ""}
	wantCounts := [][]int{{1, 0, 0, 1}, {1, 0, 1, 0}}
	if !slices.Equal(c.Truth, []string{"article", "forum"}) || !slices.Equal(c.Predicted, wantPred) ||
		!slices.EqualFunc(c.Counts, wantCounts, slices.Equal) || c.Correct != 1 || c.Pages != 4 || !near(c.Accuracy, .25) {
		t.Errorf("Confusion = %+v, want predicted %q counts %v", c, wantPred, wantCounts)
	}

	untypedOnly := Summarize([]PageResult{{ID: "x", Status: "ok", Word: WordScore{1, 1, 1}}})
	if untypedOnly.Types != nil || untypedOnly.Confusion != nil || untypedOnly.Snippets.WithTotal != 0 {
		t.Errorf("a set without types or snippets: %+v", untypedOnly)
	}
	if empty := Summarize(nil); empty.Pages != 0 || empty.Words.F1 != 0 || empty.FalseRefusals.Share != 0 {
		t.Errorf("no results: %+v", empty)
	}
}

// TestRunWCXBShape runs winnow over the hand-written WCXB-shaped set: the
// report carries the set's name, its snippet totals, a row per type and
// the confusion matrix, in both modes.
func TestRunWCXBShape(t *testing.T) {
	set, err := dataset.FindSet(filepath.Join("..", "dataset", "testdata", "wcxb-mini"), "")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := set.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []Mode{ModeHTML, ModeText} {
		t.Run(string(mode), func(t *testing.T) {
			rep, err := Run(context.Background(), ds, Options{Mode: mode, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Set != "wcxb-mini" || rep.Pages != 3 {
				t.Errorf("set %q, %d pages", rep.Set, rep.Pages)
			}
			if sn := rep.Snippets; sn.WithTotal != 2 || sn.WithoutTotal != 2 {
				t.Errorf("snippet totals %+v, want 2 and 2 (a1's only)", sn)
			}
			if len(rep.Types) != 3 || rep.Types[0].Type != "article" || rep.Types[1].Type != "forum" || rep.Types[2].Type != "listing" {
				t.Errorf("Types = %+v", rep.Types)
			}
			if c := rep.Confusion; c == nil || c.Pages != 3 || len(c.Counts) != 3 {
				t.Errorf("Confusion = %+v", c)
			}
			a1 := rep.Results[0]
			if a1.ID != "a1" || a1.Type != "article" || a1.TruthChars < 500 || a1.Word.F1 < .9 {
				t.Errorf("a1 = %+v, want its story found", a1)
			}
			// The story is found and the newsletter box and menu are not.
			if a1.WithFound != 2 || a1.WithoutFound != 0 {
				t.Errorf("a1 snippets: with %d of 2, without %d of 2", a1.WithFound, a1.WithoutFound)
			}
		})
	}
}

package eval

import (
	"fmt"
	"path/filepath"
	"testing"
)

func ptr(v float64) *float64 { return &v }

// summary builds a Summary with the figures the floors read; a negative
// snippet share means the set has no such snippets.
func summary(f1, acc, word, with, without float64) Summary {
	s := Summary{Metrics: Metrics{F1: f1, Accuracy: acc}, Words: WordScore{F1: word}}
	if with >= 0 {
		s.Snippets.With, s.Snippets.WithTotal = with, 10
	}
	if without >= 0 {
		s.Snippets.Without, s.Snippets.WithoutTotal = without, 10
	}
	return s
}

func TestFloors(t *testing.T) {
	tests := []struct {
		name        string
		old         Floor
		s           Summary
		want        Floor
		wantChanged bool
	}{
		{"raise from zero", Floor{}, summary(.9137, .2, .85, -1, -1), Floor{F1: .911, Accuracy: .198, WordF1: .848}, true},
		{"never lowers", Floor{F1: .95, Accuracy: .3, WordF1: .9}, summary(.9, .1, .8, -1, -1), Floor{F1: .95, Accuracy: .3, WordF1: .9}, false},
		{"exact margin", Floor{}, summary(.5, 0, 0, -1, -1), Floor{F1: .498}, true},
		{"tiny figures stay at zero", Floor{}, summary(.001, 0, 0, -1, -1), Floor{}, false},
		{"one up one not", Floor{F1: .95, Accuracy: .1}, summary(.9, .3, 0, -1, -1), Floor{F1: .95, Accuracy: .298}, true},
		{"snippets set where there are some", Floor{}, summary(0, 0, 0, .673, .038),
			Floor{With: .671, WithoutMax: ptr(.048)}, true},
		{"ceiling only tightens", Floor{With: .7, WithoutMax: ptr(.03)}, summary(0, 0, 0, .6, .05),
			Floor{With: .7, WithoutMax: ptr(.03)}, false},
		{"ceiling tightens", Floor{WithoutMax: ptr(.05)}, summary(0, 0, 0, -1, .02),
			Floor{WithoutMax: ptr(.03)}, true},
		{"ceiling rounds up", Floor{}, summary(0, 0, 0, -1, .0201), Floor{WithoutMax: ptr(.031)}, true},
		{"no snippets keep the bounds", Floor{With: .7, WithoutMax: ptr(.03)}, summary(0, 0, 0, -1, -1),
			Floor{With: .7, WithoutMax: ptr(.03)}, false},
		{"ceiling at most 1", Floor{}, summary(0, 0, 0, -1, .995), Floor{WithoutMax: ptr(1)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &Floors{Modes: map[Mode]Floor{ModeHTML: tt.old}}
			changed := f.Raise(ModeHTML, tt.s)
			got := f.Modes[ModeHTML]
			if !floorNear(got, tt.want) || changed != tt.wantChanged {
				t.Errorf("Raise: got %s changed=%v, want %s changed=%v", show(got), changed, show(tt.want), tt.wantChanged)
			}
			s := tt.s
			wantFail := s.Metrics.F1 < got.F1 || s.Metrics.Accuracy < got.Accuracy || s.Words.F1 < got.WordF1 ||
				s.Snippets.With < got.With || got.WithoutMax != nil && s.Snippets.Without > *got.WithoutMax
			if msgs := f.Check(ModeHTML, s); (len(msgs) > 0) != wantFail {
				t.Errorf("Check = %q, want a failure: %v", msgs, wantFail)
			}
		})
	}
}

// TestFloorsCheck: each bound fails on its own, with a message naming it.
func TestFloorsCheck(t *testing.T) {
	f := &Floors{Modes: map[Mode]Floor{ModeText: {F1: .9, Accuracy: .2, WordF1: .8, With: .6, WithoutMax: ptr(.05)}}}
	tests := []struct {
		name string
		s    Summary
		want string
	}{
		{"all pass", summary(.91, .3, .81, .61, .04), ""},
		{"F1", summary(.89, .3, .81, .61, .04), "text F1 0.8900 is under the floor 0.9000"},
		{"accuracy", summary(.91, .1, .81, .61, .04), "text accuracy 0.1000 is under the floor 0.2000"},
		{"word-F1", summary(.91, .3, .79, .61, .04), "text word-F1 0.7900 is under the floor 0.8000"},
		{"with", summary(.91, .3, .81, .59, .04), "text with-snippet share 0.5900 is under the floor 0.6000"},
		{"without", summary(.91, .3, .81, .61, .06), "text without-snippet share 0.0600 is over the ceiling 0.0500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := f.Check(ModeText, tt.s)
			switch {
			case tt.want == "" && len(msgs) > 0:
				t.Errorf("Check = %q, want none", msgs)
			case tt.want != "" && (len(msgs) != 1 || msgs[0] != tt.want):
				t.Errorf("Check = %q, want [%q]", msgs, tt.want)
			}
		})
	}
}

// TestFloorsFile: a floors file without the new fields reads and checks as
// before, and a saved ceiling reads back.
func TestFloorsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "floors.json")
	f := &Floors{Corpus: Corpus{Pages: 2, Digest: "d"}, Modes: map[Mode]Floor{ModeHTML: {F1: .5, WithoutMax: ptr(.04)}}}
	must(t, f.Save(p))
	g, err := LoadFloors(p)
	must(t, err)
	if got := g.Modes[ModeHTML]; !floorNear(got, f.Modes[ModeHTML]) || g.Corpus != f.Corpus {
		t.Errorf("read back %+v %s", g.Corpus, show(got))
	}
	if s := g.Modes[ModeHTML].String(); s != "F1 ≥ 0.500, accuracy ≥ 0.000, word-F1 ≥ 0.000, without ≤ 0.040" {
		t.Errorf("String = %q", s)
	}
}

func floorNear(a, b Floor) bool {
	if (a.WithoutMax == nil) != (b.WithoutMax == nil) || a.WithoutMax != nil && !near(*a.WithoutMax, *b.WithoutMax) {
		return false
	}
	return near(a.F1, b.F1) && near(a.Accuracy, b.Accuracy) && near(a.WordF1, b.WordF1) && near(a.With, b.With)
}

func show(f Floor) string {
	ceiling := "none"
	if f.WithoutMax != nil {
		ceiling = fmt.Sprint(*f.WithoutMax)
	}
	return fmt.Sprintf("{f1 %v accuracy %v word_f1 %v with %v without_max %s}", f.F1, f.Accuracy, f.WordF1, f.With, ceiling)
}

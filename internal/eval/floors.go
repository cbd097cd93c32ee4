package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
)

// FloorMargin is how far under the measured figure Raise puts a floor, so
// that noise-free but tiny changes (a word more or less on one page) do not
// trip the ratchet.
const FloorMargin = 0.002

// CeilingMargin is how far over the measured share of `without` snippets
// Raise puts its ceiling. It is wider than FloorMargin because that share
// trades against recall: a change that finds more of the content may
// bring a little chrome with it, and the ceiling should catch a change
// that brings chrome in bulk, not that.
const CeilingMargin = 0.01

// Floor is the lowest acceptable figure of each metric for one mode, and
// the highest acceptable share of `without` snippets found. A zero floor
// (or an absent ceiling) checks nothing; the snippet figures are set only
// on sets that have snippets.
type Floor struct {
	F1       float64 `json:"f1"`
	Accuracy float64 `json:"accuracy"`
	WordF1   float64 `json:"word_f1,omitempty"`
	// With is the floor on the share of `with` snippets found.
	With float64 `json:"with,omitempty"`
	// WithoutMax is the ceiling on the share of `without` snippets found.
	WithoutMax *float64 `json:"without_max,omitempty"`
}

func (f Floor) equal(o Floor) bool {
	if (f.WithoutMax == nil) != (o.WithoutMax == nil) || f.WithoutMax != nil && *f.WithoutMax != *o.WithoutMax {
		return false
	}
	f.WithoutMax, o.WithoutMax = nil, nil
	return f == o
}

// Floors is the quality ratchet file: the corpus it was measured on and a
// floor per mode ("html", "text").
type Floors struct {
	Corpus Corpus         `json:"corpus"`
	Modes  map[Mode]Floor `json:"modes"`
	Notes  string         `json:"notes,omitempty"`
}

// Corpus identifies the data set the floors were measured on.
type Corpus struct {
	Pages  int    `json:"pages"`
	Digest string `json:"digest"` // Dataset.Digest
}

// LoadFloors reads a floors file.
func LoadFloors(path string) (*Floors, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f Floors
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("eval: floors %s: %w", path, err)
	}
	if f.Modes == nil {
		f.Modes = map[Mode]Floor{}
	}
	return &f, nil
}

// Save writes the floors file, indented, with a final newline.
func (f *Floors) Save(path string) error {
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(raw, '\n'), 0o644)
}

// Check returns one message per figure of s that is under mode's floor
// or over its ceiling.
func (f *Floors) Check(mode Mode, s Summary) []string {
	fl := f.Modes[mode]
	var out []string
	under := func(name string, v, floor float64) {
		if v < floor {
			out = append(out, fmt.Sprintf("%s %s %.4f is under the floor %.4f", mode, name, v, floor))
		}
	}
	under("F1", s.Metrics.F1, fl.F1)
	under("accuracy", s.Metrics.Accuracy, fl.Accuracy)
	under("word-F1", s.Words.F1, fl.WordF1)
	under("with-snippet share", s.Snippets.With, fl.With)
	if fl.WithoutMax != nil && s.Snippets.Without > *fl.WithoutMax {
		out = append(out, fmt.Sprintf("%s without-snippet share %.4f is over the ceiling %.4f", mode, s.Snippets.Without, *fl.WithoutMax))
	}
	return out
}

// Raise lifts mode's floors to FloorMargin under s's figures, rounded down
// to three decimals, and lowers the without-snippet ceiling to
// CeilingMargin over its figure, rounded up; the snippet figures only when s has
// snippets. It never loosens a bound. It reports whether anything changed.
func (f *Floors) Raise(mode Mode, s Summary) bool {
	if f.Modes == nil {
		f.Modes = map[Mode]Floor{}
	}
	old := f.Modes[mode]
	nf := Floor{
		F1:         max(old.F1, floorOf(s.Metrics.F1)),
		Accuracy:   max(old.Accuracy, floorOf(s.Metrics.Accuracy)),
		WordF1:     max(old.WordF1, floorOf(s.Words.F1)),
		With:       old.With,
		WithoutMax: old.WithoutMax,
	}
	if s.Snippets.WithTotal > 0 {
		nf.With = max(old.With, floorOf(s.Snippets.With))
	}
	if s.Snippets.WithoutTotal > 0 {
		c := ceilOf(s.Snippets.Without)
		if old.WithoutMax != nil {
			c = min(c, *old.WithoutMax)
		}
		nf.WithoutMax = &c
	}
	f.Modes[mode] = nf
	return !nf.equal(old)
}

// ceilOf is v plus CeilingMargin, rounded up to 0.001, and not above 1.
func ceilOf(v float64) float64 {
	return min(1, math.Ceil((v+CeilingMargin)*1000-1e-9)/1000)
}

// String prints the floor's bounds, the ceiling only when there is one.
func (f Floor) String() string {
	s := fmt.Sprintf("F1 ≥ %.3f, accuracy ≥ %.3f, word-F1 ≥ %.3f", f.F1, f.Accuracy, f.WordF1)
	if f.With > 0 {
		s += fmt.Sprintf(", with ≥ %.3f", f.With)
	}
	if f.WithoutMax != nil {
		s += fmt.Sprintf(", without ≤ %.3f", *f.WithoutMax)
	}
	return s
}

// floorOf is v less FloorMargin, rounded down to 0.001, and not below 0.
func floorOf(v float64) float64 {
	// The small epsilon keeps 0.5-0.002 = 0.498 from flooring to 0.497
	// through binary rounding.
	return max(0, math.Floor((v-FloorMargin)*1000+1e-9)/1000)
}

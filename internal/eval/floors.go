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

// Floor is the lowest acceptable F1 and accuracy for one mode.
type Floor struct {
	F1       float64 `json:"f1"`
	Accuracy float64 `json:"accuracy"`
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

// Check returns one message per figure of m that is under mode's floor.
func (f *Floors) Check(mode Mode, m Metrics) []string {
	fl := f.Modes[mode]
	var out []string
	if m.F1 < fl.F1 {
		out = append(out, fmt.Sprintf("%s F1 %.4f is under the floor %.4f", mode, m.F1, fl.F1))
	}
	if m.Accuracy < fl.Accuracy {
		out = append(out, fmt.Sprintf("%s accuracy %.4f is under the floor %.4f", mode, m.Accuracy, fl.Accuracy))
	}
	return out
}

// Raise lifts mode's floors to FloorMargin under m, rounded down to three
// decimals. It never lowers a floor. It reports whether anything changed.
func (f *Floors) Raise(mode Mode, m Metrics) bool {
	if f.Modes == nil {
		f.Modes = map[Mode]Floor{}
	}
	old := f.Modes[mode]
	nf := Floor{F1: max(old.F1, floorOf(m.F1)), Accuracy: max(old.Accuracy, floorOf(m.Accuracy))}
	f.Modes[mode] = nf
	return nf != old
}

// floorOf is v less FloorMargin, rounded down to 0.001, and not below 0.
func floorOf(v float64) float64 {
	// The small epsilon keeps 0.5-0.002 = 0.498 from flooring to 0.497
	// through binary rounding.
	return max(0, math.Floor((v-FloorMargin)*1000+1e-9)/1000)
}

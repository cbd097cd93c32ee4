package rules

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestTuningRoundTrip: the defaults printed as JSON read back unchanged,
// and every field is printed (no field is left out of the JSON).
func TestTuningRoundTrip(t *testing.T) {
	data, err := json.Marshal(DefaultTuning())
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseTuning(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, DefaultTuning()) {
		t.Errorf("defaults changed through JSON:\n got %+v\nwant %+v", got, DefaultTuning())
	}
	var raw map[string]map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if n, want := len(raw["html"]), reflect.TypeFor[Weights]().NumField(); n != want {
		t.Errorf("html has %d fields in JSON, Weights has %d", n, want)
	}
	if n, want := len(raw["text"]), reflect.TypeFor[TextWeights]().NumField(); n != want {
		t.Errorf("text has %d fields in JSON, TextWeights has %d", n, want)
	}
}

// TestParseTuning: a subset applies over the defaults; unknown names and
// trailing data are errors.
func TestParseTuning(t *testing.T) {
	got, err := ParseTuning([]byte(`{"html": {"MaxLinkDensity": 0.6}, "text": {"MinBodyWords": 10}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultTuning()
	want.HTML.MaxLinkDensity, want.Text.MinBodyWords = 0.6, 10
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, bad := range []string{
		`{"html": {"MaxLinkDensty": 0.6}}`,
		`{"MaxLinkDensity": 0.6}`,
		`{"text": {"MinBodyWords": "ten"}}`,
		`{} {}`,
		`nope`,
	} {
		if _, err := ParseTuning([]byte(bad)); err == nil {
			t.Errorf("ParseTuning(%s) gave no error", bad)
		} else if strings.Contains(bad, "Densty") && !strings.Contains(err.Error(), "MaxLinkDensty") {
			t.Errorf("error %q does not name the unknown field", err)
		}
	}
}

// TestDefaultWeightsSet: a zero weight is almost always a field left
// out of the defaults by mistake.
func TestDefaultWeightsSet(t *testing.T) {
	for _, v := range []reflect.Value{reflect.ValueOf(DefaultWeights), reflect.ValueOf(DefaultTextWeights)} {
		for i := range v.NumField() {
			if v.Field(i).IsZero() {
				t.Errorf("%s.%s is zero", v.Type().Name(), v.Type().Field(i).Name)
			}
		}
	}
}

package winnow_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
)

// TestParseLanguages: the --lang and --target-language lists of the
// commands (winnow and winnow-beam) take known ISO 639-1 codes in any case
// and refuse the others, naming the known ones.
func TestParseLanguages(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{"", nil, ""},
		{"en", []string{"en"}, ""},
		{" EN, de ,,fr", []string{"en", "de", "fr"}, ""},
		{"english", nil, `unknown language "english"`},
		{"en,xx", nil, `unknown language "xx"`},
		{"en-GB", nil, `unknown language "en-gb"`},
	}
	for _, tt := range tests {
		got, err := winnow.ParseLanguages(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), " en ") {
				t.Errorf("%q: error %v, want %q and the known codes", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

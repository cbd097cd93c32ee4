package winnow_test

import (
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// TestHiddenStandfirst: the metadata and the body read one label pass,
// so a standfirst the page hides is neither the subtitle nor the body:
// it is cut as hidden, and nothing else. Before, the metadata decided
// "hidden" on its own and took a display:none standfirst (or one with a
// hiding class only the content stage knew) as the subtitle, while the
// content stage listed the same text as removed for being hidden.
func TestHiddenStandfirst(t *testing.T) {
	const standfirst = "Two branch libraries will close next spring to keep the central one open on Sundays."
	const headline = "<h1>Council votes to close two libraries</h1>"
	tests := []struct {
		name, el string
		hidden   bool
	}{
		{"display none", `<p class="standfirst" style="display: none">` + standfirst + `</p>`, true},
		{"visibility hidden", `<p class="standfirst" style="visibility:hidden">` + standfirst + `</p>`, true},
		{"hiding class", `<p class="standfirst is-hidden">` + standfirst + `</p>`, true},
		{"hiding class, underscore spelling", `<p class="standfirst visually_hidden">` + standfirst + `</p>`, true},
		{"aria-hidden", `<p class="standfirst" aria-hidden="true">` + standfirst + `</p>`, true},
		{"inside a hidden wrapper", `<div class="invisible"><p class="standfirst">` + standfirst + `</p></div>`, true},
		{"visible", `<p class="standfirst">` + standfirst + `</p>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := winnow.Extract([]byte(page(headline+tt.el+prose)), winnow.Options{Explain: true})
			if err != nil {
				t.Fatal(err)
			}
			cut := false
			for _, r := range a.Removed {
				if r.Text == standfirst && r.Reason == article.ReasonHidden {
					cut = true
				}
			}
			if tt.hidden {
				if a.Subtitle == standfirst {
					t.Errorf("hidden standfirst taken as the subtitle")
				}
				if !cut {
					t.Errorf("hidden standfirst not cut as hidden; removed: %v", a.Removed)
				}
				return
			}
			if a.Subtitle != standfirst {
				t.Errorf("subtitle = %q, want the visible standfirst", a.Subtitle)
			}
			if cut {
				t.Errorf("visible standfirst cut as hidden")
			}
		})
	}
}

// TestHiddenTextInsideMetadata: text the page hides inside a visible
// standfirst (a screen-reader label) is left out of the subtitle, as it
// is left out of the body.
func TestHiddenTextInsideMetadata(t *testing.T) {
	const standfirst = "Two branch libraries will close next spring to keep the central one open on Sundays."
	body := `<h1><span class="sr-only">Breaking news: </span>Council votes to close two libraries</h1>` +
		`<p class="standfirst">` + standfirst + `<span style="display:none"> (opens in a new window)</span></p>` + prose
	a, err := winnow.Extract([]byte(page(body)), winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Subtitle != standfirst {
		t.Errorf("subtitle = %q, want %q", a.Subtitle, standfirst)
	}
}

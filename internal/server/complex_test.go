package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
)

// TestTooComplexError: a page over the element budget is the client's
// (422 too_complex), not a server failure (500).
func TestTooComplexError(t *testing.T) {
	he := extractError(fmt.Errorf("winnow: %w: more than 500000 elements", winnow.ErrTooComplex))
	if he.status != http.StatusUnprocessableEntity || he.code != "too_complex" {
		t.Errorf("extractError = %d %q, want 422 too_complex", he.status, he.code)
	}
}

// TestMaxElements: Config.MaxElements is the element budget of every
// extraction: a page over it gets 422 too_complex, one under it (or any
// page with the budget off) is extracted.
func TestMaxElements(t *testing.T) {
	page := "<html><body><article><h1>Floods</h1>" + strings.Repeat("<p>The river rose overnight and the town woke to water in its streets.</p>", 300) + "</article></body></html>"
	for _, tt := range []struct {
		max  int
		want int
	}{
		{0, 200},
		{100, 422},
		{1000, 200},
		{-1, 200},
	} {
		s := New(Config{MaxElements: tt.max})
		r := do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader(page))
		if r.code != tt.want || (tt.want == 422 && errorCode(t, r) != "too_complex") {
			t.Errorf("MaxElements %d: %d %.200s, want %d", tt.max, r.code, r.body, tt.want)
		}
	}
}

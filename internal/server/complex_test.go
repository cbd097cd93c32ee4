package server

import (
	"fmt"
	"net/http"
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

package winnow_test

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
)

// TestFlattenDeep: Flatten parses as Extract does, so a page nested deeper
// than x/net/html's 512 open elements is flattened, not refused.
func TestFlattenDeep(t *testing.T) {
	page := "<html><body><p>top</p>" + strings.Repeat("<div>", 600) + "deep text" +
		strings.Repeat("</div>", 600) + "<p>after</p></body></html>"
	got, err := winnow.Flatten([]byte(page), winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "top\ndeep text\nafter\n" {
		t.Errorf("Flatten = %q", got)
	}
}

func TestFlattenErrors(t *testing.T) {
	if _, err := winnow.Flatten(nil, winnow.Options{}); err == nil {
		t.Error("empty input: no error")
	}
	if _, err := winnow.Flatten([]byte("<p>"+strings.Repeat("x", 100)+"</p>"), winnow.Options{MaxBytes: 10}); err == nil {
		t.Error("input over MaxBytes: no error")
	}
}

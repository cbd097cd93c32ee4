package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// TestResultOutlivesNextCall: the kept blocks are handed over to the
// result rather than copied, so the result must share nothing with the
// pooled tables the next calls reuse — on a small page and on a page big
// enough to get its tables sized at once.
func TestResultOutlivesNextCall(t *testing.T) {
	big := strings.Repeat(body, maxPooledNodes/3+10)
	for _, page := range []string{"<article>" + body + "</article>", "<article>" + big + "</article>"} {
		first := extract(t, page, article.Metadata{})
		if len(first.Blocks) == 0 {
			t.Fatal("no blocks")
		}
		want := make([]article.Block, len(first.Blocks))
		copy(want, first.Blocks)
		for i := range 3 {
			other := fmt.Sprintf("<article><h2>Other page %d</h2><p>%s</p></article>", i, strings.Repeat("Something else entirely, said the other page. ", 20+i))
			extract(t, other, article.Metadata{})
		}
		if !reflect.DeepEqual(first.Blocks, want) {
			t.Errorf("the first result changed after later calls (%d blocks)", len(want))
		}
	}
}

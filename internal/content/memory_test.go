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

// TestCountBlocks: the estimate that sizes a huge page's block tables
// counts a run of text once however many inline elements it crosses, a
// block-level element's text before and after a nested block apart, and
// each image.
func TestCountBlocks(t *testing.T) {
	tests := []struct {
		page string
		want int // runs and images, plus the one counted up front
	}{
		{`<p>Some words <a href="/x">a link</a> and <b>more</b>.</p>`, 2},
		{`<p>One</p><p>Two</p>`, 3},
		{`<div>before<p>inside</p>after</div>`, 4},
		{`<p>text <img src=a.jpg> more</p>`, 4},
		{`<ul><li>a</li><li><span>b</span> c</li></ul>`, 3},
		{`<p>   </p>`, 1},
	}
	for _, tt := range tests {
		if got := countBlocks(parsePage(t, tt.page)); got != tt.want {
			t.Errorf("countBlocks(%s) = %d, want %d", tt.page, got, tt.want)
		}
	}
}

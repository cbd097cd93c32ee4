package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
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
// each image, and a data table once, whatever its cells (a table used for
// layout counts its runs).
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
		{`<table><tr><th>Name</th><th>Year</th></tr><tr><td>One</td><td>1901</td></tr><tr><td>Two</td><td>1902</td></tr></table>`, 2},
		{`<p>Before</p><table><tr><td>a</td></tr><tr><td>b</td></tr></table><p>After</p>`, 4},
		{`<table><tr><td><h2>Layout</h2><p>prose</p></td><td><p>more</p></td></tr></table>`, 4},
	}
	for _, tt := range tests {
		labels := label.Label(parsePage(t, tt.page))
		x := &extraction{weights: rules.DefaultWeights}
		x.decide(labels)
		got := x.countBlocks(labels.Root())
		labels.Release()
		if got != tt.want {
			t.Errorf("countBlocks(%s) = %d, want %d", tt.page, got, tt.want)
		}
	}
}

// TestTableRows: a data table's rows share one text and one slice of
// cells, so each row must end where its cells do: appending to a row
// never writes over the next. Rows of empty cells are left out, an empty
// cell among full ones is kept, and a cell's lines are trimmed.
func TestTableRows(t *testing.T) {
	page := `<article><p>` + strings.Repeat("A paragraph of prose that comes before the table. ", 6) + `</p>
<table><tr><th>Town</th><th>Year</th></tr>
<tr><td> Springfield </td><td>1901</td></tr>
<tr><td></td><td> </td></tr>
<tr><td>Shelbyville<br>  east </td><td></td></tr></table></article>`
	res := extract(t, page, article.Metadata{})
	var rows [][]string
	for _, b := range res.Blocks {
		if b.Type == article.Table {
			rows = b.Rows
		}
	}
	want := [][]string{{"Town", "Year"}, {"Springfield", "1901"}, {"Shelbyville\neast", ""}}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows = %q, want %q", rows, want)
	}
	_ = append(rows[0], "extra")
	if rows[1][0] != "Springfield" {
		t.Errorf("appending to the first row changed the second: %q", rows[1])
	}
}

// TestLongDataTable: a data table stays one table block however long it
// is (a season's results, a price list), and a table used for layout,
// whose cells hold headings and paragraphs, is still read as blocks.
func TestLongDataTable(t *testing.T) {
	var rows strings.Builder
	for i := range 800 {
		fmt.Fprintf(&rows, "<tr><td>Branch %d</td><td>Springfield</td><td>%d</td><td>%d</td></tr>\n", i, 1900+i%120, i*7)
	}
	long := `<article><h1>Branches</h1><table><tr><th>Name</th><th>Town</th><th>Year</th><th>Count</th></tr>` + rows.String() + `</table></article>`
	layout := `<table><tr><td><a href="/">Home</a></td><td><h1>Branches</h1>` + strings.Repeat("<p>"+strings.Repeat("The council kept every branch open this year. ", 8)+"</p>", 60) + `</td></tr></table>`
	tests := []struct {
		name   string
		page   string
		tables int // table blocks
		rows   int // rows of the first
	}{
		{"long data table", long, 1, 801},
		{"layout table", layout, 0, 0},
	}
	for _, tt := range tests {
		res := extract(t, tt.page, article.Metadata{})
		tables, rows := 0, 0
		for _, b := range res.Blocks {
			if b.Type == article.Table {
				if tables == 0 {
					rows = len(b.Rows)
				}
				tables++
			}
		}
		if tables != tt.tables || rows != tt.rows {
			t.Errorf("%s: %d table blocks, the first of %d rows; want %d and %d", tt.name, tables, rows, tt.tables, tt.rows)
		}
	}
}

// The rows per element and per block stay small: a page may hold one
// per few bytes of input.
func TestRowSizes(t *testing.T) {
	if n := unsafe.Sizeof(elem{}); n > 16 {
		t.Errorf("an elem is %d bytes, want at most 16", n)
	}
	if n := unsafe.Sizeof(block{}); n > 24 {
		t.Errorf("a block is %d bytes, want at most 24", n)
	}
}

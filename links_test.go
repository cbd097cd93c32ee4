package winnow_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/render"
)

// TestLinkOnItsOwnWord: a paragraph that uses a link's word twice gets the
// link on the word that was linked in the page, not on the first one.
func TestLinkOnItsOwnWord(t *testing.T) {
	page := []byte(`<html><head><title>Council publishes the harbour review</title></head><body><article>
<h1>Council publishes the harbour review</h1>
<p>The council met on Tuesday evening to discuss the state of the harbour walls after the winter storms, and agreed to publish the engineers' findings in full.</p>
<p>The report said the eastern wall needs repairs within two years, read the <a href="/harbour-report.pdf">report</a> here.</p>
<p>Work is expected to start next spring once the funding from the regional authority has been confirmed by the finance committee.</p>
</article></body></html>`)
	a, err := winnow.Extract(page, winnow.Options{URL: "https://example.org/news/harbour", KeepLinks: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		format render.Format
		want   string
	}{
		{render.FormatMarkdown, "The report said the eastern wall needs repairs within two years, read the [report](https://example.org/harbour-report.pdf) here."},
		{render.FormatHTML, `The report said the eastern wall needs repairs within two years, read the <a href="https://example.org/harbour-report.pdf">report</a> here.`},
	} {
		var b bytes.Buffer
		if err := render.Write(&b, a, tt.format); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s: want the second \"report\" linked, got:\n%s", tt.format, b.String())
		}
	}
}

package textmode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// TestProductList checks that an article made of product entries (a name,
// a shop button and a paragraph of several sentences each) is found as
// the body, not the list of other stories with one-sentence summaries
// above it.
func TestProductList(t *testing.T) {
	var b strings.Builder
	b.WriteString("Home\nNews\nReviews\nTrending\n")
	towns := []string{"Porthaven", "Eastbury", "Millford", "Ashcombe", "Kingsmoor", "Redwater", "Highgate", "Longmead"}
	for _, town := range towns {
		fmt.Fprintf(&b, "%s council opens new allotments in the north\nResidents of %s can apply for one of forty new plots from next month, the council said.\n", town, town)
	}
	b.WriteString("The best garden tools of the year\n")
	products := []string{"Spade", "Rake", "Hoe", "Trowel", "Shears", "Barrow"}
	for i, p := range products {
		fmt.Fprintf(&b, "%s-photo.jpg\nGreenworks\n%s Deluxe for $%d\nBuy it now: Example Shop\n", strings.ToLower(p), p, 20+i)
		fmt.Fprintf(&b, "The %s Deluxe is the sturdiest tool we tried this year, with a handle of ash and a blade that stays sharp through a whole season of heavy clay. "+
			"We liked how light it felt after an afternoon of work in the beds. It costs a little more than its rivals, but it will outlast them by years and comes with a long guarantee.\n", strings.ToLower(p))
	}
	b.WriteString("Privacy policy\n© 2024 Example Media\n")
	a := Extract([]byte(b.String()), Options{})
	if a.Status != article.StatusOK {
		t.Fatalf("status %s, want ok", a.Status)
	}
	var text strings.Builder
	for _, bl := range a.Blocks {
		text.WriteString(bl.Text + "\n")
	}
	got := text.String()
	for _, p := range products {
		if !strings.Contains(got, "The "+strings.ToLower(p)+" Deluxe is the sturdiest") {
			t.Errorf("the %s entry is missing from the body:\n%s", p, got)
		}
	}
	if strings.Contains(got, "allotments") {
		t.Errorf("the related stories are in the body:\n%s", got)
	}
}

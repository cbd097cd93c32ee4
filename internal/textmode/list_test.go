package textmode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
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
	a, _ := Extract([]byte(b.String()), Options{})
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

// TestExcerptTicker checks that a run of excerpts cut short ("... the
// council said on...") above the article is left out of it, and that the
// headline is not looked for above them.
func TestExcerptTicker(t *testing.T) {
	var b strings.Builder
	b.WriteString("Home\nBreaking News Desk\nLatest\n")
	b.WriteString("Eastbury opens new allotments EASTBURY: Forty new plots will be laid out on the old school playing fields, which have stood empty since the school closed, and residents who spoke at the meeting said...\n" +
		"Millford bus route saved MILLFORD: The county has found the money to keep the evening service running for another year after a petition signed by more than two thousand people was handed in at...\n" +
		"Ashcombe library to reopen ASHCOMBE: Volunteers will run the branch three days a week from the autumn, the parish council announced, after a long campaign by parents whose children had lost the only...\n" +
		"Kingsmoor fire station upgrade KINGSMOOR: A second engine and six more crew are to be based at the station from next year, the fire service said, after response times in the villages around the town fell...\n")
	b.WriteString("Harbour town votes to rebuild its sea wall\n")
	b.WriteString("Voters in Porthaven have backed a plan to rebuild the town's sea wall, which was breached twice in last winter's storms.\n" +
		"The council said on Tuesday that most of the people who took part in the vote supported the scheme, which will cost more than it had hoped.\n" +
		"Work is due to start in the spring and should take about two years, during which the harbour road will be closed to traffic at night.\n" +
		"Shopkeepers on the front said they welcomed the decision but feared that the works would keep visitors away during the summer season.\n" +
		"Engineers had warned that another winter without repairs could leave the lower town under water at every high spring tide.\n")
	b.WriteString("Privacy policy\n")
	a, _ := Extract([]byte(b.String()), Options{})
	if a.Title != "Harbour town votes to rebuild its sea wall" {
		t.Errorf("title %q", a.Title)
	}
	for _, bl := range a.Blocks {
		if strings.Contains(bl.Text, "allotments") {
			t.Errorf("an excerpt of the ticker is in the body: %q", bl.Text)
		}
	}
	if len(a.Blocks) != 5 {
		t.Errorf("%d blocks, want the 5 paragraphs", len(a.Blocks))
	}
}

// TestItemList checks that a page with no article but a list of items (a
// title, a date and a one-line summary each, as a blog index prints them)
// gives the items as its content, and that a menu of short links or a
// few sentences without item titles is still no list.
func TestItemList(t *testing.T) {
	var b strings.Builder
	b.WriteString("Engineering blog\nHome\nAbout\nTeams\n")
	titles := []string{"How we release the app every week", "Making shuffle feel more random", "Our journey with background coding agents", "What we learned from a year of incidents", "Building a better search index"}
	for i, title := range titles {
		fmt.Fprintf(&b, "Feb %d, 2026\n%s\nPart %d of our series: a look at the tooling, the people and the habits behind it, and what we would change...\n", i+2, title, i+1)
	}
	b.WriteString("Privacy policy\n© 2026 Example Ltd\n")
	a, _ := Extract([]byte(b.String()), Options{})
	if a.Status != article.StatusOK {
		t.Fatalf("status %s, want ok", a.Status)
	}
	var text strings.Builder
	for _, bl := range a.Blocks {
		text.WriteString(bl.Text + "\n")
	}
	for _, title := range titles[1:] {
		if !strings.Contains(text.String(), title) {
			t.Errorf("item %q is missing:\n%s", title, text.String())
		}
	}
	if strings.Contains(text.String(), "Privacy") || strings.Contains(text.String(), "Teams") {
		t.Errorf("chrome in the items:\n%s", text.String())
	}

	for name, page := range map[string]string{
		"menu":            "Home\nNews\nSport\nWorld news today\nBusiness and markets\nCulture and arts\nTravel and leisure\nPrivacy policy\n",
		"three sentences": "Home\nClick the photo to read the column about racing this week.\nClick the image above to see the ranking of the drivers this season.\nClick here to see the times of all races of the season on TV.\n",
	} {
		// The item pass alone: a short page with content is ok by itself.
		if a, _, _ := extract([]byte(page), Options{}, &rules.DefaultTextWeights, true); a.Status == article.StatusOK {
			t.Errorf("%s: read as a list of items", name)
		}
	}
}

// TestTableInBody checks that a data table flattened one cell a line
// inside the article (a header line, then a column of numbers with units)
// does not split the body, while a run of menu entries still does.
func TestTableInBody(t *testing.T) {
	sentences := []string{
		"the scooter held its speed on the long climb to the office and never once cut out, even on the coldest mornings of the winter.",
		"its battery lasted a full week of commuting between charges, which no other model in this price range managed in our tests.",
		"the folding stem locks with a single lever, so carrying it onto a crowded train at rush hour takes only a few seconds.",
		"we rode it through three months of rain without a fault, although the rear mudguard rattled loose after the first few weeks.",
		"braking is strong and progressive, and the bright front light makes it easy to be seen on unlit country lanes at night.",
		"at this price it is the one we would buy with our own money, and the one we recommend to readers who ask us every week.",
	}
	para := func(n int) string {
		return fmt.Sprintf("Paragraph %d: %s\n", n, sentences[n-1])
	}
	var b strings.Builder
	b.WriteString("Home\nReviews\nThe best scooters for commuting\nBy Jane Doe\n12 March 2024\n")
	for i := 1; i <= 3; i++ {
		b.WriteString(para(i))
	}
	for _, col := range []string{"Top speed", "Range", "Weight"} {
		b.WriteString(col + "\n")
		for i := 0; i < 8; i++ {
			fmt.Fprintf(&b, "%d.%d mph\n", 15+i, i)
		}
	}
	for i := 4; i <= 6; i++ {
		b.WriteString(para(i))
	}
	b.WriteString("Privacy policy\n")
	a, _ := Extract([]byte(b.String()), Options{})
	var text strings.Builder
	for _, bl := range a.Blocks {
		text.WriteString(bl.Text + "\n")
	}
	for i := 1; i <= 6; i++ {
		if !strings.Contains(text.String(), fmt.Sprintf("Paragraph %d:", i)) {
			t.Errorf("paragraph %d is missing:\n%s", i, text.String())
		}
	}

	// The same page with a menu of words in place of the table: two
	// stretches of prose, of which the body is one.
	menu := strings.Repeat("Scooters\nBikes\nSkateboards\nUnicycles\nHoverboards\nAccessories\nDeals\nGuides\n", 3)
	page := strings.Replace(b.String(), "Top speed\n", menu+"Top speed\n", 1)
	for _, col := range []string{"Top speed", "Range", "Weight"} {
		page = strings.Replace(page, col+"\n", "", 1)
	}
	for i := 0; i < 8; i++ {
		page = strings.ReplaceAll(page, fmt.Sprintf("%d.%d mph\n", 15+i, i), "")
	}
	a, _ = Extract([]byte(page), Options{})
	text.Reset()
	for _, bl := range a.Blocks {
		text.WriteString(bl.Text + "\n")
	}
	if strings.Contains(text.String(), "Paragraph 1:") && strings.Contains(text.String(), "Paragraph 6:") {
		t.Errorf("a menu of %d lines did not split the body:\n%s", 24, text.String())
	}
}

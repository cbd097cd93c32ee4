package content

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// productBody is a product's description, long enough to be the body.
const productBody = `<h1>Oak writing desk</h1>
<p>A solid oak writing desk with two drawers, finished by hand in a clear oil that brings out the grain and stands up to daily use at home or in a small office.</p>
<p>The top measures 120 by 60 centimetres and the frame is joined with mortise and tenon, so the desk stays square and quiet for years without any tightening of screws.</p>
<p>It ships flat in one box with the legs and drawers packed apart, and goes together in about twenty minutes with the key that comes in the box.</p>
<p>Each drawer runs on wooden rails waxed at the workshop, and the back panel has a cut-out for cables so that a lamp and a laptop charger can sit on the desk tidily.</p>`

// buyerReviews are three reviews as a shop prints them.
const buyerReviews = `<div class="review-item"><h4>Sturdy and handsome</h4><p>I bought this desk for my study and it has been great for three months now, the drawers glide well even when full.</p><p>Report</p></div>
<div class="review-item"><h4>Easy to build</h4><p>It took me a quarter of an hour to put together on my own and the oil finish was flawless when it arrived.</p><p>Report</p></div>
<div class="review-item"><h4>Smaller than I hoped</h4><p>A fine desk, well made, but check the size first because two monitors side by side do not quite fit on top.</p><p>Report</p></div>`

// moreReviews are two more, for a page that is all reviews.
const moreReviews = `<div class="review-item"><h4>Good value</h4><p>Solid wood at this price is rare, and the finish has stood up to coffee cups and a cat walking across it every single morning.</p></div>
<div class="review-item"><h4>Second one bought</h4><p>We liked the first so much that we ordered another for the spare room, and it matched the first one in colour and grain very closely.</p></div>`

func TestDropProductReviews(t *testing.T) {
	reviews := buyerReviews
	parts := strings.Split(buyerReviews, "\n") // three reviews, fewer than MinReviewWords words each two
	press := `<p>“A handsome desk.” – Home Weekly</p><p>“Built to last.” – Wood Review</p>`
	tests := []struct {
		name    string
		page    string
		product bool
		cut     string // text that must be cut; "" for none
		keep    string // text that must stay
	}{
		{"buyers' reviews on a product page are cut",
			`<article>` + productBody + `<section id="customer-reviews">` + reviews + `</section></article>`,
			true, "glide well", "mortise and tenon"},
		{"camelCase name is read too",
			`<article>` + productBody + `<div class="productReviews">` + reviews + `</div></article>`,
			true, "glide well", "mortise and tenon"},
		{"not a product page: the reviews stay",
			`<article>` + productBody + `<section id="customer-reviews">` + reviews + `</section></article>`,
			false, "", "glide well"},
		{"a few press quotes stay",
			`<article>` + productBody + `<div class="reviews">` + press + `</div></article>`,
			true, "", "Built to last"},
		{"singular review names a review's body, not a widget",
			`<article>` + productBody + `<section class="review">` + reviews + `</section></article>`,
			true, "", "glide well"},
		{"a widget built of small named parts is one widget",
			`<article>` + productBody + `<section id="product-reviews"><div class="reviews-page">` + parts[0] + parts[1] + `</div><div class="reviews-page">` + parts[2] + `</div></section></article>`,
			true, "glide well", "mortise and tenon"},
		{"a widget holding most of the page is the body",
			`<article><h1>Oak writing desk</h1><p>A short line on the desk.</p><div class="reviews">` + reviews + moreReviews + `</div></article>`,
			true, "", "glide well"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(parsePage(t, `<html><body>`+tt.page+`</body></html>`), article.Metadata{Title: "Oak writing desk"}, Options{Product: tt.product})
			got := keptText(res)
			if tt.cut != "" && strings.Contains(got, tt.cut) {
				t.Errorf("kept %q, want it cut:\n%s", tt.cut, got)
			}
			if !strings.Contains(got, tt.keep) {
				t.Errorf("cut %q, want it kept:\n%s", tt.keep, got)
			}
		})
	}
}

// TestDropProductPickers: on a product page, the options a buyer picks
// from (sizes in a fieldset of radios, a colour's label, a radiogroup of
// swatches) are cut; the description stays, even where it names the same
// sizes, and a page that declares no product keeps its pickers.
func TestDropProductPickers(t *testing.T) {
	sizes := `<fieldset><legend>Size</legend><input type=radio id=s1 name=s><label for=s1>Compact desk</label><input type=radio id=s2 name=s><label for=s2>Wide desk</label></fieldset>`
	colour := `<div><span>Colour:</span><input type=radio id=c1 name=c><label for=c1>Smoked walnut</label></div>`
	swatches := `<div role=radiogroup><span role=radio>Pale birch</span><span role=radio>Dark stain</span></div>`
	text := `<fieldset><legend>Engraving</legend><p>Write the text for the brass plate here.</p><input type=text name=plate></fieldset>`
	tests := []productCase{
		{"sizes, colour and swatches are cut",
			`<article>` + productBody + sizes + colour + swatches + `</article>`,
			true, []string{"Compact desk", "Wide desk", "Colour:", "Smoked walnut", "Pale birch"}, []string{"mortise and tenon"}},
		{"a sentence around one choice stays",
			`<article>` + productBody + `<div>Every desk is oiled by hand before it leaves the workshop, and a second coat can be ordered: <label><input type=checkbox name=oil> second coat</label></div></article>`,
			true, nil, []string{"oiled by hand"}},
		{"the description naming a size stays",
			`<article>` + productBody + `<p>The wide desk comes in smoked walnut as well as the oak shown here, for the same price.</p>` + sizes + `</article>`,
			true, []string{"Compact desk"}, []string{"wide desk comes in smoked walnut"}},
		{"a fieldset of text fields stays",
			`<article>` + productBody + text + `</article>`,
			true, nil, []string{"brass plate"}},
		{"not a product page: the pickers stay",
			`<article>` + productBody + sizes + swatches + `</article>`,
			false, nil, []string{"Compact desk", "Pale birch"}},
	}
	runProductCases(t, tests)
}

// TestDropProductLabels: on a product page, a line that is only a
// rating summary is cut; a sentence naming a rating stays, and a page
// that declares no product keeps the lines.
func TestDropProductLabels(t *testing.T) {
	box := `<div class="rating"><span>Rated 4.8</span> <span>out of 5</span></div><p>Based on 1,204 reviews</p>`
	tests := []productCase{
		{"rating lines are cut",
			`<article>` + productBody + box + `</article>`,
			true, []string{"Rated 4.8", "1,204 reviews"}, []string{"mortise and tenon"}},
		{"a sentence naming a rating stays",
			`<article>` + productBody + `<p>The desk has 5 stars from Wood Review, who tested it for a month.</p><p>4.8 out of 5</p></article>`,
			true, nil, []string{"5 stars from Wood Review", "4.8 out of 5"}},
		{"not a product page: the lines stay",
			`<article>` + productBody + box + `</article>`,
			false, nil, []string{"Rated 4.8", "1,204 reviews"}},
	}
	runProductCases(t, tests)
}

// TestDropProductPrices: on a product page, the buy box's price line is
// cut; a sentence naming a price stays, and so do the prices of the
// product cards beside it (each with its linked name), and a page that
// declares no product keeps its price.
func TestDropProductPrices(t *testing.T) {
	box := `<div class="buy"><div class="price"><span>Sale price</span> <span>$249.00</span></div><p>In stock and ready to ship from the workshop this week.</p></div>`
	cards := `<div class="grid"><div class="card"><a href="/chair">Oak chair</a><div class="price">$120.00</div></div><div class="card"><a href="/lamp">Brass desk lamp</a><div class="price">$85.00</div></div></div>`
	tests := []productCase{
		{"the buy box's price is cut",
			`<article>` + productBody + box + `</article>`,
			true, []string{"$249.00"}, []string{"mortise and tenon", "ready to ship"}},
		{"a sentence naming a price stays",
			`<article>` + productBody + `<p>The matching chair costs $120 and ships in the same box.</p></article>`,
			true, nil, []string{"costs $120"}},
		{"the cards' prices stay",
			`<article>` + productBody + cards + `</article>`,
			true, nil, []string{"$120.00", "$85.00"}},
		{"not a product page: the price stays",
			`<article>` + productBody + box + `</article>`,
			false, nil, []string{"$249.00"}},
	}
	runProductCases(t, tests)
}

// productCase is a page for the product-page tests: whether it declares
// a product, and the phrases that must be cut and kept.
type productCase struct {
	name    string
	page    string
	product bool
	cut     []string
	keep    []string
}

// runProductCases extracts each case's page and checks its phrases.
func runProductCases(t *testing.T, tests []productCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(parsePage(t, `<html><body>`+tt.page+`</body></html>`), article.Metadata{Title: "Oak writing desk"}, Options{Product: tt.product})
			keepsAndDrops(t, keptText(res), tt.keep, tt.cut)
		})
	}
}
